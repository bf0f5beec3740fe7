import type { QuestionTopic, TemplateKind } from './workspace';

/**
 * Rapport's own wording for every message, two or more variants each (the user can edit any of them, or
 * add their own, in Settings). {placeholders} are filled in; a [[ … ]] part disappears when a placeholder
 * inside it has no value. The LinkedIn notes fit in 200 characters (a free account's limit) with long names.
 */
export const BUILTIN_TEMPLATES: Record<TemplateKind, { name: string; text: string }[]> = {
  'request-email': [
    {
      name: 'Warm',
      text: `Subject: A short conversation about {field}?

Hello {firstName},

My name is {myName}. [[{mutual} suggested I contact you. ]]I am exploring a move into {field}[[ and am especially curious about {employer}]], and your experience looks like exactly what I would like to understand better.

I am not looking for a job opening; I would simply value your perspective. Could you spare {length} for a phone or video call, at whatever time suits you best?

Thank you for considering it,
{myName}`,
    },
    {
      name: 'Brief',
      text: `Subject: {length} of your advice?

Hi {firstName},

[[{mutual} thought you would be a good person to ask. ]]I am finding my way into {field} and would be grateful for {length} by phone or video to hear how you see it. I am not asking about jobs, only hoping to learn.

Many thanks,
{myName}`,
    },
  ],
  'request-linkedin': [
    {
      name: 'Short note',
      text: `Hi {firstName}, [[{mutual} suggested I write. ]]I'm exploring {field}; could I have {length} of your advice? Just learning, not job hunting. {myName}`,
    },
    {
      name: 'About their path',
      text: `Hi {firstName}, your path into {field} caught my eye. Could I ask you a few questions in a {length} call? Only to learn, not job hunting. {myName}`,
    },
  ],
  'thank-you': [
    {
      name: 'Warm',
      text: `Subject: Thank you for your time

Hello {firstName},

Thank you for taking the time to talk with me. I especially valued what you told me about {topics}; it gave me a far clearer picture than anything I had read.

I will act on your advice and let you know how it goes.

With thanks,
{myName}`,
    },
    {
      name: 'Short',
      text: `Hello {firstName},

Many thanks for our conversation. Hearing about {topics} was exactly what I needed, and I will put your advice to use.

Best wishes,
{myName}`,
    },
  ],
  'referrer-update': [
    {
      name: 'After the meeting',
      text: `Subject: Thanks to you, I spoke with {contactName}

Hello {referrer},

A quick update: thanks to your introduction I spoke with {contactName}. It was a really useful conversation[[ about {field}]], and I wanted you to know your help made a difference.

Thank you again,
{myName}`,
    },
    {
      name: 'Thanks for the intro',
      text: `Hello {referrer},

Thank you for pointing me to {contactName}. I have written to them and will tell you how it goes.

Best,
{myName}`,
    },
  ],
  'check-in': [
    {
      name: 'Quarterly update',
      text: `Subject: A quick update

Hello {firstName},

It has been a few months since we spoke, and I wanted to share where things stand: [[I am still following {field} closely and ]]your advice has shaped my next steps.

I hope all is well with you. Is there anything I could help you with in return?

Warm regards,
{myName}`,
    },
    {
      name: 'Thanks again',
      text: `Hello {firstName},

I have been thinking back to our conversation. Your advice has already helped: I have taken a few first steps[[ towards {field}]] and wanted to thank you once more.

If there is ever anything I can do for you, please ask.

All the best,
{myName}`,
    },
  ],
};

/**
 * What each question topic was about, as a thank-you would say it: "what you told me about {topics}".
 * Questions of the user's own ("custom") have no phrase: the gap stays for them to fill in.
 */
export const TOPIC_PHRASES: Record<QuestionTopic, string | null> = {
  background: 'how you found your way into this work',
  environment: 'what your weeks actually look like',
  rewards: 'what makes the work worth it for you',
  challenges: 'the hard parts of the job',
  salary: 'what pay to expect',
  trends: 'where the field is heading',
  advice: 'where you would start in my place',
  demand: 'who needs these skills',
  hiring: 'what tips a hiring decision',
  market: 'the job market right now',
  referrals: 'who else I could talk to',
  culture: 'how people work together there',
  path: 'where the role can lead',
  reading: 'what to read and follow',
  custom: null,
};

/** Every placeholder, as the Settings list and the "fill in" warning name it. */
export const PLACEHOLDER_HELP = {
  firstName: 'their first name',
  mutual: 'whoever referred you (or the mutual acquaintance)',
  referrer: 'the first name of whoever referred you',
  field: 'your target field',
  employer: 'your target employer (or their company)',
  myName: 'your name (Settings)',
  length: 'the meeting length',
  topics: 'what you talked about (tick the questions you asked during the call)',
  contactName: 'the name of the person you met',
} as const;

export const templateStrings = {
  heading: 'Message templates',
  intro:
    'Your own wording for every message. Each kind can have several variants; the Ask tab offers them all. Placeholders in braces are filled in for each person; a part in [[double brackets]] disappears when a placeholder inside it is empty.',
  kind: 'Message',
  variant: 'Variant',
  variantName: 'Name of this variant',
  text: 'Wording',
  placeholders: 'Placeholders you can use',
  unknown: (names: string) => `Not a placeholder Rapport knows (check the spelling): ${names}.`,
  save: 'Save',
  saved: 'Saved.',
  addVariant: 'Add a variant',
  newVariantName: (n: number) => `My variant ${n}`,
  deleteVariant: 'Delete this variant',
  restore: 'Back to Rapport’s wording',
  yours: 'edited',
  length: (n: number, limit: number) => `${n} characters before filling in (your LinkedIn plan allows ${limit}).`,
  editInSettings: 'Edit templates',
  gapsTitle: 'Still to fill in',
  copyAnyway: 'Copy anyway',
  sendAnyway: 'Mark as sent anyway',
  gapsWarning: (names: string) => `This message still has gaps: ${names}. Fill them in, or go ahead anyway.`,
  mailto: 'Write in my email app',
  mailtoTo: (email: string) => `To ${email}`,
} as const;
