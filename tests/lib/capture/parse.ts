/** Test helpers: parse HTML into a Document (linkedom: fast, and faithful enough for saved pages). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';

/**
 * linkedom orders two nodes by their depth alone in `compareDocumentPosition` (the shallower one
 * "precedes"), where browsers answer by document order. The capture code relies on the browsers'
 * answer, so the tests' documents get a spec-correct one: ancestors, then sibling order where the
 * two paths part.
 */
function documentPosition(this: Node, other: Node): number {
  if (this === other) return 0;
  const path = (n: Node) => {
    const out: Node[] = [];
    for (let x: Node | null = n; x; x = x.parentNode) out.unshift(x);
    return out;
  };
  const a = path(this);
  const b = path(other);
  if (a[0] !== b[0]) return 1 | 32; // DISCONNECTED | IMPLEMENTATION_SPECIFIC
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (i === a.length) return 4 | 16; // other is inside this: FOLLOWING | CONTAINED_BY
  if (i === b.length) return 2 | 8; // this is inside other: PRECEDING | CONTAINS
  for (let n = a[i]!.nextSibling; n; n = n.nextSibling) if (n === b[i]) return 4;
  return 2;
}

let patched = false;
export function parseHtml(html: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
  if (!patched) {
    // Every linkedom node shares this prototype chain: patched once, on the first document.
    let proto: object | null = Object.getPrototypeOf(doc.documentElement);
    while (proto && !Object.prototype.hasOwnProperty.call(proto, 'compareDocumentPosition'))
      proto = Object.getPrototypeOf(proto);
    if (proto) Object.defineProperty(proto, 'compareDocumentPosition', { value: documentPosition });
    patched = true;
  }
  return doc;
}

export const FIXTURE_DIR = path.resolve(__dirname, '../../fixtures');
export const readFixture = (file: string) => readFileSync(path.join(FIXTURE_DIR, file), 'utf8');
export const load = (file: string) => parseHtml(readFixture(file));
