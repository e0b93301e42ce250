import { Command, Option } from 'commander';
import { EXIT, InputError, UsageError } from '../errors.js';
import { PAGE_SIZE_NAMES, type PageSizeName } from '../layout/page-sizes.js';
import type { SessionOptions } from '../request.js';
import { prepare } from '../session/prepare.js';
import { readRecord } from '../session/render-notice.js';
import { checkOutput, writeOutput } from '../write/safe-output.js';
import { ARRANGEMENTS, type Arrangement } from '../templates/manifest.js';
import type { CliIO, Reporter } from './io.js';

interface RenderFlags {
  data?: string;
  set: string[];
  lang?: string;
  arrange?: Arrangement;
  size?: PageSizeName;
  rightsUrl?: string;
  templates: string[];
  font: string[];
  output?: string;
  requireReviewed?: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function renderCommand(io: CliIO, reporter: Reporter, done: (code: number) => void): Command {
  return new Command('render')
    .description('render one notice to PDF')
    .argument('<template>', 'template id, e.g. private-areas')
    .option('--data <file>', 'business data as YAML or JSON')
    .option('--set <key=value>', 'set a business field (repeatable)', collect, [])
    .option('--lang <codes>', 'comma-separated languages, e.g. en,es')
    .addOption(new Option('--arrange <arrangement>', 'how languages share the paper').choices(ARRANGEMENTS))
    .addOption(new Option('--size <size>', 'paper size').choices(PAGE_SIZE_NAMES))
    .option('--rights-url <url>', 'link for the QR code (https: or http:)')
    .option('--templates <dir>', 'a folder of extra templates (repeatable)', collect, [])
    .option('--font <file>', 'a TTF/OTF font to try first (repeatable)', collect, [])
    .option('--require-reviewed', 'refuse draft translations')
    .option('-o, --output <file>', 'output PDF file, or - for stdout')
    .action(async (template: string, flags: RenderFlags) => {
      const options = toOptions(template, flags, io.env);
      const output = flags.output ?? defaultOutput(template, flags);
      const record = readRecord({ ...options, sets: flags.set, ...(flags.data ? { dataFile: flags.data } : {}) });
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

/** SOURCE_DATE_EPOCH, when set: whole seconds since 1970, up to the year 9999. */
function sourceDateEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 253_402_300_799) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (like 1764115200), found "${value}"`);
  }
  return Number(value);
}

function toOptions(template: string, flags: RenderFlags, env: CliIO['env']): SessionOptions {
  const epoch = sourceDateEpoch(env.SOURCE_DATE_EPOCH);
  return {
    template,
    templateDirs: flags.templates,
    fonts: flags.font,
    ...(flags.lang
      ? {
          languages: flags.lang
            .split(',')
            .map((code) => code.trim())
            .filter(Boolean),
        }
      : {}),
    ...(flags.arrange ? { arrange: flags.arrange } : {}),
    ...(flags.size ? { size: flags.size } : {}),
    ...(flags.rightsUrl !== undefined ? { rightsUrl: flags.rightsUrl } : {}),
    ...(flags.requireReviewed ? { requireReviewed: true } : {}),
    ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
  };
}

function defaultOutput(template: string, flags: RenderFlags): string {
  const name = flags.data?.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  return `${name ? `${name}-` : ''}${template}.pdf`;
}
