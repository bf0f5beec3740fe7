/**
 * Profile sections found by their heading's words, and their entries counted from the structure
 * repeated under the heading — no class names, ids or `componentkey`s, so a new layout still reads.
 */
import type { EducationEntry, ExperienceEntry } from '../contacts/model';
import { inPageChrome, precedes, tagIn } from './dom';
import { LineIndex, readLines } from './lines';
import { isAscii, nameKey, patternFor, twin } from './page-person';
import { escapeRegExp } from './text';
import { isCurrentDates } from './sources/common';
import { structuralParent } from './wrappers';

/**
 * Section titles in English and LinkedIn's most used interface languages (es, fr, de, pt, it, nl,
 * zh, ja, ru, tr, ar, id, pl, sv), compared case- and accent-insensitively.
 */
const WORDS = {
  about: [
    'about',
    'acerca de',
    'info',
    'infos',
    'a propos',
    'uber mich',
    'sobre',
    'informazioni',
    'over',
    '简介',
    '个人简介',
    '概要',
    'сведения',
    'о себе',
    'hakkinda',
    'نبذة عني',
    'نبذة',
    'tentang',
    'informacje',
    'om',
  ],
  experience: [
    'experience',
    'experiencia',
    'experience professionnelle',
    'berufserfahrung',
    'erfahrung',
    'experiencia profesional',
    'experiencia',
    'experiencia laboral',
    'esperienza',
    'ervaring',
    'werkervaring',
    '工作经历',
    '经历',
    '職歴',
    '経験',
    'опыт работы',
    'опыт',
    'deneyim',
    'الخبرة',
    'pengalaman',
    'doswiadczenie',
    'erfarenhet',
  ],
  education: [
    'education',
    'educacion',
    'formacion',
    'formacion academica',
    'formation',
    'ausbildung',
    'bildungsweg',
    'formacao academica',
    'formacao',
    'educacao',
    'formazione',
    'istruzione',
    'opleiding',
    '教育经历',
    '教育背景',
    '学歴',
    'образование',
    'egitim',
    'التعليم',
    'pendidikan',
    'wyksztalcenie',
    'utbildning',
  ],
} as const;
export type SectionName = keyof typeof WORDS;

const KEYS: Record<SectionName, Set<string>> = {
  about: new Set(WORDS.about.map(nameKey)),
  experience: new Set(WORDS.experience.map(nameKey)),
  education: new Set(WORDS.education.map(nameKey)),
};

/** Which section a heading's text names ("Experience", or "ExperienceExperience" with its screen-reader copy). */
export function sectionOf(text: string): SectionName | null {
  const k = nameKey(text);
  if (!k || k.length > 60) return null;
  for (const name of Object.keys(KEYS) as SectionName[]) {
    const set = KEYS[name];
    if (set.has(k)) return name;
    const half = k.length % 2 === 0 ? k.slice(0, k.length / 2) : '';
    if (half && half + half === k && set.has(half)) return name;
    const words = k.split(' ');
    if (words.length % 2 === 0) {
      const h = words.slice(0, words.length / 2).join(' ');
      if (h === words.slice(words.length / 2).join(' ') && set.has(h)) return name;
    }
  }
  return null;
}

const HEADING_TAGS = ['h1', 'h2', 'h3', 'h4'];

function headingText(h: Element): string {
  return readLines(h, { max: 4 })
    .map((l) => l.text)
    .join(' ');
}

/** The first heading that names the section (outside page chrome: nav, the banner, aside, dialogs). */
export function findSectionHeading(doc: Document, name: SectionName): Element | null {
  return findSectionHeadings(doc)[name];
}

const ALL_KEYS = [...KEYS.about, ...KEYS.experience, ...KEYS.education];
/**
 * Any section title's key, to rule headings out by their raw text before reading them as lines. One
 * regular expression: about ten times cheaper than asking for each title in turn.
 */
const ANY_KEY = new RegExp(`(?:^| )(?:${ALL_KEYS.map(escapeRegExp).join('|')})`);
/**
 * The same test on the lower-cased raw text of a plain-ASCII heading, with no key built: `nameKey` turns
 * each run of other characters into one space, so a title's space stands for any such run here. A title
 * starts a word (its screen-reader copy may be glued on after it: "ExperienceExperience"), so a short
 * title inside a word ("om" in "company", "info" in "information") rules nothing in.
 */
const ANY_ASCII_KEY = new RegExp(
  `(?:^|[^a-z0-9])(?:${ALL_KEYS.filter(isAscii)
    .map((w) => escapeRegExp(w).replace(/ /g, '[^a-z0-9]+'))
    .join('|')})`,
);

