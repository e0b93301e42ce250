// Measures how a notice's type reads at the door, from the PDF alone (pdf.js,
// the same reader the test helpers use): per page the title's and the key
// line's cap heights, the h1 : h2 : body ratios, the words and characters on
// the last line of the title and the key line, and the smallest type.
//
// What is what comes from the tagged structure: text inside an H1 marked
// content is the title, H2 the subtitle, and the key line is the first
// paragraph after a heading (the warrant sentence, the property statement),
// in templates that declare one (`<p size="key">`; pass keyLine: false otherwise).
// Body is the size that sets the most characters of paragraph text. Ratios
// are taken within one script, and sizes are brought back to the size layout
// asked for (a Nastaliq body is drawn 1.3 × larger on purpose, a Han title
// 0.82 ×: fonts/optical-scale.ts), so the ratios are the type scale's.
// Cap heights are Latin capitals; Arabic-script text, matched to the Latin
// x-height, counts as the Latin text of its asked size (its letters look that
// large); Han and Hangul count by their ink height. Urdu (a section tagged
// `ur`) is Nastaliq, a script of its own here.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';

const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
pdfjs.GlobalWorkerOptions.workerSrc = pathToFileURL(path.join(root, 'legacy', 'build', 'pdf.worker.mjs')).href;

/** Noto Sans's cap height, in em: a size in points times this is the height of a capital H. */
export const CAP_EM = 0.714;
const MM = 25.4 / 72;

/** The targets of issue #17 (cap heights in mm, ratios), by paper and number of languages on the page. */
export function targetsFor(size, languages) {
  const ratio = 1.3;
  if (size === 'letter' && languages === 1) return { title: 18, key: 8.5, ratio };
  if (size === 'letter' && languages === 2) return { title: 12, key: 6, ratio };
  if (size === 'tabloid' && languages <= 2) return { key: 8.5, ratio };
  return { ratio };
}

const SCRIPTS = [
  ['Arabic', /\p{Script=Arabic}/u],
  ['Han', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u],
  ['Myanmar', /\p{Script=Myanmar}/u],
  ['Ethiopic', /\p{Script=Ethiopic}/u],
  ['Indic', /[\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}]/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Latin', /\p{L}/u],
];
const scriptOf = (text, lang) => {
  const script = SCRIPTS.find(([, pattern]) => pattern.test(text))?.[0];
  return script === 'Arabic' && /^ur\b/u.test(lang ?? '') ? 'Nastaliq' : script;
};

/**
 * fonts/optical-scale.ts's factors, mirrored here (test/fonts/optical-scale.test.ts
 * checks they agree): how much larger than asked each script is drawn, in body
 * text (optical) and in headings (display).
 */
export const DRAWN_AT = {
  optical: { Arabic: 1.06, Nastaliq: 1.3 },
  display: { Arabic: 1.06, Nastaliq: 1.19, Han: 0.82, Hangul: 0.81 },
};
/** The size layout asked for, from the size a run was drawn at. */
const asked = (size, script, heading) => size / ((heading ? DRAWN_AT.display : DRAWN_AT.optical)[script] ?? 1);
const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;

/** Every page of `bytes`, measured (see the top of this file). */
export async function measurePdf(bytes, options = {}) {
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS });
  const doc = await task.promise;
  try {
    const pages = [];
    for (let index = 1; index <= doc.numPages; index++) {
      const page = await doc.getPage(index);
      const content = await page.getTextContent({ includeMarkedContent: true });
      pages.push(measurePage(blocksOf(content.items, await page.getStructTree()), options.keyLine ?? true));
    }
    return pages;
  } finally {
    await task.destroy();
  }
}

/**
 * Text runs grouped by the tagged block (H1, H2, P, LI…) they belong to, in
 * reading order: the structure tree names each block's marked-content ids.
 */
function blocksOf(items, tree) {
  const blocks = [];
  const owner = new Map();
  const walk = (node, block, lang) => {
    if (!node) return;
    if (node.type === 'content' && block) owner.set(node.id, block);
    let inner = block;
    const here = node.lang ?? lang;
    if (node.role && /^(H\d|P|LI|Lbl|LBody|Caption)$/u.test(node.role) && !block) {
      inner = { tag: node.role, lang: here, runs: [] };
      blocks.push(inner);
    }
    for (const child of node.children ?? []) walk(child, inner, here);
  };
  walk(tree, undefined, undefined);
  let current;
  for (const item of items) {
    if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') current = owner.get(item.id);
    else if (item.type === 'endMarkedContent') current = undefined;
    else if (typeof item.str === 'string' && item.str.trim() !== '' && current) {
      const [, , c, d, , y] = item.transform;
      current.runs.push({ text: item.str, size: Math.hypot(c, d), y });
    }
  }
  return blocks.filter((block) => block.runs.length > 0);
}

