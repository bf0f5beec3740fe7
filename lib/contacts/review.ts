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
