/**
 * Contact details read by what they mean, for layouts no extractor knows: no class names, ids or
 * `componentkey`s. Only inside the person's own box (the contact-info dialog that shows their
 * profile address, or the top card around their name), and only:
 * - an email from a `mailto:` link, a phone from a `tel:` link or a row labelled "Phone";
 * - websites: links that lead off LinkedIn and say what they are, by their own words ("Personal
 *   Website", "Visit my website"), their row's label ("Website", "Blog") or their list's heading
 *   ("Websites"). A map link under "Address" is never a website;
 * - the "Address" row of a contact-info dialog.
 * Anything else stays blank: a blank beats a wrong value.
 */
import { nameKey } from './page-person';
import { clean, decodeWebsite } from './text';
import { isBareWrapper, structuralParent } from './wrappers';
import { tagIn } from './dom';

// Row labels and link words, in English and LinkedIn's most used interface languages.
const WEBSITE_WORDS = new Set(
  [
    'website',
    'websites',
    'personal website',
    'company website',
    'visit my website',
    'blog',
    'portfolio',
    'rss feed',
    'other', // the kind LinkedIn names a website by when it is none of the above
    'site web',
    'sites web',
    'webseite',
    'webseiten',
    'sitio web',
    'sitios web',
    'site',
    'sites',
    'sito web',
    'siti web',
    'strona internetowa',
    'веб сайт',
    'сайт',
    'web sitesi',
    'situs web',
    'webbplats',
    '网站',
    'ウェブサイト',
  ].map(nameKey),
);
const PHONE_WORDS = new Set(
  ['phone', 'telephone', 'téléphone', 'telefon', 'teléfono', 'telefone', 'telefono', 'телефон', '电话', '電話'].map(
    nameKey,
  ),
);
const ADDRESS_WORDS = new Set(
  ['address', 'adresse', 'dirección', 'endereço', 'indirizzo', 'adres', 'адрес', 'adress', '地址', '住所'].map(nameKey),
);
const PHONE = /\+?\d[\d\s().-]{4,}\d/;

export interface ContactRows {
  email: string | null;
  phone: string | null;
  websites: string[];
  /** A contact-info dialog's "Address" row; never read outside a dialog. */
  address: string | null;
}

/** A short label's words; '' for anything bigger than a label (its text is never built). */
const textKey = (el: Element | null) => {
  if (!el || el.childElementCount > 3) return '';
  const t = el.textContent ?? '';
  return t.length > 60 ? '' : nameKey(t);
};

/** The label of the row an element sits in: the short text just before it, up to 4 levels up. */
function rowLabel(el: Element, box: Element): string {
  let node: Element | null = el;
  for (let i = 0; i < 4 && node && node !== box; node = node.parentElement) {
    const prev = node.previousElementSibling;
    if (prev) return textKey(prev);
    if (!isBareWrapper(node.parentElement)) i++; // a bare wrapper adds no level
  }
  return '';
}

/** A link's own words: its text, else its image's alt text. */
function ownWords(a: Element): string {
  const t = textKey(a);
  if (t) return t;
  return nameKey(a.querySelector('img[alt]')?.getAttribute('alt'));
}

/** Whether the list around the link is headed "Websites" (a dialog or section of its own). */
function underWebsitesHeading(a: Element, box: Element): boolean {
  for (
    let holder = a.closest(HOLDERS);
    holder && box.contains(holder);
    holder = holder.parentElement?.closest(HOLDERS) ?? null
  ) {
    const h = holder.querySelector('h1, h2, h3, h4, [role="heading"]');
    if (h) return WEBSITE_WORDS.has(textKey(h));
  }
  return false;
}
const HOLDERS = 'dialog, [role="dialog"], section, dl, ul';

const offLinkedIn = (w: string) => !/^https?:\/\/([a-z0-9-]+\.)*(linkedin\.com|lnkd\.in)(\/|$)/i.test(w);
const LINKEDIN_BASE = /^https?:\/\/([a-z0-9-]+\.)*linkedin\.com\//i;
/**
 * An address on LinkedIn that is no redirect wrapper: it can never be an off-LinkedIn website, so no URL
 * is parsed for it (most of a top card's links). A path on the page's own LinkedIn host, or an absolute
 * LinkedIn address (public pages link each company and school so) with no redirect wrapper's words,
 * whitespace or backslash in it, which the URL parser could only keep on LinkedIn.
 */
