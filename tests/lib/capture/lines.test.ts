/**
 * `LineIndex` answers `readLines(el)` for the elements of a subtree from one reading of it: for every
 * element of every invented fixture page, both readings must agree line for line (tags, hidden copies,
 * inline runs and duplicates included). And `byTags` gives elements of several tags in document order.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { byTags } from '../../../lib/capture/dom';
import { LineIndex, readLines } from '../../../lib/capture/lines';
import { FIXTURE_DIR, load, parseHtml } from './parse';

const pages = readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.html'));

describe('LineIndex', () => {
  it.each(pages)('%s: every element reads as readLines reads it', (file) => {
    const doc = load(file);
    const index = new LineIndex(doc.body, 2000);
    let compared = 0;
    for (const el of Array.from(doc.body.querySelectorAll('*'))) {
      for (const max of [1, 4, 40]) {
        expect(index.of(el, max), `${el.tagName} max ${max}`).toEqual(readLines(el, { max }));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('reads elements past a cut walk on their own', () => {
    const doc = parseHtml(`<div id="box">${'<p>line</p><p>other</p>'.repeat(20)}<p id="late">late line</p></div>`);
    const box = doc.getElementById('box')!;
    const index = new LineIndex(box, 5);
    expect(index.of(doc.getElementById('late')!, 4).map((l) => l.text)).toEqual(['late line']);
    expect(index.of(box, 3).map((l) => l.text)).toEqual(['line', 'other', 'line']);
  });
});

describe('byTags', () => {
  it('merges tags into document order', () => {
    const doc = parseHtml(
      '<h2 id="a"></h2><div><h1 id="b"></h1><section><h3 id="c"></h3><h2 id="d"></h2></section></div><h1 id="e"></h1>',
    );
    expect(byTags(doc, ['h1', 'h2', 'h3']).map((e) => e.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(byTags(doc, ['h3', 'h1'], 2).map((e) => e.id)).toEqual(['b', 'c']);
    expect(byTags(doc, ['h4']).map((e) => e.id)).toEqual([]);
  });
});
