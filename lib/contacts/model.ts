/**
 * The contact model shared by every context. Plain, structured-cloneable data only:
 * it crosses the message boundary and lives in IndexedDB as is.
 */

export const CONTACT_STATUSES = [
  'to-ask',
  'asked',
  'scheduled',
  'met',
  'thanked',
  'in-touch',
  'no-reply',
  'declined',
  'archived',
] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

export interface ExperienceEntry {
  title: string | null;
  company: string | null;
  /** As shown on the page, e.g. "Jan 2020 - Present". */
  dates: string | null;
  location: string | null;
  current: boolean;
}

export interface EducationEntry {
  school: string;
  degree: string | null;
  dates: string | null;
}

/** What a capture found on a page: every field optional, nothing invented. */
export interface CapturedProfile {
  name: string | null;
  firstName: string | null;
  lastName: string | null;
  pronouns: string | null;
  headline: string | null;
  currentTitle: string | null;
  currentCompany: string | null;
  location: string | null;
  /** Canonical `https://www.linkedin.com/in/<slug>/` for LinkedIn, the page URL otherwise. */
  profileUrl: string | null;
  photoUrl: string | null;
  about: string | null;
  /** null when the page has no such section; [] when the section is empty. */
  experience: ExperienceEntry[] | null;
  education: EducationEntry[] | null;
  email: string | null;
  phone: string | null;
  websites: string[];
  connectedSince: string | null;
}

/** Fields of CapturedProfile the user may edit by hand (and that re-capture must then keep). */
export type CapturedField = keyof CapturedProfile;

export interface Contact extends CapturedProfile {
  id: string;
  /** Unique key in the store: canonical profile URL, or `manual:<id>` when none is known. */
  profileUrl: string;
  /** Small data: URL thumbnail made at save time (LinkedIn photo URLs expire). */
  photoThumb: string | null;
  status: ContactStatus;
  tags: string[];
  targetField: string | null;
  targetEmployer: string | null;
  /** Contact id of whoever referred us to this person. */
  referredById: string | null;
  /** Free-text mutual acquaintance when the referrer is not a contact. */
  mutualAcquaintance: string | null;
  /** Fields the user edited by hand; re-capture keeps their values. */
  editedFields: CapturedField[];
  /** Where the capture came from (extractor ids), for diagnostics. */
  sources: string[];
  createdAt: number;
  updatedAt: number;
  /** Incremented on every write; an edit names the rev it was based on, so no edit is silently lost. */
  rev: number;
  capturedAt: number | null;
}

export function emptyCapturedProfile(): CapturedProfile {
  return {
    name: null,
    firstName: null,
    lastName: null,
    pronouns: null,
    headline: null,
    currentTitle: null,
    currentCompany: null,
    location: null,
    profileUrl: null,
    photoUrl: null,
    about: null,
    experience: null,
    education: null,
    email: null,
    phone: null,
    websites: [],
    connectedSince: null,
  };
}
