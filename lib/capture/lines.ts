/**
 * A page read as lines of text in document order, the way a person reads it: every block element
 * (`div`, `p`, `li`, headings…) starts a new line, inline elements (`span`, `a`, `strong`…) join
 * theirs. Tags, classes and ids do not matter, so a layout can swap `p`/`span`/`div`, wrap or
 * unwrap elements, or rename every class and still read the same.
 *
 * Left out: what a reader does not see as the page's content (scripts, SVG, `hidden` and `inert`
 * subtrees, screen-reader-only duplicates, form fields, audio/video players).
 */

import { normMultiline } from './text';

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'code',
  'select',
  'option',
  'textarea',
  'input',
  'audio',
  'video',
  'iframe',
  'canvas',
  'head',
  'title',
]);
const INLINE = new Set([
  'span',
  'a',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'small',
  'mark',
  'time',
  'abbr',
  'bdi',
  'bdo',
  'cite',
  'q',
  'sub',
  'sup',
  'font',
  'data',
  'label',
  'wbr',
]);
// Widgets that are not the page's content (an audio name-pronunciation player in the 2026 top card).
const SKIP_ROLES = new Set(['region', 'dialog', 'alertdialog', 'tooltip', 'menu', 'progressbar', 'slider']);
// Screen-reader-only duplicates: a well-known accessibility convention, not a layout's class.
const SR_ONLY = /(?:^|\s)(?:visually-hidden|sr-only|a11y-text)(?:\s|$)/;

export interface Line {
  text: string;
  /** The block element the line belongs to. */
  el: Element;
}

export interface LineOptions {
  /** Stop after this many lines. */
  max?: number;
  /** Start after this element (its own text is not read); the walk covers what follows it in `root`. */
  after?: Element | null;
  /** Stop before reading this element (e.g. the next section's heading). */
  stop?: (el: Element) => boolean;
  /**
   * Keep a `<br>`'s line break inside the line, and a blank line for two or more: About's paragraphs are
   * often one text broken by `<br>`s. Otherwise a `<br>` is a space, as everywhere else lines are compared.
   */
  breaks?: boolean;
}

/** A `<br>` in a line's buffer when breaks are kept: the parser never leaves a NUL in a page's text. */
const BREAK = '\0';

