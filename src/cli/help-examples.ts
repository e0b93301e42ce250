/**
 * Examples printed after each command's --help, by command path. main() adds them to every command, so the
 * commands' own files stay about what they do; a test checks that every command has some.
 */
export const EXAMPLES: Readonly<Record<string, readonly string[]>> = {
  '': ['placard init', 'placard render private-areas --data business.yaml --lang en,es', 'placard templates list'],
  render: [
    'placard render private-areas --data business.yaml --lang en,es',
    'placard render private-areas --set name="Hodan Halal Market" --set contact_name=Hodan --lang en,so -o door.pdf',
    'placard render business-packet --data business.yaml --lang en,es,vi --size a4',
    'placard render staff-only --data - -o - < business.yaml > notice.pdf',
  ],
  batch: [
    'placard batch private-areas --data businesses.csv --out-dir notices',
    'placard batch business-packet --data city.xlsx --sheet Businesses --out-dir notices --combined all.pdf',
    'placard batch private-areas --data businesses.csv --out-dir notices --resume',
    'placard batch staff-only --data big.csv --out-dir notices --shard 1/4',
  ],
  templates: ['placard templates list', 'placard templates show private-areas'],
  'templates list': ['placard templates list', 'placard templates list --templates ./my-templates --json'],
  'templates show': ['placard templates show private-areas', 'placard templates show business-packet'],
  'templates check': ['placard templates check ./my-templates/door-sign', 'placard templates check ./door-sign --locales ./my-locales'],
  locales: ['placard locales list', 'placard locales check es', 'placard locales new de --dir ./my-locales'],
  'locales list': ['placard locales list', 'placard locales list --locales ./my-locales --json'],
  'locales check': ['placard locales check', 'placard locales check so am --locales ./my-locales'],
  'locales new': ['placard locales new de --dir ./my-locales', 'placard locales new pt-BR --dir ./my-locales'],
  'locales export': ['placard locales export es --format po', 'placard locales export de --locales ./my-locales --format xliff -o de.xlf'],
  'locales import': ['placard locales import es.po', 'placard locales import de.xlf --locales ./my-locales'],
  fonts: ['placard fonts list', 'placard fonts check am'],
  'fonts list': ['placard fonts list'],
  'fonts check': ['placard fonts check am', 'placard fonts check my --font ./Padauk-Regular.ttf'],
  manifest: ['placard manifest merge notices -o notices/manifest.json'],
  'manifest merge': ['placard manifest merge notices -o notices/manifest.json', 'placard manifest merge shard-1 shard-2 > manifest.json'],
  init: ['placard init', 'placard init --dir ./my-shop'],
  serve: ['placard serve --open', 'placard serve --host 0.0.0.0 --port 8080'],
  'locales confirm': ['placard locales confirm es --key staff-sheet:step_calm', 'placard locales confirm de --locales ./my-locales'],
  completion: [
    'placard completion bash >> ~/.bashrc',
    'placard completion zsh > "${fpath[1]}/_placard"',
    'placard completion fish > ~/.config/fish/completions/placard.fish',
  ],
};

/** The "Examples:" block commander prints after a command's help (addHelpText('after', …)). */
export function examples(lines: readonly string[]): string {
  return `\nExamples:\n${lines.map((line) => `  $ ${line}`).join('\n')}\n`;
}
