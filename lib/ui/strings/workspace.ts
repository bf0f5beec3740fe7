/**
 * Every user-facing string of the interview workspace (contacts, asking, preparing, the call, after),
 * including the built-in question bank and message templates. Written for Rapport; ready for translation.
 */
import type { ContactStatus } from '../../contacts/model';
import { STATUS_LABELS } from '../../contacts/status-labels';

export const workspaceStrings = {
  status: STATUS_LABELS satisfies Record<ContactStatus, string>,
  search: {
    label: 'Search people',
    placeholder: 'Name, company, headline, tag or note',
    filters: 'Filters',
    status: 'Status',
    anyStatus: 'Any status',
    tag: 'Tag',
    anyTag: 'Any tag',
    targetField: 'Target field',
    anyField: 'Any field',
    targetEmployer: 'Target employer',
    anyEmployer: 'Any employer',
    due: 'Something due',
    sort: 'Sort',
    sorts: {
      updated: 'Recently updated',
      name: 'Name',
      status: 'Pipeline stage',
      created: 'Recently added',
    },
    results: (shown: number, total: number) =>
      shown === total ? `${total} ${total === 1 ? 'person' : 'people'}` : `${shown} of ${total} people`,
    noMatch: 'Nobody matches this search.',
    showMore: (n: number) => `Show ${n} more`,
    clear: 'Clear filters',
    /** Read by screen readers around a row's name: "Open <name> in the side panel". */
    rowOpenBefore: 'Open',
    rowOpenAfter: 'in the side panel',
  },
  tabs: {
    label: 'Contact sections',
    details: 'Details',
    ask: 'Ask',
    prepare: 'Prepare',
    call: 'Call',
    after: 'After',
  },
  contact: {
    pipeline: 'Stage',
    connection: 'How we are connected',
    referredBy: 'Referred by',
    openReferrer: (name: string) => `Open ${name}`,
    noReferrer: 'Not referred by a saved person',
    tags: 'Tags',
    tagsHint: 'Separate tags with commas',
    timeline: 'Timeline',
    addNote: 'Add a note',
    noteLabel: 'New note',
    noTimeline: 'Nothing here yet.',
    meetings: 'Meetings',
    profile: 'Profile',
    kinds: {
      note: 'Note',
      message: 'Message',
      status: 'Stage',
      'job-change': 'Job change',
      meeting: 'Meeting',
      capture: 'Saved',
    },
  },
  ask: {
    heading: 'Ask for a conversation',
    template: 'Message',
    templates: {
      'request-email': 'Request by email',
      'request-linkedin': 'Request as a LinkedIn note',
      'thank-you': 'Thank-you',
      'referrer-update': 'Update to whoever referred me',
      'check-in': 'Quarterly check-in',
    },
    text: 'Text to send',
    counter: (used: number, limit: number) => `${used} / ${limit} characters`,
    tooLong: (over: number) => `${over} characters over LinkedIn’s limit for a connection note: shorten it.`,
    copy: 'Copy',
    copied: 'Copied to the clipboard.',
    copyFailed: 'Could not copy: select the text and copy it by hand.',
    markSent: 'Mark as sent',
    sent: 'Marked as sent.',
    reset: 'Start over from the template',
    missing: (names: string) => `Fill in before sending: ${names}.`,
    openSettings: 'Set your name in the settings',
    tipsHeading: 'Tips',
    tips: [
      'You are after their knowledge and advice, not a job: say so plainly, and never ask for a position.',
      'If someone you both know pointed you to them, name that person in the first lines.',
      'Offer to fit their calendar, by phone or video, and keep it to 20–30 minutes.',
      'Still employed? Write from your private address and keep the request low-key.',
      'Keep it short: who you are, why them, what you would like to learn.',
    ],
    placeholders: {
      firstName: 'their first name',
      mutual: 'mutual acquaintance',
      field: 'target field',
      employer: 'target employer',
      myName: 'your name (settings)',
      length: 'meeting length',
      topics: 'topics from your notes',
      contactName: 'the person you met',
    },
  },
  prepare: {
    heading: 'Prepare the meeting',
    none: 'No meeting planned yet.',
    noDate: 'Date not set',
    create: 'Plan a meeting',
    when: 'Date and time',
    length: 'Length',
    minutes: (n: number) => `${n} minutes`,
    medium: 'How',
    media: { video: 'Video call', phone: 'Phone', 'in-person': 'In person' },
    whereLabel: { video: 'Video link', phone: 'Phone number', 'in-person': 'Place' },
    goals: 'What I want from this conversation',
    checklistHeading: 'Before the meeting',
    checklist: {
      company: 'I have looked into their organisation',
      values: 'I know what the organisation stands for',
      interest: 'I can say why it interests me',
      person: 'I know who this person is and what they do',
      learn: 'I know what I want to learn',
      next: 'I have thought of sensible next steps',
    },
    aboutMe: 'About me (a short introduction I can reuse)',
    aboutMeHint: 'Saved in the settings for every meeting.',
    calendar: 'Add to calendar',
    ics: 'Download .ics',
    google: 'Google Calendar',
    calendarNeedsDate: 'Choose a date and time to add it to a calendar.',
    eventTitle: (name: string) => `Informational interview with ${name}`,
    eventDetails: (goals: string) => (goals ? `Goals: ${goals}` : 'Informational interview, planned in Rapport.'),
    previous: 'Earlier meetings',
  },
  bank: {
    heading: 'Questions',
    chosen: 'Chosen for this meeting',
    noneChosen: 'No questions chosen yet: pick some from the bank below.',
    bank: 'Question bank',
    topic: 'Topic',
    allTopics: 'All topics',
    topicSummary: (topic: string, count: number) => `${topic} (${count})`,
    starredOnly: 'Starred only',
    pick: (text: string) => `Add “${text}”`,
    remove: (text: string) => `Remove “${text}”`,
    up: (text: string) => `Move “${text}” up`,
    down: (text: string) => `Move “${text}” down`,
    star: (text: string) => `Star “${text}”`,
    unstar: (text: string) => `Unstar “${text}”`,
    searchable: 'A web search could answer this: ask something only they can.',
    custom: 'Your own question',
    customTopic: 'Topic of your question',
    addCustom: 'Add to the bank and this meeting',
  },
  call: {
    heading: 'During the call',
    noMeeting: 'Plan a meeting first (Prepare), then come back here during the call.',
    start: 'Start timer',
    timerLabel: 'Time left',
    remaining: (clock: string) => `${clock} left`,
    over: (clock: string) => `${clock} over`,
    notStarted: (n: number) => `${n} minutes agreed`,
    twoMinutes: 'Two minutes left: start wrapping up.',
    timeUp: 'Time is up: thank them and end on time.',
    questions: 'Questions',
    asked: (text: string) => `Asked: ${text}`,
    answerNotes: (text: string) => `Notes on “${text}”`,
    generalNotes: 'General notes',
    followupQuestion: 'Follow-up question',
    addFollowup: 'Add question',
    referral: 'They suggested someone',
    referralName: 'Name',
    referralRole: 'Role',
    referralCompany: 'Company',
    referralMayUseName: 'They said I may mention their name',
    addReferral: 'Save referral',
    referralAdded: (name: string) => `${name} saved, referred by this person.`,
    saved: 'Saved',
    saving: 'Saving…',
    conflict: 'Your text is kept here; editing it again replaces the other version.',
    useStored: 'Show the other version instead',
  },
  after: {
    heading: 'After the meeting',
    learned: 'What I learned',
    next: 'What I will do next',
    markMet: 'Mark met',
    markedMet: 'Marked met: a thank-you follow-up is scheduled.',
    done: 'This meeting is done.',
    thankYou: 'Write the thank-you',
    exportMarkdown: 'Export notes (Markdown)',
    print: 'Print view',
    close: 'Close print view',
  },
  funnel: {
    heading: 'Your progress',
    asked: 'Asked',
    replied: 'Replied',
    met: 'Met',
    thanked: 'Thanked',
    replyRate: 'Reply rate',
    medianDays: 'Median days to reply',
    none: '—',
    upcoming: 'Upcoming meetings',
    noUpcoming: 'No meetings planned.',
  },
  profile: {
    heading: 'About you',
    myName: 'My name (used in messages)',
    aboutMe: 'About me (a short introduction for meetings)',
    defaultLength: 'Default meeting length',
    saved: 'Saved.',
  },
  meetingStatus: { planned: 'Planned', done: 'Done', cancelled: 'Cancelled' },
  conflict: 'Changed elsewhere meanwhile: your last edit was not applied.',
  saveError: (error: string) => `Not saved: ${error}`,
  markdown: {
    title: (name: string) => `Meeting with ${name}`,
    when: 'When',
    length: 'Length',
    how: 'How',
    goals: 'Goals',
    questions: 'Questions',
    notAsked: '(not asked)',
    notes: 'Notes',
    learned: 'What I learned',
    next: 'Next steps',
  },
} as const;

