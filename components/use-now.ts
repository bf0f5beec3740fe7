import { useEffect, useState } from 'preact/hooks';

/**
 * Re-renders every `ms` with the clock's time; the clock is a parameter so tests control it (pass a
 * stable function such as `Date.now`).
 */
export function useNow(clock: () => number, ms = 1000): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    const id = setInterval(() => setNow(clock()), ms);
    return () => clearInterval(id);
  }, [clock, ms]);
  return now;
}
