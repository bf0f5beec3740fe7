/**
 * Row 1 (first call): capturePage on a page in a fresh browser page, as the capture script injected on
 * click runs it: a cold module, no warm JIT, a document it never read. Parsing is not timed.
 */
import { capturePage } from '../../lib/capture/index';

export default async function run(fixture: { src: string; url: string }): Promise<{ ms: number; isProfile: boolean }> {
  const html = await (await fetch(fixture.src)).text();
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const t0 = performance.now();
  const { isProfile } = capturePage(doc, fixture.url);
  return { ms: performance.now() - t0, isProfile };
}
