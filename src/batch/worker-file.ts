import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The compiled worker script. From dist/ it sits beside this file; when
 * placard runs from its TypeScript sources (the tests), the compiled copy in
 * dist/ is used, since a worker thread cannot load TypeScript.
 */
export function workerFile(): string {
  const beside = fileURLToPath(new URL('./render-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  const compiled = fileURLToPath(new URL('../../dist/batch/render-worker.js', import.meta.url));
  if (existsSync(compiled)) return compiled;
  throw new Error(`the batch worker ${compiled} is missing; run "npm run build"`);
}
