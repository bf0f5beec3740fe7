import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';

/** RAPPORT_SHOTS=<dir> keeps screenshots of what the e2e tests show, in light and dark. */
const SHOTS = process.env.RAPPORT_SHOTS ? resolve(process.env.RAPPORT_SHOTS) : null;

export async function shot(target: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await target.emulateMedia({ colorScheme: scheme });
    await target.screenshot({ path: join(SHOTS, `${name}-${scheme}.png`) });
  }
  await target.emulateMedia({ colorScheme: 'light' });
}
