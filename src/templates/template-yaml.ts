import YAML from 'yaml';
import { BUILT_IN_YAML } from './built-in-yaml.js';

/**
 * A template's or packet's YAML (template.yaml, theme.yaml, a packet file):
 * aliases capped, no key given twice. A built-in file whose text is
 * unchanged since the bundle was built is read from its JSON (built-in-yaml.ts),
 * the same value as parsing it: a cold render spent ~10 ms of CPU parsing
 * two small files (measured 2026-12-02). Throws YAML's error otherwise.
 */
export function parseTemplateYaml(text: string): unknown {
  const json = BUILT_IN_YAML.get(text);
  if (json !== undefined) return JSON.parse(json);
  return YAML.parse(text, { maxAliasCount: 50, uniqueKeys: true });
}
