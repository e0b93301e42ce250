import { parentPort, workerData } from 'node:worker_threads';
import { InputError, TemplateError, UsageError } from '../errors.js';
import type { SessionOptions } from '../contract/public-api.js';
import { prepare } from '../session/prepare.js';
import type { RenderTask, TaskResult } from './worker-protocol.js';

/**
 * A batch worker: prepares its render session once, then renders the rows
 * it is sent. Problems with a row come back as data; a template or usage
 * error (the same for every row) and an internal error are reported too, so
 * the main thread decides what happens next.
 */
const port = parentPort!;
const renderer = prepare(workerData as SessionOptions);

port.on('message', (task: RenderTask) => {
  void run(task).then((result) => {
    const transfer = result.kind === 'done' && result.pdf ? [result.pdf.buffer as ArrayBuffer] : [];
    port.postMessage(result, transfer);
  });
});

async function run(task: RenderTask): Promise<TaskResult> {
  try {
    if (task.layoutOnly) {
      const laid = renderer.layout(task.record);
      return {
        kind: 'done',
        index: task.index,
        warnings: laid.warnings,
        languages: [],
        pageCount: laid.pages.length,
        pages: laid.pages,
      };
    }
    const rendered = await renderer.renderWithPages(task.record);
    return {
      kind: 'done',
      index: task.index,
      pdf: rendered.pdf,
      warnings: rendered.warnings,
      languages: rendered.languages,
      pageCount: rendered.pageCount,
      ...(task.withPages ? { pages: rendered.pages } : {}),
    };
  } catch (error) {
    if (error instanceof InputError) return { kind: 'problems', index: task.index, problems: error.problems };
    if (error instanceof UsageError || error instanceof TemplateError) return { kind: 'usage', index: task.index, message: error.message };
    return { kind: 'internal', index: task.index, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
