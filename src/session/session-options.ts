import { UsageError } from '../errors.js';
import type { PageSizeName } from '../contract/page-sizes.js';
import type { SessionOptions } from '../contract/public-api.js';
import type { Arrangement } from '../contract/arrangements.js';
import { MAX_BLEED_MM } from '../contract/input-limits.js';
import { splitLanguages } from '../read/language-names.js';

/** The flags `render` and `batch` share: how every notice of the run is made. */
export interface SessionFlags {
  lang?: string;
  arrange?: Arrangement;
  size?: PageSizeName;
  rightsUrl?: string;
  bleed?: string;
  templates: string[];
  font: string[];
  locales: string[];
  requireReviewed?: boolean;
}

export function sessionOptions(template: string, flags: SessionFlags, env: Readonly<Record<string, string | undefined>>): SessionOptions {
  const epoch = sourceDateEpoch(env.SOURCE_DATE_EPOCH);
  return {
    template,
    templateDirs: flags.templates,
    fonts: flags.font,
    localeDirs: flags.locales,
    ...(flags.lang ? { languages: splitLanguages(flags.lang) } : {}),
    ...(flags.arrange ? { arrange: flags.arrange } : {}),
    ...(flags.size ? { size: flags.size } : {}),
    ...(flags.rightsUrl !== undefined ? { rightsUrl: flags.rightsUrl } : {}),
    ...(flags.requireReviewed ? { requireReviewed: true } : {}),
    ...(flags.bleed !== undefined ? { bleed: bleedMm(flags.bleed) } : {}),
    ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
  };
}

/** SOURCE_DATE_EPOCH, when set: whole seconds since 1970, up to the year 9999. */
function sourceDateEpoch(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  if (!/^\d+$/.test(value) || Number(value) > 253_402_300_799) {
    throw new UsageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970 (like 1764115200), found "${value}"`);
  }
  return Number(value);
}

/** --bleed: millimetres from 0 to MAX_BLEED_MM, as a plain decimal. */
function bleedMm(value: string): number {
  const parsed = /^\d{1,2}(\.\d{1,3})?$/.test(value.trim()) ? Number(value) : NaN;
  if (!(parsed >= 0 && parsed <= MAX_BLEED_MM)) {
    throw new UsageError(`--bleed takes millimetres from 0 to ${MAX_BLEED_MM}, like --bleed 3; found "${value}"`);
  }
  return parsed;
}
