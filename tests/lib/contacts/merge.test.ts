import { describe, expect, it } from 'vitest';
import { applyCapture, applyEdits, newContact } from '@/lib/contacts/merge';
import { profile } from './factory';

const base = () => newContact(profile(), { id: 'c1', now: 1000 });

describe('applyCapture', () => {
  it('refreshes captured fields and keeps what the page did not show this time', () => {
    const { contact, jobChange } = applyCapture(base(), profile({ headline: 'New headline', location: null }), {
      now: 2000,
    });
    expect(contact.headline).toBe('New headline');
    expect(contact.location).toBe('Valencia, Spain');
    expect(contact.rev).toBe(2);
    expect(contact.updatedAt).toBe(2000);
    expect(jobChange).toBeNull();
  });

  it('keeps fields the user edited by hand', () => {
    const edited = applyEdits(base(), [{ field: 'name', before: 'Marta Quintero', after: 'Marta Q.' }], 1500).contact;
    const { contact } = applyCapture(edited, profile({ name: 'Marta Quintero Ruiz' }), { now: 2000 });
    expect(contact.name).toBe('Marta Q.');
  });

  it.each([
    ['a new company', { currentCompany: 'Harbor Labs' }, true],
    ['a new title', { currentTitle: 'Staff data engineer' }, true],
    ['the same job, other case and spacing', { currentTitle: 'data  Engineer' }, false],
    ['no job on the page', { currentTitle: null, currentCompany: null }, false],
  ])('records a job change for %s: %s', (_label, overrides, expected) => {
    const { jobChange } = applyCapture(base(), profile(overrides), { now: 2000 });
    expect(jobChange !== null).toBe(expected);
  });

  it('never changes the profile URL key', () => {
    const { contact } = applyCapture(base(), profile({ profileUrl: 'https://www.linkedin.com/in/other/' }), { now: 2 });
    expect(contact.profileUrl).toBe('https://www.linkedin.com/in/marta-quintero-example/');
  });
});

describe('applyEdits', () => {
  it('applies an edit based on the stored value and marks the field edited', () => {
    const { contact, applied, conflicts } = applyEdits(
      base(),
      [{ field: 'location', before: 'Valencia, Spain', after: 'Madrid' }],
      3000,
    );
    expect(contact.location).toBe('Madrid');
    expect(contact.editedFields).toEqual(['location']);
    expect(applied).toEqual(['location']);
    expect(conflicts).toEqual([]);
  });

  it('refuses to overwrite a value changed elsewhere since the editor saw it', () => {
    const { contact, conflicts } = applyEdits(
      base(),
      [{ field: 'location', before: 'Somewhere old', after: 'Madrid' }],
      3000,
    );
    expect(contact.location).toBe('Valencia, Spain');
    expect(conflicts).toEqual(['location']);
    expect(contact.rev).toBe(1);
  });

  it('treats an edit that is already stored as a no-op', () => {
    const { applied, conflicts } = applyEdits(
      base(),
      [{ field: 'location', before: 'x', after: 'Valencia, Spain' }],
      1,
    );
    expect(applied).toEqual([]);
    expect(conflicts).toEqual([]);
  });

  it('does not count workflow fields as hand-edited capture fields', () => {
    const { contact } = applyEdits(base(), [{ field: 'status', before: 'to-ask', after: 'asked' }], 3000);
    expect(contact.status).toBe('asked');
    expect(contact.editedFields).toEqual([]);
  });
});
