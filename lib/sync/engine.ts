import {
  applyPulled,
  dropSyncObject,
  keysOfHints,
  type PulledChange,
  readCollections,
  readLocalView,
  readPayload,
  readSyncObjects,
  readSyncObjectsFor,
  remapContact,
  saveCollection,
  saveSyncObject,
} from '../db/sync';
import type { RapportDatabase } from '../db/open';
import type { TimelineEntry } from '../db/schema';
import type { Collections, CollectionRole, DavSession, Marker, RemoteItem, RemoteObject } from './dav';
import { ALL_DIRTY, type DirtyHints } from './dirty';
import { DavError } from './errors';
import { readCalendarObject, writeEvent, writeTodo } from './icalendar';
import { lostValueText, mergePayload, type LostValue } from './merge';
import { objectKey, type Payload, payloadId, samePayload } from './payload';
import type { SyncCollectionState, SyncObject } from './state';
import { completeCard, readCard, writeCard } from './vcard';

/**
 * One sync run: pull what changed on the server (cheap change marker first, then only the changed objects),
 * merge it into the local records against the last synced copy, then push what changed here with conditional
 * writes. Every step is idempotent and its state is written as it completes, so a run cut short (worker
 * killed, server gone) resumes on the next one with nothing lost or duplicated.
 */
export interface SyncDeps {
  db: RapportDatabase;
  dav: DavSession;
  now: () => number;
  newId: () => string;
  /** Called every few items: shows progress, and keeps an MV3 worker alive through a long first push. */
  progress?: (p: { phase: 'pull' | 'push'; done: number; total: number }) => Promise<void> | void;
  /** Requests in flight during push. */
  concurrency?: number;
  /** Which local records changed since the last run (lib/sync/dirty.ts); absent: compare every record. */
  dirty?: DirtyHints;
}

export interface SyncReport {
  pulled: number;
  pushed: number;
  deletedOnServer: number;
  deletedHere: number;
  conflicts: number;
  fullCompare: boolean;
}

const PROGRESS_EVERY = 25;
const MAX_TRIES = 3;

const roleOf = (p: Payload): CollectionRole => (p.kind === 'card' ? 'book' : p.kind === 'event' ? 'calendar' : 'tasks');
const extOf = (role: CollectionRole) => (role === 'book' ? '.vcf' : '.ics');
const contentType = (role: CollectionRole) => (role === 'book' ? 'text/vcard' : 'text/calendar');

/** Finds (or makes) the collections once, then remembers their URLs. */
export async function collectionsOf(deps: SyncDeps): Promise<Collections> {
  const stored = await readCollections(deps.db);
  const byRole = new Map(stored.map((c) => [c.role, c]));
  if (byRole.has('book') && byRole.has('calendar') && byRole.has('tasks')) {
    return { book: byRole.get('book')!.url, calendar: byRole.get('calendar')!.url, tasks: byRole.get('tasks')!.url };
  }
  const found = await deps.dav.ensureCollections();
  for (const role of ['book', 'calendar', 'tasks'] as const)
    await saveCollection(deps.db, { role, url: found[role], token: null });
  return found;
}

function parseRemote(role: CollectionRole, text: string, now: number): Payload | null {
  return role === 'book' ? readCard(text, now) : readCalendarObject(text);
}

function writeRemote(
  payload: Payload,
  previous: string | null,
  names: Map<string, string | null>,
  now: number,
): string {
  if (payload.kind === 'card') return writeCard(payload, previous);
  if (payload.kind === 'event') return writeEvent(payload, names.get(payload.meeting.contactId) ?? null, previous, now);
  return writeTodo(payload, previous, now);
}

function complete(remote: Payload, known: Payload | null): Payload {
  return remote.kind === 'card' ? completeCard(remote, known?.kind === 'card' ? known : null) : remote;
}

function contactOf(payload: Payload): string {
  return payload.kind === 'card'
    ? payload.contact.id
    : payload.kind === 'event'
      ? payload.meeting.contactId
      : payload.followup.contactId;
}

