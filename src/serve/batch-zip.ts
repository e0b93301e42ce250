import { readdirSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import yazl from 'yazl';
import { SECURITY_HEADERS } from './http-basics.js';

/**
 * Streams a finished batch's folder as a ZIP: every PDF (the combined one
 * too), manifest.json and errors.csv. Files are read as they are sent, so
 * memory does not grow with the batch. PDFs are stored, not deflated: they
 * are compressed already.
 */
export function sendBatchZip(response: ServerResponse, dir: string, name: string): void {
  const zip = new yazl.ZipFile();
  for (const file of readdirSync(dir).sort()) {
    if (file.startsWith('.')) continue; // temporary files of an atomic write
    if (!/\.(pdf|json|csv)$/.test(file)) continue;
    zip.addFile(join(dir, file), file, { compress: !file.endsWith('.pdf') });
  }
  zip.end();
  response.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/zip',
    'Content-Disposition': `attachment; filename="${name}"`,
    'Cache-Control': 'no-store',
  });
  zip.outputStream.on('error', () => response.destroy());
  zip.outputStream.pipe(response);
}
