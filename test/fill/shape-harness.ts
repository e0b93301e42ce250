/**
 * What the markup-shapes tests share: the built-in templates, a page to wrap a template body in, and a record
 * run through a session's shapes or filled and parsed plainly, to compare the two.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TemplateFill } from '../../src/fill/fill-template.js';
import { MarkupShapes } from '../../src/fill/markup-shapes.js';
import { noticeContext } from '../../src/fill/notice-context.js';
import { markupTemplate } from '../../src/parse/markup-template.js';
import type { NoticeTree } from '../../src/parse/notice-tree.js';
import { parseMarkup } from '../../src/parse/parse-markup.js';
import type { Session } from '../../src/pipeline.js';
import { takeTranslationWarnings } from '../../src/strings/translator.js';
import { planNotice } from '../../src/validate/notice-plan.js';

const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** The built-in templates (not packets). */
export const templateIds = (): string[] => readdirSync(TEMPLATES).filter((id) => existsSync(join(TEMPLATES, id, 'template.hbs')));

/** A template of one page holding `body`, titled with the business's name. */
export const NOTICE = (body: string): string =>
  `<notice title="{{business.name}}" lang="en">{{#eachPage}}<page>${body}</page>{{/eachPage}}</notice>`;

export type Outcome = { tree?: NoticeTree; error?: string; warnings: unknown[] };

/** A record through a prepared session, from its shape or plainly: the tree or the error, and the translation warnings; undefined when the record is not planned. */
export function outcome(session: Session, raw: Record<string, string>, shaped: boolean): Outcome | undefined {
  let plan;
  try {
    plan = planNotice(raw, session.options, session.template, session.locales, undefined, session.plans);
  } catch {
    return undefined;
  }
  const data = { translate: session.translate, languages: plan.languages, arrange: plan.arrange };
  try {
    const tree = shaped
      ? session.shapes!.notice(plan, data)
      : parseMarkup(session.fill(noticeContext(plan), data), `template ${session.template.manifest.id}`);
    return { tree, warnings: takeTranslationWarnings(session.translate) };
  } catch (error) {
    return { error: (error as Error).message, warnings: takeTranslationWarnings(session.translate) };
  }
}

/**
 * A test template's shapes, in `session`'s plans: `run(record, shaped)` gives the tree from the shapes (filled by
 * `shapeFill`) or filled plainly (by `plainFill`), or the error's message.
 */
export function templateShapes(session: Session, shapeFill: TemplateFill, plainFill: TemplateFill = shapeFill) {
  const shapes = new MarkupShapes(
    shapeFill,
    (markup) => parseMarkup(markup, 'test'),
    (markup, base, count) => markupTemplate(markup, 'test', base, count),
  );
  const run = (record: Record<string, string>, shaped: boolean): NoticeTree | string => {
    const plan = planNotice(record, session.options, session.template, session.locales, undefined, session.plans);
    const data = { translate: session.translate, languages: plan.languages, arrange: plan.arrange };
    try {
      return shaped ? shapes.notice(plan, data) : parseMarkup(plainFill(noticeContext(plan), data), 'test');
    } catch (error) {
      return (error as Error).message;
    }
  };
  return { shapes, run };
}
