import { Command } from 'commander';
import { EXIT, InputError, UsageError } from '../errors.js';
import type { RawRecord } from '../contract/record.js';
import type { CliIO, Reporter } from './io.js';
import { writeStdout } from './output-streams.js';
import { addSessionFlags, collect, sessionOptions, type SessionFlags } from './session-flags.js';
import { unquotedSetHint } from './set-hint.js';

interface RenderFlags extends SessionFlags {
  data?: string;
  set: string[];
  output?: string;
}

/** The kept file (CliIO.kept) of render's fit hints. */
const FIT_HINTS_FILE = 'fit-hints.json';

/** One business is a few hundred bytes; stdin, like a data file, stops at 1 MB. */
const MAX_STDIN_BYTES = 1024 * 1024;

export function renderCommand(io: CliIO, reporter: Reporter, done: (code: number) => void): Command {
  const command = new Command('render')
    .description('render one notice to PDF')
    .argument('<template>', 'template or packet id, e.g. private-areas or business-packet')
    .option('--data <file>', 'business data as YAML or JSON, or - to read it from stdin')
    .option('--set <key=value>', 'set a business field (repeatable); quote values with spaces', collect, [])
    // Extra words are almost always an unquoted --set value; the action says so instead of commander's count.
    .allowExcessArguments();
  return addSessionFlags(command)
    .option('-o, --output <file>', 'output PDF file, or - for stdout (not a terminal)')
    .action(async (template: string, flags: RenderFlags, self: Command) => {
      const extra = self.args.slice(1);
      if (extra.length > 0) throw new UsageError(unquotedSetHint(rawArgs(self), extra));
      const output = flags.output ?? defaultOutput(template, flags);
      if (output === '-' && io.stdout.isTTY) {
        throw new UsageError(
          '-o - writes the PDF to stdout, and stdout is a terminal: the PDF would fill the screen. ' +
            `Redirect it (placard render ${template} … -o - > notice.pdf), pipe it (… -o - | lp), or give a file: -o notice.pdf`,
        );
      }
      // Loaded here, not at the top: `placard --version` and other commands never pay for the renderer.
      const [{ prepare }, { readRecordWithWarnings }, { checkOutput, writeOutput }, { checkBusinessDataFile }, hints] = await Promise.all([
        import('../session/prepare.js'),
        import('../session/render-notice.js'),
        import('../write/safe-output.js'),
        import('./data-file-kind.js'),
        import('../layout/fit-hints.js'),
      ]);
      const options = sessionOptions(template, flags, io.env);
      const fromFile = flags.data !== undefined && flags.data !== '-' ? flags.data : undefined;
      if (fromFile) checkBusinessDataFile(fromFile, template);
      const fromStdin = flags.data === '-' ? await readStdinRecord(io) : {};
      const read = readRecordWithWarnings({ ...options, sets: flags.set, ...(fromFile ? { dataFile: fromFile } : {}) });
      for (const warning of read.warnings) reporter.warn(warning);
      const record = { ...fromStdin, ...read.record };
      // Where auto-fit starts, as the last render left it: fewer attempts, the same PDF (layout/fit-hints.ts).
      const keptHints = io.kept?.read(FIT_HINTS_FILE, hints.FIT_HINTS_MAX_BYTES);
      const renderer = prepare({ ...options, fitHints: hints.readFitHints(keptHints) });
      // Checked before the work: a bad output is refused at once, and never replaces an input.
      const target = output === '-' ? undefined : checkOutput(output, { inputs: [...renderer.inputs, ...(fromFile ? [fromFile] : [])] });
      const rendered = await renderer.render(record);
      for (const warning of rendered.warnings) reporter.warn(warning.message);
      if (!rendered.ok) throw new InputError(rendered.problems);
      if (!target) {
        await writeStdout(io, rendered.pdf, 'the PDF');
      } else {
        await writeOutput(target, rendered.pdf);
        reporter.info(`wrote ${output} (${rendered.pageCount} page${rendered.pageCount === 1 ? '' : 's'})`);
      }
      const found = hints.writeFitHints(renderer.fitHints());
      if (found !== keptHints) io.kept?.write(FIT_HINTS_FILE, found);
      done(EXIT.ok);
    });
}

/** `--data -`: one business as YAML or JSON from stdin, which must not be a terminal (nobody types YAML at a prompt). */
async function readStdinRecord(io: CliIO): Promise<RawRecord> {
  const stdin = io.stdin;
  if (!stdin) throw new UsageError('--data - reads the business from stdin, and there is none here; give a file: --data business.yaml');
  if (stdin.isTTY) {
    throw new UsageError(
      '--data - reads the business from stdin, and stdin is a terminal; pipe a file in (placard render … --data - < business.yaml)',
    );
  }
  const [{ parseBusinessText }, { decodeUtf8 }] = await Promise.all([import('../read/business-file.js'), import('../read/text-file.js')]);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stdin) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    total += bytes.length;
    if (total > MAX_STDIN_BYTES) throw new UsageError('--data -: stdin holds more than 1 MB; expected one business as YAML or JSON');
    chunks.push(bytes);
  }
  const text = decodeUtf8(Buffer.concat(chunks), 'stdin');
  if (text.trim() === '') throw new UsageError('--data -: stdin was empty; expected one business as YAML or JSON');
  return parseBusinessText(text, 'stdin');
}

/** The arguments as typed (commander keeps them on the program, untyped), to rebuild the command in a hint. */
function rawArgs(command: Command): string[] {
  return (command.parent as (Command & { rawArgs?: string[] }) | null)?.rawArgs ?? [];
}

function defaultOutput(template: string, flags: RenderFlags): string {
  const name = flags.data === '-' ? undefined : flags.data?.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return `${name ? `${name}-` : ''}${template}.pdf`;
}
