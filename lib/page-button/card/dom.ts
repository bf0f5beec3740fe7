import { paint } from '../paint';

/** Tiny DOM helpers for the card: text is painted (paint.ts), never parsed as markup. */
export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  props: { className?: string; text?: string; attrs?: Record<string, string> } = {},
  ...children: Node[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) paint(node, props.text);
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Adds the card's stylesheet to our shadow root once. */
export function ensureStyle(root: ShadowRoot, css: string): void {
  if ([...root.children].some((child) => child.tagName === 'STYLE' && child.textContent === css)) return;
  const style = root.ownerDocument.createElement('style');
  style.textContent = css;
  root.prepend(style);
}
