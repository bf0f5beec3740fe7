/**
 * Export files are written record by record: a record that cannot be written safely (a time outside the
 * calendar, an address with a line break in it, a value of the wrong shape from an old or damaged store)
 * is left out and named, and the rest of the file is still written.
 */
export interface SkippedRecord {
  id: string;
  /** What the user calls it (a person's name), for the message. */
  label: string;
  reason: string;
}

export interface ExportFile {
  text: string;
  skipped: SkippedRecord[];
}

/** Thrown by a writer for a value it will not write; its message is the reason shown to the user. */
export class UnwritableValue extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'UnwritableValue';
  }
}

/** Formats each record, collecting those whose formatting throws instead of failing the whole file. */
export function formatEach<T>(
  records: readonly T[],
  format: (record: T) => string,
  describe: (record: T) => { id: string; label: string },
): { parts: string[]; skipped: SkippedRecord[] } {
  const parts: string[] = [];
  const skipped: SkippedRecord[] = [];
  for (const record of records) {
    try {
      parts.push(format(record));
    } catch (error) {
      let who = { id: '?', label: '?' };
      try {
        who = describe(record);
      } catch {
        // A record too broken to name is still counted.
      }
      skipped.push({ ...who, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { parts, skipped };
}
