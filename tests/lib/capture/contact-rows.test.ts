/**
 * Websites in a top card's rows: LinkedIn's own links (relative or absolute) are never a website and are
 * passed over without parsing a URL, but a redirect wrapper on LinkedIn still gives the site it wraps.
 */
import { describe, expect, it } from 'vitest';
import { readContactRows } from '../../../lib/capture/contact-rows';
import { parseHtml } from './parse';

const BASE = 'https://www.linkedin.com/in/jane-doe/';
const websites = (links: string) => {
  const doc = parseHtml(`<html><body><section id="card"><h2>Websites</h2><ul>${links}</ul></section></body></html>`);
  return readContactRows(doc.getElementById('card')!, BASE).websites;
};
const li = (href: string, text = 'Website') => `<li><a href="${href}">${text}</a></li>`;

describe('readContactRows: websites', () => {
  it.each([
    ['a site', li('https://janedoe.example/'), ['https://janedoe.example/']],
    ['a relative LinkedIn path', li('/company/acme/'), []],
    ['an absolute LinkedIn address', li('https://www.linkedin.com/company/acme/'), []],
    ['a LinkedIn subdomain', li('https://de.linkedin.com/school/some-school/'), []],
    [
      'a redirect wrapper, absolute',
      li('https://www.linkedin.com/redir/redirect?url=https%3A%2F%2Fjanedoe%2Eexample%2F&urlhash=x'),
      ['https://janedoe.example/'],
    ],
    [
      'a redirect wrapper, upper case',
      li('HTTPS://WWW.LINKEDIN.COM/REDIR/REDIRECT?url=https%3A%2F%2Fjanedoe%2Eexample%2F'),
      ['https://janedoe.example/'],
    ],
    [
      'a redirect wrapper behind a dot segment',
      li('https://www.linkedin.com/in/../redir/redirect?url=https%3A%2F%2Fjanedoe%2Eexample%2F'),
      ['https://janedoe.example/'],
    ],
    [
      'a redirect wrapper, relative',
      li('/safety/go/?url=https%3A%2F%2Fjanedoe%2Eexample%2F'),
      ['https://janedoe.example/'],
    ],
    ['a look-alike host', li('https://www.linkedin.com.example/'), ['https://www.linkedin.com.example/']],
  ])('%s', (_, links, expected) => {
    expect(websites(links)).toEqual(expected);
  });
});

describe('readContactRows: the Address row', () => {
  const row = '<div><span>Address</span><a href="https://maps.example/?q=Leith">12 Shore Lane, Leith</a></div>';
  const linkedInRow = '<div><span>Address</span><a href="/search/results/all/?keywords=Leith">Leith</a></div>';
  it.each([
    ['a contact-info dialog', '<div id="box" role="dialog">', '12 Shore Lane, Leith'],
    ['a dialog element', '<dialog id="box" open>', '12 Shore Lane, Leith'],
    ['a top card (no dialog): never read there', '<section id="box">', null],
  ])('in %s', (_, open, expected) => {
    const close = open.startsWith('<dialog') ? '</dialog>' : open.startsWith('<section') ? '</section>' : '</div>';
    const doc = parseHtml(`<html><body>${open}<h2>Jane Doe</h2>${row}${close}</body></html>`);
    const rows = readContactRows(doc.getElementById('box')!, BASE);
    expect(rows.address).toBe(expected);
    expect(rows.websites).toEqual([]); // a map link under "Address" is never a website
  });

  it('reads an address linked on LinkedIn itself in a dialog', () => {
    const doc = parseHtml(`<html><body><div id="box" role="dialog">${linkedInRow}</div></body></html>`);
    expect(readContactRows(doc.getElementById('box')!, BASE).address).toBe('Leith');
  });
});