/**
 * Whether a heading may name a section: its shown text is a part of its raw text (`textContent` adds
 * hidden copies, never removes words), so a heading whose raw text holds no section title is none.
 */
function mayNameSection(h: Element): boolean {
  const raw = h.textContent ?? '';
  if (raw.length > 2000) return false;
  if (isAscii(raw)) return ANY_ASCII_KEY.test(raw.toLowerCase());
  // A title is a few words, twice at most (its screen-reader copy): a longer text is a post's or a
  // card's, and its key (about 0.1 µs a character outside ASCII) is never built.
  const words = raw.replace(/\s+/g, ' ');
  return words.length <= MAX_TITLE_TEXT && ANY_KEY.test(nameKey(words));
}
/** Spaces collapsed: about nine times the longest title (27 characters), so hidden copies still fit. */
const MAX_TITLE_TEXT = 240;

/**
 * The first heading of each section (outside page chrome), each heading read at most once.
 *
 * Tag by tag: each tag's headings come in document order, so the first of each tag naming a section is
 * a candidate, and the earliest candidate wins. Merging the lists into document order first cost a
 * position comparison per heading. A heading's raw text is tested before its place in the page: the
 * chrome test matches a list of selectors on every ancestor, about ten times the cost of the text test.
 */
export function findSectionHeadings(doc: Document): Record<SectionName, Element | null> {
  const found: Record<SectionName, Element | null> = { about: null, experience: null, education: null };
  const look = (hs: ArrayLike<Element>) => {
    const mine: Partial<Record<SectionName, Element>> = {};
    let left = 3;
    for (let i = 0; i < hs.length && i < 300 && left > 0; i++) {
      const h = hs[i]!;
      if (!mayNameSection(h) || inPageChrome(h)) continue;
      const name = sectionOf(headingText(h));
      if (name && !mine[name]) {
        mine[name] = h;
        left--;
      }
    }
    for (const name of Object.keys(mine) as SectionName[]) {
      const h = mine[name]!;
      const before = found[name];
      if (!before || precedes(h, before)) found[name] = h;
    }
  };
  for (const tag of HEADING_TAGS) look(doc.getElementsByTagName(tag));
  // Section titles made of `role="heading"` (no layout seen so far): looked for only on a page whose
  // h1–h4 title no section (an attribute scan of the whole page costs several tag lookups).
  if (!found.about && !found.experience && !found.education) look(doc.querySelectorAll('[role="heading"]'));
  return found;
}

function level(h: Element): number {
  const m = /^h([1-6])$/i.exec(h.tagName);
  return m ? Number(m[1]) : 2;
}

/**
 * The section under a heading: the largest ancestor holding no other heading of the same or a
 * higher level, stopping at a `section`/`article`/`main`.
 */
export function sectionBox(h: Element): Element {
  const sel = ['h1', 'h2', 'h3'].slice(0, Math.max(1, Math.min(3, level(h)))).join(',');
  let box: Element = h;
  for (let i = 0, p = structuralParent(box); i < 12 && p; i++, p = structuralParent(box)) {
    if (tagIn(p, ['body', 'html'])) break;
    const others = Array.from(p.querySelectorAll(sel)).some((x) => x !== h && !h.contains(x) && !x.contains(h));
    if (others) break;
    box = p;
    if (tagIn(box, ['section', 'article', 'main'])) break;
  }
  return box;
}

