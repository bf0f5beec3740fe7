import { describe, expect, it } from 'vitest';
import { newContact } from '@/lib/contacts/merge';
import { TEMPLATE_TEXTS } from '@/lib/ui/strings/workspace';
import {
  joinList,
  LINKEDIN_NOTE_LIMIT,
  noteLength,
  renderKind,
  renderTemplate,
  TEMPLATE_KINDS,
  templateValues,
  topicsFromNotes,
} from '@/lib/workspace/templates';
import { profile } from '../contacts/factory';

describe('renderTemplate', () => {
  it.each([
    ['Hi {firstName}', { firstName: 'Ana' }, 'Hi Ana', []],
    ['Hi {firstName}', {}, 'Hi {firstName}', ['firstName']],
    ['Hi {firstName}', { firstName: '  ' }, 'Hi {firstName}', ['firstName']],
    ['A[[ via {mutual}]].', { mutual: 'Bo' }, 'A via Bo.', []],
    ['A[[ via {mutual}]].', { mutual: null }, 'A.', []],
    ['[[{field} at {employer}]]!', { field: 'UX' }, '!', []],
    ['{myName} {myName}', { myName: 'Sam' }, 'Sam Sam', []],
  ])('%j with %j → %j', (template, values, text, missing) => {
    expect(renderTemplate(template, values)).toEqual({ text, missing });
  });
});

describe('built-in templates', () => {
  const contact = {
    ...newContact(profile(), { id: 'c', now: 1 }),
    targetField: 'data engineering',
    targetEmployer: 'Lumen Tide',
    mutualAcquaintance: 'Jordan Alvarez-Whitfield',
  };
  const values = templateValues(contact, { myName: 'Samantha Rivera-Okonkwo', lengthMin: 20 });

  it.each(TEMPLATE_KINDS)('%s fills every placeholder from a complete contact and settings', (kind) => {
    const { text, missing } = renderKind(kind, { ...values, topics: 'hiring' });
    expect(missing).toEqual([]);
    expect(text).not.toMatch(/[{}[\]]/);
  });

  it('keeps the LinkedIn note within 300 characters with long names', () => {
    const { text } = renderKind('request-linkedin', values);
    expect(noteLength(text)).toBeLessThanOrEqual(LINKEDIN_NOTE_LIMIT);
    expect(text).toContain('Jordan Alvarez-Whitfield');
    expect(text).toContain('20 minutes');
  });

  it('asks for information, never a job, and offers phone or video', () => {
    expect(TEMPLATE_TEXTS['request-email']).toMatch(/not looking for a job/);
    expect(TEMPLATE_TEXTS['request-email']).toMatch(/phone or video/);
  });

  it('drops the mutual-acquaintance sentence when there is none', () => {
    const { text } = renderKind('request-email', { ...values, mutual: null });
    expect(text).not.toContain('suggested');
  });
});

describe('helpers', () => {
  it.each([
    ['abc', 3],
    ['👋🏽 hi', 7],
    ['é', 1],
  ])('noteLength(%j) = %d', (text, n) => expect(noteLength(text)).toBe(n));

  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('joinList(%j) = %j', (items, expected) => expect(joinList(items)).toBe(expected));

  it('takes topics for the thank-you from the notes, never inventing any', () => {
    expect(
      topicsFromNotes([
        { text: 'q1', note: '' },
        { text: 'q2', note: 'Hiring plans for next year. They grow the team.' },
        { text: 'q3', note: 'the and of' },
        { text: 'q4', note: 'AWS costs are the main worry' },
        { text: 'q5', note: 'Mentoring programme for juniors and interns and more words here' },
        { text: 'q6', note: 'One too many' },
      ]),
    ).toEqual([
      'hiring plans for next year',
      'AWS costs are the main worry',
      'mentoring programme for juniors and interns',
    ]);
  });
});
