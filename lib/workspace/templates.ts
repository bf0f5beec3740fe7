import type { Contact } from '../contacts/model';
import { PLACEHOLDER_HELP } from '../ui/strings/templates';
import type { TemplateKind } from '../ui/strings/workspace';

export const TEMPLATE_KINDS: readonly TemplateKind[] = [
  'request-email',
  'request-linkedin',
  'thank-you',
  'referrer-update',
  'check-in',
];

export type PlaceholderName = keyof typeof PLACEHOLDER_HELP;
export const PLACEHOLDERS = Object.keys(PLACEHOLDER_HELP) as PlaceholderName[];
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
  const mutual = opts.referrerName ?? contact.mutualAcquaintance;
  return {
    firstName: firstNameOf(contact),
    mutual,
    referrer: mutual ? firstNameOf({ firstName: null, name: mutual }) : null,
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

/** Placeholders still in a text (unfilled, or typed by the user), each once, in order. */
export function gapsIn(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''))];
}

/** Placeholders a template names that Rapport cannot fill (a typo such as {frstName}). */
export function unknownPlaceholders(template: string): string[] {
  return gapsIn(template).filter((name) => !(PLACEHOLDERS as string[]).includes(name));
}

/** A message's "Subject: …" first line, split off for an email; null subject when it has none. */
export function splitSubject(text: string): { subject: string | null; body: string } {
  const match = /^Subject:[ \t]*(.*)\r?\n/i.exec(text);
  if (!match) return { subject: null, body: text };
  return { subject: match[1]!.trim() || null, body: text.slice(match[0].length).replace(/^\s*\n/, '') };
}

/** A `mailto:` link that opens the user's email app with the message; null without a usable address. */
export function mailtoLink(email: string | null, text: string): string | null {
  const address = email?.trim() ?? '';
  if (!/^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(address)) return null;
  const { subject, body } = splitSubject(text);
  const params = [
    ...(subject ? [`subject=${encodeURIComponent(subject)}`] : []),
    `body=${encodeURIComponent(body.replace(/\r?\n/g, '\r\n'))}`,
  ];
  return `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}?${params.join('&')}`;
}
