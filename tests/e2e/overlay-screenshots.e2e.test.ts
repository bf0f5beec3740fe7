import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchExtension, type RunningExtension } from './harness';
import { shootOverlay } from './overlay-screenshots.mjs';

let ext: RunningExtension;
beforeAll(async () => {
  ext = await launchExtension();
});
afterAll(async () => ext?.close());

it('renders the page overlay for screenshots: new person, saved, folded, light and dark', async () => {
  const dir = process.env.RAPPORT_SCREENSHOTS_DIR ?? mkdtempSync(join(tmpdir(), 'rapport-overlay-shots-'));
  const files = await shootOverlay({ context: ext.context, extensionId: ext.extensionId, outDir: dir });
  expect(files).toHaveLength(6);
  for (const file of files) {
    const png = readFileSync(file);
    // PNG header: width and height at bytes 16–23, real size.
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 800]);
  }
});
