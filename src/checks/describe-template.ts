import { RIGHTS_LINKS } from '../contract/rights-links.js';
import { localeCatalog } from '../strings/locale-catalog.js';
import { translator } from '../strings/translator.js';
import type { Template } from '../templates/catalog.js';
import type { FieldSpec } from '../templates/manifest.js';
import { stringKeys } from './sample-runs.js';

const describeField = (name: string, spec: FieldSpec): string =>
  `${name} (${spec.type}, at most ${spec.max} characters${spec.max_items ? `, ${spec.max_items} entries` : ''})`;

/** `placard templates show <id>`: what a template prints, on what paper, in which languages. */
export function describeTemplate(template: Template, localeDirs: readonly string[] = []): string {
  const { manifest } = template;
  const fields = Object.entries(manifest.fields);
  const required = fields.filter(([, spec]) => spec.required).map(([name, spec]) => describeField(name, spec));
  const optional = fields.filter(([, spec]) => !spec.required).map(([name, spec]) => describeField(name, spec));
  const catalog = localeCatalog(localeDirs);
  const translate = translator(catalog);
  const keys = stringKeys(template.source);
  const languages = [...catalog.values()]
    .filter((locale) =>
      keys.every((key) => {
        try {
          translate(locale.code, key);
          return true;
        } catch {
          return false;
        }
      }),
    )
    .sort((a, b) => a.code.localeCompare(b.code))
    .map((locale) => `${locale.code}${locale.meta.status === 'draft' ? ' (draft)' : ''}`);
  const arrangements = manifest.arrangements.map((arrange, index) =>
    index === 0 ? `${arrange} (default)` : arrange === 'columns' ? `columns (default from ${manifest.columns_from} languages)` : arrange,
  );
  return [
    `${manifest.id}: ${manifest.title}`,
    `  ${manifest.description}`,
    `version:      ${manifest.version}`,
    `folder:       ${template.dir}`,
    `required:     ${required.join(', ') || 'none'}`,
    `optional:     ${optional.join(', ') || 'none'}`,
    `              (the other business fields are accepted, and not printed)`,
    `sizes:        ${manifest.sizes.join(', ')}`,
    `arrangements: ${arrangements.join(', ')}`,
    `languages:    ${languages.join(', ')}`,
    `rights link:  ${RIGHTS_LINKS[manifest.rights_link]} (${manifest.rights_link}; --rights-url or rights_url overrides it)`,
    '',
  ].join('\n');
}
