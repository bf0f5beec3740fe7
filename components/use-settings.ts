import { useEffect, useState } from 'preact/hooks';

/** Any `defineSettings` item (lib/settings/define.ts), as far as reading and following it goes. */
export interface SettingsSource<T> {
  defaults: T;
  get(): Promise<T>;
  watch(listener: (value: T) => void): () => void;
}

/** A settings item, followed live (the options page may change it while a view is open). */
export function useSettings<T>(item: SettingsSource<T>): T {
  const [value, setValue] = useState<T>(item.defaults);
  useEffect(() => {
    let alive = true;
    void item.get().then((next) => alive && setValue(next));
    const stop = item.watch(setValue);
    return () => {
      alive = false;
      stop();
    };
  }, [item]);
  return value;
}
