import yauzl from 'yauzl';
import { startServer, type RunningServer, type ServeOptions } from '../../src/serve/server.js';

/** A server on a free loopback port, with its log kept for the test to read. */
export async function testServer(options: Partial<ServeOptions> = {}): Promise<RunningServer & { log: string[] }> {
  const log: string[] = [];
  const running = await startServer({ port: 0, host: '127.0.0.1', env: {}, log: (line) => log.push(line), ...options });
  return Object.assign(running, { log });
}

/** A POST as the server's own page sends it. */
export function post(server: RunningServer, path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(new URL(path, server.url), {
    method: 'POST',
    // A fresh connection each time: a test that blocks this process (spawnSync) would otherwise race the server's keep-alive timeout.
    headers: { 'Content-Type': 'application/json', Origin: server.url.replace(/\/$/, ''), Connection: 'close', ...headers },
    body: typeof body === 'string' || body instanceof Uint8Array ? body : JSON.stringify(body),
  });
}

export const SHOP = {
  notice: 'private-areas',
  languages: ['en', 'so'],
  fields: { name: 'Lake Street Tortillería', private_areas: 'Kitchen; Office', contact_name: 'Ana Ruiz', 'contact_role.so': 'Milkiilaha' },
};

export interface BatchStatus {
  state: string;
  total: number;
  made: number;
  failed: number;
  problems: { row: number; field?: string; reason: string }[];
}

/** The entries of a ZIP, by name. */
export async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((done, fail) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, file) => (error ? fail(error) : done(file))),
  );
  const entries = new Map<string, Buffer>();
  await new Promise<void>((done, fail) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          entries.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on('end', () => done());
    zip.on('error', fail);
    zip.readEntry();
  });
  return entries;
}

/** Polls a batch until it is no longer running (the test's own timeout bounds the wait). */
export async function finished(url: string, id: string): Promise<BatchStatus> {
  for (;;) {
    const status = (await (await fetch(new URL(`/api/batch/${id}`, url))).json()) as BatchStatus;
    if (status.state !== 'running') return status;
    await new Promise((done) => setTimeout(done, 200));
  }
}
