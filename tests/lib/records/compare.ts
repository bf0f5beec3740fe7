/**
 * Records sorted by id without `rev` and `updatedAt`: an undo moves those forward (so a sync sees a new
 * write) instead of putting them back. No imports, so the e2e tests can use it too.
 */
export function withoutCounters<T extends { id: string }>(records: T[]): T[] {
  return records
    .map((r) => {
      const copy = { ...r } as T & { rev?: number; updatedAt?: number };
      delete copy.rev;
      delete copy.updatedAt;
      return copy;
    })
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}
