import { describe, expect, it } from 'vitest';
import { newContact } from '@/lib/contacts/merge';
import { findSamePerson, pairKey, sameCompany, sameName, samePersonReasons } from '@/lib/contacts/match';
import type { Contact } from '@/lib/contacts/model';
import { profile } from '../contacts/factory';

function contact(id: string, over: Partial<Contact> = {}, url: string | null = null): Contact {
  return { ...newContact(profile({ profileUrl: url }), { id, now: 1 }), ...over };
}

describe('sameName', () => {
  it.each([
    ['Ana Pérez', 'ana perez', true],
    ['Ana Pérez, PhD', 'Ana Perez', true],
    ['Dr. Ana Pérez (she/her)', 'Ana Pérez', true],
    ['Ana María Pérez', 'Ana Pérez', true],
    ['Ana Pérez', 'Ana Gómez', false],
    ['Ana', 'Ana Pérez', false],
    ['Ana', 'ana', true],
    [null, 'Ana', false],
    ['', '', false],
  ])('%s ~ %s → %s', (a, b, expected) => expect(sameName(a, b)).toBe(expected));
});

describe('sameCompany', () => {
  it.each([
    ['Acme', 'ACME Inc.', true],
    ['Acme', 'Acme Robotics', true],
    ['Smith & Sons', 'Smith and Sons Ltd', true],
    ['Société Générale', 'Societe Generale', true],
    ['Acme', 'Apex', false],
    ['Robotics Acme', 'Acme', false],
    [null, 'Acme', false],
    ['Inc.', 'Inc.', false],
  ])('%s ~ %s → %s', (a, b, expected) => expect(sameCompany(a, b)).toBe(expected));
});

describe('samePersonReasons', () => {
  const saved = contact('saved', { currentCompany: 'Lumen Tide' }, 'https://www.linkedin.com/in/marta/');
  it.each<[string, Partial<Contact>, string | null, string[] | null]>([
    [
      'typed referral, same company',
      { referredById: 'r1', currentCompany: 'Lumen Tide' },
      null,
      ['company', 'referral'],
    ],
    ['typed referral, company unknown', { referredById: 'r1', currentCompany: null }, null, ['referral']],
    [
      'mutual acquaintance counts as a referral link',
      { mutualAcquaintance: 'Bo', currentCompany: null },
      null,
      ['referral'],
    ],
    ['same company, no referral', { currentCompany: 'Lumen Tide Inc.' }, null, ['company']],
    ['neither company nor referral', { currentCompany: 'Elsewhere' }, null, null],
    ['other name', { name: 'Marta Gil', referredById: 'r1' }, null, null],
    ['both have a profile URL', { referredById: 'r1' }, 'https://www.linkedin.com/in/other/', null],
  ])('%s', (_label, over, url, expected) => {
    expect(samePersonReasons(saved, contact('other', over, url))).toEqual(expected);
  });

  it('matches a past employer in the experience list', () => {
    const moved = contact(
      'm',
      {
        currentCompany: 'New Co',
        experience: [{ title: 'Analyst', company: 'Old Co', dates: null, location: null, current: false }],
      },
      'https://www.linkedin.com/in/m/',
    );
    expect(samePersonReasons(moved, contact('t', { currentCompany: 'Old Co' }))).toEqual(['company']);
  });

  it('never matches a record with itself, and skips pairs the user said are two people', () => {
    const typed = contact('typed', { referredById: 'r1' });
    expect(samePersonReasons(typed, typed)).toBeNull();
    expect(findSamePerson(saved, [saved, typed]).map((m) => m.contact.id)).toEqual(['typed']);
    expect(findSamePerson(saved, [typed], new Set([pairKey('typed', 'saved')]))).toEqual([]);
  });
});
