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

/**
 * Whether `a` comes before `b` in document order. `compareDocumentPosition` is asked both ways: a DOM
 * whose answer is not consistent (linkedom, used by the unit tests, says "preceding" both ways) is
 * answered by walking the two elements' ancestors instead.
 */
export function precedes(a: Node, b: Node): boolean {
  const ab = a.compareDocumentPosition(b);
  const ba = b.compareDocumentPosition(a);
  if (ab & 4 && ba & 2) return true;
  if (ab & 2 && ba & 4) return false;
  return walkPrecedes(a, b);
}

function walkPrecedes(a: Node, b: Node): boolean {
  const up = (n: Node) => {
    const chain: Node[] = [];
    for (let x: Node | null = n; x; x = x.parentNode) chain.unshift(x);
    return chain;
  };
  const ca = up(a);
  const cb = up(b);
  let i = 0;
  while (i < ca.length && i < cb.length && ca[i] === cb[i]) i++;
  if (i === ca.length) return true; // a holds b
  if (i === cb.length) return false; // b holds a
  for (let n = ca[i]!.nextSibling; n; n = n.nextSibling) if (n === cb[i]) return true;
  return false;
}
