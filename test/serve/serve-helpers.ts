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
