import { useEffect, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { parsePanelTarget, type PanelTarget } from '@/lib/followups/write-it';
import { PANEL_TARGET_KEY } from '@/lib/names';

/** A target the URL names (the person opened in a tab, where no panel could open). */
function fromUrl(contactId: string): PanelTarget | null {
  const params = new URLSearchParams(location.search);
  if (params.get('contact') !== contactId || !params.get('tab')) return null;
  return parsePanelTarget({
    contactId,
    tab: params.get('tab'),
    template: params.get('template'),
    followupId: params.get('followup'),
    at: 0,
  });
}

/**
 * Applies, once, where "Write it" or a notification click asked the panel to open for this person: the
 * section, the template and the follow-up. The request lives in storage (the panel may open before it is
 * written, so it is also followed live) and is removed once applied, so reopening the panel later does not
 * jump back to it.
 */
export function usePanelTarget(contactId: string, apply: (target: PanelTarget) => void): void {
  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => {
    let lastAt = -1;
    const consider = (value: unknown) => {
      const target = parsePanelTarget(value);
      if (!target || target.contactId !== contactId || target.at <= lastAt) return;
      lastAt = target.at;
      applyRef.current(target);
      if (target.at > 0) void browser.storage.local.remove(PANEL_TARGET_KEY);
    };
    consider(fromUrl(contactId));
    void browser.storage.local.get(PANEL_TARGET_KEY).then((items) => consider(items[PANEL_TARGET_KEY]));
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area === 'local' && changes[PANEL_TARGET_KEY]) consider(changes[PANEL_TARGET_KEY].newValue);
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  }, [contactId]);
}