// A date range: "Sep 2023 - Present · 1 yr", "2015 - 2018", "2019 – heute", "janv. 2020 - aujourd’hui".
/** A year a position or a school may show. */
export const YEAR = /\b(19[5-9]\d|20\d\d)\b/;
// Matched on lower-cased text without the `i` flag: `i` with `\p{L}` makes the browser build the case
// closure of every letter, about 8 ms the first time the expression runs (the first capture after injection).
// The ASCII twin is the same pattern less what only matches other characters.
// A hyphen between two letters joins a word ("Full-time" in "Technova fest 2022 · Full-time", a 2025
// company line), so it separates a range only with a space or a digit on one side.
export const DATE_RANGE = twin(
  /\b(19[5-9]\d|20\d\d)\b.*?(?:(?<![a-z])-|-(?![a-z])|\bto\b|\bbis\b|\bau\b|\bal\b|\ba\b|\btot\b|~)\s*.*?(?:\b(19[5-9]\d|20\d\d)\b|[a-z]{3,})/,
  () =>
    /\b(19[5-9]\d|20\d\d)\b.*?(?:(?<!\p{L})-|-(?!\p{L})|[–—]|\bto\b|\bbis\b|\bau\b|\bal\b|\ba\b|\btot\b|\bдо\b|~|〜|至)\s*.*?(?:\b(19[5-9]\d|20\d\d)\b|\p{L}{3,})/u,
);
// A single month or year: "May 2016 · 1 mo", "2019", "janv. 2016".
const SINGLE = /^[^\d]{0,15}\b(19[5-9]\d|20\d\d)\b\s*(?:[·•(]|$)/u;
export function isDateLine(t: string): boolean {
  if (t.length > 120 || !YEAR.test(t)) return false;
  const lower = t.toLowerCase();
  return patternFor(DATE_RANGE, lower).test(lower) || SINGLE.test(t);
}
/** The words between a range's two ends, in the interface languages. */
export const RANGE_WORDS = twin(
  /\b(to|bis|au|al|a|tot|till|fino)\b/gi,
  () => /\b(to|bis|au|al|a|tot|до|till|até|fino|à)\b/giu,
);
/** Same range written twice ("Sep 2023 - Present" and its screen-reader copy "Sep 2023 to Present"). */
function dateKey(t: string): string {
  return nameKey(t.replace(patternFor(RANGE_WORDS, t), ' ')).replace(/ /g, '');
}

interface Entry {
  el: Element;
  /** The group (one company, several roles) the entry belongs to. */
  group: Element | null;
}

interface Dated {
  lines: LineIndex;
  /** Per element holding date ranges: how many (one per range shown, screen-reader copies left out). */
  dates: Map<Element, number>;
  /** Per element holding date ranges: its children that hold some, in document order. */
  dated: Map<Element, Element[]>;
  /** Elements holding date ranges and at least one other line. */
  entries: Set<Element>;
}

/**
 * The section's lines, read once, and which elements hold its date ranges. Only the date lines' own
 * ancestors are visited, so the cost follows the number of dates, not the size of the section.
 */
function datesByElement(box: Element): Dated {
  const lines = new LineIndex(box, 2000);
  const all = lines.of(box, 2000);
  const dates = new Map<Element, number>();
  const dated = new Map<Element, Element[]>();
  const entries = new Set<Element>();
  let previous = '';
  for (let i = 0; i < all.length; i++) {
    const l = all[i]!;
    const key = isDateLine(l.text) ? dateKey(l.text) : '';
    // A range right after the same range is its screen-reader copy; two roles may share a range.
    const copy = key && key === previous;
    previous = key;
    if (!key || copy) continue;
    // A line of its own next to the date line, in the same element: then that element is an entry
    // (a title and a date at least). The element's lines are consecutive, so a neighbour tells.
    const before = all[i - 1]?.el;
    const after = all[i + 1]?.el;
    let child: Element | null = null;
    for (let e: Element | null = l.el; e; e = e === box ? null : e.parentElement) {
      dates.set(e, (dates.get(e) ?? 0) + 1);
      if (!entries.has(e) && ((before && e.contains(before)) || (after && e.contains(after)))) entries.add(e);
      if (child) {
        const kids = dated.get(e);
        if (!kids) dated.set(e, [child]);
        else if (kids[kids.length - 1] !== child) kids.push(child);
      }
      child = e;
    }
  }
  return { lines, dates, dated, entries };
}

/**
 * The repeated structure: of every element under `box`, the one whose children hold the most
 * dated entries (outermost on ties). A child holding two or more distinct date ranges is a group
 * (one company, several roles): its own repeated structure is counted instead.
 */
function datedEntries(box: Element, dated = datesByElement(box), depth = 0): Entry[] {
  let best: Element[] = [];
  let bestParent: Element | null = null;
  for (const parent of dated.dates.keys()) {
    if (parent !== box && !box.contains(parent)) continue;
    const kids = (dated.dated.get(parent) ?? []).filter((k) => dated.entries.has(k));
    if (kids.length > best.length || (kids.length === best.length && bestParent && parent.contains(bestParent))) {
      best = kids;
      bestParent = parent;
    }
  }
  const out: Entry[] = [];
  for (const k of best) {
    if (depth < 4 && (dated.dates.get(k) ?? 0) > 1) {
      const inner = datedEntries(k, dated, depth + 1);
      if (inner.length > 1) {
        for (const x of inner) out.push({ el: x.el, group: x.group ?? k });
        continue;
      }
    }
    out.push({ el: k, group: null });
  }
  return out;
}

/** An entry's first two lines and its first date line (within its first 40 lines). */
function entryLines(
  lines: LineIndex,
  el: Element,
): { first: string | null; second: string | null; dates: string | null } {
  const texts = lines.of(el, 40).map((l) => l.text);
  return { first: texts[0] ?? null, second: texts[1] ?? null, dates: texts.find(isDateLine) ?? null };
}

/**
 * Employment types that LinkedIn prints after the company, in its interface languages. Only the ones
 * no company name ends with ("Contract", "Stage" or "Seasonal" might).
 */
const EMPLOYMENT_TYPES =
  '(?:full-time|part-time|self-employed|freelance|internship|apprenticeship|полный рабочий день|неполный рабочий день|temps plein|temps partiel|vollzeit|teilzeit|jornada completa|jornada parcial|media jornada|tempo integral|meio período|tempo pieno|tempo parziale|voltijd|deeltijd|pełny etat|heltid|deltid|tam zamanlı|yarı zamanlı)';
const EMPLOYMENT_TYPE = new RegExp(`\\s+${EMPLOYMENT_TYPES}$`, 'i');
const EMPLOYMENT_LINE = new RegExp(`^${EMPLOYMENT_TYPES}(?:\\s*·.*)?$`, 'i');
/** A line that says how the person was employed ("Full-time", "Internship · 6 mos"), not where. */
export const isEmploymentType = (line: string) => EMPLOYMENT_LINE.test(line);
/**
 * An entry's company line without what follows the company: "Company · Full-time" → "Company"; a 2021
 * page sets the type apart by style only ("Fluxon <span>Полный рабочий день</span>", one line here).
 */
const beforeDot = (s: string | undefined) => {
  if (!s) return null;
  const company = s.split(' · ')[0]!.trim();
  return company.replace(EMPLOYMENT_TYPE, '') || company;
};

export function experienceEntries(box: Element): ExperienceEntry[] | null {
  const dated = datesByElement(box);
  const entries = datedEntries(box, dated);
  if (!entries.length) return null;
  // A group's first line names the company of each of its roles: read once per group.
  const groupFirst = new Map<Element, string | null>();
  return entries.map(({ el, group }) => {
    const { first, second, dates } = entryLines(dated.lines, el);
    const title = first;
    let company: string | null;
    if (group) {
      if (!groupFirst.has(group)) groupFirst.set(group, dated.lines.of(group, 1)[0]?.text ?? null);
      company = groupFirst.get(group)!;
    } else company = second && !isDateLine(second) ? beforeDot(second) : null;
    return { title, company, dates, location: null, current: isCurrentDates(dates) };
  });
}

/** The outermost list item in `box` holding one of its first lines, outside the heading's holder. */
function firstListItem(box: Element, lines: LineIndex): Element | undefined {
  for (const l of lines.of(box, 8)) {
    let li = l.el.closest('li');
    for (let up = li?.parentElement?.closest('li'); up && box.contains(up); up = up.parentElement?.closest('li'))
      li = up;
    if (li && box.contains(li) && !li.querySelector('h1, h2, h3, h4')) return li;
  }
  return undefined;
}

export function educationEntries(box: Element): EducationEntry[] | null {
  const dated = datesByElement(box);
  const lines = dated.lines;
  let entries = datedEntries(box, dated).map((e) => e.el);
  // Schools without dates: the dated entries' siblings of the same tag count too, except the
  // heading's holder and a "Show all N" link to the details page. When no school shows dates (a
  // school's name alone, April 2025), the list item holding the first line after the heading stands in.
  const first = entries[0] ?? firstListItem(box, lines);
  const li = first ? (tagIn(first, ['li']) ? first : (first.querySelector('li') ?? first.closest('li'))) : null;
  const one = li && box.contains(li) ? li : first;
  if (one?.parentElement && entries.every((e) => e.parentElement === one.parentElement || one === li)) {
    const sibs = Array.from(one.parentElement.children).filter(
      (k) =>
        k.tagName === one.tagName &&
        !k.querySelector('h1, h2, h3, h4') &&
        !(k.querySelector('a[href*="/details/"]') && lines.of(k, 2).length < 2) &&
        lines.of(k, 1).length > 0,
    );
    if (sibs.length > entries.length) entries = sibs;
  }
  if (!entries.length) return null;
  return entries.map((e) => {
    const { first, second, dates } = entryLines(lines, e);
    const degree = second && !isDateLine(second) ? second : null;
    return { school: first ?? '', degree, dates };
  });
}

/** About: the section's text after its heading, without the "…see more" toggle. */
export function aboutText(h: Element, box: Element): string | null {
  const lines = readLines(box, { after: h, max: 120, breaks: true })
    .map((l) => l.text)
    .filter(
      (t) =>
        !/^(…|\.\.\.)?\s*(see more|show more|more|voir plus|mehr anzeigen|ver más|ver mais|mostra altro)$/i.test(t),
    );
  const text = lines.join('\n').trim();
  return text.length >= 2 ? text : null;
}
