/**
 * The QR codes of the rights links templates name as their default
 * (contract/rights-links.ts), encoded when the bundle was built by the very
 * encoder a render uses (qr-code.ts), keyed by the link. A cold render's
 * code is most often one of these, and encoding one (choosing the mask, in
 * the interpreter) took ~5 ms of its CPU (measured 2026-12-02).
 * scripts/bundle.js fills it in dist/bundle; run from src/ or tsc's dist/
 * it is empty. Any other link is encoded as usual.
 */
export const BUILT_IN_QR: ReadonlyMap<string, BuiltInQr> = new Map();

/** qr-code.ts's QrModules, written out: that file reads this one. */
interface BuiltInQr {
  readonly size: number;
  readonly runs: readonly (readonly [number, number, number])[];
}
