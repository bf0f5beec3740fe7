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
  const tag = el.tagName.toLowerCase();
  if (SKIP.has(tag)) return true;
  // Not `aria-hidden`: LinkedIn marks the visible copy aria-hidden and keeps a screen-reader copy.
  if (el.hasAttribute('hidden') || el.hasAttribute('inert')) return true;
  const role = el.getAttribute('role');
  if (role && SKIP_ROLES.has(role)) return true;
  if (tag === 'dialog' && !el.hasAttribute('open')) return true;
  const cls = el.getAttribute('class');
  return !!cls && SR_ONLY.test(cls);
}

/**
 * Whether `node` has any non-blank text below it (as `/\S/.test(textContent)`), stopping at the first.
 * `memo` keeps the answers found on the way down: the walk asks again for each level of a subtree.
 */
function hasText(node: Node, memo: Map<Node, boolean>): boolean {
  const known = memo.get(node);
  if (known !== undefined) return known;
  let found = false;
  for (let n = node.firstChild; n && !found; n = n.nextSibling) {
    if (n.nodeType === 3 || n.nodeType === 4) found = /\S/.test(n.nodeValue ?? '');
    else if (n.nodeType === 1) found = hasText(n, memo);
  }
  memo.set(node, found);
  return found;
}

/** Lines of `root` in document order (consecutive duplicates dropped). */
export function readLines(root: Element, opts: LineOptions = {}): Line[] {
  const max = opts.max ?? 400;
  const out: Line[] = [];
  let buf = '';
  let bufEl: Element | null = null;
  let started = !opts.after;
  let stopped = false;
  let budget = 20_000; // elements visited: a hostile page cannot make this slow
  const texts = new Map<Node, boolean>();
  const flush = () => {
    const t = buf.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
    if (t && bufEl && (!out.length || out[out.length - 1]!.text !== t)) out.push({ text: t, el: bufEl });
    buf = '';
    bufEl = null;
    if (out.length >= max) stopped = true;
  };
  const walk = (el: Element, block: Element): void => {
    const kids = el.childNodes;
    // Inline siblings with no loose text between them are styled as separate lines ("Company ·
    // Full-time" above "Sep 2023 - Present" in two spans): read them as such.
    let split = false;
    if (kids.length > 1) {
      split = true;
      for (let i = 0; i < kids.length && split; i++) {
        const k = kids[i]!;
        if (k.nodeType === 3 && /\S/.test(k.nodeValue ?? '')) split = false;
      }
      // Two children with text are enough (no textContent of big subtrees: it made the walk quadratic).
      let texty = 0;
      for (let i = 0; i < kids.length && split && texty < 2; i++)
        if (kids[i]!.nodeType === 1 && hasText(kids[i]!, texts)) texty++;
      split &&= texty > 1;
    }
    for (let i = 0; i < kids.length && !stopped; i++) {
      const n = kids[i]!;
      if (n.nodeType === 3) {
        if (started) {
          buf += n.nodeValue ?? '';
          bufEl ??= block;
        }
        continue;
      }
      if (n.nodeType !== 1) continue;
      const e = n as Element;
      if (--budget < 0) {
        stopped = true;
        return;
      }
      if (e === opts.after) {
        flush();
        started = true;
        continue;
      }
      if (started && opts.stop?.(e)) {
        flush();
        stopped = true;
        return;
      }
      if (isHiddenSubtree(e)) continue;
      const tag = e.tagName.toLowerCase();
      if (tag === 'br') {
        buf += ' ';
        continue;
      }
      if (INLINE.has(tag) && !split) {
        walk(e, block);
      } else {
        flush();
        walk(e, e);
        flush();
      }
    }
  };
  try {
    const after = opts.after;
    if (after && root.contains(after) && after !== root) {
      // Start right after `after` (its following siblings, then its ancestors' following siblings):
      // no walk through everything before it.
      started = true;
      for (let node: Element | null = after; node && node !== root && !stopped; node = node.parentElement) {
        const parent = node.parentElement;
        if (!parent) break;
        const kids = parent.childNodes;
        let i = Array.prototype.indexOf.call(kids, node) + 1;
        for (; i < kids.length && !stopped; i++) {
          const n = kids[i]!;
          if (n.nodeType === 3) {
            buf += n.nodeValue ?? '';
            bufEl ??= parent;
          } else if (n.nodeType === 1) {
            const e = n as Element;
            if (opts.stop?.(e)) {
              stopped = true;
              break;
            }
            if (isHiddenSubtree(e)) continue;
            const tag = e.tagName.toLowerCase();
            if (tag === 'br') buf += ' ';
            else if (INLINE.has(tag)) walk(e, parent);
            else {
              flush();
              walk(e, e);
              flush();
            }
          }
        }
        flush();
      }
    } else walk(root, root);
    flush();
  } catch {
    /* never throw */
  }
  return out;
}
