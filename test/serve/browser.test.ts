import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placard, tempDir } from '../cli/run-placard.js';
import { decodeAllQr } from '../helpers/qr-codes.js';
import { hasTool, pdftotext } from '../helpers/system-tools.js';
import { axeViolations, CHROMIUM } from './browser-helpers.js';
import { testServer, unzip } from './serve-helpers.js';

let server: Awaited<ReturnType<typeof testServer>>;
let browser: Browser;

beforeAll(async () => {
  if (!CHROMIUM) return;
  server = await testServer();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh page with the given language and width; any CSP violation or page error fails the test. */
async function open(options: { locale?: string; width?: number; path?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({
    locale: options.locale ?? 'en-US',
    viewport: { width: options.width ?? 1200, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(new URL(options.path ?? '/', server.url).href);
  await page.waitForSelector('html[data-ready="true"]');
  return { page, errors };
}

function noticeIds(page: Page): Promise<(string | null)[]> {
  return page.locator('#notice-cards input[name="notice"]').evaluateAll((inputs) => inputs.map((input) => input.getAttribute('value')));
}

async function expectAccessible(page: Page, state: string): Promise<void> {
  expect(await axeViolations(page), state).toEqual([]);
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync((await download.path())!);
}

// A real browser on a shared machine: generous time for each test (they assert nothing about time).
describe.skipIf(!CHROMIUM)('placard serve in Chromium', { timeout: 240_000 }, () => {
  it('fills the form for an en+so notice with the keyboard, previews it, and downloads the PDF placard render makes', async () => {
    const { page, errors } = await open();
    await expectAccessible(page, 'empty form');

    // "A business or a home?" is asked only when some notice is for homes (audience: home), and then lists only those.
    const catalog = (await (await fetch(new URL('/api/catalog', server.url))).json()) as { notices: { id: string; audience: string }[] };
    const homes = catalog.notices.filter((notice) => notice.audience === 'home').map((notice) => notice.id);
    expect(await page.locator('#audience').isHidden()).toBe(homes.length === 0);
    if (homes.length > 0) {
      await page.getByLabel('A home', { exact: true }).check();
      expect(await noticeIds(page)).toEqual(homes);
      await page.getByLabel('A business', { exact: true }).check();
    }
    // Each notice is a radio button with its title, its manifest's description and a thumbnail the server drew with the real engine.
    const shown = catalog.notices.filter((notice) => notice.audience !== 'home' || homes.length === 0);
    expect(await noticeIds(page)).toEqual(shown.map((notice) => notice.id));
    await expect
      .poll(
        () =>
          page
            .locator('#notice-cards img')
            .evaluateAll((images) => images.every((image) => (image as unknown as { naturalWidth: number }).naturalWidth === 240)),
        { timeout: 120_000 },
      )
      .toBe(true);
    await page.getByRole('radio', { name: /^Private areas door notice/ }).check();
    expect(await page.locator('#notice-cards input:checked').getAttribute('value')).toBe('private-areas');

    // Languages: found by own name and by English name, with Enter; then put in order with a button.
    await page.getByLabel('Find a language').fill('Soomaali');
    await page.keyboard.press('Enter');
    await page.getByLabel('Find a language').fill('english');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Move up: English (English)' }).press('Enter');
    await expect
      .poll(() => page.locator('#lang-chosen li').evaluateAll((items) => items.map((item) => item.getAttribute('data-code'))))
      .toEqual(['en', 'so']);

    await page.getByLabel('Name of the business').fill('Lake Street Tortillería');
    await page.getByLabel('Areas that are not open to the public', { exact: true }).fill('Kitchen; Office');
    await page.getByLabel('Person to ask for').fill('Ana Ruiz');
    await page.getByLabel('Their role, like Owner or Manager, in Soomaali').fill('Milkiilaha');
    await expect.poll(() => page.locator('#preview-status').textContent()).toMatch(/Preview updated. Pages in the PDF: \d+/);
    const first = Number(await page.locator('#preview').getAttribute('data-generation'));
    await expect.poll(() => page.locator('#problem-languages').textContent()).toContain('draft');
    await expectAccessible(page, 'filled form with preview');

    await page.getByLabel('Person to ask for').fill('Rosa Delgado');
    await expect.poll(async () => Number(await page.locator('#preview').getAttribute('data-generation'))).toBeGreaterThan(first);
    await expect.poll(() => page.locator('#preview-status').textContent()).toMatch(/Preview updated/);

    const pdf = await downloaded(page, () => page.getByRole('button', { name: 'Download the PDF' }).click());
    const yaml = await downloaded(page, () => page.getByRole('button', { name: 'Download the details (business.yaml)' }).click());
    const dir = tempDir();
    writeFileSync(join(dir, 'business.yaml'), yaml);
    const run = placard(['render', 'private-areas', '--data', 'business.yaml', '-o', 'out.pdf'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(pdf.equals(readFileSync(join(dir, 'out.pdf')))).toBe(true);
    if (hasTool('pdftotext')) {
      const text = pdftotext(new Uint8Array(pdf));
      expect(text).toContain('Lake Street Tortillería');
      expect(text).toContain('Rosa Delgado');
      expect(text).toContain('Milkiilaha');
    }
    expect((await decodeAllQr(new Uint8Array(pdf))).some((url) => url.startsWith('https://'))).toBe(true);

    // A problem sits next to its field and is announced.
    await page.getByLabel('Name of the business').fill('');
    await page.getByLabel('Person to ask for').fill('Rosa');
    await page.getByRole('button', { name: 'Download the PDF' }).click();
    await expect.poll(() => page.locator('#field-name-message').textContent()).toMatch(/required/);
    expect(await page.getByLabel('Name of the business').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'form with a problem');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('reads a workbook, shows its columns, follows the batch and downloads the ZIP', async () => {
    const { page, errors } = await open();
    await page.getByLabel('Spreadsheet (.xlsx, .csv or .tsv)').setInputFiles(resolve('test/fixtures/serve/shops.xlsx'));
    await page.getByRole('button', { name: 'Read the spreadsheet' }).click();
    await expect.poll(() => page.locator('#batch-columns').isVisible()).toBe(true);
    expect(await page.locator('#batch-columns tbody').textContent()).toContain('not used');
    await expectAccessible(page, 'columns of the upload');
    // Each column's match can be fixed by hand: a labelled list, preset to what the batch matched.
    const table = page.locator('#batch-columns');
    expect(await table.getByLabel('notes', { exact: true }).inputValue()).toBe('');
    const nameColumn = table.getByLabel('name', { exact: true });
    expect(await nameColumn.inputValue()).toBe('name');
    await nameColumn.selectOption('');
    await page.getByRole('button', { name: 'Make the notices' }).click();
    await expect.poll(() => page.locator('#batch-status').textContent()).toContain('required field name');
    expect(await table.isVisible()).toBe(true);
    await nameColumn.selectOption('name');
    await page.getByRole('button', { name: 'Make the notices' }).click();
    await expect.poll(() => page.locator('#batch-download').isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await page.locator('#batch-status').textContent()).toContain('3 notices made, 2 rows with problems');
    const rows = await page.locator('#batch-problems tbody tr td:first-child').allTextContents();
    expect(rows).toEqual(['4', '5']);
    await expectAccessible(page, 'finished batch');
    const zip = await unzip(await downloaded(page, () => page.locator('#batch-download').click()));
    expect([...zip.keys()]).toEqual(expect.arrayContaining(['combined.pdf', 'errors.csv', 'manifest.json']));
    // The one refused start (name left without a column) is the browser's only complaint.
    expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
    await page.context().close();
  });

  it(
    'makes a city’s 500-row workbook: every good row’s PDF, manifest, errors.csv and combined PDF, and the bad rows by spreadsheet row',
    {
      timeout: 900_000,
    },
    async () => {
      // Made with exceljs as a city office would (title and notes rows above the headers, five bad rows): make-city-500.mjs.
      const { page, errors } = await open();
      await page.getByLabel('Spreadsheet (.xlsx, .csv or .tsv)').setInputFiles(resolve('test/fixtures/serve/city-500.xlsx'));
      await page.getByRole('button', { name: 'Read the spreadsheet' }).click();
      await expect.poll(() => page.locator('#batch-columns').isVisible(), { timeout: 60_000 }).toBe(true);
      await page.getByRole('button', { name: 'Make the notices' }).click();
      await expect.poll(() => page.locator('#batch-download').isVisible(), { timeout: 800_000, interval: 2000 }).toBe(true);
      expect(await page.locator('#batch-status').textContent()).toContain('495 notices made, 5 rows with problems');
      // Row numbers as the spreadsheet shows them: the headers are on row 4, so the 38th business is row 42.
      expect(await page.locator('#batch-problems tbody tr td:first-child').allTextContents()).toEqual(['42', '155', '304', '417', '493']);
      expect(await page.locator('#batch-problems tbody').textContent()).toContain('Klingon');
      await expectAccessible(page, 'finished 500-row batch');

      const zip = await unzip(await downloaded(page, () => page.locator('#batch-download').click()));
      const manifest = JSON.parse(zip.get('manifest.json')!.toString()) as {
        entries: { row: number; file: string; sha256: string }[];
        failed: { row: number }[];
      };
      const made = manifest.entries;
      expect(made).toHaveLength(495);
      expect(manifest.failed.map((row) => row.row)).toEqual([42, 155, 304, 417, 493]);
      for (const row of made) {
        const pdf = zip.get(row.file);
        expect(pdf, row.file).toBeDefined();
        expect(createHash('sha256').update(pdf!).digest('hex')).toBe(row.sha256);
      }
      expect([...zip.keys()].filter((name) => name.endsWith('.pdf') && name !== 'combined.pdf')).toHaveLength(495);
      expect(zip.get('combined.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
      const errorRows = zip
        .get('errors.csv')!
        .toString()
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[0]);
      expect([...new Set(errorRows)]).toEqual(['42', '155', '304', '417', '493']);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  it('switches to Arabic and lays the page out right to left', async () => {
    const { page } = await open();
    await page.getByLabel('Language of this page').selectOption('ar');
    await page.getByRole('button', { name: 'Change' }).click();
    await page.waitForSelector('html[data-ready="true"]');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    expect(await page.locator('h1').textContent()).toContain('لافتات');
    await expectAccessible(page, 'Arabic page');
    await page.context().close();

    const browserArabic = await open({ locale: 'ar-EG' });
    expect(await browserArabic.page.locator('html').getAttribute('dir')).toBe('rtl');
    await browserArabic.page.context().close();
  });

  it('fits a phone screen', async () => {
    const { page } = await open({ width: 360 });
    await page.getByLabel('Name of the business').fill('Corner Shop');
    await expect.poll(() => page.locator('#preview-status').textContent()).toMatch(/Preview updated/);
    const overflow = await page.evaluate('document.documentElement.scrollWidth - window.innerWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'phone width');
    await page.context().close();
  });
});
