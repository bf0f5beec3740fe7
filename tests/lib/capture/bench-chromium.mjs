// Manual benchmark of capturePage in real Chromium (the budget is ≤ 2 ms median per page).
// Usage: node tests/lib/capture/bench-chromium.mjs [fixtureDir] [chromiumPath]
// Pages are parsed with DOMParser inside the browser; only capturePage is timed.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
const dirs = [process.argv[2] ?? path.resolve(root, '../shared/fixtures'), path.resolve(root, 'tests/fixtures')].filter(
  existsSync,
);
const exe =
  process.argv[3] ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);

const bundle = await build({
  entryPoints: [path.join(root, 'lib/capture/index.ts')],
  bundle: true,
  write: false,
  format: 'iife',
  globalName: 'Capture',
  target: 'chrome120',
});
const code = bundle.outputFiles[0].text;
console.log(`capture bundle: ${(code.length / 1024).toFixed(1)} KiB`);

const browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox'] });
const page = await browser.newPage();
await page.setContent('<html><body></body></html>');
await page.addScriptTag({ content: code });
const rows = [];
const wrong = [];
let checked = 0;
for (const dir of dirs) {
  for (const f of readdirSync(dir)
    .filter((x) => x.endsWith('.html'))
    .sort()) {
    const html = readFileSync(path.join(dir, f), 'utf8');
    const truthPath = path.join(dir, f.replace(/\.html$/, '.truth.json'));
    const truth = existsSync(truthPath) ? JSON.parse(readFileSync(truthPath, 'utf8')) : {};
    const url =
      truth.profileUrl ??
      (f.startsWith('other-') ? 'https://example.com/' : 'https://www.linkedin.com/in/bench-subject/');
    const res = await page.evaluate(
      ({ html, url }) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const times = [];
        let r;
        for (let i = 0; i < 60; i++) {
          const t0 = performance.now();
          r = globalThis.Capture.capturePage(doc, url);
          times.push(performance.now() - t0);
        }
        times.sort((a, b) => a - b);
        return {
          median: times[times.length >> 1],
          max: times[times.length - 1],
          name: r.profile.name,
          isProfile: r.isProfile,
          profile: r.profile,
        };
      },
      { html, url },
    );
    // Accuracy in the real browser DOM (same checks as the corpus test, scalar fields).
    if (truth.kind) {
      const n = (x) => (typeof x === 'string' ? x.replace(/\s+/g, ' ').trim() : x);
      const p = res.profile;
      const got = {
        name: p.name,
        headline: p.headline,
        location: p.location,
        currentCompany: p.currentCompany,
        currentTitle: p.currentTitle,
        photo: p.photoUrl !== null,
        experienceCount: p.experience?.length ?? null,
        educationCount: p.education?.length ?? null,
        email: p.email,
        phone: p.phone,
      };
      if (truth.isProfile !== res.isProfile) wrong.push(`${f}: isProfile ${res.isProfile}`);
      else if (truth.isProfile)
        for (const [k, v] of Object.entries(got)) {
          if (truth[k] === null || truth[k] === undefined) continue;
          checked++;
          if (n(v) !== n(truth[k])) wrong.push(`${f}: ${k} = ${JSON.stringify(v)}`);
        }
    }
    rows.push({
      page: f.slice(0, 60),
      kb: Math.round(html.length / 1024),
      median_ms: +res.median.toFixed(3),
      max_ms: +res.max.toFixed(3),
      isProfile: res.isProfile,
      name: res.name,
    });
  }
}
console.table(rows);
const meds = rows.map((r) => r.median_ms).sort((a, b) => a - b);
console.log(`median of per-page medians: ${meds[meds.length >> 1]} ms; worst page median: ${meds[meds.length - 1]} ms`);
const bad = wrong.filter((w) => !w.includes('isProfile')).length;
console.log(
  `accuracy in Chromium's DOM: ${checked - bad}/${checked} fields` + (wrong.length ? `\n  ${wrong.join('\n  ')}` : ''),
);
await browser.close();
