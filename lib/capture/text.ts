/**
 * Text helpers. Everything reads textContent-like data with our own whitespace handling
 * (innerText forces layout). Nothing here ever builds HTML.
 */

export const MAX_FIELD = 500; // name, headline, titles…
export const MAX_ABOUT = 20_000;

const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'svg',
  'CODE',
  'SELECT',
  'OPTION',
  'AUDIO',
  'VIDEO',
]);
const BLOCK_TAGS = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'FOOTER',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'BLOCKQUOTE',
  'PRE',
  'DL',
  'DT',
  'DD',
  'FIGURE',
  'MAIN',
  'ASIDE',
  'NAV',
]);

export interface TextOptions {
  /** Skip `<button>` elements ("… see more" toggles inside About). */
  skipButtons?: boolean;
  /** Keep line breaks (\n) from <br> and block boundaries; otherwise everything collapses to one line. */
  multiline?: boolean;
  /** Stop collecting after this many characters. */
  max?: number;
}

/** Screen-reader-only copies, by the class every layout gives them. */
const SR_ONLY = /(?:^|\s)(?:visually-hidden|sr-only)(?:\s|$)/;

/**
 * Visible-ish text of an element: skips scripts/svg, LinkedIn's `.visually-hidden` duplicates,
 * aria-hidden buttons; `<br>` and block boundaries become whitespace. The walk follows
 * `firstChild`/`nextSibling` (a `childNodes` list per element costs more than the walk).
 */
export function textOf(el: Element | null | undefined, opts: TextOptions = {}): string {
  if (!el) return '';
  const max = opts.max ?? MAX_ABOUT * 2;
  const out: string[] = [];
  let len = 0;
  const walk = (node: Node): void => {
    if (len > max) return;
    for (let n = node.firstChild; n; n = n.nextSibling) {
      const type = n.nodeType;
      if (type === 3) {
        const t = (n as CharacterData).data;
        out.push(t);
        len += t.length;
        if (len > max) return;
      } else if (type === 1) {
        const e = n as Element;
        const upper = e.tagName.toUpperCase();
        if (SKIP_TAGS.has(upper)) continue;
        if (upper === 'BR') {
          out.push('\n');
          continue;
        }
        const cls = e.getAttribute('class');
        if (cls && SR_ONLY.test(cls)) continue;
        if (upper === 'BUTTON' && (opts.skipButtons || e.getAttribute('aria-hidden') === 'true')) continue;
        if (opts.skipButtons && e.getAttribute('role') === 'button') continue;
        const block = BLOCK_TAGS.has(upper);
        if (block) out.push('\n');
        walk(e);
        if (block) out.push('\n');
      }
    }
  };
  try {
    walk(el);
  } catch {
    /* never throw */
  }
  let s = out.join('');
  if (s.length > max) s = s.slice(0, max);
  return opts.multiline ? normMultiline(s) : norm(s);
}

/** Text to match literally inside a regular expression. */
export const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Collapse all whitespace (incl. NBSP) to single spaces and trim. */
export function norm(s: string | null | undefined): string {
  if (!s) return '';
  return s.replace(/[\s\u00a0\u200b\u2028\u2029]+/g, ' ').trim();
}

/** Collapse spaces per line, keep at most one blank line between paragraphs. */
export function normMultiline(s: string): string {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => norm(l))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Trimmed text, or null when empty; clamps to `max` characters. */
export function clean(s: string | null | undefined, max = MAX_FIELD): string | null {
  const t = norm(s);
  if (!t) return null;
  return t.length > max ? t.slice(0, max) : t;
}

export function cleanText(el: Element | null | undefined, max = MAX_FIELD): string | null {
  return clean(textOf(el, { max: max * 4 }), max);
}

/** First element matching any selector in order (fallback arrays). */
export function pick(root: ParentNode | null | undefined, selectors: readonly string[]): Element | null {
  if (!root) return null;
  for (const s of selectors) {
    try {
      const el = root.querySelector(s);
      if (el) return el;
    } catch {
      /* unsupported selector in this DOM implementation */
    }
  }
  return null;
}

export function pickAll(root: ParentNode | null | undefined, selector: string): Element[] {
  if (!root) return [];
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}