const ownPath = (href: string, base: string) =>
  href.startsWith('/')
    ? !href.startsWith('//') && !/^\/(redir\/redirect|safety\/go)\b/i.test(href) && LINKEDIN_BASE.test(base)
    : LINKEDIN_BASE.test(href) && !/redir|safety|[\s\\]/i.test(href);

/** Whether the person's box is a dialog (a contact-info overlay): `<dialog>` or `role="dialog"`. */
export const isDialogBox = (box: Element) => /dialog/i.test(box.tagName + (box.getAttribute('role') ?? ''));

/** Reads the contact details shown inside `box` (at most 300 links looked at). */
export function readContactRows(box: Element, base: string): ContactRows {
  const out: ContactRows = { email: null, phone: null, websites: [], address: null };
  const dialog = isDialogBox(box);
  const links = box.getElementsByTagName('a');
  for (let i = 0; i < links.length && i < 300; i++) {
    const a = links[i]!;
    const href = (a.getAttribute('href') || '').trim();
    if (/^mailto:/i.test(href)) {
      let mail: string | null = null;
      try {
        mail = clean(decodeURIComponent(href.slice(7).split('?')[0] || ''));
      } catch {
        /* a malformed address: none */
      }
      if (mail && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(mail)) out.email ??= mail;
      continue;
    }
    if (/^tel:/i.test(href)) {
      out.phone ??= PHONE.exec(decodeURIComponentSafe(href.slice(4)))?.[0] ?? null;
      continue;
    }
    // A link on LinkedIn is never a website, and outside a dialog no address is read: its row's label
    // (a text built for every link of a top card) is not needed.
    const own = ownPath(href, base);
    if (own && !dialog) continue;
    const label = rowLabel(a, box);
    if (ADDRESS_WORDS.has(label)) {
      if (dialog) out.address ??= clean(a.textContent);
      continue;
    }
    if (own) continue;
    const site = decodeWebsite(href, base);
    if (!site || !offLinkedIn(site)) continue;
    if (WEBSITE_WORDS.has(ownWords(a)) || WEBSITE_WORDS.has(label) || underWebsitesHeading(a, box))
      if (!out.websites.includes(site)) out.websites.push(site);
  }
  if ((!out.phone || !out.address) && dialog) {
    // A contact-info dialog's rows with a plain-text value: a label, then the value as the next element.
    const labels = box.querySelectorAll('p, span, dt, h3, div');
    for (let i = 0; i < labels.length && i < 2000; i++) {
      const l = labels[i]!;
      if (l.childElementCount > 0) continue;
      const key = textKey(l);
      if (!key) continue;
      const phone = PHONE_WORDS.has(key);
      const address = ADDRESS_WORDS.has(key);
      if (!phone && !address) continue;
      const value = clean(nextOf(l, box)?.textContent);
      if (!value) continue;
      if (phone) out.phone ??= PHONE.exec(value)?.[0] ?? null;
      else out.address ??= value;
    }
  }
  return out;
}

/** The element after `el` in its row, also when each is wrapped in a box of its own. */
function nextOf(el: Element, box: Element): Element | null {
  let node: Element | null = el;
  for (let i = 0; i < 4 && node && node !== box; node = node.parentElement) {
    if (node.nextElementSibling) return node.nextElementSibling;
    if (!isBareWrapper(node.parentElement)) i++; // a bare wrapper adds no level
  }
  return null;
}

/**
 * The person's own box: the dialog that holds the anchor (a contact-info overlay), else the top card
 * around the name: its ancestors up to the first `section`/`article`, never past a section heading.
 */
export function personBox(el: Element, stops: readonly Element[]): Element {
  const dialog = el.closest('dialog, [role="dialog"], [aria-modal="true"]');
  if (dialog) return dialog;
  let box = el;
  for (let i = 0, p = structuralParent(box); i < 12 && p; i++, p = structuralParent(box)) {
    if (tagIn(p, ['body', 'html', 'main']) || stops.some((s) => p.contains(s))) break;
    box = p;
    if (tagIn(box, ['section', 'article'])) break;
  }
  return box;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