/** A block's lines, top to bottom (runs whose baselines are within half a size of each other share a line). */
function linesOf(block) {
  const lines = [];
  for (const run of [...block.runs].sort((a, b) => b.y - a.y)) {
    const line = lines.at(-1);
    if (line && Math.abs(line.y - run.y) < run.size * 0.8) line.text += ` ${run.text}`;
    else lines.push({ y: run.y, text: run.text });
  }
  return lines;
}

function lastLine(block) {
  const lines = linesOf(block);
  const text = lines.at(-1)?.text.trim() ?? '';
  const words = text.split(/\s+/u).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
  const wide = text.match(WIDE)?.length ?? 0;
  const count = (line) => [...(line ?? '').replaceAll(/[\s\p{P}]/gu, '')].length;
  return {
    text,
    lines: lines.length,
    words: Math.max(words, wide),
    chars: count(text),
    previousChars: count(lines.at(-2)?.text),
    wide: wide > 0 || /[\p{Script=Hangul}]/u.test(text),
  };
}

function measurePage(blocks, keyLine) {
  const keys = keyLine ? blocks.filter((block, i) => block.tag === 'P' && i > 0 && /^H[12]$/u.test(blocks[i - 1].tag)) : [];
  const titles = blocks.filter((block) => block.tag === 'H1');
  // Han and Hangul have no capitals: their ink height (0.875 and 0.884 em, fonts/optical-scale.ts) stands for the cap height.
  // Other scripts count as Latin capitals of the size asked (Arabic and Nastaliq are drawn larger to look that size).
  const capOfRun = (run, block) => {
    const script = scriptOf(run.text, block.lang);
    const ink = { Han: 0.875, Hangul: 0.884 }[script];
    return ink ? run.size * ink : asked(run.size, script, /^H\d$/u.test(block.tag)) * CAP_EM;
  };
  const capOf = (list) => (list.length === 0 ? undefined : Math.min(...list.flatMap((b) => b.runs.map((r) => capOfRun(r, b)))) * MM);
  const ratios = [];
  const byScript = new Map();
  for (const block of blocks) {
    for (const run of block.runs) {
      const script = scriptOf(run.text, block.lang);
      if (!script) continue;
      const entry = byScript.get(script) ?? { h1: [], h2: [], body: new Map() };
      // Headings are drawn at their script's display factor, body text at its optical factor (fonts/optical-scale.ts).
      if (block.tag === 'H1') entry.h1.push(asked(run.size, script, true));
      else if (block.tag === 'H2') entry.h2.push(asked(run.size, script, true));
      else if (block.tag === 'P' && !keys.includes(block)) {
        const size = Math.round(asked(run.size, script, false) * 10) / 10;
        entry.body.set(size, (entry.body.get(size) ?? 0) + run.text.length);
      }
      byScript.set(script, entry);
    }
  }
  for (const [script, { h1, h2, body }] of byScript) {
    const bodySize = [...body].sort((a, b) => b[1] - a[1])[0]?.[0];
    const h1Size = h1.length > 0 ? Math.min(...h1) : undefined;
    const h2Size = h2.length > 0 ? Math.max(...h2) : undefined;
    ratios.push({
      script,
      h1h2: h1Size && h2Size ? h1Size / h2Size : undefined,
      h2body: h2Size && bodySize ? h2Size / bodySize : h1Size && bodySize && !h2Size ? h1Size / bodySize : undefined,
    });
  }
  const all = blocks.flatMap((block) => block.runs.map((run) => run.size));
  return {
    languages: Math.max(titles.length, keys.length, 1),
    langs: [...new Set([...titles, ...keys].map((block) => block.lang).filter(Boolean))].sort(),
    titleCapMm: capOf(titles),
    keyCapMm: capOf(keys),
    ratios,
    titleLast: titles.map(lastLine),
    keyLast: keys.map(lastLine),
    minSize: all.length > 0 ? Math.min(...all) : undefined,
  };
}

/**
 * A short last line: fewer than two words or ten letters (four characters in
 * Chinese, Japanese or Korean, five syllables in Ethiopic), unless it is
 * about as long as the line above (a balanced two-word title is no orphan).
 */
export function isShortLast(last) {
  if (last.chars >= 0.6 * last.previousChars) return false;
  if (last.wide) return last.chars < 4;
  if (/\p{Script=Ethiopic}/u.test(last.text)) return last.words < 2 || last.chars < 5;
  return last.words < 2 || last.chars < 10;
}