function conflictNotes(deps: SyncDeps, contactId: string, lost: LostValue[]): TimelineEntry[] {
  const at = deps.now();
  return lost.map((l) => ({
    id: deps.newId(),
    contactId,
    at,
    kind: 'note' as const,
    text: lostValueText(l),
    data: { sync: 'conflict', field: l.field },
  }));
}

export async function runSync(deps: SyncDeps): Promise<SyncReport> {
  const report: SyncReport = {
    pulled: 0,
    pushed: 0,
    deletedOnServer: 0,
    deletedHere: 0,
    conflicts: 0,
    fullCompare: false,
  };
  const collections = await collectionsOf(deps);
  const touched: Touched = { keys: new Set(), all: false };
  await pull(deps, collections, report, touched);
  const hinted = await keysOfHints(deps.db, deps.dirty ?? ALL_DIRTY);
  const scope = hinted === 'all' || touched.all ? 'all' : new Set([...hinted, ...touched.keys]);
  await push(deps, collections, report, scope);
  return report;
}

/** What the pull changed locally, for the push to look at: keys, or everything (a remap, a pulled delete). */
interface Touched {
  keys: Set<string>;
  all: boolean;
}

// ------------------------------------------------------------------------------------------------- pull

/** One collection's changes since the last pull: a delta (sync-collection) or a full listing to compare. */
type RemoteChanges =
  | { full: false; changed: RemoteItem[]; deleted: string[]; marker: Marker }
  | { full: true; listed: RemoteItem[]; marker: Marker };

async function pull(deps: SyncDeps, collections: Collections, report: SyncReport, touched: Touched): Promise<void> {
  const states = new Map((await readCollections(deps.db)).map((c) => [c.role, c]));
  // Follow-ups share the calendar on most servers: pull each URL once.
  const roles = (['book', 'calendar', 'tasks'] as const).filter(
    (role, i, all) => all.findIndex((r) => collections[r] === collections[role]) === i,
  );
  // Every collection is asked at once (the server answers for the small calendar while it walks the address
  // book); the answers are applied one after the other, people first.
  const asked = roles.map((role) => {
    const state = states.get(role);
    return remoteChanges(deps, collections[role], state?.url === collections[role] ? state : undefined, report);
  });
  for (const answer of asked) answer.catch(() => undefined); // the first failure is thrown below; none goes unseen
  for (const [i, role] of roles.entries()) {
    const url = collections[role];
    const remote = await asked[i]!;
    if ('unchanged' in remote) {
      // A state from before the marker's kind was kept learns it, so the next run takes the short way.
      if (remote.unchanged) await saveCollection(deps.db, { role, url, ...remote.unchanged });
      continue;
    }
    let objects: Map<string, SyncObject>;
    let changed: RemoteItem[];
    let deleted: string[];
    // A first pull (a new server, or one forgotten and joined again) or a full comparison: whatever the
    // server lacks may be anywhere here, so the push looks at every record.
    if (remote.full) touched.all = true;
    if (remote.full) {
      objects = await readSyncObjects(deps.db);
      const present = new Set(remote.listed.map((i) => i.href));
      changed = remote.listed;
      deleted = [...objects.values()].map((o) => o.href).filter((href) => href.startsWith(url) && !present.has(href));
    } else {
      changed = remote.changed;
      deleted = remote.deleted;
      objects = await readSyncObjectsFor(deps.db, [], [...changed.map((i) => i.href), ...deleted]);
    }
    const byHref = new Map([...objects.values()].map((o) => [o.href, o]));
    // Our own writes come back with the ETag we already hold: skip them.
    const toFetch = changed.filter((i) => !i.etag || byHref.get(i.href)?.etag !== i.etag).map((i) => i.href);
    const gone = deleted.filter((href) => byHref.has(href));
    if (toFetch.length || gone.length) {
      const kind = role === 'book' ? 'book' : 'calendar';
      const fetched = toFetch.length ? await deps.dav.multiget(url, kind, toFetch) : [];
      await deps.progress?.({ phase: 'pull', done: fetched.length, total: toFetch.length });
      await applyRemote(deps, kind, fetched, gone, remote.full, report, touched);
    }
    // Only now is it safe to move the marker: a run killed before this point pulls the same changes again.
    await saveCollection(deps.db, { role, url, token: remote.marker.token, kind: remote.marker.kind });
  }
}

