import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hasTool } from '../helpers/system-tools.js';

/**
 * A PDF is sound when qpdf finds nothing wrong with its structure and
 * poppler reads its text without a single complaint (poppler, unlike
 * qpdf, notices NaN in a content stream). Each check runs where its tool is
 * installed (.ci/run installs both).
 */
export function checkPdf(bytes: Uint8Array): void {
  if (new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') throw new Error('not a PDF');
  const dir = mkdtempSync(join(tmpdir(), 'placard-pdf-check-'));
  try {
    const file = join(dir, 'check.pdf');
    writeFileSync(file, bytes);
    if (hasTool('qpdf')) {
      const qpdf = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
      if (qpdf.status !== 0) throw new Error(`qpdf --check failed (${qpdf.status}): ${qpdf.stdout}${qpdf.stderr}`);
    }
    if (hasTool('pdftotext')) {
      const poppler = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
      if (poppler.status !== 0 || poppler.stderr.trim() !== '') {
        throw new Error(`pdftotext complained (${poppler.status}): ${poppler.stderr}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
