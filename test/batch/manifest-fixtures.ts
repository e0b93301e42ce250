import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ManifestEntry, ManifestHeader } from '../../src/batch/manifest.js';
import { sha256Hex } from '../../src/batch/resume.js';

export const HEADER: ManifestHeader = {
  placard_version: '0.1.0',
  template: 'private-areas',
  input: { file: 'businesses.csv', sha256: sha256Hex('the input') },
  options: { languages: ['en', 'es'], size: 'letter', arrange: null, rights_url: null },
};

/** A plausible entry for the record at `index` (spreadsheet row index + 2). */
export function entry(index: number, changes: Partial<ManifestEntry> = {}): ManifestEntry {
  return {
    row: index + 2,
    index,
    id: `CITY-${index}`,
    name: `Business ${index}`,
    file: `CITY-${index}-private-areas.pdf`,
    sha256: sha256Hex(`pdf ${index}`),
    template: 'private-areas',
    languages: ['en', 'es'],
    warnings: [],
    record_sha256: sha256Hex(`record ${index}`),
    ...changes,
  };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'placard-batch-'));
}