/** Topics of the question bank, in display order. */
export const QUESTION_TOPICS = {
  background: 'Background',
  environment: 'Work environment',
  rewards: 'Rewards',
  challenges: 'Challenges',
  salary: 'Salary',
  trends: 'Industry trends',
  advice: 'Advice',
  demand: 'Demand',
  hiring: 'Hiring',
  market: 'Job market',
  referrals: 'Referrals',
  culture: 'Culture',
  path: 'Career path',
  reading: 'What to read and follow',
  custom: 'My own questions',
} as const;
export type QuestionTopic = keyof typeof QUESTION_TOPICS;

/** The built-in bank. `searchable`: a web search would answer it, so the hint suggests asking something better. */
export const BUILTIN_QUESTION_TEXTS: { id: string; topic: QuestionTopic; text: string; searchable?: true }[] = [
  { id: 'bq-background-1', topic: 'background', text: 'What brought you into this line of work in the first place?' },
  {
    id: 'bq-background-2',
    topic: 'background',
    text: 'Which parts of your studies or earlier jobs turned out to matter most here?',
  },
  {
    id: 'bq-background-3',
    topic: 'background',
    text: 'What qualifications does this role formally require?',
    searchable: true,
  },
  { id: 'bq-environment-1', topic: 'environment', text: 'What does an ordinary week look like for you?' },
  { id: 'bq-environment-2', topic: 'environment', text: 'Who do you work with most closely, and how?' },
  { id: 'bq-rewards-1', topic: 'rewards', text: 'Which moments in this job make it worth it for you?' },
  { id: 'bq-rewards-2', topic: 'rewards', text: 'What would you miss most if you left this field?' },
  { id: 'bq-challenges-1', topic: 'challenges', text: 'What is the hardest part of your work right now?' },
  {
    id: 'bq-challenges-2',
    topic: 'challenges',
    text: 'What problems is your organisation or industry wrestling with?',
  },
  { id: 'bq-salary-1', topic: 'salary', text: 'Roughly what pay range could someone entering this field expect?' },
  { id: 'bq-salary-2', topic: 'salary', text: 'What is the average salary for this job title?', searchable: true },
  { id: 'bq-trends-1', topic: 'trends', text: 'How do you expect this field to change over the next few years?' },
  { id: 'bq-trends-2', topic: 'trends', text: 'Which skills are becoming more valuable here, and which less?' },
  { id: 'bq-advice-1', topic: 'advice', text: 'If you were starting out today, what would you do first?' },
  {
    id: 'bq-advice-2',
    topic: 'advice',
    text: 'What experience, paid or unpaid, would make someone like me stand out?',
  },
  { id: 'bq-advice-3', topic: 'advice', text: 'Looking at my background, what gaps would you work on?' },
  { id: 'bq-demand-1', topic: 'demand', text: 'Which kinds of organisations employ people who do what you do?' },
  { id: 'bq-demand-2', topic: 'demand', text: 'Which neighbouring roles use similar skills?' },
  {
    id: 'bq-demand-3',
    topic: 'demand',
    text: 'How large is this company and where are its offices?',
    searchable: true,
  },
  {
    id: 'bq-hiring-1',
    topic: 'hiring',
    text: 'When your team hires, what tips the balance between two good candidates?',
  },
  { id: 'bq-hiring-2', topic: 'hiring', text: 'What mistakes do applicants often make in this field?' },
  { id: 'bq-market-1', topic: 'market', text: 'How easy or hard is it to find work in this field at the moment?' },
  { id: 'bq-market-2', topic: 'market', text: 'Where do openings usually surface before they are advertised?' },
  { id: 'bq-referrals-1', topic: 'referrals', text: 'Is there anyone else you think I should talk to?' },
  { id: 'bq-referrals-2', topic: 'referrals', text: 'Would it be all right to mention your name when I contact them?' },
  { id: 'bq-culture-1', topic: 'culture', text: 'How would you describe the way people work together here?' },
  { id: 'bq-culture-2', topic: 'culture', text: 'What kind of person tends to thrive in this organisation?' },
  { id: 'bq-culture-3', topic: 'culture', text: 'What is the company’s mission statement?', searchable: true },
  { id: 'bq-path-1', topic: 'path', text: 'Where do people in your role usually move on to?' },
  { id: 'bq-path-2', topic: 'path', text: 'How has your own career taken shape since you started?' },
  {
    id: 'bq-reading-1',
    topic: 'reading',
    text: 'Which publications, newsletters or people do you follow to stay current?',
  },
  { id: 'bq-reading-2', topic: 'reading', text: 'Are there groups or events where people in this field meet?' },
];

