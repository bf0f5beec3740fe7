import { describe, expect, it } from 'vitest';
import { applyReview } from '@/lib/contacts/review';
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
