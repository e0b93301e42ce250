import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { InputError, TemplateError, UsageError, type Problem } from '../errors.js';
import { fillTemplate } from '../fill/fill-template.js';
import { handlebars } from '../fill/handlebars-env.js';
import { noticeContext } from '../fill/notice-context.js';
import { themeSchema } from '../layout/theme.js';
import { parseMarkup } from '../parse/parse-markup.js';
import { MarkupError } from '../parse/xml-elements.js';
import { renderRecord, type Session } from '../pipeline.js';
import { prepareSession } from '../session/prepare-session.js';
import { planNotice } from '../validate/notice-plan.js';
import { manifestSchema } from '../templates/manifest.js';
import { sampleRuns, type SampleRun } from './sample-runs.js';
import { lineStarts, markSource, positionOf, unmark } from './source-marks.js';
import { yamlProblems } from './yaml-problems.js';
import { MAX_TEMPLATE_BYTES } from '../contract/input-limits.js';

/**
 * `placard templates check <dir>`: the manifest and theme against their
 * schemas, the markup through Handlebars, then sample renders (see
 * sample-runs.ts). Every problem names its file, and its line and column
 * wherever the problem has one; markup errors are traced back from the
 * filled markup to the line of template.hbs that wrote it.
 */
export async function checkTemplate(dir: string, localeDirs: readonly string[] = []): Promise<Problem[]> {
  const folder = resolve(dir);
  if (!existsSync(folder) || !statSync(folder).isDirectory())
    throw new UsageError(`templates check ${dir}: expected a template folder, found none`);
  const manifestFile = join(folder, 'template.yaml');
  const manifest = yamlProblems(manifestFile, manifestSchema);
  const problems: Problem[] = [...manifest.problems, ...yamlProblems(join(folder, 'theme.yaml'), themeSchema, true).problems];
  if (manifest.value && manifest.value.id !== basename(folder)) {
    const text = readFileSync(manifestFile, 'utf8');
    const at = positionOf(text, Math.max(0, text.search(/^id\s*:/m)));
    problems.push({
      file: manifestFile,
      ...at,
      message: `id "${manifest.value.id}" does not match the folder name "${basename(folder)}"; rename one`,
    });
  }
  const file = join(folder, 'template.hbs');
  if (!existsSync(file)) return [...problems, { file, line: 1, column: 1, message: 'is missing: a template folder needs one' }];
  const source = readFileSync(file, 'utf8');
  if (Buffer.byteLength(source) > MAX_TEMPLATE_BYTES)
    return [...problems, { file, line: 1, column: 1, message: `is larger than ${MAX_TEMPLATE_BYTES} bytes` }];
  if (problems.length > 0 || !manifest.value) return problems;
  try {
    handlebars.parse(source);
  } catch (error) {
    return [{ file, ...positionIn((error as Error).message, source), message: withoutPlace((error as Error).message) }];
  }
  const seen = new Set<string>();
  const first = prepareSession({ template: manifest.value.id, templateDirs: [dirname(folder)], localeDirs });
  for (const run of sampleRuns(manifest.value, source, first.translate)) {
    const problem = await renderSample(run, folder, localeDirs, source, file);
    const key = problem && `${problem.line}:${problem.column}:${problem.message}`;
    if (problem && !seen.has(key!)) {
      seen.add(key!);
      problems.push({ ...problem, message: `${problem.message} (sample: ${run.label}, ${run.languages.join('+')})` });
    }
  }
  return problems;
}

async function renderSample(run: SampleRun, folder: string, localeDirs: readonly string[], source: string, file: string) {
  let session: Session | undefined;
  try {
    session = prepareSession({
      template: basename(folder),
      templateDirs: [dirname(folder)],
      localeDirs,
      languages: run.languages,
      arrange: run.arrange,
      size: run.size,
    });
    await renderRecord(session, run.record);
    return undefined;
  } catch (error) {
    if (error instanceof InputError)
      return { file: join(folder, 'template.yaml'), message: `the sample data does not pass the manifest's fields: ${error.message}` };
    if (error instanceof MarkupError && session) return { file, ...markupPosition(session, run, source, error), message: error.detail };
    if (error instanceof TemplateError || error instanceof UsageError)
      return { file, ...positionIn(error.message, source), message: withoutPlace(error.message) };
    throw error;
  }
}

/** Fills the template again with each literal run marked, and finds the run the markup error lies in. */
function markupPosition(session: Session, run: SampleRun, source: string, error: MarkupError): { line?: number; column?: number } {
  const { marked, literals } = markSource(source, handlebars.parse(source));
  const plan = planNotice(run.record, session.options, session.template, session.locales);
  const filled = fillTemplate(marked, 'template.hbs', noticeContext(plan), {
    translate: session.translate,
    languages: plan.languages,
    arrange: plan.arrange,
  });
  const map = unmark(filled, literals);
  try {
    parseMarkup(map.text, 'template');
  } catch (again) {
    if (!(again instanceof MarkupError)) return {};
    const starts = lineStarts(map.text);
    let offset = (starts[again.line - 1] ?? 0) + Math.max(0, again.column - 1);
    // saxes places an element just after its opening tag: point at the tag itself.
    if (again.detail.startsWith('<')) offset = Math.max(0, map.text.lastIndexOf('<', offset));
    return positionOf(source, map.sourceOffset(offset));
  }
  return { line: error.line, column: error.column };
}

/** Where Handlebars, the unsafe-markup check or a missing string puts the problem in template.hbs. */
function positionIn(message: string, source: string): { line?: number; column?: number } {
  const written = /line (\d+), column (\d+)/.exec(message);
  if (written) return { line: Number(written[1]), column: Number(written[2]) };
  const thrown = / - (\d+):(\d+)$/m.exec(message);
  if (thrown) return { line: Number(thrown[1]), column: Number(thrown[2]) + 1 };
  const parse = /Parse error on line (\d+):\n(.*)\n(-*)\^/.exec(message);
  if (parse) {
    const line = Number(parse[1]);
    const past = parse[2]!.slice(0, parse[3]!.length).replace(/^\.\.\./, '');
    const start = lineStarts(source)[line - 1] ?? 0;
    const end = source.indexOf('\n', start) === -1 ? source.length : source.indexOf('\n', start);
    for (let column = end - start; column >= 0; column--)
      if (
        source
          .slice(0, start + column)
          .replace(/\n/g, '')
          .endsWith(past)
      )
        return { line, column: column + 1 };
    return { line };
  }
  const key = /has no string "([^"]+)"/.exec(message);
  const at = key ? source.indexOf(`"${key[1]}"`) : -1;
  return at >= 0 ? positionOf(source, at) : {};
}

/** The message without the file name and position that the problem carries apart. */
function withoutPlace(message: string): string {
  return message
    .replace(/^.*?template\.hbs:\s*/s, '')
    .replace(/^line \d+, column \d+:\s*/, '')
    .replace(/ - \d+:\d+$/m, '');
}
