/**
 * Section titles found by their words, whatever the spacing, case, accents, screen-reader copies or
 * heading tag; and nothing taken from page chrome or from headings that only contain the words.
 */
import { describe, expect, it } from 'vitest';
import { readLines } from '../../../lib/capture/lines';
import {
  aboutText,
  findSectionHeadings,
  isDateLine,
  isEmploymentType,
  type SectionName,
} from '../../../lib/capture/sections';
import { isCurrentDates } from '../../../lib/capture/sources/common';
import { parseHtml } from './parse';

const found = (body: string) => {
  const heads = findSectionHeadings(parseHtml(`<html><body>${body}</body></html>`));
  return Object.fromEntries(
    (Object.keys(heads) as SectionName[]).map((k) => [k, heads[k]?.getAttribute('data-t') ?? null]),
  );
};

describe('findSectionHeadings', () => {
  it.each([
    ['<main><h2 data-t="x">Experience</h2></main>', { experience: 'x' }],
    [
      '<h2 data-t="x">\n  <span aria-hidden="true">Experience</span><span class="visually-hidden">Experience</span>\n</h2>',
      { experience: 'x' },
    ],
    ['<h3 data-t="x">  ACERCA\n\n   DE </h3>', { about: 'x' }],
    ['<h2 data-t="x">À propos</h2><h2 data-t="y">Formación académica</h2>', { about: 'x', education: 'y' }],
    ['<h2 data-t="x">Über mich</h2><h4 data-t="y">Berufserfahrung</h4>', { about: 'x', experience: 'y' }],
    ['<h2 data-t="x">工作经历</h2><h2 data-t="y">Образование</h2>', { experience: 'x', education: 'y' }],
    ['<h3 data-t="first">Education</h3><div><h1 data-t="late">Education</h1></div>', { education: 'first' }],
    ['<div role="heading" data-t="x">Experience</div>', { experience: 'x' }],
    ['<aside><h2>Experience</h2></aside><nav><h2>Education</h2></nav>', {}],
    // A section's own header is content (a 2021 page's section titles); the page's banner header is not.
    ['<main><section><header><h2 data-t="x"> Опыт работы </h2></header></section></main>', { experience: 'x' }],
    ['<header><h2>Experience</h2></header><main><h2 data-t="y">About</h2></main>', { about: 'y' }],
    ['<h2>Experience Cloud consultants near you</h2><h3>People also viewed</h3>', {}],
    ['<h2>Jane Doe</h2><h3>Senior Engineer at Overland</h3>', {}],
  ])('%s', (body, want) => {
    expect(found(body)).toEqual({ about: null, experience: null, education: null, ...want });
  });
});

/** Line tests that answer yes or no, each with its table of lines. */
const LINE_TESTS: [string, (line: string) => boolean, [string, boolean][]][] = [
  [
    'date lines',
    isDateLine,
    [
      ['Sep 2023 - Present · 1 yr', true],
      ['2015-2018', true],
      ['Jan 2020–heute', true],
      ['дек. 2019 г. – 2021', true],
      ['2019', true],
      // A hyphen inside a word is no range: a company line from a 2025 page.
      ['Technova Technical fest 2022 · Full-time', false],
      ['Hackathon 2019 self-organised', false],
    ],
  ],
  [
    'a range that runs to the present',
    isCurrentDates,
    [
      ['Nov 2021 - Present · 2 yrs', true],
      ['2021 – настоящее время', true],
      ['janv. 2020 - aujourd’hui', true],
      ['2019 – heute', true],
      ['mar 2018 - obecnie', true],
      ['2020年4月 - 現在', true],
      ['2015 - 2018', false],
      ['Nov 2021 - Dec 2023 · 2 yrs', false],
    ],
  ],
  [
    'employment types',
    isEmploymentType,
    [
      ['Full-time', true],
      ['Internship · 6 mos', true],
      ['Полный рабочий день', true],
      ['Amsterdam, Netherlands', false],
      ['Full-time Studio', false],
    ],
  ],
];

describe.each(LINE_TESTS)('%s', (_name, test, rows) => {
  it.each(rows)('%s → %s', (line, want) => {
    expect(test(line)).toBe(want);
  });
});

describe('aboutText', () => {
  const about = (body: string) => {
    const doc = parseHtml(`<html><body><section id="s"><h2 id="h">About</h2>${body}</section></body></html>`);
    return aboutText(doc.getElementById('h')!, doc.getElementById('s')!);
  };
  it.each([
    ['one paragraph', '<div><span>I fix bridges.</span></div>', 'I fix bridges.'],
    [
      'paragraphs broken by <br>s keep their blank line',
      '<div><span>I fix bridges.<br><br>Before that, boats.</span></div>',
      'I fix bridges.\n\nBefore that, boats.',
    ],
    ['one <br>: a line break', '<div>Line one<br>\n   line two</div>', 'Line one\nline two'],
    ['three <br>s: one blank line', '<div>A<br><br> <br>B</div>', 'A\n\nB'],
    ['a <br> first or last: nothing', '<div><br>Alone<br></div>', 'Alone'],
    ['block paragraphs: one per line', '<p>First.</p><p>Second.</p>', 'First.\nSecond.'],
    ['the toggle left out', '<div>Text<br>more</div><button>…see more</button>', 'Text\nmore'],
    [
      'the screen-reader copy left out',
      '<div><span aria-hidden="true">Seen<br><br>Twice</span><span class="visually-hidden">Seen<br><br>Twice</span></div>',
      'Seen\n\nTwice',
    ],
  ])('%s', (_, body, want) => {
    expect(about(body)).toBe(want);
  });

  it('a <br> is still a space in the lines every other reader compares', () => {
    const doc = parseHtml('<html><body><div id="d">Acme<br>Full-time</div></body></html>');
    expect(readLines(doc.getElementById('d')!).map((l) => l.text)).toEqual(['Acme Full-time']);
  });
});
