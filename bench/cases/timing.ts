/**
 * Page-side timing helpers for the bench cases. The bench server sends COOP/COEP headers, so pages are
 * cross-origin isolated and performance.now() has ~5 µs resolution instead of 100 µs.
 */

export interface TimeOptions {
  /** Runs before measuring (JIT warm-up, caches): not recorded. */
  warmup: number;
  /** At least this many recorded runs… */
  minRuns: number;
  /** …and more, up to maxRuns, while the total measured time stays under budgetMs. */
  maxRuns: number;
  budgetMs: number;
  /** Optional cap on wall-clock time (setup included) once minRuns are done. */
  wallMs?: number;
}

/**
 * Times `fn` repeatedly. `setup` runs before each call and is not timed (e.g. parse a fresh document), and
 * its result is handed to `fn`.
 */
export async function timeRuns<S>(
  setup: (run: number) => S | Promise<S>,
  fn: (state: S) => unknown,
  opts: TimeOptions,
): Promise<number[]> {
  for (let i = 0; i < opts.warmup; i++) await fn(await setup(-1 - i));
  const samples: number[] = [];
  let spent = 0;
  const start = performance.now();
  const more = (i: number) =>
    i < opts.minRuns ||
    (spent < opts.budgetMs && (opts.wallMs === undefined || performance.now() - start < opts.wallMs));
  for (let i = 0; i < opts.maxRuns && more(i); i++) {
    const state = await setup(i);
    const t0 = performance.now();
    await fn(state);
    const dt = performance.now() - t0;
    samples.push(dt);
    spent += dt;
  }
  return samples;
}

/** Lets the browser settle (GC, IndexedDB flush) between heavy measurements. */
export function pause(ms = 50): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Deletes an IndexedDB database, waiting through a `blocked` event (connections still closing). */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}
