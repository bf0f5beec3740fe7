import { describe, expect, it } from 'vitest';
import { decodeWebsite, isPronouns, splitName, textOf } from '../../../lib/capture/text';
import { parseHtml } from './parse';

describe('splitName', () => {
  it.each([
    ['Priya Nandakumar', 'Priya', 'Nandakumar'],
    ['Sri Lalitha Jeevanige', 'Sri', 'Lalitha Jeevanige'],
    ['Jane Doe, PhD', 'Jane', 'Doe'],
    ['Jane Doe (She/Her)', 'Jane', 'Doe'],
    ['ليلى حداد 🌟', 'ليلى', 'حداد'],
    ['🚀 Max Power 🚀', 'Max', 'Power'],
    ['Cher', 'Cher', null],
    ['🌟', null, null],
  ])('%s', (name, first, last) => {
    expect(splitName(name)).toEqual({ firstName: first, lastName: last });
  });
});

describe('decodeWebsite', () => {
  it.each([
    ['https://www.linkedin.com/redir/redirect?url=http%3A%2F%2Fexample%2Ecom&urlhash=x', 'http://example.com'],
    ['https://www.linkedin.com/redir/redirect?url=http%3A%2F%2Fexample%2Ecom%2F&urlhash=x', 'http://example.com/'],
    ['https://www.linkedin.com/safety/go/?url=https%3A%2F%2Ft%2Eme%2F%2Babc&urlhash=y', 'https://t.me/+abc'],
    ['https://www.linkedin.com/safety/go?url=https%3A%2F%2Fexample%2Eorg', 'https://example.org'],
    ['https://plain.example.net/path', 'https://plain.example.net/path'],
    ['javascript:alert(1)', null],
    ['https://www.linkedin.com/redir/redirect?url=javascript%3Aalert(1)', null],
    ['https://www.linkedin.com/redir/redirect', null],
    ['', null],
  ])('%s', (href, out) => expect(decodeWebsite(href)).toBe(out));
});

describe('textOf', () => {
  it('reads <br> and blocks as whitespace, drops visually-hidden copies and "see more" buttons', () => {
    const doc = parseHtml(
      '<div id="x"><span aria-hidden="true">Hi!🙋<br><br>I build things.</span><span class="visually-hidden">Hi! I build things.</span><button>…see more</button></div>',
    );
    expect(textOf(doc.getElementById('x'), { multiline: true, skipButtons: true })).toBe('Hi!🙋\n\nI build things.');
    expect(textOf(doc.getElementById('x'))).toBe('Hi!🙋 I build things.…see more');
  });
});

it('isPronouns', () => {
  for (const p of ['He/Him', 'she/her/hers', 'They/Them', '(he/they)']) expect(isPronouns(p)).toBe(true);
  for (const p of ['Hello/World', 'Product Designer', 'He']) expect(isPronouns(p)).toBe(false);
});
