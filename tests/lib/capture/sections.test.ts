/**
 * Section titles found by their words, whatever the spacing, case, accents, screen-reader copies or
 * heading tag; and nothing taken from page chrome or from headings that only contain the words.
 */
import { describe, expect, it } from 'vitest';
import { findSectionHeadings, type SectionName } from '../../../lib/capture/sections';
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
    ['<h2>Experience Cloud consultants near you</h2><h3>People also viewed</h3>', {}],
    ['<h2>Jane Doe</h2><h3>Senior Engineer at Overland</h3>', {}],
  ])('%s', (body, want) => {
    expect(found(body)).toEqual({ about: null, experience: null, education: null, ...want });
  });
});
