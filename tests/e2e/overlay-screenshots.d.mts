import type { BrowserContext } from 'playwright-core';
export function shootOverlay(opts: {
  context: BrowserContext;
  extensionId: string;
  outDir: string;
  themes?: readonly string[];
}): Promise<string[]>;
