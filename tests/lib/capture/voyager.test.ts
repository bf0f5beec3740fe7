/**
 * The Voyager person cut out of its JSON block: the same entity a full JSON.parse would find, on blocks
 * with strings full of brackets, quotes and escapes, and nothing on broken or foreign JSON.
 */
import { describe, expect, it } from 'vitest';
import { voyagerEntities } from '../../../lib/capture/voyager';
import { parseHtml } from './parse';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const blocks = (...texts: string[]) =>
  parseHtml(texts.map((t, i) => `<code id="bpr-guid-${i}">${escapeHtml(t)}</code>`).join('')).getElementsByTagName(
    'code',
  );

const ME = {
  $type: 'com.linkedin.voyager.identity.shared.MiniProfile',
  publicIdentifier: 'Mara-Quist-12',
  firstName: 'Mara "MQ" {Quist}',
  lastName: 'Quist\\',
  occupation: 'Designer ]} at [Acme',
  picture: { artifacts: [{ width: 100, path: '/a}b{' }] },
};
const OTHER = { publicIdentifier: 'someone-else', firstName: 'Other', lastName: 'Person' };

describe('voyagerEntities', () => {
  it.each([
    ['in "included"', JSON.stringify({ data: { x: 1 }, included: [OTHER, ME] })],
    ['as "data"', JSON.stringify({ data: ME, included: [OTHER] })],
    ['after strings that hold brackets and escaped quotes', JSON.stringify({ a: '{"x":"}', b: '\\"', included: [ME] })],
    ['among many entities', JSON.stringify({ included: [...Array.from({ length: 50 }, () => OTHER), ME, OTHER] })],
  ])('finds the person %s, as JSON.parse reads it', (_what, text) => {
    const got = voyagerEntities(blocks(text), 'mara-quist-12');
    expect(got[0]).toEqual(ME);
  });

  it('keeps to the slug: other people and mentions inside other values are not the person', () => {
    const text = JSON.stringify({
      included: [OTHER, { note: '"publicIdentifier":"mara-quist-12"', publicIdentifier: 'x' }],
    });
    expect(voyagerEntities(blocks(text), 'mara-quist-12')).toEqual([]);
    expect(voyagerEntities(blocks(JSON.stringify({ included: [OTHER] })), 'someone')).toEqual([]);
  });

  it('reads every block, in order, and skips broken ones', () => {
    const broken = '{"included":[{"publicIdentifier":"mara-quist-12","firstName":"Half';
    const got = voyagerEntities(blocks(broken, JSON.stringify({ included: [ME] })), 'mara-quist-12');
    expect(got).toEqual([ME]);
  });

  it('returns nothing for text that is not JSON around the key', () => {
    expect(voyagerEntities(blocks('"publicIdentifier":"mara-quist-12"'), 'mara-quist-12')).toEqual([]);
    expect(voyagerEntities(blocks('[{"publicIdentifier":"mara-quist-12"]'), 'mara-quist-12')).toEqual([]);
  });
});
