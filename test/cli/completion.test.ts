import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

async function script(shell: string): Promise<string> {
  let out = '';
  const io: CliIO = { stdout: { write: (chunk) => (out += String(chunk)) }, stderr: { write: () => true }, env: {} };
  expect(await main(['completion', shell], io)).toBe(0);
  return out;
}

const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;

/** What bash offers for the words typed so far (the last one being completed), using the generated script. */
function complete(file: string, words: readonly string[]): string[] {
  const quoted = words.map((word) => `'${word}'`).join(' ');
  const result = spawnSync(
    'bash',
    ['-c', `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _placard; printf '%s\\n' "\${COMPREPLY[@]}"`],
    { encoding: 'utf8' },
  );
  expect(result.stderr).toBe('');
  return result.stdout.split('\n').filter(Boolean);
}

describe('placard completion', () => {
  it.runIf(hasBash)('bash completes commands, subcommands, options, choices and template ids', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'placard-completion-')), 'placard.bash');
    writeFileSync(file, await script('bash'));
    expect(complete(file, ['placard', 're'])).toEqual(['render']);
    expect(complete(file, ['placard', 'templates', ''])).toEqual(['list', 'show', 'check', '--help']);
    expect(complete(file, ['placard', 'render', 'priv'])).toEqual(['private-areas']);
    expect(complete(file, ['placard', 'render', 'business'])).toEqual(['business-packet']);
    expect(complete(file, ['placard', 'render', 'private-areas', '--si'])).toEqual(['--size']);
    expect(complete(file, ['placard', 'render', 'private-areas', '--size', 'a'])).toEqual(['a4']);
    expect(complete(file, ['placard', 'batch', 'x', '--format', 'x'])).toEqual(['xlsx']);
    expect(complete(file, ['placard', 'locales', 'list', '--'])).toContain('--json');
    // A value that is not a file or a choice gets nothing, rather than file names.
    expect(complete(file, ['placard', 'render', 'x', '--lang', ''])).toEqual([]);
  });

  it('zsh loads the same function through bashcompinit', async () => {
    const zsh = await script('zsh');
    // zsh ties path to PATH and words to the command line being completed: the function must not set them.
    expect(zsh).not.toMatch(/\b(path|words)=/);
    expect(zsh.split('\n').slice(0, 2)).toEqual(['#compdef placard', 'autoload -U +X bashcompinit && bashcompinit']);
    expect(zsh).toContain('complete -o default -F _placard placard');
  });

  it('fish gets one complete line per subcommand and option, with choices and descriptions', async () => {
    const fish = await script('fish');
    const lines = fish.split('\n').filter((line) => line && !line.startsWith('#'));
    expect(lines.every((line) => line.startsWith('complete -c placard'))).toBe(true);
    expect(fish).toContain("complete -c placard -n '__fish_use_subcommand' -a render -d 'render one notice to PDF'");
    expect(fish).toMatch(/-n '__fish_seen_subcommand_from render' -l size -x -a 'letter a4 legal tabloid/);
    expect(fish).toMatch(/-n '__fish_seen_subcommand_from templates; and not __fish_seen_subcommand_from list show check' -a list/);
  });

  it('refuses a shell it does not know, with exit 2', async () => {
    let err = '';
    const io: CliIO = { stdout: { write: () => true }, stderr: { write: (chunk) => (err += chunk) }, env: {} };
    expect(await main(['completion', 'powershell'], io)).toBe(2);
    expect(err).toContain('bash, zsh, fish');
  });
});
