import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const mtime = (file: string): number => statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? -1;

/** Whether dist/ holds a compiled file for every source in src/, each written after the newest source and tsconfig.json. */
function distIsCurrent(): boolean {
  const sources = readdirSync('src', { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
  const newestInput = Math.max(mtime('tsconfig.json'), ...sources.map((name) => mtime(join('src', name))));
  const outputs = sources.filter((name) => !name.endsWith('.d.ts')).map((name) => mtime(join('dist', name.replace(/\.ts$/, '.js'))));
  // The bin runs the bundle (scripts/bundle.js), made from the same sources after tsc.
  return Math.min(...outputs, mtime('dist/bundle/placard.cjs')) >= newestInput;
}

/**
 * End-to-end tests run the real bin, which runs dist/bundle/: build it from the current sources first, unless dist/ is
 * already newer than every source (as right after `npm ci`, whose `prepare` builds it): a whole compile of src/
 * saved on each run.
 */
export default function setup(): void {
  if (distIsCurrent()) return;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle.js'], { stdio: 'inherit' });
}
