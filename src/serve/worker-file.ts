import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker script of the server's, compiled: from dist/ it sits beside this
 * file; when placard runs from its TypeScript sources (the tests), the copy in
 * dist/ is used, since a worker thread cannot load TypeScript (as batch's
 * workerFile does for its render worker).
 */
export function serveWorkerFile(name: 'render-worker' | 'batch-worker'): string {
  const beside = fileURLToPath(new URL(`./${name}.js`, import.meta.url));
  if (existsSync(beside)) return beside;
  const compiled = fileURLToPath(new URL(`../../dist/serve/${name}.js`, import.meta.url));
  if (existsSync(compiled)) return compiled;
  throw new Error(`the server's worker ${compiled} is missing; run "npm run build"`);
}
