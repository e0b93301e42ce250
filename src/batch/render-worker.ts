import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, TemplateError, UsageError } from '../errors.js';
import { prepare } from '../session/prepare.js';
import { checkOutput, writeOutputSync } from '../write/safe-output.js';
import { noticeLimitProblem } from './notice-limits.js';
import { sha256Hex } from './resume.js';
import type { RenderTask, TaskResult, WorkerSetup } from './worker-protocol.js';

/**
 * A batch worker: prepares its render session once, then renders the rows it
 * is sent, in order, one at a time. It writes each PDF into the output folder
 * itself (atomically: a temporary file renamed into place) and sends back its
 * sha256, so no PDF crosses to the main thread. Problems with a row come back
 * as data; a template or usage error (the same for every row), a PDF it could
 * not write and an internal error are reported too, so the main thread
 * decides what happens next.
 */
const port = parentPort!;
const setup = workerData as WorkerSetup;
const renderer = prepare(setup.session);
const queue: RenderTask[] = [];
let running = false;

port.on('message', (tasks: readonly RenderTask[]) => {
  queue.push(...tasks);
  if (!running) void renderQueue();
});

/** Renders what is queued, answering each row as soon as it is done (rows sent meanwhile join the queue). */
async function renderQueue(): Promise<void> {
  running = true;
  for (let task = queue.shift(); task; task = queue.shift()) port.postMessage(await run(task));
  running = false;
}

async function run(task: RenderTask): Promise<TaskResult> {
  try {
    if (task.layoutOnly) {
      const laid = renderer.layout(task.record);
      const tooLarge = noticeLimitProblem(laid.pages.length, undefined);
      if (tooLarge) return { kind: 'problems', index: task.index, problems: [{ message: tooLarge }] };
      return { kind: 'done', index: task.index, warnings: laid.warnings, languages: [], pageCount: laid.pages.length, pages: laid.pages };
    }
    const rendered = await renderer.renderWithPages(task.record);
    const tooLarge = noticeLimitProblem(rendered.pageCount, rendered.pdf.length);
    if (tooLarge) return { kind: 'problems', index: task.index, problems: [{ message: tooLarge }] };
    // Hashed first, so the answer is posted right after the rename: a run stopped by a signal records a PDF it sees.
    const sha256 = sha256Hex(rendered.pdf);
    const unwritable = write(task, rendered.pdf);
    if (unwritable) return unwritable;
    return {
      kind: 'done',
      index: task.index,
      sha256,
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

/**
 * Writes the row's PDF as the main thread did: a link planted at its name is replaced, never followed. Written
 * synchronously: the worker has nothing else to do meanwhile, and a hop to libuv's threads left it idle.
 */
function write(task: RenderTask, pdf: Uint8Array): TaskResult | undefined {
  const { output } = setup;
  if (!output || task.file === undefined)
    return { kind: 'internal', index: task.index, message: 'a row to render came with no file to write' };
  try {
    writeOutputSync(checkOutput(join(output.dir, task.file), { inputs: output.inputs, replaceLinks: true, tempTag: output.tempTag }), pdf);
    return undefined;
  } catch (error) {
    if (error instanceof UsageError) return { kind: 'unwritable', index: task.index, message: error.message };
    throw error;
  }
}
