import { CONTACT_STATUSES, type ContactStatus } from '../contacts/model';
import type { TimelineEntry } from '../db/schema';
import {
  type Component,
  newVCard,
  parseComponent,
  serialize,
  setText,
  setXData,
  setXDataList,
  setXText,
  text,
  texts,
  xData,
  xDataList,
} from './ical';
import type { CardPayload, SyncedContact, SyncedMeeting } from './payload';

/**
 * A person as a vCard 3.0 (read 3.0 and 4.0). Standard properties carry what other apps can show (FN, N, ORG,
 * TITLE, EMAIL, TEL, URL, CATEGORIES, NOTE, PHOTO); Rapport-only fields go in X-RAPPORT-* properties, and
 * X-RAPPORT-DATA holds the whole record as Rapport wrote it. On read, a standard property that no longer says
 * what Rapport wrote was edited by another app, and that edit wins; everything else comes from X-RAPPORT-DATA,
 * so the local store stays the truth for Rapport-only fields even when an app drops them.
 */

const PLACEHOLDER_NAME = 'Unnamed person';

type StandardFields = Pick<
  SyncedContact,
  | 'name'
  | 'firstName'
  | 'lastName'
  | 'currentCompany'
  | 'currentTitle'
  | 'email'
  | 'phone'
  | 'profileUrl'
  | 'websites'
  | 'tags'
  | 'about'
  | 'photoThumb'
>;

function writeStandard(card: Component, c: SyncedContact): void {
  setText(card, 'fn', c.name ?? PLACEHOLDER_NAME);
  card.removeAllProperties('n');
  card.addPropertyWithValue('n', [c.lastName ?? '', c.firstName ?? '', '', '', '']);
  card.removeAllProperties('org');
  if (c.currentCompany) card.addPropertyWithValue('org', [c.currentCompany]);
  setText(card, 'title', c.currentTitle);
  card.removeAllProperties('email');
  if (c.email) card.addPropertyWithValue('email', c.email).setParameter('type', 'INTERNET');
  setText(card, 'tel', c.phone);
  card.removeAllProperties('url');
  card.removeAllProperties('x-socialprofile');
  const profile = c.profileUrl.startsWith('manual:') ? null : c.profileUrl;
  // vobject (Radicale) cuts a URL at its first comma; %2C means the same to a browser.
  const safe = (url: string) => url.replace(/,/g, '%2C');
  for (const url of [profile, ...c.websites.filter((w) => w !== profile)])
    if (url) card.addPropertyWithValue('url', safe(url));
  if (profile && /linkedin\.com\//.test(profile)) {
    const social = card.addPropertyWithValue('x-socialprofile', safe(profile));
    social.setParameter('type', 'linkedin');
  }
  card.removeAllProperties('categories');
  if (c.tags.length) card.addProperty(categories(card, c.tags));
  setText(card, 'note', c.about);
  card.removeAllProperties('photo');
  const photo = c.photoThumb?.match(/^data:image\/(\w+);base64,(.+)$/);
  if (photo) {
    const prop = card.addPropertyWithValue('photo', photo[2]);
    prop.setParameter('encoding', 'b');
    prop.setParameter('type', photo[1]!.toUpperCase());
  }
}

function categories(card: Component, tags: string[]) {
  const prop = card.addPropertyWithValue('categories', tags[0]!);
  card.removeProperty(prop);
  prop.setValues(tags);
  return prop;
}

