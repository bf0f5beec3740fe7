/**
 * Structural variants of a page for the metamorphic tests: the same content in other markup.
 * Each variant keeps what a reader sees (the text, its order within a card, the images) and
 * changes what a layout may change without notice: classes, ids, `componentkey`s, tag names,
 * wrappers, the order of sibling cards, where the "Contact info" link sits.
 */

export type Variant = (doc: Document) => void;

function hash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return '_' + (h >>> 0).toString(36);
}

const all = (doc: Document) => Array.from(doc.body?.querySelectorAll('*') ?? []);

/** Every class renamed to a hash, as an obfuscating build would. */
export const renameClasses: Variant = (doc) => {
  for (const el of all(doc)) {
    const cls = el.getAttribute('class');
    if (cls) el.setAttribute('class', cls.split(/\s+/).filter(Boolean).map(hash).join(' '));
  }
};

/** Every class renamed except the screen-reader-only ones (what LinkedIn's 2025 build did). */
export const renameClassesKeepA11y: Variant = (doc) => {
  for (const el of all(doc)) {
    const cls = el.getAttribute('class');
    if (cls)
      el.setAttribute(
        'class',
        cls
          .split(/\s+/)
          .filter(Boolean)
          .map((c) => (c === 'visually-hidden' || c === 'sr-only' ? c : hash(c)))
          .join(' '),
      );
  }
};

/** No ids, no `componentkey`s, no data-* attributes. */
export const dropIds: Variant = (doc) => {
  for (const el of all(doc)) {
    for (const a of Array.from(el.attributes)) {
      if (a.name === 'id' || a.name === 'componentkey' || a.name.startsWith('data-')) el.removeAttribute(a.name);
    }
  }
};

function retag(doc: Document, el: Element, tag: string): Element {
  const n = doc.createElement(tag);
  for (const a of Array.from(el.attributes)) n.setAttribute(a.name, a.value);
  while (el.firstChild) n.appendChild(el.firstChild);
  el.replaceWith(n);
  return n;
}

/** `p` ↔ `div` (block stays block), and `span` → `a`/`strong` (inline stays inline). */
export const swapTags: Variant = (doc) => {
  for (const el of all(doc)) {
    const t = el.tagName.toLowerCase();
    if (t === 'p') retag(doc, el, 'div');
    else if (t === 'div' && !el.querySelector('div, p, ul, ol, section, h1, h2, h3, li')) retag(doc, el, 'p');
    else if (t === 'span' && !el.querySelector('a')) retag(doc, el, 'strong');
  }
};

/** Every text-bearing element wrapped in one more `div` (blocks) or `span` (inline). */
export const wrap: Variant = (doc) => {
  for (const el of all(doc)) {
    if (!el.parentElement || /^(li|tr|td|th|option|html|body|head|main)$/i.test(el.tagName)) continue;
    if (/^(ul|ol|table|select|tbody)$/i.test(el.parentElement.tagName)) continue;
    const inline = /^(span|a|strong|em|b|i|img|time)$/i.test(el.tagName);
    const w = doc.createElement(inline ? 'span' : 'div');
    el.replaceWith(w);
    w.appendChild(el);
  }
};

/** Class-less, attribute-less `div`/`span` wrappers removed (their children take their place). */
export const unwrap: Variant = (doc) => {
  for (const el of all(doc).reverse()) {
    const t = el.tagName.toLowerCase();
    if ((t !== 'div' && t !== 'span') || !el.parentElement) continue;
    if (
      el.children.length !== 1 ||
      /\S/.test(
        Array.from(el.childNodes)
          .filter((n) => n.nodeType === 3)
          .map((n) => n.nodeValue)
          .join(''),
      )
    )
      continue;
    const child = el.firstElementChild!;
    // A block inside an inline wrapper, or an inline inside a block: unwrap only like for like.
    const childInline = /^(span|a|strong|em|b|i|img|time)$/i.test(child.tagName);
    if ((t === 'span') !== childInline) continue;
    el.replaceWith(child);
  }
};

/** Sibling sections in reverse order (About, Experience, Education… in another order). */
export const reorderSections: Variant = (doc) => {
  const parents = new Set(
    Array.from(doc.querySelectorAll('section'))
      .map((s) => s.parentElement!)
      .filter(Boolean),
  );
  for (const p of parents) {
    const secs = Array.from(p.children).filter((c) => c.tagName.toLowerCase() === 'section');
    if (secs.length < 2) continue;
    const anchor = secs[secs.length - 1]!.nextSibling;
    for (const s of secs.reverse()) p.insertBefore(s, anchor);
  }
};

/** The "Contact info" link moved out of its paragraph (or into the location's one). */
export const moveContactInfo: Variant = (doc) => {
  for (const a of Array.from(doc.querySelectorAll('a'))) {
    if (!/^\s*contact info\s*$/i.test(a.textContent ?? '')) continue;
    const p = a.parentElement;
    if (!p) continue;
    if (/^p$/i.test(p.tagName) && p.parentElement) p.after(a);
    else {
      const wrapper = doc.createElement('p');
      a.replaceWith(wrapper);
      wrapper.appendChild(a);
    }
  }
};

export const VARIANTS: Record<string, Variant> = {
  renameClasses,
  renameClassesKeepA11y,
  dropIds,
  swapTags,
  wrap,
  unwrap,
  reorderSections,
  moveContactInfo,
};

/** The hard one: everything at once (what a new layout nobody has seen looks like to us). */
export const everything: Variant = (doc) => {
  renameClassesKeepA11y(doc);
  dropIds(doc);
  swapTags(doc);
  wrap(doc);
  moveContactInfo(doc);
};
