import { storage } from 'wxt/utils/storage';

/**
 * Settings live in browser.storage.local, one versioned item per feature (`local:settings:<feature>`), so
 * features never overwrite each other's keys and each can migrate its own shape. Reading fills in
 * defaults for fields a newer version added.
 */
export function defineSettings<T extends Record<string, unknown>>(
  feature: string,
  defaults: T,
  opts: { version?: number; migrations?: Record<number, (old: unknown) => unknown> } = {},
) {
  const item = storage.defineItem<T>(`local:settings:${feature}`, {
    fallback: defaults,
    version: opts.version ?? 1,
    migrations: opts.migrations as Record<number, (old: T) => T> | undefined,
  });
  return {
    key: `settings:${feature}`,
    defaults,
    async get(): Promise<T> {
      return { ...defaults, ...(await item.getValue()) };
    },
    async set(patch: Partial<T>): Promise<T> {
      const next = { ...(await this.get()), ...patch };
      await item.setValue(next);
      return next;
    },
    watch(listener: (value: T) => void): () => void {
      return item.watch((value) => listener({ ...defaults, ...(value ?? {}) }));
    },
  };
}
