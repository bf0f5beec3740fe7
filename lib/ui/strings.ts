import { dataStrings } from './strings/data';
import { followupStrings } from './strings/followups';
import { recordsStrings } from './strings/records';
import { surfacesStrings } from './strings/surfaces';
import { syncStrings } from './strings/sync';
import { workspaceStrings } from './strings/workspace';

/**
 * Every user-facing string of the extension pages, in one place, ready for translation.
 * Features add their own section; keep keys stable.
 */
export const strings = {
  app: { name: 'Rapport' },
  data: dataStrings,
  workspace: workspaceStrings,
  followups: followupStrings,
  records: recordsStrings,
  surfaces: surfacesStrings,
  sync: syncStrings,
  capture: {
    sectionLabel: 'This page',
    saveThisPage: 'Save the person on this page',
    saving: 'Reading the page…',
    saved: (name: string) => `Saved ${name}.`,
    thisPerson: 'this person',
    notAProfile: 'Rapport found no person’s profile on this page. Nothing was saved.',
    failed: (message: string) => `Not saved: ${message}`,
    nameNeeded: 'A name is needed to save.',
    reviewTitle: 'Check before saving',
    save: 'Save',
    cancel: 'Cancel',
  },
  contacts: {
    listLabel: 'Saved people',
    emptyTitle: 'No one saved yet',
    emptyBody:
      'Open someone’s LinkedIn profile and press “Save to Rapport” at the bottom left of the page. They will appear here, ready for you to ask for a short conversation.',
    openInPanel: (name: string) => `Open ${name} in the side panel`,
    unnamed: 'Unnamed person',
    loading: 'Loading…',
    loadError: (error: string) => `Could not read your saved people: ${error}`,
  },
  details: {
    noneSelected: 'Choose a person in the Rapport popup to see them here.',
    notFound: 'This person is no longer in Rapport.',
    back: 'All people',
    profileLink: 'Open profile page',
    conflict: (field: string) => `“${field}” was changed elsewhere meanwhile. Your edit was not applied.`,
    saveError: (error: string) => `Not saved: ${error}`,
    fields: {
      name: 'Name',
      headline: 'Headline',
      currentTitle: 'Role',
      currentCompany: 'Company',
      location: 'Location',
      email: 'Email',
      phone: 'Phone',
      about: 'About',
      targetField: 'Target field',
      targetEmployer: 'Target employer',
      mutualAcquaintance: 'Mutual acquaintance',
      pronouns: 'Pronouns',
    },
    experience: 'Experience',
    education: 'Education',
    websites: 'Websites',
  },
} as const;
