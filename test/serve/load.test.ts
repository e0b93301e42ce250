import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../cli/run-placard.js';

/**
 * Load on loopback only, against the real `placard serve` in its own
 * process, so its memory is its own: the peak resident size (VmHWM) is read
 * from /proc. Counts are bounded; times are reported, never asserted.
 */
let child: ChildProcess;
let url: string;

beforeAll(async () => {
  child = spawn(process.execPath, [BIN, 'serve', '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  url = await new Promise<string>((resolve, reject) => {
    let text = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const found = /open (http:\/\/127\.0\.0\.1:\d+\/)/.exec(text);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`placard serve exited ${code}: ${text}`)));
  });
});
afterAll(() => {
  child?.kill('SIGTERM');
});

function peakMemoryMb(): number | undefined {
  const status = `/proc/${child.pid}/status`;
  if (!existsSync(status)) return undefined;
  const peak = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
  return peak ? Number(peak[1]) / 1024 : undefined;
}

function preview(index: number): Promise<Response> {
  return fetch(new URL('/api/render', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: url.replace(/\/$/, '') },
    body: JSON.stringify({
      notice: 'private-areas',
      languages: ['en', 'es'],
      fields: { name: `Corner Shop ${index}`, private_areas: 'Kitchen; Office', contact_name: `Person ${index}` },
    }),
  });
}

describe('placard serve under load (loopback)', () => {
  it('answers 200 concurrent previews, every one a PDF, with bounded memory', { timeout: 900_000 }, async () => {
    const before = peakMemoryMb();
    const started = Date.now();
    const answers = await Promise.all(Array.from({ length: 200 }, (_, index) => preview(index)));
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as { ok: boolean; pdf?: string }[];
    expect(answers.map((answer) => answer.status).filter((status) => status !== 200)).toEqual([]);
    expect(bodies.filter((body) => !body.ok || !body.pdf)).toEqual([]);
    const peak = peakMemoryMb();
    console.log(
      `serve load: 200 concurrent previews in ${((Date.now() - started) / 1000).toFixed(1)} s; server peak RSS ${before?.toFixed(0)} MB before, ${peak?.toFixed(0)} MB after`,
    );
    if (peak !== undefined) expect(peak).toBeLessThan(1024);
  });

  it('meets 1,000 requests at once with an answer or a clear 4xx, and keeps serving', { timeout: 900_000 }, async () => {
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, index) =>
        preview(index).then(async (answer) => ({ status: answer.status, body: await answer.text() })),
      ),
    );
    const statuses = new Map<number, number>();
    for (const { status } of answers) statuses.set(status, (statuses.get(status) ?? 0) + 1);
    console.log(
      `serve load: 1,000 at once: ${[...statuses].map(([status, count]) => `${count} × ${status}`).join(', ')}; peak RSS ${peakMemoryMb()?.toFixed(0)} MB`,
    );
    // How many wait and how many are told to come back (429) depends on the machine's speed; none may be a 5xx.
    expect([...statuses.keys()].filter((status) => status !== 200 && status !== 429 && status !== 408)).toEqual([]);
    expect(answers.filter(({ status, body }) => status === 429 && !body.includes('busy'))).toEqual([]);
    const health = await fetch(new URL('/healthz', url));
    expect(health.status).toBe(200);
    if (peakMemoryMb() !== undefined) expect(peakMemoryMb()).toBeLessThan(1024);
  });
});