/**
 * Asks the server what changed in one collection, in as few requests as it allows. With a sync-token the
 * sync-collection REPORT is itself the change check: one request answers "nothing" or names the changes.
 * With a CTag (or a state from before the kind was kept) a PROPFIND comes first. A first pull, a moved CTag or
 * a token the server forgot lists every ETag instead, losing nothing.
 */
async function remoteChanges(
  deps: SyncDeps,
  url: string,
  state: SyncCollectionState | undefined,
  report: SyncReport,
): Promise<RemoteChanges | { unchanged: Marker | null }> {
  const stored = state?.token ?? null;
  let marker: Marker | null = null;
  if (stored && state?.kind !== 'sync-token') {
    marker = await deps.dav.marker(url, state?.kind);
    if (marker.token === stored) return { unchanged: marker.kind === state?.kind ? null : marker };
  }
  if (stored && (marker?.kind ?? state?.kind) === 'sync-token') {
    const delta = await deps.dav.changes(url, stored);
    if (delta.ok) {
      const token = delta.token ?? marker?.token ?? stored;
      if (!delta.changed.length && !delta.deleted.length && token === stored) return { unchanged: null };
      return { full: false, changed: delta.changed, deleted: delta.deleted, marker: { token, kind: 'sync-token' } };
    }
    marker = null;
  }
  if (stored) report.fullCompare = true;
  // The marker before the listing: a change made in between is listed now and pulled again next time.
  marker ??= await deps.dav.marker(url, state?.kind);
  return { full: true, listed: await deps.dav.list(url), marker };
}

async function applyRemote(
  deps: SyncDeps,
  role: CollectionRole,
  fetched: RemoteObject[],
  deleted: string[],
  full: boolean,
  report: SyncReport,
  touched: Touched,
): Promise<void> {
  const parsed = fetched
    .map((o) => ({ object: o, payload: parseRemote(role, o.text, deps.now()) }))
    .filter((x): x is { object: RemoteObject; payload: Payload } => x.payload !== null);
  const urls = parsed.flatMap(({ payload }) =>
    payload.kind === 'card' && !payload.contact.profileUrl.startsWith('manual:') ? [payload.contact.profileUrl] : [],
  );
  const read = async () => {
    const objects = full
      ? await readSyncObjects(deps.db)
      : await readSyncObjectsFor(
          deps.db,
          parsed.map(({ payload }) => objectKey(payload)),
          deleted,
        );
    const keys = full
      ? 'all'
      : [...parsed.map(({ payload }) => objectKey(payload)), ...[...objects.values()].map((o) => o.key)];
    return { objects, view: await readLocalView(deps.db, keys, urls) };
  };
  let { objects, view } = await read();

  // The same person saved on both computers: the older id stays, on both.
  let remapped = false;
  for (const { payload } of parsed) {
    if (payload.kind !== 'card') continue;
    const mine = view.byUrl.get(payload.contact.profileUrl);
    if (!mine || mine.id === payload.contact.id || payload.contact.profileUrl.startsWith('manual:')) continue;
    const theirsOlder =
      payload.contact.createdAt < mine.createdAt ||
      (payload.contact.createdAt === mine.createdAt && payload.contact.id < mine.id);
    if (theirsOlder) {
      await remapContact(deps.db, mine.id, payload.contact.id);
      remapped = true;
    }
  }
  // A remap renames a person in every record that names them: the push looks at everything.
  if (remapped) {
    touched.all = true;
    ({ objects, view } = await read());
  }
  const local = view.payloads;

  const changes: PulledChange[] = [];
  for (const { object, payload: parsedRemote } of parsed) {
    const key = objectKey(parsedRemote);
    const state = objects.get(key);
    const mine = local.get(key) ?? null;
    const remote = complete(parsedRemote, state?.base ?? mine);
    // A card that lost our properties stays marked in its base, so the push puts them back.
    const base = parsedRemote.kind === 'card' && parsedRemote.partial ? { ...remote, partial: true as const } : remote;
    const next: SyncObject = {
      key,
      role: roleOf(remote),
      href: object.href,
      etag: object.etag,
      text: object.text,
      base,
    };
    if (!mine) {
      // Newer duplicate of someone saved here first: the other computer folds it into ours.
      if (remote.kind === 'card' && !state) {
        const here = view.byUrl.get(remote.contact.profileUrl)?.id;
        if (here && here !== remote.contact.id && !remote.contact.profileUrl.startsWith('manual:')) continue;
      }
      // Deleted here, unchanged there: keep the tombstone for the push. Changed there: the edit wins.
      if (state && samePayload(state.base, remote)) {
        changes.push({
          key,
          expected: null,
          result: null,
          object: { ...state, etag: object.etag, text: object.text },
          notes: [],
        });
        continue;
      }
      changes.push({ key, expected: null, result: remote, object: next, notes: [] });
      report.pulled++;
      continue;
    }
    const { merged, lost } = mergePayload(state?.base ?? null, mine, remote);
    report.conflicts += lost.length;
    if (!samePayload(merged, mine)) report.pulled++;
    changes.push({
      key,
      expected: mine,
      result: merged,
      object: next,
      notes: conflictNotes(deps, contactOf(remote), lost),
    });
  }
  const byHref = new Map([...objects.values()].map((o) => [o.href, o]));
  for (const href of deleted) {
    const state = byHref.get(href);
    if (!state) continue;
    const mine = local.get(state.key) ?? null;
    if (!mine) changes.push({ key: state.key, expected: null, result: null, object: null, notes: [] });
    else if (samePayload(mine, state.base)) {
      changes.push({ key: state.key, expected: mine, result: null, object: null, notes: [] });
      report.deletedHere++;
      // A person deleted there takes their events and tasks along here: their tombstones are for the push.
      touched.all = true;
    } else {
      // Edited here, deleted there: the edit wins; forgetting the state makes the push create it again.
      changes.push({ key: state.key, expected: mine, result: mine, object: null, notes: [] });
    }
  }
  await applyPulled(deps.db, changes);
  // A merge can leave a record ahead of the server's copy (an edit here the server lacks): the push looks.
  for (const change of changes) touched.keys.add(change.key);
}

