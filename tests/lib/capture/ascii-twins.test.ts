/**
 * Each pattern with Unicode classes has an ASCII twin, asked of plain-ASCII text so the Unicode one is
 * compiled only when a text needs it (a cold first capture pays about a millisecond for each). The twin
 * must give the same answer as the Unicode pattern on every plain-ASCII text: hand-picked lines, every
 * single character, and generated lines made of the words these patterns look for.
 */
import { describe, expect, it } from 'vitest';
import { LETTER, PUNCTUATION, isAscii, type Twin } from '../../../lib/capture/page-person';
import { DATE_RANGE, RANGE_WORDS } from '../../../lib/capture/sections';
import { CONNECTIONS, CONTACT_AFTER, CONTACT_ALONE, PLACE_PART } from '../../../lib/capture/sources/anchor';
import { LETTER_OR_DIGIT, symbols } from '../../../lib/capture/text';

const TOKENS = [
  'Sep',
  '2019',
  '2023',
  '1987',
  '1949',
  '-',
  ' - ',
  'to',
  'bis',
  'au',
  'al',
  'a',
  'tot',
  'till',
  'fino',
  'Present',
  'now',
  'Dec',
  'present',
  'heute',
  '~',
  '1 yr',
  '500+',
  '1,234',
  '12.5K',
  'connections',
  'connection',
  'followers',
  'follower',
  'relations',
  'kontakte',
  'seguidores',
  'conexiones',
  'collegamenti',
  'volgers',
  'connecties',
  'pengikut',
  'koneksi',
  'kontakter',
  'Contact info',
  'contact information',
  'CONTACT INFO',
  'kontaktinfo',
  'Kontaktinformationen',
  'datos de contacto',
  'dados de contato',
  'informazioni di contatto',
  'contactgegevens',
  'contactinformatie',
  'info kontak',
  'informasi kontak',
  'dane kontaktowe',
  'kontaktuppgifter',
  'informations de contact',
  'Brooklyn',
  'New York',
  "O'Brien",
  'St. Louis',
  '(Metro)',
  'Jane',
  'Doe',
  'X',
  'ab',
  ',',
  ', ',
  ' ',
  '  ',
  '\t',
  '|',
  '@',
  '1',
  '9',
  '0',
  '_',
  '.',
  "'",
  '(',
  ')',
];

/** A fixed pseudo-random sequence, so a failure names a line that fails again. */
function* lines(count: number): Generator<string> {
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff);
  for (let i = 0; i < count; i++) {
    const n = 1 + (next() % 7);
    let s = '';
    for (let k = 0; k < n; k++) {
      const r = next();
      s += r % 5 === 0 ? String.fromCharCode(32 + (r % 95)) : TOKENS[r % TOKENS.length];
      if (next() % 3 === 0) s += ' ';
    }
    yield s;
  }
}

const HAND_PICKED = [
  '',
  'Sep 2023 - Present - 1 yr 3 mos',
  'sep 2023 - present 1 yr 3 mos',
  'jan 2015 - dec 2018',
  '2015 - 2018',
  '2019 to present',
  '2019 - now',
  'jan 2019 - dec',
  '2019 bis heute',
  '2019',
  'may 2016 (1 mo)',
  'class of 2019',
  '500+ connections',
  '1,234 followers',
  '12 kontakte',
  'connections',
  'Contact info',
  'contact information',
  'Brooklyn, New York, United States - Contact info',
  'Brooklyn, New York Contact info',
  'Kontaktinformationen',
  'Contact info please',
  'Brooklyn, New York, United States',
  "St. John's, Newfoundland and Labrador",
  'Greater Seattle Area',
  '2nd, Seattle',
  'Jane Doe',
  'Jane Doe, PhD',
  'J.',
  '---',
];

/** The twin's answer and the Unicode pattern's, on one text (a test, a match, or a replacement). */
function answers(twin: Twin, s: string, as: 'test' | 'exec' | 'replace'): [unknown, unknown] {
  if (as === 'test') return [twin.ascii.test(s), twin.unicode.test(s)];
  if (as === 'exec') return [JSON.stringify(twin.ascii.exec(s)), JSON.stringify(twin.unicode.exec(s))];
  return [s.replace(twin.ascii, ' '), s.replace(twin.unicode, ' ')];
}

const ALL_ASCII = Array.from({ length: 128 }, (_, c) => String.fromCharCode(c));

describe('ASCII twins answer as their Unicode pattern on plain-ASCII text', () => {
  const cases: [string, Twin, 'test' | 'exec' | 'replace', (s: string) => string][] = [
    ['LETTER', LETTER, 'test', (s) => s],
    ['LETTER_OR_DIGIT', LETTER_OR_DIGIT, 'test', (s) => s],
    ['DATE_RANGE (lower-cased text)', DATE_RANGE, 'test', (s) => s.toLowerCase()],
    ['RANGE_WORDS', RANGE_WORDS, 'replace', (s) => s],
    ['CONNECTIONS (lower-cased text)', CONNECTIONS, 'test', (s) => s.toLowerCase()],
    ['CONTACT_ALONE', CONTACT_ALONE, 'test', (s) => s],
    ['CONTACT_AFTER', CONTACT_AFTER, 'exec', (s) => s],
    ['PLACE_PART', PLACE_PART, 'test', (s) => s],
  ];
  it.each(cases)('%s', (_, twin, as, prepare) => {
    const texts = [...HAND_PICKED, ...ALL_ASCII, ...lines(3000)].map(prepare);
    let matched = 0;
    for (const s of texts) {
      expect(isAscii(s)).toBe(true);
      const [ascii, unicode] = answers(twin, s, as);
      expect(ascii, JSON.stringify(s)).toEqual(unicode);
      if (unicode !== false && unicode !== 'null' && unicode !== s) matched++;
    }
    // The table reaches both answers: a twin that never matched would prove nothing.
    expect(matched).toBeGreaterThan(0);
    expect(matched).toBeLessThan(texts.length);
  });

  it('no plain-ASCII character is an emoji or other symbol (names skip that pattern)', () => {
    for (const c of ALL_ASCII) expect(c.replace(symbols(), ''), JSON.stringify(c)).toBe(c);
  });
});

describe('punctuation outside ASCII', () => {
  it('holds no letter or digit (a stretch of it is a space in a name key)', () => {
    const wordChar = /[\p{L}\p{N}]/u;
    let covered = 0;
    for (let c = 0x80; c < 0x10000; c++) {
      const s = String.fromCharCode(c);
      if (!PUNCTUATION.test(s)) continue;
      covered++;
      expect(wordChar.test(s), c.toString(16)).toBe(false);
    }
    expect(covered).toBeGreaterThan(100);
  });
});
