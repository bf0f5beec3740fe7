import { type CapturedProfile, emptyCapturedProfile } from '@/lib/contacts/model';

/** A captured profile of an invented person; override what a test cares about. */
export function profile(overrides: Partial<CapturedProfile> = {}): CapturedProfile {
  return {
    ...emptyCapturedProfile(),
    name: 'Marta Quintero',
    firstName: 'Marta',
    lastName: 'Quintero',
    headline: 'Data engineer at Lumen Tide',
    currentTitle: 'Data engineer',
    currentCompany: 'Lumen Tide',
    location: 'Valencia, Spain',
    profileUrl: 'https://www.linkedin.com/in/marta-quintero-example/',
    ...overrides,
  };
}