// ------------------------------------------------------------------------------------------------- push

/**
 * Pushes what changed here: every record (`scope` 'all') or only the keys named by the hints and the pull.
 * Either way a record is pushed only when it differs from its last synced copy.
 */
async function push(
  deps: SyncDeps,
  collections: Collections,
  report: SyncReport,
  scope: Set<string> | 'all',
): Promise<void> {
  if (scope !== 'all' && !scope.size) return;
  const view = await readLocalView(deps.db, scope);
  const local = view.payloads;
  const objects = scope === 'all' ? await readSyncObjects(deps.db) : await readSyncObjectsFor(deps.db, scope, []);
  const names = new Map([...view.contacts.values()].map((c) => [c.id, c.name]));
  const tasks: (() => Promise<void>)[] = [];
  // People first, so a calendar app never sees an event for someone not yet there.
  const ordered = [...local.entries()].sort(([a], [b]) => rank(a) - rank(b));
  for (const [key, payload] of ordered) {
    const state = objects.get(key) ?? null;
    if (state && samePayload(payload, state.base)) continue;
    tasks.push(() => pushOne(deps, collections, names, key, payload, state, report, 0));
  }
  for (const [key, state] of objects) {
    if (!local.has(key)) tasks.push(() => deleteOne(deps, names, state, report));
  }
  let done = 0;
  await inParallel(tasks, deps.concurrency ?? 4, async () => {
    done++;
    if (done % PROGRESS_EVERY === 0 || done === tasks.length)
      await deps.progress?.({ phase: 'push', done, total: tasks.length });
  });
}

const rank = (key: string) => (key.startsWith('card:') ? 0 : 1);

