import type { CapturedProfile } from '../contacts/model';

/** Outcome of running every applicable extractor over one page. */
export interface CaptureResult {
  /** false for "profile not found", feeds, search, company pages, lists of many people. */
  isProfile: boolean;
  profile: CapturedProfile;
  /** Per field, which extractor supplied the chosen value (e.g. "linkedin-2026", "json-ld"). */
  sources: Partial<Record<keyof CapturedProfile, string>>;
  /** Why the user should confirm before saving (missing name, disagreeing sources); empty when safe. */
  reviewReasons: string[];
}

/** One value an extractor found, with how sure it is (0..1). */
export interface Finding<T> {
  value: T;
  confidence: number;
}

/** What one extractor found on a page: any subset of the profile fields. */
export type Findings = { [K in keyof CapturedProfile]?: Finding<CapturedProfile[K]> };

/** Page-level hints an extractor may give besides fields. */
export interface PageSignals {
  /** The page says the profile does not exist / is unavailable. */
  notFound?: boolean;
  /** The page lists many people (search, h-card directory…): not one person's profile. */
  manyPeople?: boolean;
  /** The extractor recognised its own layout (a top card, a JSON-LD Person…). */
  recognised?: boolean;
}

export interface ExtractorOutput {
  fields: Findings;
  signals?: PageSignals;
}

/** One source, one contract: `(doc, url)` in, fields with confidences out. Must not throw (wrapped anyway). */
export interface Extractor {
  /** Source id, e.g. "linkedin-2022", "json-ld". */
  id: string;
  /**
   * A page layout extractor (LinkedIn 2022 / 2026 / public): a page has one layout, so once one
   * of them recognises the page the others are skipped (saves full-document scans).
   */
  layout?: boolean;
  /** For layout extractors: a selector whose first match in the page says "this layout". */
  sniff?: string;
  /** Cheap pre-check; extractors whose `applies` is false are skipped. */
  applies?: (doc: Document, url: string) => boolean;
  run: (doc: Document, url: string) => ExtractorOutput;
}
