import type { IncomingMessage, ServerResponse } from 'node:http';

/** An answer to a request that went wrong in a way the client can fix: a status and a plain message, never a stack trace. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

/**
 * Sent with every response. The page runs only its own scripts (no inline
 * script, no eval), loads nothing from elsewhere, and may not be framed.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob: data:",
    "connect-src 'self'",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; '),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

export function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string | Uint8Array,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Content-Length': String(typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength),
    'Cache-Control': 'no-store',
    ...headers,
  });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, value: unknown, headers: Readonly<Record<string, string>> = {}): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(value), headers);
}

/** An error as the client sees it: { error } and the status; anything that is not an HttpError is a 500 with no details. */
export function sendError(response: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) {
    sendJson(response, error.status, { error: error.message }, error.headers);
  } else {
    sendJson(response, 500, { error: 'placard met a problem it did not expect; the server log has the details' });
  }
}

/**
 * The request body, refused past `limit` bytes (413) without reading the
 * rest: a Content-Length over the limit is refused before any byte is read.
 */
export async function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Streams the body to `write`, refused past `limit` bytes like readBody. */
export async function pipeBody(request: IncomingMessage, limit: number, write: (chunk: Buffer) => Promise<void>): Promise<number> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > limit) throw tooLarge(limit);
    await write(chunk);
  }
  return size;
}

function tooLarge(limit: number): HttpError {
  const size = limit >= 1024 * 1024 ? `${limit / (1024 * 1024)} MB` : `${limit / 1024} KB`;
  return new HttpError(413, `the request is larger than ${size}, the most this server accepts here`, { Connection: 'close' });
}

/** A JSON object body, or a 400 saying what was expected. */
export async function readJsonObject(request: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\b/i.test(type)) throw new HttpError(415, 'send the details as JSON (Content-Type: application/json)');
  const body = await readBody(request, limit);
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    throw new HttpError(400, 'the request body is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'the request body must be a JSON object');
  return value as Record<string, unknown>;
}

/**
 * A POST must come from this server's own page: a browser says so in
 * Sec-Fetch-Site, or in an Origin naming the host it asked. A request that
 * says neither (no browser sends such a POST) is refused too, so a page on
 * another site can never make this server work for it.
 */
export function checkSameOrigin(request: IncomingMessage): void {
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') throw crossOrigin();
  const origin = request.headers.origin;
  if (origin === undefined) {
    if (site === 'same-origin') return;
    throw crossOrigin();
  }
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    throw crossOrigin();
  }
  if (host !== request.headers.host) throw crossOrigin();
}

function crossOrigin(): HttpError {
  return new HttpError(403, 'this request did not come from this server’s own page, so it was refused');
}
