import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that run longest, slowest first (a full run's JSON report, 2026-12-02, after translation-files and
 * locales-hostile were made fast). vitest's own order without a results cache (a clean clone, as in CI) is the
 * largest file first, which left small but slow files for the end, on one core while the other had nothing left.
 */
const SLOW = [
  'test/batch/batch.e2e.test.ts',
  'test/hostile/shared-folder.property.test.ts',
  'test/pipeline/notice-set.test.ts',
  'test/cli/locales.e2e.test.ts',
  'test/deploy/k8s-job.test.ts',
  'test/batch/combined-duplex.test.ts',
  'test/deploy/parallel-recipe.test.ts',
  'test/pipeline/card-fit.test.ts',
  'test/batch/shared-folder.e2e.test.ts',
  'test/strings/stale-translations.test.ts',
  'test/serve/browser.test.ts',
  'test/read/city-workbooks.e2e.test.ts',
  'test/batch/fit-order.e2e.test.ts',
  'test/checks/check-template.test.ts',
  'test/pipeline/cards-and-staff-sheet.test.ts',
  'test/fill/vocabulary.test.ts',
  'test/serve/serve-command.test.ts',
  'test/pipeline/home-notice.test.ts',
  'test/serve/load.test.ts',
  'test/cli/locales-hostile.e2e.test.ts',
  'test/strings/translation-files.test.ts',
];

const rank = (spec: TestSpecification): number => {
  const index = SLOW.findIndex((file) => spec.moduleId.endsWith(file));
  return index < 0 ? SLOW.length : index;
};

/** vitest's order (slowest first by its results cache, else largest first), with the known slow files ahead. */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b));
  }
}