async function pushOne(
  deps: SyncDeps,
  collections: Collections,
  names: Map<string, string | null>,
  key: string,
  payload: Payload,
  state: SyncObject | null,
  report: SyncReport,
  tries: number,
): Promise<void> {
  const role = roleOf(payload);
  const href =
    state?.href ?? new URL(`${encodeURIComponent(payloadId(payload))}${extOf(role)}`, collections[role]).toString();
  const text = writeRemote(payload, state?.text ?? null, names, deps.now());
  const res = await deps.dav.put(href, text, state?.etag ?? null, contentType(role));
  if (res.status !== 412) {
    await saveSyncObject(deps.db, { key, role, href, etag: res.etag, text, base: payload });
    report.pushed++;
    return;
  }
  // Changed on the server since we last looked (or a create replayed after a crash): merge and try again.
  if (tries >= MAX_TRIES)
    throw new DavError('server', 'The server kept changing one record; sync will try again later.');
  const fresh = await deps.dav.get(href);
  if (!fresh) {
    // Deleted there meanwhile: the edit here wins, create it again.
    await dropSyncObject(deps.db, key);
    return pushOne(deps, collections, names, key, payload, null, report, tries + 1);
  }
  const parsed = parseRemote(role === 'book' ? 'book' : 'calendar', fresh.text, deps.now());
  const remote = parsed && complete(parsed, state?.base ?? payload);
  if (!remote)
    throw new DavError('server', 'The server holds something Rapport cannot read where one of its records belongs.');
  const { merged, lost } = mergePayload(state?.base ?? null, payload, remote);
  report.conflicts += lost.length;
  const base = parsed.kind === 'card' && parsed.partial ? { ...remote, partial: true as const } : remote;
  const next: SyncObject = { key, role, href, etag: fresh.etag, text: fresh.text, base };
  await applyPulled(deps.db, [
    { key, expected: payload, result: merged, object: next, notes: conflictNotes(deps, contactOf(remote), lost) },
  ]);
  const current = await readPayload(deps.db, key);
  const stateNow = (await readSyncObjectsFor(deps.db, [key], [])).get(key) ?? null;
  if (!current) return;
  if (stateNow && samePayload(current, stateNow.base)) return;
  return pushOne(deps, collections, names, key, current, stateNow, report, tries + 1);
}

async function deleteOne(
  deps: SyncDeps,
  names: Map<string, string | null>,
  state: SyncObject,
  report: SyncReport,
): Promise<void> {
  void names;
  const status = await deps.dav.remove(state.href, state.etag);
  if (status !== 412) {
    await dropSyncObject(deps.db, state.key);
    report.deletedOnServer++;
    return;
  }
  // Edited on the other computer after we deleted it here: the edit wins, the record comes back.
  const fresh = await deps.dav.get(state.href);
  const remote = fresh && parseRemote(state.role === 'book' ? 'book' : 'calendar', fresh.text, deps.now());
  if (!fresh || !remote) {
    await dropSyncObject(deps.db, state.key);
    return;
  }
  await applyPulled(deps.db, [
    {
      key: state.key,
      expected: null,
      result: remote,
      object: { ...state, etag: fresh.etag, text: fresh.text, base: remote },
      notes: [],
    },
  ]);
  report.pulled++;
}

/** Runs tasks with at most `limit` in flight; the first failure stops new ones and is thrown. */
async function inParallel(tasks: (() => Promise<void>)[], limit: number, after: () => Promise<void>): Promise<void> {
  let next = 0;
  let failure: unknown = null;
  const lane = async () => {
    while (failure === null && next < tasks.length) {
      const task = tasks[next++]!;
      try {
        await task();
        await after();
      } catch (error) {
        failure ??= error;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, lane));
  if (failure !== null) throw failure;
}

/** How many local changes wait for the server (shown in Settings). */
export async function countPending(db: RapportDatabase): Promise<number> {
  const local = (await readLocalView(db, 'all')).payloads;
  const objects = await readSyncObjects(db);
  let pending = 0;
  for (const [key, payload] of local) {
    const state = objects.get(key);
    if (!state || !samePayload(payload, state.base)) pending++;
  }
  for (const key of objects.keys()) if (!local.has(key)) pending++;
  return pending;
}
