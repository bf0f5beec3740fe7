/**
 * The one element Rapport adds to a LinkedIn page: an anonymous <div> holding a closed shadow root.
 *
 * - Closed: the page's scripts get `null` from `host.shadowRoot`, so they cannot read, fill or press what is
 *   inside. Nothing on the host names Rapport (no id, class or data attribute).
 * - Top layer: the host is a manual popover, shown with showPopover(). An element in the top layer paints above
 *   every z-index of the page, so an ordinary page element can no longer be laid over our controls (the
 *   "opaque box with pointer-events: none" attack). Only another top-layer element shown later can; the
 *   visibility guard checks for those. Manual popovers are not closed by outside clicks or Escape.
 * - Inline `!important` styles beat every stylesheet rule and animation of the page, so the page can restyle
 *   the host only by rewriting its style attribute, which the guard observes.
 */
export interface PageHost {
  host: HTMLElement;
  root: ShadowRoot;
  /** Puts the host in the top layer, unless it is there already (e.g. after the page closed it). */
  raise(): void;
  remove(): void;
}

// UA popover styles (inset: 0; margin: auto; border; padding; background) are reset: the host is a 0×0 box at
// the top left, and what it holds is positioned with `position: fixed` inside the shadow root.
export const HOST_STYLE = (
  'all:initial;position:fixed;inset:0 auto auto 0;width:0;height:0;margin:0;padding:0;border:0;' +
  'background:transparent;overflow:visible;opacity:1;visibility:visible;filter:none;clip-path:none;mask:none;' +
  'transform:none;zoom:1;pointer-events:none;z-index:2147483647;display:block'
)
  .split(';')
  .map((rule) => `${rule} !important`)
  .join(';');

export function createPageHost(doc: Document): PageHost {
  const host = doc.createElement('div');
  host.setAttribute('style', HOST_STYLE);
  const root = host.attachShadow({ mode: 'closed' });
  const supportsPopover = typeof host.showPopover === 'function';
  if (supportsPopover) host.popover = 'manual';
  doc.documentElement.append(host);
  const raise = () => {
    if (!supportsPopover || !host.isConnected) return;
    try {
      // Never hide and show again: that would drop the focus of someone typing in our box.
      if (!host.matches(':popover-open')) host.showPopover();
    } catch {
      // Not in a document that allows popovers: the z-index above still applies.
    }
  };
  raise();
  return { host, root, raise, remove: () => host.remove() };
}