/** First non-empty cleaned text among selector fallbacks. */
export function pickText(
  root: ParentNode | null | undefined,
  selectors: readonly string[],
  max = MAX_FIELD,
): string | null {
  if (!root) return null;
  for (const s of selectors) {
    try {
      // The first match usually has text: asking for it alone stops the search there, where a list of
      // every match walks the whole subtree and wraps each element for script.
      const first = root.querySelector(s);
      if (!first) continue;
      const t = cleanText(first, max);
      if (t) return t;
      const els = root.querySelectorAll(s);
      for (let i = 1; i < els.length; i++) {
        const u = cleanText(els[i], max);
        if (u) return u;
      }
    } catch {
      /* unsupported selector in this DOM implementation */
    }
  }
  return null;
}

/** Unwrap LinkedIn redirect wrappers (`/redir/redirect?url=`, `/safety/go/?url=`); null if not http(s). */
export function decodeWebsite(href: string | null | undefined, base?: string): string | null {
  if (!href) return null;
  let raw = href.trim();
  let u: URL;
  for (let i = 0; ; i++) {
    try {
      u = new URL(raw, base || 'https://www.linkedin.com/');
    } catch {
      return null;
    }
    if (i < 3 && /(^|\.)linkedin\.com$/i.test(u.hostname) && /^\/(redir\/redirect|safety\/go)\/?$/i.test(u.pathname)) {
      const inner = u.searchParams.get('url');
      if (!inner) return null;
      raw = inner.trim();
      continue;
    }
    break;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // Keep the address as written ("http://x.com" stays without a trailing slash) when it is absolute.
  return /^https?:\/\//i.test(raw) && !/[\s<>"]/.test(raw) ? raw : u.href;
}

export function resolveUrl(src: string | null | undefined, base: string): string | null {
  if (!src) return null;
  try {
    return new URL(src.trim(), base).href;
  } catch {
    return null;
  }
}

/** Base URL for relative links: `<base href>` resolved against the page URL. */
export function baseOf(doc: Document, url: string): string {
  // <base> belongs in <head>; looking only there avoids a scan of a large body.
  const b = (doc.head ?? doc).querySelector('base[href]')?.getAttribute('href');
  if (b) {
    const r = resolveUrl(b, url || 'about:blank');
    if (r) return r;
  }
  return url;
}

const PRONOUN_RE =
  /^\(?\s*(he|him|his|she|her|hers|they|them|theirs|ze|zir|xe|xem|it|any)(\s*\/\s*(he|him|his|she|her|hers|they|them|theirs|ze|zir|xe|xem|it|any|pronouns))+\s*\)?$/i;
export function isPronouns(s: string): boolean {
  // Every pronoun pair has a slash: a line without one never compiles the pattern (see `isAscii`).
  return s.includes('/') && PRONOUN_RE.test(s.trim());
}

/** Emoji and other symbols: none is plain ASCII, so plain-ASCII names skip this pattern. */
let symbolPattern: RegExp | undefined;
/** Built once, on first use (`replace` resets a global pattern's `lastIndex`, so one copy serves every call). */
export const symbols = () => (symbolPattern ??= /\p{Extended_Pictographic}|\p{So}|\u200d|\ufe0f/gu);
export const LETTER_OR_DIGIT = twin(/[A-Za-z0-9]/, () => /[\p{L}\p{N}]/u);

/**
 * Split a full name into first / last (first token, rest), leaving out what is not a name:
 * credentials after a comma ("Jane Doe, PhD"), emoji and symbols, bracketed notes ("(She/Her)").
 */
export function splitName(name: string | null): { firstName: string | null; lastName: string | null } {
  if (!name) return { firstName: null, lastName: null };
  // Plain ASCII holds no emoji or other symbol, and its letters and digits are [a-z0-9]: the Unicode
  // patterns are compiled only for a name that needs them (see `isAscii`).
  let core = name.split(/,\s/)[0]!.replace(/\([^)]*\)|\[[^\]]*\]/g, ' ');
  if (!isAscii(core)) core = core.replace(symbols(), ' ');
  const parts = core.split(/\s+/).filter((p) => patternFor(LETTER_OR_DIGIT, p).test(p));
  if (!parts.length) return { firstName: null, lastName: null };
  if (parts.length < 2) return { firstName: parts[0]!, lastName: null };
  return { firstName: parts[0]!, lastName: parts.slice(1).join(' ') };
}

/** Loose comparison key for names / companies (one home: the page script's predicate uses it too). */
export { nameKey as looseKey } from './page-person';
import { isAscii, nameKey as looseKey, patternFor, twin } from './page-person';

/** Whether two values are "the same" for disagreement checks (equal or one contains the other). */
export function looselySame(a: string | null | undefined, b: string | null | undefined): boolean {
  const x = looseKey(a);
  const y = looseKey(b);
  if (!x || !y) return true;
  return x === y || x.includes(y) || y.includes(x);
}
