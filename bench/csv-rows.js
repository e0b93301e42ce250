// What the bench's spreadsheet writers share: a CSV cell, and running one of them as a command.
import { writeFileSync } from 'node:fs';

/** A value as a CSV cell: quoted when it holds a quote, a comma or a line break. */
export const csvCell = (value) => (/[",\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/** Run as `node <script> <rows> <file.csv>`: writes make(rows) to the file, or says how to call it (exit 2) or why it could not (exit 1). */
export function rowsCommand(script, make) {
  const [rows, file] = process.argv.slice(2);
  if (!/^\d+$/.test(rows ?? '') || !file) {
    process.stderr.write(`usage: node ${script} <rows> <file.csv>\n`);
    process.exit(2);
  }
  try {
    writeFileSync(file, make(Number(rows)));
  } catch (error) {
    process.stderr.write(`${script}: could not write ${file}: ${error.message}\n`);
    process.exit(1);
  }
}
