import { emptyChangeSet, type UndoEntry } from '../contacts/changeset';
import type { Contact } from '../contacts/model';
import { announceChange } from './changes';
import type { RapportDatabase } from './open';
import { summarize, type UndoSummary } from './records';
import { UNDO_STORE } from './schema';

export interface ImportWrite {
  added: number;
  existing: number;
  undo: UndoSummary | null;
}

/**
 * Writes one batch of an import in one transaction with its undo entry: the profile URLs already stored
 * are looked up inside it (so a batch sent twice after a worker restart adds nobody twice), every person
 * added is tagged, and every batch of the same day's import joins one undo entry, so the whole import is
 * undone as one step.
 */
export async function writeImportBatch(
  db: RapportDatabase,
  urls: readonly string[],
  build: (existingUrls: ReadonlySet<string>) => { contacts: Contact[]; existing: number },
  opts: { now: number; tag: string },
): Promise<ImportWrite> {
  const tx = db.transaction(['contacts', UNDO_STORE], 'readwrite');
  const contacts = tx.objectStore('contacts');
  const found = await Promise.all(urls.map((url) => contacts.index('profileUrl').getKey(url)));
  const existingUrls = new Set(urls.filter((_, i) => found[i] !== undefined));
  const built = build(existingUrls);
  const tagged = built.contacts.map((c) => ({ ...c, tags: [...new Set([...c.tags, opts.tag])] }));
  const undoId = `import:${opts.tag}`;
  const log = tx.objectStore(UNDO_STORE);
  let entry: UndoEntry | undefined;
  if (tagged.length) {
    const previous = await log.get(undoId);
    const importedIds = [...(previous?.importedIds ?? []), ...tagged.map((c) => c.id)];
    entry = {
      ...emptyChangeSet(),
      id: undoId,
      at: opts.now,
      kind: 'import',
      names:
        previous?.names ??
        tagged
          .map((c) => c.name ?? '')
          .filter(Boolean)
          .slice(0, 5),
      tag: opts.tag,
      importedIds,
      counts: { contacts: importedIds.length, timeline: 0, meetings: 0, followups: 0 },
    };
  }
  await Promise.all([...tagged.map((c) => contacts.put(c)), ...(entry ? [log.put(entry)] : []), tx.done]);
  if (tagged.length) announceChange({ store: 'contacts', ids: tagged.map((c) => c.id) });
  if (entry) announceChange({ store: UNDO_STORE, ids: [entry.id] });
  return { added: tagged.length, existing: built.existing, undo: entry ? summarize(entry) : null };
}
