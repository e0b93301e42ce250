// The caps on what users and template authors hand placard, in one place. Every input has a limit: past one,
// a clear UsageError (a file), row problem (a row) or TemplateError (a template), never a crash or a hang.

/** A data file bigger than this is a mistake (or /dev/zero): one business is a few hundred bytes. */
export const MAX_DATA_FILE_BYTES = 1024 * 1024;

/** A file of rows (CSV, TSV, XLSX, JSON, NDJSON, YAML) and the values in it. */
export const ROW_LIMITS = {
  /** UTF-8 bytes in one value. */
  valueBytes: 4 * 1024,
  /** Columns read in one row (cells with values in the columns used). */
  columns: 200,
  /** Columns in a header row: past this it is not a sheet of businesses. */
  headerColumns: 16_384,
  /** Rows in one file, blank ones included. */
  rows: 1_000_000,
  /** Characters in one CSV record or NDJSON line. */
  recordChars: 1024 * 1024,
  /** A JSON array is read whole, up to this size. */
  wholeFileBytes: 64 * 1024 * 1024,
  /** A YAML list is read whole, up to this size (yaml's document model is heavy: see MAX_YAML_NODES). */
  yamlBytes: 8 * 1024 * 1024,
  /** Bytes of a streamed text file (CSV, TSV, NDJSON). */
  streamBytes: 1024 * 1024 * 1024,
  /** YAML aliases in one file (an alias bomb stops here). */
  yamlAliases: 100,
  /** Size of an XLSX file. */
  xlsxFileBytes: 256 * 1024 * 1024,
  /** Uncompressed bytes of the sheet read from an XLSX file. */
  xlsxSheetBytes: 1024 * 1024 * 1024,
  /** Uncompressed bytes of an XLSX part held whole (shared strings, styles, workbook). */
  xlsxPartBytes: 64 * 1024 * 1024,
} as const;

export const MAX_VALUE_TEXT = `${ROW_LIMITS.valueBytes / 1024} KB`;

/** Deeper than this, JSON is not a list of businesses (and a parser's recursion is at risk): a usage error. */
export const MAX_JSON_DEPTH = 32;

/** A list of businesses nests three deep (list, mapping, list of text); past this bound the file is refused. */
export const MAX_YAML_DEPTH = 64;

/** Values and indicators in one YAML file: about 20,000 businesses. yaml's document model needs ~1 KB per node, so more is a job for CSV or NDJSON. */
export const MAX_YAML_NODES = 300_000;

/** Templates and their output are small; anything bigger is a mistake or an attack. */
export const MAX_TEMPLATE_BYTES = 64 * 1024;
/** The markup one filling of a template may produce. */
export const MAX_OUTPUT_BYTES = 1024 * 1024;

/** Blocks a template may fill for one notice: 20 languages of a long template use a few thousand. */
export const MAX_FILL_STEPS = 100_000;

/** Characters a template may produce along the way, nested blocks counted at every level. */
export const MAX_FILL_CHARS = 16 * 1024 * 1024;

/** Wall-clock time a template may take to fill one notice. */
export const MAX_FILL_MS = 3_000;

/** Notice markup is shallow and short; deeper or longer markup is a mistake or an attack. */
export const MAX_MARKUP_DEPTH = 32;
export const MAX_MARKUP_ELEMENTS = 20_000;

/** The largest font a user may add; the biggest bundled CJK face is about 10 MB. */
export const MAX_FONT_BYTES = 64 * 1024 * 1024;

/** A locale file is a few kilobytes of strings; anything bigger is a mistake (or /dev/zero). */
export const MAX_LOCALE_FILE_BYTES = 256 * 1024;

/** --bleed is at most this many millimetres: more is a mistake, not a print shop's request. */
export const MAX_BLEED_MM = 10;
