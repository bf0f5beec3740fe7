import type { CapturedProfile } from './model';

/** The fields a person checks before saving a capture that needs review (page button and popup alike). */
export const REVIEW_FIELDS = [
  ['name', 'Name'],
  ['headline', 'Headline'],
  ['currentTitle', 'Role'],
  ['currentCompany', 'Company'],
  ['location', 'Location'],
] as const satisfies readonly (readonly [keyof CapturedProfile, string])[];

export type ReviewField = (typeof REVIEW_FIELDS)[number][0];

/** Applies the reviewed values (trimmed; empty → null) to the captured profile. */
export function applyReview(profile: CapturedProfile, values: Partial<Record<ReviewField, string>>): CapturedProfile {
  const next: CapturedProfile = { ...profile };
  for (const [field] of REVIEW_FIELDS) {
    const value = values[field];
    if (value !== undefined) next[field] = value.trim() || null;
  }
  return next;
}

/** Longest value a reviewed field may hold (a LinkedIn headline is at most 220 characters). */
export const MAX_REVIEW_VALUE = 2000;

/**
 * Keeps only the review fields, as strings of sane length: the values come from a form drawn in a web
 * page, so nothing else may ride along.
 */
export function cleanReviewValues(values: unknown): Partial<Record<ReviewField, string>> {
  const clean: Partial<Record<ReviewField, string>> = {};
  if (!values || typeof values !== 'object') return clean;
  for (const [field] of REVIEW_FIELDS) {
    const value = (values as Record<string, unknown>)[field];
    if (typeof value === 'string') clean[field] = value.slice(0, MAX_REVIEW_VALUE);
  }
  return clean;
}
