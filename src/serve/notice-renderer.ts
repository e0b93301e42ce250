import { sessionOptions } from '../cli/session-flags.js';
import { InputError, UsageError } from '../errors.js';
import type { RenderResult } from '../contract/public-api.js';
import { prepare, type Renderer } from '../session/prepare.js';
import { HttpError } from './http-basics.js';
import type { NoticeRequest } from './notice-request.js';
import type { RenderQueue } from './render-queue.js';

/** Prepared sessions kept: one per notice, size and arrangement recently asked for. */
const KEEP = 12;

/**
 * Renders the form's notice through the same session API as `placard
 * render` (prepare → render), with the options the CLI would build from the
 * same flags, so the PDF is byte for byte the one the CLI makes.
 */
export class NoticeRenderer {
  private readonly prepared = new Map<string, Renderer>();

  constructor(
    private readonly queue: RenderQueue,
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  async render(request: NoticeRequest, signal?: AbortSignal): Promise<RenderResult> {
    return this.queue.run(async () => this.renderer(request).render(request.record), signal);
  }

  private renderer(request: NoticeRequest): Renderer {
    const key = JSON.stringify([request.notice, request.size ?? '', request.arrange ?? '']);
    let renderer = this.prepared.get(key);
    if (renderer) {
      this.prepared.delete(key); // most recently used last
    } else {
      try {
        renderer = prepare(
          sessionOptions(
            request.notice,
            {
              templates: [],
              font: [],
              locales: [],
              ...(request.size ? { size: request.size } : {}),
              ...(request.arrange ? { arrange: request.arrange } : {}),
            },
            this.env,
          ),
        );
      } catch (error) {
        if (error instanceof UsageError) throw new HttpError(400, error.message);
        if (error instanceof InputError) throw new HttpError(400, error.message);
        throw error;
      }
      if (this.prepared.size >= KEEP) this.prepared.delete(this.prepared.keys().next().value!);
    }
    this.prepared.set(key, renderer);
    return renderer;
  }
}

/** The render result as the page reads it: the PDF as base64, and every warning and problem with its field. */
export function renderJson(result: RenderResult): unknown {
  if (!result.ok) return { ok: false, problems: result.problems, warnings: result.warnings };
  return {
    ok: true,
    pdf: Buffer.from(result.pdf).toString('base64'),
    pageCount: result.pageCount,
    languages: result.languages,
    warnings: result.warnings,
  };
}
