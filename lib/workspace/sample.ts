import { emptyCapturedProfile, type CapturedProfile } from '../contacts/model';

/**
 * An invented person offered on the welcome page, so a new user can try the side panel (asking,
 * preparing, the call) before saving anyone real. Its key is not a web address: it never links anywhere
 * and saving it twice finds the same record.
 */
export const SAMPLE_PROFILE_URL = 'manual:rapport-sample-person';
export const SAMPLE_TAG = 'sample';

export function sampleProfile(): CapturedProfile {
  return {
    ...emptyCapturedProfile(),
    name: 'Sam Okafor (sample)',
    firstName: 'Sam',
    lastName: 'Okafor',
    headline: 'UX researcher · invented example to try Rapport with',
    currentTitle: 'Senior UX Researcher',
    currentCompany: 'Example Health',
    location: 'Lisbon',
    profileUrl: SAMPLE_PROFILE_URL,
    about:
      'An invented person, so you can try every tab of the side panel: write a request, plan a meeting, run the call timer and take notes. Delete them whenever you like.',
    experience: [
      {
        title: 'Senior UX Researcher',
        company: 'Example Health',
        dates: '2021 – today',
        location: null,
        current: true,
      },
      {
        title: 'Research assistant',
        company: 'A university lab',
        dates: '2017 – 2021',
        location: null,
        current: false,
      },
    ],
    education: [{ school: 'An example university', degree: 'MSc Human–Computer Interaction', dates: '2015 – 2017' }],
  };
}

/** What the sample meeting is for, and which built-in questions it starts with. */
export const SAMPLE_MEETING = {
  goals: 'Learn what a research week looks like, which skills matter most, and who else to talk to.',
  questionIds: ['bq-environment-1', 'bq-advice-1', 'bq-referrals-1'],
  targetField: 'UX research',
} as const;
