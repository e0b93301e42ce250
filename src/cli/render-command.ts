import { Command, Option } from 'commander';
import { EXIT, UsageError } from '../errors.js';
import { PAGE_SIZE_NAMES, type PageSizeName } from '../layout/page-sizes.js';
import { renderNotice, renderNoticeToFile } from '../pipeline.js';
import type { RenderRequest } from '../request.js';
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
      const request = toRequest(template, flags, io.env);
      const output = flags.output ?? defaultOutput(template, flags);
      const rendered = output === '-' ? await renderNotice(request) : await renderNoticeToFile(request, output);
      for (const warning of rendered.warnings) reporter.warn(warning);
      if (output === '-') io.stdout.write(rendered.pdf);
      else reporter.info(`wrote ${output} (${rendered.pageCount} page${rendered.pageCount === 1 ? '' : 's'})`);
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

function toRequest(template: string, flags: RenderFlags, env: CliIO['env']): RenderRequest {
  const epoch = sourceDateEpoch(env.SOURCE_DATE_EPOCH);
  return {
    template,
    sets: flags.set,
    templateDirs: flags.templates,
    fonts: flags.font,
    ...(flags.data ? { dataFile: flags.data } : {}),
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
