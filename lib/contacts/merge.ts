import { type CapturedField, type CapturedProfile, type Contact, emptyCapturedProfile } from './model';

const CAPTURED_FIELDS = Object.keys(emptyCapturedProfile()) as CapturedField[];

/** Fields a person can change by hand from the UI (the Contact's own types, so the two cannot drift). */
export type EditableFields = Pick<
  Contact,
  | CapturedField
  | 'status'
  | 'tags'
  | 'targetField'
  | 'targetEmployer'
  | 'referredById'
  | 'mutualAcquaintance'
  | 'photoThumb'
>;
export type EditableField = keyof EditableFields;

/** One field edit, with the value the editor saw: lets us refuse to overwrite a change made elsewhere. */
export interface FieldChange<K extends EditableField = EditableField> {
  field: K;
  before: EditableFields[K];
  after: EditableFields[K];
}

export interface JobChange {
  from: { title: string | null; company: string | null };
  to: { title: string | null; company: string | null };
}

export function newContact(
  profile: CapturedProfile,
  opts: { id: string; now: number; photoThumb?: string | null; sources?: string[] },
): Contact {
  return {
    ...profile,
    profileUrl: profile.profileUrl ?? `manual:${opts.id}`,
    id: opts.id,
    photoThumb: opts.photoThumb ?? null,
    status: 'to-ask',
    tags: [],
    targetField: null,
    targetEmployer: null,
    referredById: null,
    mutualAcquaintance: null,
    editedFields: [],
    sources: opts.sources ?? [],
    createdAt: opts.now,
    updatedAt: opts.now,
    capturedAt: opts.now,
    rev: 1,
  };
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function norm(value: string | null): string {
  return (value ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Re-capture of a known person: captured fields are refreshed, but a field the user edited by hand keeps
 * its value, and a field the page did not show this time (lazy section, sub-page) keeps the old one.
 */
export function applyCapture(
  existing: Contact,
  profile: CapturedProfile,
  opts: { now: number; photoThumb?: string | null; sources?: string[] },
): { contact: Contact; jobChange: JobChange | null } {
  const next: Contact = { ...existing };
  const edited = new Set(existing.editedFields);
  for (const field of CAPTURED_FIELDS) {
    if (field === 'profileUrl' || edited.has(field) || isEmpty(profile[field])) continue;
    (next as unknown as Record<string, unknown>)[field] = profile[field];
  }
  if (opts.photoThumb && !edited.has('photoUrl')) next.photoThumb = opts.photoThumb;
  if (opts.sources?.length) next.sources = [...new Set([...existing.sources, ...opts.sources])];
  next.capturedAt = opts.now;
  next.updatedAt = opts.now;
  next.rev = existing.rev + 1;

  const hadJob = !isEmpty(existing.currentTitle) || !isEmpty(existing.currentCompany);
  const titleChanged = !isEmpty(profile.currentTitle) && norm(profile.currentTitle) !== norm(existing.currentTitle);
  const companyChanged =
    !isEmpty(profile.currentCompany) && norm(profile.currentCompany) !== norm(existing.currentCompany);
  const jobChange =
    hadJob && (titleChanged || companyChanged)
      ? {
          from: { title: existing.currentTitle, company: existing.currentCompany },
          to: { title: next.currentTitle, company: next.currentCompany },
        }
      : null;
  return { contact: next, jobChange };
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Applies hand edits field by field. A field whose stored value is neither what the editor saw nor what
 * it wants is a conflict: it is left alone and reported, never silently overwritten.
 */
export function applyEdits(
  existing: Contact,
  changes: readonly FieldChange[],
  now: number,
): { contact: Contact; conflicts: EditableField[]; applied: EditableField[] } {
  const next: Contact = { ...existing };
  const conflicts: EditableField[] = [];
  const applied: EditableField[] = [];
  const edited = new Set(existing.editedFields);
  for (const change of changes) {
    const current = existing[change.field];
    if (sameValue(current, change.after)) continue;
    if (!sameValue(current, change.before)) {
      conflicts.push(change.field);
      continue;
    }
    (next as unknown as Record<string, unknown>)[change.field] = change.after;
    applied.push(change.field);
    if ((CAPTURED_FIELDS as string[]).includes(change.field)) edited.add(change.field as CapturedField);
  }
  if (applied.length) {
    next.editedFields = [...edited];
    next.updatedAt = now;
    next.rev = existing.rev + 1;
  }
  return { contact: next, conflicts, applied };
}