export type TemplateKind = 'request-email' | 'request-linkedin' | 'thank-you' | 'referrer-update' | 'check-in';

/**
 * Message templates. {placeholders} are filled in; a [[ … ]] segment disappears when a placeholder inside it
 * has no value (e.g. no mutual acquaintance).
 */
export const TEMPLATE_TEXTS: Record<TemplateKind, string> = {
  'request-email': `Subject: A short conversation about {field}?

Hello {firstName},

My name is {myName}. [[{mutual} suggested I contact you. ]]I am exploring a move into {field}[[ and am especially curious about {employer}]], and your experience looks like exactly what I would like to understand better.

I am not looking for a job opening; I would simply value your perspective. Could you spare {length} for a phone or video call, at whatever time suits you best?

Thank you for considering it,
{myName}`,
  'request-linkedin': `Hello {firstName}, [[{mutual} suggested I reach out. ]]I am exploring {field} and would value {length} of your perspective by phone or video, whenever suits you. Not a job request, just learning. Thank you! {myName}`,
  'thank-you': `Hello {firstName},

Thank you for making time to talk with me. [[I especially appreciated what you shared about {topics}. ]]Your advice gives me a much clearer picture of {field}, and I will act on it.

I will let you know how things go.

Best wishes,
{myName}`,
  'referrer-update': `Hello,

A quick update: thanks to your introduction I spoke with {contactName}. It was a very useful conversation[[ about {field}]], and I wanted you to know your help made a difference.

Thank you again,
{myName}`,
  'check-in': `Hello {firstName},

It has been a few months since we spoke, and I wanted to share where things stand: [[I am still following {field} closely and ]]your advice has shaped my next steps.

I hope all is well with you. Is there anything I could help you with in return?

Warm regards,
{myName}`,
};
