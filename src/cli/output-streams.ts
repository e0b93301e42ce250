import { UsageError } from '../errors.js';
import type { CliIO } from './io.js';

/** Why a write failed, in words (EPIPE: the reader went away; ENOSPC: the disk is full). */
export function writeFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED' || code === 'ERR_STREAM_WRITE_AFTER_END') {
    return 'the program reading it closed it before the end';
  }
  if (code === 'ENOSPC') return 'the disk is full';
  if (code === 'EBADF') return 'it is closed';
  return (error as Error | undefined)?.message ?? String(error);
}

/**
 * Writes data (a PDF) to stdout and waits until it is written: a stdout that is closed, or whose reader goes away,
 * is exit 2 with a message, never a silent success. A stdout that is not a stream (a test's) is written at once.
 */
export async function writeStdout(io: CliIO, bytes: Uint8Array, what: string): Promise<void> {
  const stdout = io.stdout as CliIO['stdout'] & { once?: unknown; destroyed?: boolean; writable?: boolean };
  const refuse = (error: unknown) => new UsageError(`could not write ${what} to stdout: ${writeFailure(error)}; nothing was delivered`);
  if (stdout.destroyed === true || stdout.writable === false) throw refuse({ code: 'EBADF' });
  if (typeof stdout.once !== 'function') {
    stdout.write(bytes);
    return;
  }
  await new Promise<void>((resolve, reject) => {
    try {
      stdout.write(bytes, (error) => (error ? reject(refuse(error)) : resolve()));
    } catch (error) {
      reject(refuse(error));
    }
  });
}