function readStandard(card: Component): StandardFields {
  const n = card.getFirstPropertyValue('n') as unknown;
  const parts = Array.isArray(n) ? n.map((x) => (Array.isArray(x) ? x.join(' ') : String(x ?? ''))) : [];
  const org = card.getFirstPropertyValue('org') as unknown;
  const company = Array.isArray(org) ? String(org[0] ?? '') : org ? String(org) : '';
  const urls = texts(card, 'url');
  const social = text(card, 'x-socialprofile');
  const profileUrl = social ?? urls.find((u) => /linkedin\.com\/in\//.test(u)) ?? urls[0] ?? null;
  const photo = card.getFirstProperty('photo');
  let photoThumb: string | null = null;
  if (photo) {
    const value = String(photo.getFirstValue() ?? '');
    const type = String(photo.getParameter('type') ?? 'jpeg').toLowerCase();
    photoThumb = value.startsWith('data:') ? value : value ? `data:image/${type};base64,${value}` : null;
  }
  const fn = text(card, 'fn');
  return {
    name: fn,
    lastName: parts[0] || null,
    firstName: parts[1] || null,
    currentCompany: company || null,
    currentTitle: text(card, 'title'),
    email: text(card, 'email'),
    phone: text(card, 'tel'),
    profileUrl: profileUrl ?? '',
    websites: urls.filter((u) => u !== profileUrl),
    tags: texts(card, 'categories'),
    about: text(card, 'note'),
    photoThumb,
  };
}

/** Writes the payload on top of `previous` (the server's current copy), changing only our properties. */
export function writeCard(payload: CardPayload, previous: string | null): string {
  const card = (previous && parseComponent(previous)) || newVCard();
  const c = payload.contact;
  if (!card.getFirstPropertyValue('uid')) setText(card, 'uid', `urn:uuid:${c.id}`);
  writeStandard(card, c);
  setXText(card, 'x-rapport-id', c.id);
  setXText(card, 'x-rapport-status', c.status);
  setXText(card, 'x-rapport-headline', c.headline);
  setXText(card, 'x-rapport-location', c.location);
  setXText(card, 'x-rapport-profile-url', c.profileUrl);
  setXData(card, 'x-rapport-data', c);
  setXDataList(card, 'x-rapport-timeline', payload.timeline);
  setXDataList(card, 'x-rapport-meeting', payload.drafts);
  // REV would come out as VALUE=TIMESTAMP even in 3.0; leave whatever another app wrote alone.
  return serialize(card);
}

function isContactData(value: unknown): value is SyncedContact {
  if (!value || typeof value !== 'object') return false;
  const v = value as Partial<SyncedContact>;
  return typeof v.id === 'string' && typeof v.profileUrl === 'string' && typeof v.createdAt === 'number';
}

const isTimelineEntry = (v: unknown): v is TimelineEntry =>
  !!v &&
  typeof v === 'object' &&
  typeof (v as TimelineEntry).id === 'string' &&
  typeof (v as TimelineEntry).at === 'number';
const isMeeting = (v: unknown): v is SyncedMeeting =>
  !!v && typeof v === 'object' && typeof (v as SyncedMeeting).id === 'string' && 'startsAt' in v;

/**
 * Reads a card (ours, or one another app made in our address book). `now` dates a foreign card; `idFromUid`
 * turns a foreign UID into a local id.
 */
export function readCard(cardText: string, now: number): CardPayload | null {
  const card = parseComponent(cardText);
  if (!card || card.name !== 'vcard') return null;
  const actual = readStandard(card);
  const data = xData(card, 'x-rapport-data');
  const uid = text(card, 'uid') ?? '';
  let contact: SyncedContact;
  if (isContactData(data)) {
    // What Rapport wrote, then every standard property another app changed since.
    const written = readStandard(
      parseComponent(writeCard({ kind: 'card', contact: data, timeline: [], drafts: [] }, null))!,
    );
    const edited: Partial<StandardFields> = {};
    for (const key of Object.keys(actual) as (keyof StandardFields)[]) {
      if (JSON.stringify(actual[key]) !== JSON.stringify(written[key])) Object.assign(edited, { [key]: actual[key] });
    }
    if ('profileUrl' in edited && !edited.profileUrl) delete edited.profileUrl;
    contact = { ...data, ...edited };
  } else {
    const id = text(card, 'x-rapport-id') ?? uid.replace(/^urn:uuid:/i, '');
    if (!id) return null;
    contact = {
      ...actual,
      id,
      name: actual.name,
      profileUrl: actual.profileUrl || `manual:${id}`,
      pronouns: null,
      headline: text(card, 'x-rapport-headline') ?? actual.currentTitle,
      location: text(card, 'x-rapport-location'),
      photoUrl: null,
      experience: null,
      education: null,
      connectedSince: null,
      status: 'to-ask',
      targetField: null,
      targetEmployer: null,
      referredById: null,
      mutualAcquaintance: null,
      editedFields: [],
      sources: ['carddav'],
      createdAt: now,
      updatedAt: now,
      capturedAt: null,
    };
  }
  const partial = !isContactData(data);
  const status = text(card, 'x-rapport-status');
  if (status && (CONTACT_STATUSES as readonly string[]).includes(status)) contact.status = status as ContactStatus;
  const headline = text(card, 'x-rapport-headline');
  if (isContactData(data) && headline !== (data.headline ?? null) && headline !== null) contact.headline = headline;
  return {
    kind: 'card',
    contact,
    ...(partial ? { partial: true as const } : {}),
    timeline: xDataList(card, 'x-rapport-timeline')
      .filter(isTimelineEntry)
      .map((e) => ({ ...e, contactId: contact.id })),
    drafts: xDataList(card, 'x-rapport-meeting')
      .filter(isMeeting)
      .map((m) => ({ ...m, contactId: contact.id })),
  };
}

const STANDARD_KEYS: readonly (keyof StandardFields)[] = [
  'name',
  'firstName',
  'lastName',
  'currentCompany',
  'currentTitle',
  'email',
  'phone',
  'profileUrl',
  'websites',
  'tags',
  'about',
  'photoThumb',
];

/**
 * A card another app rewrote without our X-RAPPORT-* properties says nothing about Rapport-only fields: they
 * come from what we know (the last synced copy, else the local record). Only its standard fields count.
 */
export function completeCard(remote: CardPayload, known: CardPayload | null): CardPayload {
  if (!remote.partial || !known) return remote;
  const standard = Object.fromEntries(STANDARD_KEYS.map((k) => [k, remote.contact[k]]));
  if (!remote.contact.profileUrl || remote.contact.profileUrl.startsWith('manual:')) delete standard.profileUrl;
  return {
    kind: 'card',
    contact: { ...known.contact, ...standard, updatedAt: Math.max(known.contact.updatedAt, remote.contact.updatedAt) },
    timeline: known.timeline,
    drafts: known.drafts,
  };
}
