/**
 * Row 1: capturePage(document, url) on every fixture page. Each run gets a freshly parsed document, as the
 * real capture sees a document it never read before: Blink builds some lookup structures lazily on a
 * document's first queries, so repeated calls on one document would flatter the numbers (by 2-10× here).
 * Parsing and a garbage collection before each run are not timed, so one run's garbage is not the next
 * run's pause.
 */
import { capturePage } from '../../lib/capture/index';
import { pause } from './timing';

const BATCH = 8;
const MIN_RUNS = 16;
const MAX_RUNS = 40;
const WALL_MS = 400;

export interface CaptureFixture {
  label: string;
  /** Where the bench server serves the page (read from its folder, never copied). */
  src: string;
  url: string;
}

export interface CaptureRow {
  label: string;
  bytes: number;
  samples: number[];
  isProfile: boolean;
}

/** Chromium runs with --js-flags=--expose-gc. */
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

export default async function run(fixtures: CaptureFixture[]): Promise<CaptureRow[]> {
  const rows: CaptureRow[] = [];
  const parser = new DOMParser();
  for (const fixture of fixtures) {
    const html = await (await fetch(fixture.src)).text();
    let isProfile = false;
    // Documents are parsed in batches and garbage collected once per batch, then each one is captured once.
    const samples: number[] = [];
    const started = performance.now();
    for (
      let batch = 0;
      samples.length < MIN_RUNS || (samples.length < MAX_RUNS && performance.now() - started < WALL_MS);
      batch++
    ) {
      const docs = Array.from({ length: BATCH }, () => parser.parseFromString(html, 'text/html'));
      gc();
      await pause(20);
      for (const doc of docs) {
        const t0 = performance.now();
        isProfile = capturePage(doc, fixture.url).isProfile;
        const dt = performance.now() - t0;
        if (batch > 0 || fixtures.indexOf(fixture) > 0) samples.push(dt); // the very first batch warms the JIT
      }
    }
    rows.push({ label: fixture.label, bytes: new TextEncoder().encode(html).length, samples, isProfile });
  }
  return rows;
}
