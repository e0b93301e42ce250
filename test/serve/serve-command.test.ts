import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN, placard } from '../cli/run-placard.js';

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
