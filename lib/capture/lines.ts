/**
 * A page read as lines of text in document order, the way a person reads it: every block element
 * (`div`, `p`, `li`, headings…) starts a new line, inline elements (`span`, `a`, `strong`…) join
 * theirs. Tags, classes and ids do not matter, so a layout can swap `p`/`span`/`div`, wrap or
 * unwrap elements, or rename every class and still read the same.
 *
 * Left out: what a reader does not see as the page's content (scripts, SVG, `hidden` and `inert`
 * subtrees, screen-reader-only duplicates, form fields, audio/video players).
 */

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
}

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

/**
 * Lines of `root` in document order (consecutive duplicates dropped). The walk follows
 * `firstChild`/`nextSibling`: a `childNodes` list per element costs several times the walk itself.
 */
export function readLines(root: Element, opts: LineOptions = {}): Line[] {
  const max = opts.max ?? 400;
  const stop = opts.stop;
  const out: Line[] = [];
  let buf = '';
  let bufEl: Element | null = null;
  let stopped = false;
  let budget = 20_000; // elements visited: a hostile page cannot make this slow
  const texts = new Map<Node, boolean>();
  const flush = () => {
    if (bufEl) {
      const t = buf.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
      if (t && (!out.length || out[out.length - 1]!.text !== t)) out.push({ text: t, el: bufEl });
      if (out.length >= max) stopped = true;
    }
    buf = '';
    bufEl = null;
  };
  /** Reads `n` and its following siblings, in `block`; `split`: inline siblings are lines of their own. */
  const siblings = (n: Node | null, block: Element, split: boolean): void => {
    for (; n && !stopped; n = n.nextSibling) {
      const type = n.nodeType;
      if (type === 3) {
        buf += (n as CharacterData).data;
        bufEl ??= block;
        continue;
      }
      if (type !== 1) continue;
      const e = n as Element;
      if (--budget < 0 || (stop && stop(e))) {
        flush();
        stopped = true;
        return;
      }
      if (isHiddenSubtree(e)) continue;
      const tag = e.localName;
      if (tag === 'br') {
        buf += ' ';
        continue;
      }
      if (INLINE.has(tag) && !split) {
        siblings(e.firstChild, block, splitsInline(e, texts));
      } else {
        flush();
        siblings(e.firstChild, e, splitsInline(e, texts));
        flush();
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
        siblings(node.nextSibling, parent, false);
        flush();
      }
    } else if (!after) siblings(root.firstChild, root, splitsInline(root, texts));
    flush();
  } catch {
    /* never throw */
  }
  return out;
}