/** What a measured page breaks of the targets: one message per breach. */
export function breaches(page, size) {
  const targets = targetsFor(size, page.languages);
  const out = [];
  const mm = (value) => `${value.toFixed(1)} mm`;
  // The cap-height targets are for door notices with a declared key line (the template's `<p size="key">`).
  if (targets.title && page.keyCapMm !== undefined && page.titleCapMm !== undefined && page.titleCapMm < targets.title - 0.05)
    out.push(`title cap ${mm(page.titleCapMm)} < ${targets.title} mm`);
  if (targets.key && page.keyCapMm !== undefined && page.keyCapMm < targets.key - 0.05)
    out.push(`key-line cap ${mm(page.keyCapMm)} < ${targets.key} mm`);
  for (const ratio of page.ratios) {
    if (ratio.h1h2 !== undefined && ratio.h1h2 < targets.ratio - 0.01) out.push(`${ratio.script} h1/h2 ${ratio.h1h2.toFixed(2)}`);
    if (ratio.h2body !== undefined && ratio.h2body < targets.ratio - 0.01) out.push(`${ratio.script} h2/body ${ratio.h2body.toFixed(2)}`);
  }
  for (const last of [...page.titleLast, ...page.keyLast]) {
    if (last.lines > 1 && isShortLast(last)) out.push(`short last line "${last.text}"`);
  }
  return out;
}

/**
 * Breaches a door sign cannot avoid, each with its reason (issue #17: "or a
 * stated reason per template and language set"). Each names the templates
 * (all door templates when left out), the languages alone on the page
 * (`langs`) or one language among others (`among`), the papers, and which
 * measurement it excuses; the notice's own warning names the paper that
 * meets the target.
 */
export const EXCUSED = [
  {
    langs: ['ur'],
    sizes: ['letter', 'a4', 'legal'],
    breach: /^(title|key-line) cap/u,
    reason:
      'Urdu alone on a Letter-width page: Nastaliq, drawn to look as large as Latin (fonts/optical-scale.ts), needs lines 2.2 em apart; ' +
      'the title gives way first, then the key line, and the warning names tabloid, which meets them',
  },
  {
    langs: ['my'],
    sizes: ['letter'],
    breach: /^(title|key-line) cap/u,
    reason:
      'Burmese alone on Letter: its stacked marks need lines 1.3 em apart, and its sentences are long; ' +
      'the title gives way first, the key line keeps about 90% of 8.5 mm, and the warning names the paper that meets it',
  },
  {
    templates: ['private-areas'],
    langs: ['ru', 'tl'],
    sizes: ['letter', 'a4', 'legal', 'tabloid'],
    breach: /^title cap/u,
    reason:
      'a two-word title ("Служебная зона", "Pribadong lugar") whose words cannot share a line at the title size: ' +
      'one line up to 12% smaller rather than a one-word last line (layout/blocks.ts oneLineBelowFloor)',
  },
  {
    templates: ['public-property'],
    langs: ['es', 'ru', 'tl'],
    sizes: ['letter'],
    breach: /^(title|key-line) cap/u,
    reason:
      'the public-property statement runs to about 150 letters in Spanish, Russian and Tagalog, six or seven lines at 8.5 mm: ' +
      'the title gives way first, the key line keeps 90%, and the warning names legal, which meets both',
  },
  {
    templates: ['property-use'],
    langs: ['ru'],
    sizes: ['letter'],
    breach: /^title cap/u,
    reason:
      'Russian alone on Letter: "Частная / собственность" takes two lines and the statement five; ' +
      'the title gives way (to about 16 mm) so that the key line keeps 8.5 mm',
  },
  {
    among: ['en', 'ru'],
    sizes: ['letter', 'a4', 'legal', 'tabloid'],
    breach: /^short last line "(enforcement|контроля)\."$/u,
    reason:
      'in a column of a three- or four-language page, with the key line at the two-language size, "immigration enforcement." ' +
      'and "иммиграционного контроля." are wider than the column, so the sentence cannot end on both words',
  },
];

/** The reason a breach on `page` of a `template` notice on `size` is excused (EXCUSED), or undefined. */
export function excuse(breach, page, size, template) {
  const found = EXCUSED.find(
    (one) =>
      (!one.templates || one.templates.includes(template)) &&
      one.sizes.includes(size) &&
      one.breach.test(breach) &&
      page.langs.length > 0 &&
      (one.among ? one.among.some((lang) => page.langs.includes(lang)) : page.langs.every((lang) => one.langs.includes(lang))),
  );
  return found?.reason;
}
