import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';

const AXE = resolve(__dirname, '../../node_modules/axe-core/axe.min.js');
/** WCAG 2.0, 2.1 and 2.2 A and AA: includes `target-size` (2.5.8) and `color-contrast`. */
export const WCAG_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core with the WCAG 2.2 AA rules in the page as it is now; returns "rule: targets" lines. */
export async function wcagViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Extension pages forbid inline scripts (CSP): evaluate the file's text through the debugger instead.
    await page.evaluate(readFileSync(AXE, 'utf8'));
  }
  return page.evaluate(async (tags) => {
    interface Result {
      violations: { id: string; nodes: { target: string[] }[] }[];
    }
    const axe = (window as unknown as { axe: { run(c: unknown, o: unknown): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_AA_TAGS);
}
