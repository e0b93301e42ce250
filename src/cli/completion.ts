import type { Command } from 'commander';
import { type Option } from 'commander';
import { UsageError } from '../errors.js';

/**
 * `placard completion bash|zsh|fish`: a completion script made from commander's own data (the commands, their
 * options, which options take a value and the choices of those that have them), so it cannot drift from the CLI.
 * No library: the maintained ones (tabtab, omelette) want a hook in the running program or write to the user's
 * shell files themselves; a generated script is printed, and the user decides where it goes.
 */
export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** One command as completion sees it. */
interface Node {
  readonly path: string[];
  readonly description: string;
  readonly subcommands: readonly string[];
  readonly options: readonly Option[];
  /** The command's first argument is a template or packet id. */
  readonly takesTemplate: boolean;
}

function nodes(program: Command): Node[] {
  const all: Node[] = [];
  const visit = (command: Command, path: string[]) => {
    all.push({
      path,
      description: command.description(),
      subcommands: command.commands.map((sub) => sub.name()),
      options: command.options.filter((option) => !option.hidden),
      takesTemplate: ['template', 'id'].includes(command.registeredArguments[0]?.name() ?? ''),
    });
    for (const sub of command.commands) visit(sub, [...path, sub.name()]);
  };
  visit(program, []);
  return all;
}

const flagsOf = (option: Option) => [option.long, option.short].filter((flag): flag is string => flag !== undefined);
const takesValue = (option: Option) => option.required || option.optional;
/** What an option's value is, from its placeholder: <file> and <dir> complete paths, other values nothing. */
const valueKind = (option: Option): 'choice' | 'file' | 'dir' | 'other' =>
  option.argChoices ? 'choice' : /<(file|files)\b/.test(option.flags) ? 'file' : /<(dir|folder)\b/.test(option.flags) ? 'dir' : 'other';
const shellWords = (words: readonly string[]) => words.join(' ').replace(/'/g, '');

export function completionScript(shell: Shell, program: Command, templateIds: readonly string[]): string {
  const tree = nodes(program);
  if (shell === 'fish') return fishScript(tree, templateIds);
  const bash = bashScript(tree, templateIds);
  // zsh runs bash completion functions through its own bashcompinit layer.
  return shell === 'zsh' ? `#compdef placard\nautoload -U +X bashcompinit && bashcompinit\n${bash}` : bash;
}

function bashScript(tree: readonly Node[], templateIds: readonly string[]): string {
  const steps = tree.flatMap((node) => node.subcommands.map((sub) => `'${node.path.join(' ')}:${sub}'`));
  const values = tree.flatMap((node) =>
    node.options.filter(takesValue).flatMap((option) =>
      flagsOf(option).map((flag) => {
        const kind = valueKind(option);
        const reply =
          kind === 'choice'
            ? `$(compgen -W '${shellWords(option.argChoices!)}' -- "$cur")`
            : kind === 'file'
              ? '$(compgen -f -- "$cur")'
              : kind === 'dir'
                ? '$(compgen -d -- "$cur")'
                : '';
        return `    '${node.path.join(' ')}:${flag}') COMPREPLY=(${reply}); return ;;`;
      }),
    ),
  );
  const words = tree.map((node) => {
    const list = [...node.subcommands, ...node.options.flatMap(flagsOf), '--help'];
    const ids = node.takesTemplate ? ` ${shellWords(templateIds)}` : '';
    return `    '${node.path.join(' ')}') candidates='${shellWords(list)}${ids}' ;;`;
  });
  return `# placard completion for bash (placard completion bash >> ~/.bashrc)
_placard() {
  local cur=\${COMP_WORDS[COMP_CWORD]} prev=\${COMP_WORDS[COMP_CWORD-1]} cmdpath='' candidates='' i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "$cmdpath:\${COMP_WORDS[i]}" in
      ${steps.join('|')}) cmdpath="\${cmdpath:+$cmdpath }\${COMP_WORDS[i]}" ;;
    esac
  done
  case "$cmdpath:$prev" in
${values.join('\n')}
  esac
  case "$cmdpath" in
${words.join('\n')}
  esac
  COMPREPLY=($(compgen -W "$candidates" -- "$cur"))
}
complete -o default -F _placard placard
`;
}

function fishScript(tree: readonly Node[], templateIds: readonly string[]): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const lines = [
    '# placard completion for fish (placard completion fish > ~/.config/fish/completions/placard.fish)',
    'complete -c placard -f',
  ];
  for (const node of tree) {
    // At this command: every word of its path seen, and none of the words that would go one level deeper.
    const here = [
      node.path.length === 0 ? '__fish_use_subcommand' : node.path.map((word) => `__fish_seen_subcommand_from ${word}`).join('; and '),
      ...(node.path.length > 0 && node.subcommands.length > 0 ? [`not __fish_seen_subcommand_from ${node.subcommands.join(' ')}`] : []),
    ].join('; and ');
    const condition = `-n ${quote(here)}`;
    const children = tree.filter(
      (other) => other.path.length === node.path.length + 1 && node.path.every((word, i) => other.path[i] === word),
    );
    for (const sub of children) lines.push(`complete -c placard ${condition} -a ${sub.path.at(-1)!} -d ${quote(sub.description)}`);
    if (node.takesTemplate && templateIds.length > 0) lines.push(`complete -c placard ${condition} -a ${quote(templateIds.join(' '))}`);
    for (const option of node.options) {
      const flags = [option.long ? `-l ${option.long.slice(2)}` : '', option.short ? `-s ${option.short.slice(1)}` : ''].filter(Boolean);
      const kind = valueKind(option);
      const value =
        kind === 'choice'
          ? `-x -a ${quote(option.argChoices!.join(' '))}`
          : kind === 'file'
            ? '-r -F'
            : kind === 'dir'
              ? "-x -a '(__fish_complete_directories)'"
              : takesValue(option)
                ? '-x'
                : '';
      lines.push(`complete -c placard ${condition} ${[...flags, value].filter(Boolean).join(' ')} -d ${quote(option.description)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function parseShell(value: string): Shell {
  const shell = SHELLS.find((name) => name === value.trim().toLowerCase());
  if (!shell) throw new UsageError(`placard completion knows ${SHELLS.join(', ')}; found "${value}"`);
  return shell;
}
