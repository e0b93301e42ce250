import { Command } from 'commander';
import { EXIT, InputError } from '../errors.js';
import type { CliIO, Reporter } from './io.js';
import { addSessionFlags, collect, sessionOptions, type SessionFlags } from './session-flags.js';

interface RenderFlags extends SessionFlags {
  data?: string;
  set: string[];
  output?: string;
}

export function renderCommand(io: CliIO, reporter: Reporter, done: (code: number) => void): Command {
  const command = new Command('render')
    .description('render one notice to PDF')
    .argument('<template>', 'template or packet id, e.g. private-areas or business-packet')
    .option('--data <file>', 'business data as YAML or JSON')
    .option('--set <key=value>', 'set a business field (repeatable)', collect, []);
  return addSessionFlags(command)
    .option('-o, --output <file>', 'output PDF file, or - for stdout')
    .action(async (template: string, flags: RenderFlags) => {
      // Loaded here, not at the top: `placard --version` and other commands never pay for the renderer.
      const [{ prepare }, { readRecordWithWarnings }, { checkOutput, writeOutput }] = await Promise.all([
        import('../session/prepare.js'),
        import('../session/render-notice.js'),
        import('../write/safe-output.js'),
      ]);
      const options = sessionOptions(template, flags, io.env);
      const output = flags.output ?? defaultOutput(template, flags);
      const { record, warnings } = readRecordWithWarnings({ ...options, sets: flags.set, ...(flags.data ? { dataFile: flags.data } : {}) });
      for (const warning of warnings) reporter.warn(warning);
      const renderer = prepare(options);
      // Checked before the work: a bad output is refused at once, and never replaces an input.
      const target =
        output === '-' ? undefined : checkOutput(output, { inputs: [...renderer.inputs, ...(flags.data ? [flags.data] : [])] });
      const rendered = await renderer.render(record);
      for (const warning of rendered.warnings) reporter.warn(warning.message);
      if (!rendered.ok) throw new InputError(rendered.problems);
      if (!target) {
        io.stdout.write(rendered.pdf);
      } else {
        await writeOutput(target, rendered.pdf);
        reporter.info(`wrote ${output} (${rendered.pageCount} page${rendered.pageCount === 1 ? '' : 's'})`);
      }
      done(EXIT.ok);
    });
}

function defaultOutput(template: string, flags: RenderFlags): string {
  const name = flags.data?.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return `${name ? `${name}-` : ''}${template}.pdf`;
}
