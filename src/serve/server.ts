import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { defaultJobs } from '../batch/cpu-count.js';
import { BatchJobs, type BatchLimits } from './batch-jobs.js';
import { sendBatchZip } from './batch-zip.js';
import { checkSameOrigin, HttpError, readJsonObject, send, sendError, sendJson } from './http-basics.js';
import { catalogJson, noticeCatalog } from './notice-catalog.js';
import { NoticeRenderer, renderJson } from './notice-renderer.js';
import { businessYaml, readNoticeRequest } from './notice-request.js';
import { chooseLanguage, pageLanguages, pageStrings } from './page-strings.js';
import { RenderPool } from './render-pool.js';
import { RenderQueue, type QueueLimits } from './render-queue.js';
import { pageHtml, staticFiles, WEB_DIR } from './static-files.js';

export interface ServeOptions {
  readonly port: number;
  readonly host: string;
  /** The environment the CLI would read (SOURCE_DATE_EPOCH), so the server's PDFs match `placard render`'s. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where the server writes what went wrong inside it (never sent to a client). */
  readonly log?: (line: string) => void;
  /** Render threads for previews and downloads; default one per core the process may use. */
  readonly renderWorkers?: number;
  readonly queue?: Partial<Omit<QueueLimits, 'concurrency'>>;
  readonly batch?: Partial<BatchLimits>;
}

export interface RunningServer {
  readonly server: Server;
  readonly url: string;
  readonly batches: BatchJobs;
  close(): Promise<void>;
}

/** The form's JSON: the largest a form with every field at its limit can be, with room to spare. */
const FORM_BYTES = 256 * 1024;

/** Starts `placard serve`: the page, its assets and the API over the session and batch runners. */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const catalog = noticeCatalog();

  const assets = staticFiles();
  const template = readFileSync(join(WEB_DIR, 'index.html'), 'utf8');
  const pool = new RenderPool(options.renderWorkers ?? defaultJobs(), log);
  // The queue hands out as many renders at once as there are render threads; the rest wait (bounded) or get a 429.
  const queue = new RenderQueue({ maxWaiting: 256, waitMs: 300_000, ...options.queue, concurrency: pool.size });
  const renderer = new NoticeRenderer(queue, pool, options.env);
  const batches = new BatchJobs(
    catalog,
    options.env,
    { uploadBytes: 32 * 1024 * 1024, jobs: 4, keepMs: 30 * 60 * 1000, workers: 1, ...options.batch },
    log,
  );

  const catalogBody = JSON.stringify({ ...(catalogJson(catalog) as object), limits: { uploadBytes: batches.limits.uploadBytes } });

  const routes = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://placard.invalid');
    const path = url.pathname;
    const method = request.method ?? 'GET';
    if (method === 'POST') checkSameOrigin(request);
    else if (method !== 'GET' && method !== 'HEAD')
      throw new HttpError(405, 'this server answers GET and POST only', { Allow: 'GET, POST' });

    if (method !== 'POST') {
      if (path === '/') {
        const page = pageStrings(chooseLanguage(url.searchParams.get('lang'), request.headers['accept-language']));
        const html = pageHtml(template, page, pageLanguages());
        return send(response, 200, 'text/html; charset=utf-8', html, { 'Content-Language': page.lang, Vary: 'Accept-Language' });
      }
      const asset = assets.get(path);
      if (asset) return send(response, 200, asset.type, asset.body, { 'Cache-Control': 'no-cache' });
      if (path === '/api/catalog') return send(response, 200, 'application/json; charset=utf-8', catalogBody);
      const thumbnail = /^\/api\/thumbnail\/([a-z0-9-]+)\.png$/.exec(path);
      if (thumbnail) {
        if (!catalog.has(thumbnail[1]!)) throw new HttpError(404, 'there is no such notice on this server');
        const png = await renderer.thumbnail(thumbnail[1]!);
        return send(response, 200, 'image/png', png, { 'Cache-Control': 'max-age=3600' });
      }
      if (path === '/healthz') return sendJson(response, 200, { ok: true, queue: queue.size });
      const batch = /^\/api\/batch\/([^/]+)(\/zip)?$/.exec(path);
      if (batch?.[2]) {
        const { dir, notice } = batches.output(batch[1]!);
        return sendBatchZip(response, dir, `${notice}-notices.zip`);
      }
      if (batch) return sendJson(response, 200, batches.status(batch[1]!));
      throw new HttpError(404, 'there is nothing at this address');
    }

    if (path === '/api/render' || path === '/api/business-yaml') {
      const notice = readNoticeRequest(await readJsonObject(request, FORM_BYTES), catalog);
      if (path === '/api/business-yaml') {
        return send(response, 200, 'application/yaml; charset=utf-8', businessYaml(notice), {
          'Content-Disposition': 'attachment; filename="business.yaml"',
        });
      }
      const aborted = new AbortController();
      response.on('close', () => {
        if (!response.writableFinished) aborted.abort();
      });
      // Connection: close, because Node starts a kept-alive socket's idle timer (keepAliveTimeout) once the body is handed
      // to the socket, and destroys it, with what the client has not read yet, when a client is slow to read a large
      // PDF; a closing connection is flushed first, however long the client takes.
      return sendJson(response, 200, renderJson(await renderer.render(notice, aborted.signal)), { Connection: 'close' });
    }
    if (path === '/api/batch') {
      const uploaded = await batches.upload(request, url.searchParams.get('name') ?? '', url.searchParams.get('notice') ?? '');
      return sendJson(response, 200, uploaded);
    }
    const start = /^\/api\/batch\/([^/]+)\/start$/.exec(path);
    if (start) {
      const body = await readJsonObject(request, FORM_BYTES);
      const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value.slice(0, 400) : undefined);
      const flags = Object.fromEntries(
        Object.entries({ size: text(body.size), arrange: text(body.arrange), lang: text(body.lang) }).filter(
          ([, value]) => value !== undefined,
        ),
      );
      batches.start(start[1]!, text(body.notice) ?? '', flags, body.columns);
      return sendJson(response, 202, batches.status(start[1]!));
    }
    throw new HttpError(404, 'there is nothing at this address');
  };

  const server = createServer((request, response) => {
    routes(request, response).catch((error: unknown) => {
      if (!(error instanceof HttpError))
        log(`placard serve: ${request.method} ${request.url}: ${(error as Error)?.stack ?? String(error)}`);
      if (error instanceof HttpError && error.status === 499) return response.destroy();
      // A refused body is not read: once the answer is out, the connection is closed rather than the rest awaited.
      if (error instanceof HttpError && error.status === 413) response.once('finish', () => request.destroy());
      sendError(response, error);
    });
  });
  // Renders run on worker threads; the bounds still leave room for a slow client on a busy machine.
  server.headersTimeout = 60_000;
  server.requestTimeout = 300_000;
  server.keepAliveTimeout = 5_000;
  server.maxHeadersCount = 100;
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      // A port in use leaves no temporary folder and no thread behind.
      void Promise.all([batches.close(), pool.close()]).finally(() => reject(error));
    });
    server.listen(options.port, options.host, () => {
      server.removeAllListeners('error');
      server.on('error', (error) => log(`placard serve: ${error.stack ?? String(error)}`)); // logged, never a crash
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${host}:${address.port}/`,
    batches,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all([batches.close(), pool.close()]);
    },
  };
}
