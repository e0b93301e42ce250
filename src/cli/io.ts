import { terminalSafe } from '../text-hygiene.js';

/** Where the CLI writes: the one seam between the core and the process. */
export interface CliIO {
  readonly stdout: { write(chunk: string | Uint8Array): unknown; readonly isTTY?: boolean };
  readonly stderr: { write(chunk: string): unknown; readonly isTTY?: boolean };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where `placard init` reads answers; only a terminal (isTTY) is asked questions. */
  readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
}

/** info, warn and error lines all go through here, to stderr (stdout may carry a PDF). */
export class Reporter {
  constructor(private readonly io: CliIO) {}

  info(line: string): void {
    this.io.stderr.write(`${terminalSafe(line)}\n`);
  }

  warn(line: string): void {
    this.io.stderr.write(`warning: ${terminalSafe(line)}\n`);
  }

  error(line: string): void {
    this.io.stderr.write(`error: ${terminalSafe(line)}\n`);
  }
}
