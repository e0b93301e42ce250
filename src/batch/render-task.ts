import { InputError, TemplateError, UsageError } from '../errors.js';
import type { Renderer } from '../session/prepare.js';
import { OutputFolder } from '../write/safe-output.js';
import { noticeLimitProblem } from './notice-limits.js';
import { sha256Hex } from './resume.js';
import type { RenderTask, TaskResult, WorkerSetup } from './worker-protocol.js';

/** A row rendered: its answer, and the PDF still to write before the answer holds (none for a problem or a layout). */
interface RenderedRow {
  readonly result: TaskResult;
  readonly pdf?: Uint8Array;
}

/**
 * Renders one row and writes its PDF into the output folder (atomically: a temporary file renamed into place),
 * answering with its sha256, so no PDF crosses to the caller. Problems with a row come back as data; a template
 * or usage error (the same for every row), a PDF it could not write and an internal error are reported too, so
 * the caller decides what happens next. A batch worker runs it for the rows it is sent, and the main thread for
 * its own. Written synchronously: creating and renaming the file costs CPU, not waiting (it blocks rarely: measured
 * here, 0.3-0.4 ms of CPU a file and one voluntary context switch in six files), so a hop to libuv's threads only
 * added a thread switch per step; it looked faster on a busy machine only because two threads get two shares.
 */
export async function renderTask(renderer: Renderer, folder: OutputFolder | undefined, task: RenderTask): Promise<TaskResult> {
  const { result, pdf } = await renderRow(renderer, task);
  if (!pdf) return result;
  try {
    if (!folder || task.file === undefined) throw new Error('a row to render came with no file to write');
    // A link planted at the row's name is replaced, never followed.
    folder.write(task.file, pdf);
    return result;
  } catch (error) {
    return writeFailure(task, error);
  }
}

/** `renderTask` up to the PDF, which is written before the answer holds. */
async function renderRow(renderer: Renderer, task: RenderTask): Promise<RenderedRow> {
  try {
    if (task.layoutOnly) {
      const laid = renderer.layout(task.record);
      const tooLarge = noticeLimitProblem(laid.pages.length, undefined);
      if (tooLarge) return { result: { kind: 'problems', index: task.index, problems: [{ message: tooLarge }] } };
      const pageCount = laid.pages.length;
      return { result: { kind: 'done', index: task.index, warnings: laid.warnings, languages: [], pageCount, pages: laid.pages } };
    }
    const rendered = await renderer.renderWithPages(task.record);
    const tooLarge = noticeLimitProblem(rendered.pageCount, rendered.pdf.length);
    if (tooLarge) return { result: { kind: 'problems', index: task.index, problems: [{ message: tooLarge }] } };
    const result: TaskResult = {
      kind: 'done',
      index: task.index,
      sha256: sha256Hex(rendered.pdf),
      warnings: rendered.warnings,
      languages: rendered.languages,
      pageCount: rendered.pageCount,
      ...(task.withPages ? { pages: rendered.pages } : {}),
    };
    return { result, pdf: rendered.pdf };
  } catch (error) {
    return { result: failure(task, error) };
  }
}

/** The output folder the rows' PDFs go to, made once for the renderer's rows. */
export function rowFolder(output: WorkerSetup['output']): OutputFolder | undefined {
  return output ? new OutputFolder(output.dir, { inputs: output.inputs, tempTag: output.tempTag }) : undefined;
}

/** A PDF that could not be written (a full disk, a folder at its name) stops the run; anything else is a bug. */
function writeFailure(task: RenderTask, error: unknown): TaskResult {
  if (error instanceof UsageError) return { kind: 'unwritable', index: task.index, message: error.message };
  return failure(task, error);
}

function failure(task: RenderTask, error: unknown): TaskResult {
  if (error instanceof InputError) return { kind: 'problems', index: task.index, problems: error.problems };
  if (error instanceof UsageError || error instanceof TemplateError) return { kind: 'usage', index: task.index, message: error.message };
  return { kind: 'internal', index: task.index, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
