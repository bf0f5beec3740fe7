import type { Contact } from '../contacts/model';
import { TEMPLATE_TEXTS, type TemplateKind } from '../ui/strings/workspace';

/** LinkedIn's limit for the note sent with a connection request. */
export const LINKEDIN_NOTE_LIMIT = 300;

export const TEMPLATE_KINDS: readonly TemplateKind[] = [
  'request-email',
  'request-linkedin',
  'thank-you',
  'referrer-update',
  'check-in',
];

export type PlaceholderName =
  'firstName' | 'mutual' | 'field' | 'employer' | 'myName' | 'length' | 'topics' | 'contactName';
export type TemplateValues = Partial<Record<PlaceholderName, string | null>>;

const PLACEHOLDER = /\{(\w+)\}/g;
const OPTIONAL = /\[\[([\s\S]*?)\]\]/g;

/**
 * Fills a template. An optional [[ … ]] segment is dropped when one of its placeholders is empty; a required
 * placeholder with no value stays as `{name}` and is listed in `missing`, so nothing half-filled goes out unseen.
 */
export function renderTemplate(template: string, values: TemplateValues): { text: string; missing: PlaceholderName[] } {
  const value = (name: string) => (values[name as PlaceholderName] ?? '').trim();
  const withoutOptional = template.replace(OPTIONAL, (_all, inner: string) => {
    const names = [...inner.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
    return names.every((name) => value(name)) ? inner : '';
  });
  const missing = new Set<PlaceholderName>();
  const text = withoutOptional.replace(PLACEHOLDER, (all, name: string) => {
    const v = value(name);
    if (v) return v;
    missing.add(name as PlaceholderName);
    return all;
  });
  return { text, missing: [...missing] };
}

/**
 * Characters as a text box's `maxlength` counts them (UTF-16 units: an emoji may count 2 or more). The
 * strictest count, so a note that fits here fits LinkedIn's box.
 */
export function noteLength(text: string): number {
  return text.length;
}

export function firstNameOf(contact: Pick<Contact, 'firstName' | 'name'>): string | null {
  return contact.firstName ?? contact.name?.trim().split(/\s+/)[0] ?? null;
}

/** The values a contact and the user's settings give to the placeholders. */
export function templateValues(
  contact: Contact,
  opts: { myName: string; lengthMin: number; referrerName?: string | null; topics?: string[] },
): TemplateValues {
  return {
    firstName: firstNameOf(contact),
    mutual: opts.referrerName ?? contact.mutualAcquaintance,
    field: contact.targetField,
    employer: contact.targetEmployer ?? contact.currentCompany,
    myName: opts.myName,
    length: `${opts.lengthMin} minutes`,
    topics: opts.topics?.length ? joinList(opts.topics) : null,
    contactName: contact.name,
  };
}

export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function renderKind(kind: TemplateKind, values: TemplateValues) {
  return renderTemplate(TEMPLATE_TEXTS[kind], values);
}

const STOP = new Set(
  'the a an and or but of to in on at for with about from by is are was were be been it this that these those i you we they he she my your our their me us them as so if not no yes do did does have has had how what when where which who why will would could should can may might very really just also more most some any all'.split(
    ' ',
  ),
);

/**
 * Topics for the thank-you, taken from the meeting: the questions that got notes (their note's first phrase),
 * at most `max`. Short, readable, never invented.
 */
export function topicsFromNotes(questions: readonly { text: string; note: string }[], max = 3): string[] {
  const topics: string[] = [];
  for (const { note } of questions) {
    const phrase = note
      .split(/[.\n;!?]/)[0]
      ?.replace(/\s+/g, ' ')
      .trim();
    if (!phrase) continue;
    const words = phrase
      .replace(/[,:]+$/, '')
      .split(' ')
      .slice(0, 8);
    while (words.length && STOP.has((words[words.length - 1] ?? '').toLowerCase())) words.pop();
    if (!words.some((w) => !STOP.has(w.toLowerCase()))) continue;
    topics.push(lowerFirst(words.join(' ')));
    if (topics.length >= max) break;
  }
  return topics;
}

/** "Hiring plans" → "hiring plans"; "AWS costs" and "iOS" keep their capitals. */
function lowerFirst(text: string): string {
  const first = text.split(' ')[0] ?? '';
  if (first.length > 1 && first.slice(1) !== first.slice(1).toLowerCase()) return text;
  return text.charAt(0).toLowerCase() + text.slice(1);
}
