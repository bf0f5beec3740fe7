import { capturePage, topCardMatchesUrl } from '../capture';
import type { CaptureResult } from '../capture/types';
import { makeThumbnail } from './thumbnail';

/** What the script injected into a tab returns to the background. */
export interface PageCapture {
  capture: CaptureResult;
  photoThumb: string | null;
  ms: number;
}

const READY_TIMEOUT_MS = 1500;
const READY_POLL_MS = 50;

/**
 * Runs in the page (injected on demand, not on every page load). After an in-app navigation the previous
 * person's DOM lingers for a moment: wait until the page shows the URL's person, then capture what is there.
 */
export async function captureWhenReady(
  doc: Document,
  url: string,
  opts: { timeoutMs?: number; now?: () => number } = {},
): Promise<PageCapture> {
  const now = opts.now ?? (() => performance.now());
  const deadline = now() + (opts.timeoutMs ?? READY_TIMEOUT_MS);
  while (!topCardMatchesUrl(doc, url) && now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, READY_POLL_MS));
  }
  const started = now();
  const capture = capturePage(doc, url);
  const ms = now() - started;
  const photoThumb = capture.profile.photoUrl ? await makeThumbnail(capture.profile.photoUrl) : null;
  return { capture, photoThumb, ms };
}
