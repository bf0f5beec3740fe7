/**
 * browser.storage.local for the scripts that run in LinkedIn's pages, without `wxt/browser`: in this build that
 * import brings the whole webextension polyfill (~10 KB) into every LinkedIn page. Both browsers' own namespaces
 * return promises here (Firefox's `browser`, Chrome MV3's `chrome`), so no polyfill is needed. Never the page's
 * localStorage: the page could read it.
 */
export interface LocalArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

type WithStorage = { storage?: { local?: LocalArea } };

export function extensionStorage(): LocalArea | null {
  const g = globalThis as { browser?: WithStorage; chrome?: WithStorage };
  return g.browser?.storage?.local ?? g.chrome?.storage?.local ?? null;
}

export async function readStored(key: string): Promise<unknown> {
  try {
    return (await extensionStorage()?.get(key))?.[key];
  } catch {
    return undefined;
  }
}

export function writeStored(key: string, value: unknown): void {
  extensionStorage()
    ?.set({ [key]: value })
    .catch(() => undefined);
}
