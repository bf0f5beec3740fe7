/**
 * Cheap document queries. Blink answers a single simple selector (a tag, a class, an id) from a fast
 * path, but matches a selector list ("h1, h2") element by element: about ten times the cost on a big
 * page. So elements of several tags are gathered tag by tag and merged back into document order here.
 */

/** Elements of any of `tags` under `root`, in document order (at most `limit`). */
export function byTags(root: Document | Element, tags: readonly string[], limit = Infinity): Element[] {
  let out: Element[] = [];
  for (const tag of tags) {
    const found = root.getElementsByTagName(tag);
    const mine: Element[] = [];
    for (let i = 0; i < found.length && i < limit; i++) mine.push(found[i]!);
    out = out.length && mine.length ? merge(out, mine, limit) : out.length ? out : mine;
  }
  return out;
}

/** Two lists in document order merged into one (at most `limit`). */
function merge(a: Element[], b: Element[], limit: number): Element[] {
  const out: Element[] = [];
  let i = 0;
  let j = 0;
  while (out.length < limit && (i < a.length || j < b.length)) {
    if (j === b.length || (i < a.length && precedes(a[i]!, b[j]!))) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}

/** Whether `a` comes before `b` in document order. */
export function precedes(a: Node, b: Node): boolean {
  return (a.compareDocumentPosition(b) & 4) /* Node.DOCUMENT_POSITION_FOLLOWING */ !== 0;
}

/**
 * Whether the element's tag is one of `names` (lower case). A string compare: each pattern costs a
 * fraction of a millisecond to compile on the first capture after injection, which always runs cold.
 */
export function tagIn(el: Element, names: readonly string[]): boolean {
  return names.includes(el.tagName.toLowerCase());
}

/**
 * Whether the element sits in page chrome, where the viewer, menus and other members show: `nav`,
 * `aside`, `footer`, dialogs, the `selectors` given, and the page's banner. A `header` is the banner
 * only outside `article`, `aside`, `main`, `nav` and `section` (as HTML maps it to the banner role):
 * inside one it heads that part of the content (a 2021 profile section's "Experience" title sits in a
 * section's `header`).
 */
export function inPageChrome(el: Element, selectors = 'nav, aside, footer, dialog, [role="dialog"]'): boolean {
  if (el.closest(selectors)) return true;
  const header = el.closest('header');
  return !!header && !header.parentElement?.closest('article, aside, main, nav, section');
}
