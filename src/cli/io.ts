import { codeOf, terminalSafe } from '../contract/text-hygiene.js';

/** Where the CLI writes: the one seam between the core and the process. */
export interface CliIO {
  readonly stdout: { write(chunk: string | Uint8Array, callback?: (error?: Error | null) => void): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where `placard init` reads answers, and `render --data -` its data; only a terminal (isTTY) is asked questions. */
  readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  /** Small files a run keeps for the next one (bin/load-bundle.js keeps them with its code cache); none here, none kept. */
  readonly kept?: KeptFiles;
}

/** A cache of small text files, by name: whatever one holds, it is only a cache, and failing to keep one is no error. */
export interface KeptFiles {
  /** The file's text, or undefined when there is none, it is no plain file, is larger than `maxBytes`, or cannot be read. */
  read(name: string, maxBytes: number): string | undefined;
  /** Keeps `text` whole or not at all. */
  write(name: string, text: string): void;
}

/**
 * info, warn and error lines all go through here, to stderr (stdout may carry a PDF). A stderr that cannot be
 * written (full, closed) loses the line and nothing else: a warning never stops a run.
 */
export class Reporter {
  constructor(private readonly io: CliIO) {}

  info(line: string): void {
    writeMessage(this.io, `${line}\n`);
  }

  warn(line: string): void {
    writeMessage(this.io, `warning: ${line}\n`);
  }

  error(line: string): void {
    writeMessage(this.io, `error: ${line}\n`);
  }
}

/** Every message to stderr, made terminal-safe; a failing stderr is ignored. */
export function writeMessage(io: CliIO, text: string): void {
  try {
    io.stderr.write(terminalSafe(text));
  } catch {
    // Nowhere left to say it.
  }
}

/** A listing line for stdout (templates list, locales list): what templates and locales say about themselves, terminal-safe. */
export function say(io: CliIO, text: string): void {
  io.stdout.write(terminalSafe(text));
}

/** Characters JSON.stringify leaves raw that would still reorder or garble a terminal showing the JSON. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/g;

/** `--json` output: one JSON document, with bidi and C1 controls written as \u escapes (still the same JSON). */
export function sayJson(io: CliIO, value: unknown): void {
  const text = JSON.stringify(value, null, 2).replace(JSON_UNSAFE, (char) => `\\u${codeOf(char).slice(2).toLowerCase()}`);
  io.stdout.write(`${text}\n`);
}
