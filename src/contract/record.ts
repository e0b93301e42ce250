/** A business record as read: keys lower-cased, values still untyped. */
export type RawRecord = Readonly<Record<string, unknown>>;
