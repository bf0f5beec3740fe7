import ICAL from 'ical.js';

/**
 * The one place ical.js is set up (vCard 3.0/4.0 and iCalendar, read and write). Two quirks are handled here
 * (see the sync recipe):
 * - its vCard TEXT reader leaves `\;` escaped, which servers that re-serialize (Radicale via vobject) add to
 *   NOTE and the like: the reader is wrapped to unescape it for non-structured values;
 * - unknown `X-` properties are typed "unknown" and written unescaped, which a server then cuts at the first
 *   comma: every text X- property is created through `setXText`, typed TEXT (escaped), and structured data
 *   goes through `setXData` as base64url(JSON), which has nothing to escape.
 */
export type Component = ICAL.Component;
export type Property = ICAL.Property;

interface TextType {
  fromICAL(value: string, structuredEscape?: string): string;
}
const vcardText = (ICAL.design as unknown as { vcard: { value: { text: TextType & { patched?: true } } } }).vcard.value
  .text;
if (!vcardText.patched) {
  const original = vcardText.fromICAL.bind(vcardText);
  vcardText.fromICAL = (value, structuredEscape) => {
    const text = original(value, structuredEscape);
    return structuredEscape ? text : text.replace(/\\;/g, ';');
  };
  vcardText.patched = true;
}

/** Parses one vCard or one VCALENDAR; null when the text is not one. */
export function parseComponent(text: string): Component | null {
  try {
    const jcal: unknown = ICAL.parse(text);
    // A stream of several components parses to an array of them: take the first.
    const first = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal;
    return new ICAL.Component(first as unknown[]);
  } catch {
    return null;
  }
}

export function newVCard(): Component {
  return parseComponent('BEGIN:VCARD\r\nVERSION:3.0\r\nEND:VCARD\r\n')!;
}

export function newVCalendar(): Component {
  return parseComponent('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Rapport//Rapport sync//EN\r\nEND:VCALENDAR\r\n')!;
}

export function newSubcomponent(name: 'vevent' | 'vtodo'): Component {
  return new ICAL.Component(name);
}

export function serialize(component: Component): string {
  const text = component.toString().replace(/\r?\n/g, '\r\n');
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

export function text(component: Component, name: string): string | null {
  const value: unknown = component.getFirstPropertyValue(name);
  if (value === null || value === undefined) return null;
  const str = typeof value === 'string' ? value : String(value);
  return str.trim() === '' ? null : str;
}

export function texts(component: Component, name: string): string[] {
  return component
    .getAllProperties(name)
    .flatMap((prop) => prop.getValues().map((v: unknown) => String(v)))
    .filter((v) => v.trim() !== '');
}

/** Replaces every `name` property with one TEXT property (or none when value is empty). */
export function setText(component: Component, name: string, value: string | null): void {
  component.removeAllProperties(name);
  if (value !== null && value !== '') component.addPropertyWithValue(name, value);
}

/** An X- property typed TEXT, so it is escaped on write (an untyped one is not). */
export function setXText(component: Component, name: string, value: string | null): void {
  component.removeAllProperties(name);
  if (value === null || value === '') return;
  const prop = new ICAL.Property(name.toLowerCase(), component);
  prop.resetType('text');
  prop.setValue(value);
  component.addProperty(prop);
}

export function xText(component: Component, name: string): string | null {
  return text(component, name);
}

function toBase64Url(value: string): string {
  const bytes = new TextEncoder().encode(value);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(value: string): string {
  const b64 = value.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

export function encodeData(value: unknown): string {
  return toBase64Url(JSON.stringify(value));
}

/** Decodes base64url(JSON); null when broken (a foreign app mangled it): the caller falls back. */
export function decodeData(value: string | null): unknown {
  if (!value) return null;
  try {
    return JSON.parse(fromBase64Url(value.replace(/\s+/g, ''))) as unknown;
  } catch {
    return null;
  }
}

/** One X- property per value, each base64url(JSON), with an `X-ID` parameter (set members merged by id). */
export function setXDataList(component: Component, name: string, items: readonly { id: string }[]): void {
  component.removeAllProperties(name);
  for (const item of items) {
    const prop = new ICAL.Property(name.toLowerCase(), component);
    prop.resetType('text');
    prop.setParameter('x-id', item.id);
    prop.setValue(encodeData(item));
    component.addProperty(prop);
  }
}

export function xDataList(component: Component, name: string): unknown[] {
  return component
    .getAllProperties(name.toLowerCase())
    .map((prop) => decodeData(String(prop.getFirstValue() ?? '')))
    .filter((v) => v !== null);
}

export function setXData(component: Component, name: string, value: unknown): void {
  setXText(component, name, encodeData(value));
}

export function xData(component: Component, name: string): unknown {
  return decodeData(text(component, name));
}

/** A UTC date-time property (DTSTART, DUE, …) from epoch ms; removed when null. */
export function setUtcTime(component: Component, name: string, ms: number | null): void {
  component.removeAllProperties(name);
  if (ms === null) return;
  component.addPropertyWithValue(name, ICAL.Time.fromJSDate(new Date(ms), true));
}

/** Reads DTSTART/DUE/… (UTC, TZID with VTIMEZONE, floating or all-day) as epoch ms. */
export function utcTime(component: Component, name: string): number | null {
  const value: unknown = component.getFirstPropertyValue(name);
  if (!(value instanceof ICAL.Time)) return null;
  return value.toJSDate().getTime();
}

/** Registers the VTIMEZONEs a calendar carries, so TZID times read right. */
export function registerTimezones(calendar: Component): void {
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
    const tz = new ICAL.Timezone(vtz);
    if (tz.tzid && !ICAL.TimezoneService.has(tz.tzid)) ICAL.TimezoneService.register(tz);
  }
}
