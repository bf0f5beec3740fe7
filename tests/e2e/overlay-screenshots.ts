import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fixture, servePage, type RunningExtension } from './harness';
import { withLinkedInChrome } from './linkedin-chrome';
import { PageBox } from './page-box';

/**
 * Screenshots of the box Rapport draws on LinkedIn profiles, at real size (1280 × 800, device scale 1), in
 * LinkedIn's light and dark themes: a new person (Save button), a saved person (card), and the folded card.
 * For `npm run screenshots` (surfaces) and tests/e2e/overlay-screenshots.e2e.test.ts. Returns the files written.
 * Needs a fresh profile: it saves one invented person.
 */
export async function shootOverlay(ext: RunningExtension, outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    const url = `https://www.linkedin.com/in/screenshot-${theme}-demo/`;
    const html = fixture('linkedin-2022-loggedin.html').replaceAll('priya-nandakumar-demo', `screenshot-${theme}-demo`);
    await servePage(ext.context, url, withLinkedInChrome(html, { dark: theme === 'dark' }));
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(url);
    const box = new PageBox(page);
    const shot = async (name: string) => {
      await page.mouse.move(640, 100); // no hover state in the picture
      await page.waitForTimeout(300);
      const file = join(outDir, `overlay-${name}-${theme}.png`);
      await page.screenshot({ path: file });
      files.push(file);
    };
    await box.waitFor('Save to Rapport');
    await shot('new-person');
    await box.click('Save to Rapport');
    await box.waitFor('Open in Rapport');
    await page.keyboard.type('Met at the design meetup; ask about research ops.');
    await page.keyboard.press('Enter');
    await box.waitFor('Open in Rapport');
    await page.waitForTimeout(5500); // the "Note added." message goes away by itself
    await shot('saved-person');
    await box.click('Fold the card', { settleMs: 0 });
    await box.waitFor(/^Show the Rapport card/);
    await shot('folded');
    await box.click(/^Show the Rapport card/, { settleMs: 0 }); // leave it open for the next run
    await box.dispose();
    await page.close();
  }
  return files;
}
