import { browser } from 'wxt/browser';
import type { PageCapture } from '../page-capture/run';

/** Built from entrypoints/capture.ts; injected only when the user asks to save. */
const CAPTURE_SCRIPT = '/capture.js';

export class CaptureFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CaptureFailedError';
  }
}

/** Runs the extractor in the tab's top frame and returns what it found. */
export async function captureTab(tabId: number): Promise<PageCapture> {
  let results: { result?: unknown }[];
  try {
    results = await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [CAPTURE_SCRIPT] });
  } catch (error) {
    // Typically a page we may not script (the browser's own pages, the web store) or no activeTab grant.
    throw new CaptureFailedError(
      `Rapport cannot read this page: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const page = results[0]?.result as PageCapture | undefined;
  if (!page?.capture) throw new CaptureFailedError('The page did not answer; reload it and try again.');
  return page;
}
