import { describe, expect, it } from 'vitest';
import { applyReview, cleanReviewValues, MAX_REVIEW_VALUE } from '@/lib/contacts/review';
import { profile } from './factory';

describe('applyReview', () => {
  it('trims values, turns empty ones into null, and leaves other fields alone', () => {
    const reviewed = applyReview(profile(), { name: '  Ana Example ', headline: '   ', location: 'Porto' });
    expect(reviewed).toMatchObject({
      name: 'Ana Example',
      headline: null,
      location: 'Porto',
      currentCompany: 'Lumen Tide',
    });
  });
});

describe('cleanReviewValues', () => {
  it('keeps only the review fields, as strings of sane length', () => {
    const clean = cleanReviewValues({
      name: 'Ana',
      headline: 'x'.repeat(MAX_REVIEW_VALUE + 50),
      profileUrl: 'https://www.linkedin.com/in/someone-else/',
      email: 'a@b.c',
      location: 42,
      __proto__: { polluted: true },
    });
    expect(Object.keys(clean).sort()).toEqual(['headline', 'name']);
    expect(clean.headline).toHaveLength(MAX_REVIEW_VALUE);
  });

  it.each([null, 'Ana', 7, []])('gives nothing for %o', (value) => {
    expect(cleanReviewValues(value)).toEqual({});
  });
});
