import { sessionOptions } from '../session/session-options.js';
import { UsageError } from '../errors.js';
import type { RenderResult } from '../contract/public-api.js';
import { HttpError } from './http-basics.js';
import type { NoticeRequest } from './notice-request.js';
import type { RenderPool } from './render-pool.js';
import type { RenderQueue } from './render-queue.js';
import type { RenderAnswer, RenderJob } from './worker-messages.js';

/** How wide the picker's thumbnails are drawn, in pixels (shown at half that on a sharp screen). */
export const THUMBNAIL_WIDTH = 240;

/** A made-up business that fills every field a notice may print, for the picker's thumbnails. */
const SAMPLE = {
  name: 'Lake Street Tortillería',
  street: '1510 E Lake St',
  city: 'Minneapolis',
  region: 'MN',
  postal_code: '55407',
  phone: '612-555-0101',
  contact_name: 'Rosa Delgado',
  contact_role: 'Owner',
  private_areas: ['Kitchen', 'Storage room', 'Office'],
  jurisdiction: 'City of Minneapolis',
  order_number: 'Executive Order 2025-01',
  languages: 'en,es',
};

/**
 * Renders the form's notice through the same session API as `placard
 * render` (prepare → render), with the options the CLI would build from the
 * same flags, so the PDF is byte for byte the one the CLI makes. Every
 * render waits its turn in the one queue and runs on a worker thread.
 */
export class NoticeRenderer {
  private readonly thumbnails = new Map<string, Promise<Uint8Array>>();

  constructor(
    private readonly queue: RenderQueue,
    private readonly pool: RenderPool,
    private readonly env: Readonly<Record<string, string | undefined>>,
  ) {}

  async render(request: NoticeRequest, signal?: AbortSignal): Promise<RenderResult> {
    const answer = await this.run({ session: this.session(request.notice, request), record: request.record }, signal);
    if (answer.kind === 'notice') return { ok: true, ...answer };
    if (answer.kind === 'problems') return { ok: false, problems: answer.problems, warnings: answer.warnings };
    throw new Error(`a render worker answered ${answer.kind} for a notice`);
  }

  /** The first page of `notice` made for a sample business, as a PNG: made once per server start, then kept. */
  thumbnail(notice: string): Promise<Uint8Array> {
    let made = this.thumbnails.get(notice);
    if (!made) {
      made = this.run({ session: this.session(notice, {}), record: SAMPLE, thumbnailWidth: THUMBNAIL_WIDTH }).then((answer) => {
        if (answer.kind === 'png') return answer.png;
        throw new Error(`the sample business made no thumbnail of ${notice}: ${JSON.stringify(answer)}`);
      });
      made.catch(() => this.thumbnails.delete(notice)); // a failure (a busy server) is tried again next time
      this.thumbnails.set(notice, made);
    }
    return made;
  }

  private async run(job: RenderJob, signal?: AbortSignal): Promise<RenderAnswer> {
    const answer = await this.queue.run(() => this.pool.run(job), signal);
    if (answer.kind === 'refused') throw new HttpError(400, answer.message);
    if (answer.kind === 'internal') throw new Error(answer.message);
    return answer;
  }

  private session(notice: string, request: Pick<NoticeRequest, 'size' | 'arrange'>): RenderJob['session'] {
    try {
      return sessionOptions(
        notice,
        {
          templates: [],
          font: [],
          locales: [],
          ...(request.size ? { size: request.size } : {}),
          ...(request.arrange ? { arrange: request.arrange } : {}),
        },
        this.env,
      );
    } catch (error) {
      if (error instanceof UsageError) throw new HttpError(400, error.message);
      throw error;
    }
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
