/**
 * Shows text in our box as CSS generated content (`content: attr(data-t)`) instead of text nodes. A closed
 * shadow root keeps the page's scripts out of our DOM, but not out of the browser's text search: the page's
 * `window.find("Save to Rapport")` matches text nodes inside closed roots too, which would tell it that Rapport
 * is installed, or let it guess the user's notes. Generated content is drawn and read by screen readers, but
 * never searched, selected or copied.
 */
export const PAINT_CSS = '[data-t]::before{content:attr(data-t)}';

// A first strong character from a right-to-left script (Hebrew, Arabic, Syriac, Thaana, N'Ko, and their forms).
const RTL = /^[^\p{L}]*[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

/** Paints `text` in `el`, with its direction (dir="auto" cannot see generated content). */
export function paint<E extends HTMLElement>(el: E, text: string): E {
  el.setAttribute('data-t', text);
  el.dir = RTL.test(text) ? 'rtl' : 'ltr';
  return el;
}
