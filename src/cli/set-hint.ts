import { printable } from '../contract/text-hygiene.js';

/** An argument as a shell would need it typed: quoted when it holds spaces or shell characters. */
export function shellQuote(arg: string): string {
  if (/^[\w@%+=:,./-]+$/u.test(arg)) return arg;
  if (!/["\\$`!]/.test(arg)) return `"${arg}"`;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The message for words left over after the template id. After a --set (`--set name=Hodan Halal Market`),
 * the shell split a value at its spaces: say so, and show the command with the value quoted.
 */
export function unquotedSetHint(rawArgs: readonly string[], extra: readonly string[]): string {
  const leftover = new Set(extra);
  const fixed: string[] = [];
  let joined = false;
  for (let i = 0; i < rawArgs.length; i++) {
    const arg = rawArgs[i]!;
    const inline = arg.startsWith('--set=');
    if ((arg === '--set' && i + 1 < rawArgs.length) || inline) {
      let value = inline ? arg.slice('--set='.length) : rawArgs[++i]!;
      while (i + 1 < rawArgs.length && leftover.has(rawArgs[i + 1]!) && !rawArgs[i + 1]!.startsWith('-')) {
        value += ` ${rawArgs[++i]}`;
        joined = true;
      }
      const at = value.indexOf('=');
      // name="Hodan Halal Market", as a person types it: the key bare, the value quoted.
      const key = value.slice(0, at + 1);
      fixed.push('--set', at > 0 && /^[\w-]+=$/.test(key) ? `${key}${shellQuote(value.slice(at + 1))}` : shellQuote(value));
    } else fixed.push(shellQuote(arg));
  }
  if (joined) {
    return `too many arguments: the shell split a --set value at its spaces. Put values with spaces in quotes:\n  placard ${printable(fixed.join(' '), 400)}`;
  }
  return `render takes one template id, and found more: ${extra.map((word) => `"${printable(word, 40)}"`).join(', ')}; put values with spaces in quotes`;
}
