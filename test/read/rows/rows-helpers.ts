import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import { openRows, type ReadRowsOptions } from '../../../src/read/rows/read-rows.js';
import type { RowEvent, RowSource } from '../../../src/read/rows/row-source.js';

/** A fresh temporary folder; the caller removes it. */
export function tempDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `placard-rows-${name}-`));
}

/** Opens a file and reads every row. */
export async function readAll(file: string, options: ReadRowsOptions = {}): Promise<{ source: RowSource; events: RowEvent[] }> {
  const source = await openRows(file, options);
  const events: RowEvent[] = [];
  for await (const event of source.rows()) events.push(event);
  return { source, events };
}

/** The error of the given class that `action` rejects with; fails the test otherwise. */
export async function rejected<E extends Error>(type: new (...args: never[]) => E, action: () => Promise<unknown>): Promise<E> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(type);
    return error as E;
  }
  throw new Error(`expected a ${type.name}`);
}

/** Writes a file in `dir` and gives its path. */
export function write(dir: string, name: string, content: string | Uint8Array): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}
