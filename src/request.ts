import type { PageSizeName } from './layout/page-sizes.js';
import type { Arrangement } from './templates/manifest.js';

/** Everything a render needs, as the user gave it. Never changed by the pipeline. */
export interface RenderRequest {
  readonly template: string;
  readonly dataFile?: string;
  readonly sets?: readonly string[];
  readonly languages?: readonly string[];
  readonly arrange?: Arrangement;
  readonly size?: PageSizeName;
  readonly rightsUrl?: string;
  readonly templateDirs?: readonly string[];
  readonly fonts?: readonly string[];
  /** Seconds since 1970 (SOURCE_DATE_EPOCH); otherwise the template's wording date is used. */
  readonly sourceDateEpoch?: number;
  /** Refuse draft translations instead of warning. */
  readonly requireReviewed?: boolean;
}

export interface RenderedNotice {
  readonly pdf: Uint8Array;
  readonly warnings: readonly string[];
  readonly pageCount: number;
}