/** Whether the subtree is not shown to a reader. */
export function isHiddenSubtree(el: Element): boolean {
  const tag = el.localName;
  if (SKIP.has(tag)) return true;
  // Not `aria-hidden`: LinkedIn marks the visible copy aria-hidden and keeps a screen-reader copy.
  if (el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  if (tag === 'dialog' && !el.hasAttribute('open')) return true;
  const cls = el.getAttribute('class');
  return !!cls && SR_ONLY.test(cls);
}

const NON_BLANK = /\S/;

/**
 * Whether `node` has any non-blank text below it (as `/\S/.test(textContent)`), stopping at the first.
 * `memo` keeps the answers found on the way down: the walk asks again for each level of a subtree.
 */
function hasText(node: Node, memo: Map<Node, boolean>): boolean {
  const known = memo.get(node);
  if (known !== undefined) return known;
  let found = false;
  for (let n = node.firstChild; n && !found; n = n.nextSibling) {
    const type = n.nodeType;
    if (type === 3 || type === 4) found = NON_BLANK.test((n as CharacterData).data);
    else if (type === 1) found = hasText(n, memo);
  }
  memo.set(node, found);
  return found;
}

/**
 * Inline children with no loose text between them are styled as separate lines ("Company · Full-time"
 * above "Sep 2023 - Present" in two spans): then they are read as blocks. Two children with text are
 * enough (no textContent of big subtrees: it made the walk quadratic).
 */
function splitsInline(el: Element, memo: Map<Node, boolean>): boolean {
  const first = el.firstChild;
  if (!first || !first.nextSibling) return false;
  for (let k: Node | null = first; k; k = k.nextSibling)
    if (k.nodeType === 3 && NON_BLANK.test((k as CharacterData).data)) return false;
  let texty = 0;
  for (let k: Node | null = first; k && texty < 2; k = k.nextSibling) if (k.nodeType === 1 && hasText(k, memo)) texty++;
  return texty > 1;
}

interface Walk {
  /** Every line read, consecutive duplicates included (`LineIndex` needs the lines of each subtree). */
  raw: Line[];
  /** Lines kept (duplicates dropped). */
  kept: number;
  /** The walk ended before the root's end (a line or element budget ran out), not at a `stop`. */
  cut: boolean;
}

/**
 * Where each block element's lines are in a walk: `els[i]` has the raw lines `at[2i]` to `at[2i+1]`.
 * Arrays, not a map keyed by element: hashing every element of a section cost as much as the walk.
 */
interface Ranges {
  els: Element[];
  at: number[];
}

/**
 * The walk behind `readLines` and `LineIndex`. It follows `firstChild`/`nextSibling`: a `childNodes`
 * list per element costs several times the walk itself. `ranges`, when given, gets the raw lines of
 * every block element it enters: `[first, end)`.
 */
function walk(root: Element, opts: LineOptions, ranges?: Ranges): Walk {
  const max = opts.max ?? 400;
  const stop = opts.stop;
  const breaks = opts.breaks === true;
  const w: Walk = { raw: [], kept: 0, cut: false };
  const raw = w.raw;
  let buf = '';
  let bufEl: Element | null = null;
  let stopped = false;
  let budget = 20_000; // elements visited: a hostile page cannot make this slow
  const texts = new Map<Node, boolean>();
  const flush = () => {
    if (bufEl) {
      // The page's own line breaks are spaces; the kept `<br>`s become lines, at most one of them blank.
      const spaced = buf.replace(/[\s\u00a0\u200b]+/g, ' ');
      const t = breaks && spaced.includes(BREAK) ? normMultiline(spaced.replaceAll(BREAK, '\n')) : spaced.trim();
      if (t) {
        if (!w.kept || raw[raw.length - 1]!.text !== t) w.kept++;
        raw.push({ text: t, el: bufEl });
        if (w.kept >= max) stopped = w.cut = true;
      }
    }
    buf = '';
    bufEl = null;
  };
  /**
   * Reads `n` and its following siblings, in `block`. The inline ones are lines of their own when
   * `parent` splits (`splitsInline`), asked only once an inline sibling shows up.
   */
  const siblings = (n: Node | null, block: Element, parent: Element | null): void => {
    let split: boolean | undefined = parent ? undefined : false;
    for (; n && !stopped; n = n.nextSibling) {
      const type = n.nodeType;
      if (type === 3) {
        // Blank text before any word (the indentation between tags) would be trimmed away: skipped.
        const data = (n as CharacterData).data;
        if (buf || NON_BLANK.test(data)) {
          buf += data;
          bufEl ??= block;
        }
        continue;
      }
      if (type !== 1) continue;
      const e = n as Element;
      if (--budget < 0 || (stop && stop(e))) {
        flush();
        stopped = true;
        if (budget < 0) w.cut = true;
        return;
      }
      if (isHiddenSubtree(e)) continue;
      const tag = e.localName;
      if (tag === 'br') {
        buf += breaks && buf ? BREAK : ' ';
        continue;
      }
      if (INLINE.has(tag) && !(split ??= splitsInline(parent!, texts))) {
        siblings(e.firstChild, block, e);
      } else {
        flush();
        const first = raw.length;
        siblings(e.firstChild, e, e);
        flush();
        if (ranges) {
          ranges.els.push(e);
          ranges.at.push(first, raw.length);
        }
      }
    }
  };
  try {
    const after = opts.after;
    if (after && after !== root && root.contains(after)) {
      // Start right after `after` (its following siblings, then its ancestors' following siblings):
      // no walk through everything before it.
      for (let node: Element | null = after; node && node !== root && !stopped; node = node.parentElement) {
        const parent = node.parentElement;
        if (!parent) break;
        siblings(node.nextSibling, parent, null);
        flush();
      }
    } else if (!after) siblings(root.firstChild, root, root);
    flush();
  } catch {
    w.cut = true; // never throw
  }
  return w;
}

/** Drops consecutive duplicates, keeping at most `max` lines. */
function dedupe(lines: readonly Line[], from: number, to: number, max: number): Line[] {
  const out: Line[] = [];
  for (let i = from; i < to && out.length < max; i++) {
    const l = lines[i]!;
    if (!out.length || out[out.length - 1]!.text !== l.text) out.push(l);
  }
  return out;
}

/** Lines of `root` in document order (consecutive duplicates dropped). */
export function readLines(root: Element, opts: LineOptions = {}): Line[] {
  const { raw } = walk(root, opts);
  return dedupe(raw, 0, raw.length, opts.max ?? 400);
}

/**
 * One reading of a subtree that answers `readLines` for each block element inside it: a section's
 * entries are read from the section's lines instead of walking each entry again. The answers are the
 * ones `readLines(el, { max })` gives: the walk reads a block element the same way whatever it starts
 * from. Elements the walk did not enter as blocks (inline ones, hidden ones) and readings the budget
 * cut short are read on their own.
 */
export class LineIndex {
  private readonly raw: Line[];
  private readonly ranges: Ranges = { els: [], at: [] };
  private readonly cut: boolean;

  constructor(
    private readonly root: Element,
    max = 2000,
  ) {
    const w = walk(root, { max }, this.ranges);
    this.raw = w.raw;
    this.cut = w.cut;
  }

  /** `readLines(el, { max })`, for `el` inside the root. */
  of(el: Element, max = 400): Line[] {
    if (el === this.root) return dedupe(this.raw, 0, this.raw.length, max);
    const i = this.cut ? -1 : this.ranges.els.indexOf(el);
    if (i < 0) return readLines(el, { max });
    return dedupe(this.raw, this.ranges.at[2 * i]!, this.ranges.at[2 * i + 1]!, max);
  }
}
