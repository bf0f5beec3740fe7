/**
 * Row 1: capturePage(document, url) on every fixture page. Each run gets a freshly parsed document, as the
 * real capture sees a document it never read before: Blink builds some lookup structures lazily on a
 * document's first queries, so repeated calls on one document would flatter the numbers (by 2-10× here).
 * Parsing and a garbage collection before each run are not timed, so one run's garbage is not the next
 * run's pause.
 *
 * The pages are measured in turns (a batch of each page, then the next round): a slow spell of the machine
 * (another process, a busy host) then falls on every page alike, where page after page it fell on whichever
 * page ran through it, and the worst page's median was the machine's more than the page's.
 */
import { capturePage } from '../../lib/capture/index';
import { pause } from './timing';

const BATCH = 8;
/** Rounds counted, after a first round over every page that warms the JIT: ROUNDS × BATCH runs a page. */
const ROUNDS = 4;

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
  const parser = new DOMParser();
  const htmls: string[] = [];
  for (const fixture of fixtures) htmls.push(await (await fetch(fixture.src)).text());
  const rows: CaptureRow[] = fixtures.map((fixture, i) => ({
    label: fixture.label,
    bytes: new TextEncoder().encode(htmls[i]).length,
    samples: [],
    isProfile: false,
  }));
  for (let round = 0; round <= ROUNDS; round++) {
    for (let i = 0; i < fixtures.length; i++) {
      // A batch of documents is parsed and garbage collected once, then each one is captured once.
      const docs = Array.from({ length: BATCH }, () => parser.parseFromString(htmls[i]!, 'text/html'));
      gc();
      await pause(20);
      const row = rows[i]!;
      for (const doc of docs) {
        const t0 = performance.now();
        row.isProfile = capturePage(doc, fixtures[i]!.url).isProfile;
        const dt = performance.now() - t0;
        if (round > 0) row.samples.push(dt); // the first round warms the JIT
      }
    }
  }
  return rows;
}
