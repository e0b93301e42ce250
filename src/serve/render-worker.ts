import { parentPort } from 'node:worker_threads';
import { InputError, TemplateError, UsageError } from '../errors.js';
import { prepare, type Renderer } from '../session/prepare.js';
import { firstPagePng } from './page-png.js';
import type { RenderAnswer, RenderJob } from './worker-messages.js';

/**
 * A render worker of `placard serve`: the same prepare() → render() as
 * `placard render`, off the server's main thread. Prepared sessions (one per
 * notice, size and arrangement recently asked for) are kept, so fonts and
 * templates load once per worker; the one pushed out is disposed.
 */
const KEEP = 8;
const prepared = new Map<string, Renderer>();
const port = parentPort!;

port.on('message', (job: RenderJob) => {
  void answer(job).then((reply) => {
    const bytes = reply.kind === 'notice' ? reply.pdf : reply.kind === 'png' ? reply.png : undefined;
    port.postMessage(reply, bytes ? [bytes.buffer as ArrayBuffer] : []);
  });
});

async function answer(job: RenderJob): Promise<RenderAnswer> {
  try {
    const result = await renderer(job).render(job.record);
    if (!result.ok) return { kind: 'problems', problems: result.problems, warnings: result.warnings };
    if (job.thumbnailWidth) return { kind: 'png', png: await firstPagePng(result.pdf, job.thumbnailWidth) };
    const { pdf, pageCount, languages, warnings } = result;
    return { kind: 'notice', pdf, pageCount, languages, warnings };
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError || error instanceof TemplateError) {
      return { kind: 'refused', message: error.message };
    }
    return { kind: 'internal', message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}

function renderer(job: RenderJob): Renderer {
  const key = JSON.stringify(job.session);
  let found = prepared.get(key);
  if (found)
    prepared.delete(key); // most recently used last
  else {
    found = prepare(job.session);
    if (prepared.size >= KEEP) {
      // The oldest session's caches go with it. A render does all its work before its first await, so none is using it.
      const oldest = prepared.keys().next().value!;
      prepared.get(oldest)!.dispose();
      prepared.delete(oldest);
    }
  }
  prepared.set(key, found);
  return found;
}
