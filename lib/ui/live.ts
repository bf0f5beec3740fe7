import { useEffect, useState } from 'preact/hooks';
import { onDataChange } from '../db/changes';
import type { ChangeStoreName } from '../db/schema';

export type Live<T> = { status: 'loading' } | { status: 'ready'; value: T } | { status: 'error'; error: string };

/**
 * Runs `load` now and again whenever one of `stores` changes anywhere in the extension (another tab, the
 * background), so every view stays current without reload. Late answers of an older run are dropped.
 */
export function useLive<T>(
  load: () => Promise<T>,
  stores: readonly ChangeStoreName[],
  deps: readonly unknown[] = [],
): Live<T> {
  const [state, setState] = useState<Live<T>>({ status: 'loading' });
  useEffect(() => {
    let run = 0;
    const refresh = () => {
      const mine = ++run;
      load().then(
        (value) => mine === run && setState({ status: 'ready', value }),
        (error: unknown) => mine === run && setState({ status: 'error', error: String(error) }),
      );
    };
    refresh();
    const stop = onDataChange((change) => {
      if (stores.includes(change.store)) refresh();
    });
    return () => {
      run = -1;
      stop();
    };
  }, deps);
  return state;
}
