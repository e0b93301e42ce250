import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, placard, tempDir } from '../cli/run-placard.js';

describe('placard serve (the command)', () => {
  it('serves the page on loopback and stops cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', () => {
        const found = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
        if (found) resolve(found[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form id="notice-form"');
    const exit = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
    expect(stderr).toContain('placard serve: stopped');
  });

  it('refuses a port that is not one, as a usage error', () => {
    const run = placard(['serve', '--port', 'eighty']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a port number from 0 to 65535');
  });

  it('says so when the port is taken (exit 2)', async () => {
    const { createServer } = await import('node:net');
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    const run = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('exit', (code) => resolve({ code, stderr }));
    });
    taken.close();
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`127.0.0.1:${port} is already in use`);
  });

  it('is listed in placard --help', () => {
    const run = placard(['--help']);
    expect(run.stdout.toString()).toMatch(/serve \[options\]\s+the same notices from a local web page/);
  });
});

/** Starts `placard serve --open` with PATH holding only `bin` (and node), and answers its stderr once the server is up and the opener has had its say. */
async function serveOpen(bin: string): Promise<{ url: string; stderr: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--open'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, PATH: bin },
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', () => {
      const found = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return {
    url,
    get stderr() {
      return stderr;
    },
    stop: async () => {
      const exit = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exit;
    },
  };
}

describe('placard serve --open', () => {
  it('hands the address to the system’s opener (xdg-open), which shows the form', async () => {
    const bin = tempDir();
    const opened = join(bin, 'opened.txt');
    writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`, { mode: 0o755 });
    const served = await serveOpen(`${bin}:/usr/bin:/bin`);
    await expect.poll(() => existsSync(opened) && readFileSync(opened, 'utf8'), { timeout: 30_000 }).toBe(served.url);
    const page = await (await fetch(served.url)).text();
    expect(page).toContain('<form id="notice-form"');
    expect(served.stderr).not.toContain('could not open');
    await served.stop();
  });

  it('says how to open the page when there is no browser, and keeps serving', async () => {
    const bin = tempDir(); // no xdg-open at all, as on a server without a desktop
    const served = await serveOpen(bin);
    await expect.poll(() => served.stderr, { timeout: 30_000 }).toContain('could not open a web browser (xdg-open is not installed)');
    expect(served.stderr).toContain(`open ${served.url} in one yourself`);
    expect((await fetch(served.url)).status).toBe(200);
    await served.stop();
  });
});
