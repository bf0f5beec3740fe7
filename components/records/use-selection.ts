import { useState } from 'preact/hooks';

/** The list's multi-select: on or off, and the ids chosen. */
export function useSelection() {
  const [active, setActive] = useState(false);
  const [selected, set] = useState<ReadonlySet<string>>(new Set());
  return {
    active,
    selected,
    set,
    // Select mode starts empty: an action that failed after "Done" gives its people back to a hidden
    // selection, which must not come back ticked next time.
    start: () => {
      set(new Set());
      setActive(true);
    },
    stop: () => {
      setActive(false);
      set(new Set());
    },
    toggle: (id: string) =>
      set((current) => {
        const next = new Set(current);
        if (next.has(id)) next.delete(id);
        else next.add(id);
        return next;
      }),
  };
}
