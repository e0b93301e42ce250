import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that run longest, slowest first, as CI runs them: with poppler, pdfminer, translate-toolkit, GNU parallel
 * and Chromium installed (.ci/run), so the files that skip without them are here too (a full run's JSON report with
 * those tools, 2026-12-02, less what later commits took off). vitest's own order without a results cache (a clean
 * clone, as in CI) is the largest file first, which left small but slow files for the end: translate-toolkit, slow
 * only where its tools are, ran last, alone on one core for its whole length.
 */
const SLOW = [
  'test/serve/browser.test.ts',
  'test/pipeline/notice-set.test.ts',
  'test/pipeline/reader-matrix.test.ts',
  'test/pipeline/every-locale.test.ts',
  'test/batch/batch.e2e.test.ts',
  'test/batch/combined-duplex.test.ts',
  'test/strings/translate-toolkit.test.ts',
  'test/serve/serve-command.test.ts',
  'test/serve/load.test.ts',
  'test/pipeline/card-fit.test.ts',
  'test/fill/markup-shapes.property.test.ts',
  'test/deploy/parallel-recipe.test.ts',
  'test/batch/shared-folder.e2e.test.ts',
  'test/hostile/shared-folder.property.test.ts',
  'test/fill/markup-shapes.review.test.ts',
  'test/cli/render.e2e.test.ts',
  'test/strings/translation-files.test.ts',
  'test/pipeline/cards-and-staff-sheet.test.ts',
  'test/fill/vocabulary.test.ts',
  'test/cli/locales-hostile.e2e.test.ts',
  'test/cli/locales.e2e.test.ts',
  'test/cli/streams-and-signals.e2e.test.ts',
  'test/deploy/k8s-job.test.ts',
  'test/serve/batch-api.test.ts',
  'test/serve/thumbnails.test.ts',
  'test/strings/stale-translations.test.ts',
  'test/serve/hostile.test.ts',
  'test/pipeline/visual-regression.test.ts',
  'test/layout/sign-matrix-public-property.test.ts',
  'test/cli/main.test.ts',
  'test/helpers/pdf-reader.test.ts',
  'test/checks/check-template.test.ts',
  'test/layout/qr-block.test.ts',
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
