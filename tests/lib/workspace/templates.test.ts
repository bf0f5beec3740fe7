import { describe, expect, it } from 'vitest';
import { newContact } from '@/lib/contacts/merge';
import { BUILTIN_TEMPLATES } from '@/lib/ui/strings/templates';
import { builtinQuestions } from '@/lib/workspace/questions';
import { LINKEDIN_NOTE_LIMITS } from '@/lib/workspace/settings';
import {
  builtinId,
  chosenVariant,
  emptyLibrary,
  putVariant,
  removeVariant,
  thankYouTopics,
  variantsFor,
} from '@/lib/workspace/template-library';
import {
  gapsIn,
  joinList,
  mailtoLink,
  noteLength,
  renderTemplate,
  splitSubject,
  TEMPLATE_KINDS,
  templateValues,
  unknownPlaceholders,
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
  const values = templateValues(contact, {
    myName: 'Samantha Rivera-Okonkwo',
    lengthMin: 30,
    topics: ['how you found your way into this work', 'the hard parts of the job'],
  });
  const all = TEMPLATE_KINDS.flatMap((kind) => BUILTIN_TEMPLATES[kind].map((v) => [kind, v.name, v.text] as const));

  it('offers more than one variant of every kind', () => {
    for (const kind of TEMPLATE_KINDS) expect(BUILTIN_TEMPLATES[kind].length, kind).toBeGreaterThan(1);
  });

  it.each(all)('%s “%s” fills every placeholder from a complete contact and settings', (_kind, _name, text) => {
    const rendered = renderTemplate(text, values);
    expect(rendered.missing).toEqual([]);
    expect(rendered.text).not.toMatch(/[{}[\]]/);
    expect(unknownPlaceholders(text)).toEqual([]);
  });

  it.each(BUILTIN_TEMPLATES['request-linkedin'].map((v) => [v.name, v.text]))(
    'the LinkedIn note “%s” fits a free account’s 200 characters with long names',
    (_name, text) => {
      const rendered = renderTemplate(text, {
        ...values,
        firstName: 'Maximiliana',
        field: 'sustainable product design',
      });
      expect(noteLength(rendered.text)).toBeLessThanOrEqual(LINKEDIN_NOTE_LIMITS.free);
    },
  );

  it('asks for information, never a job, and offers phone or video', () => {
    for (const v of BUILTIN_TEMPLATES['request-email']) expect(v.text).toMatch(/phone or video/);
    expect(BUILTIN_TEMPLATES['request-email'][0]!.text).toMatch(/not looking for a job/);
  });

  it('drops the mutual-acquaintance sentence when there is none', () => {
    const { text } = renderTemplate(BUILTIN_TEMPLATES['request-email'][0]!.text, { ...values, mutual: null });
    expect(text).not.toContain('suggested');
  });

  it('writes the thank-you as a sentence about the topics, or leaves a named gap', () => {
    const text = BUILTIN_TEMPLATES['thank-you'][0]!.text;
    expect(renderTemplate(text, values).text).toContain(
      'what you told me about how you found your way into this work and the hard parts of the job;',
    );
    const gap = renderTemplate(text, { ...values, topics: null });
    expect(gap.missing).toEqual(['topics']);
    expect(gapsIn(gap.text)).toEqual(['topics']);
  });
});

describe('thank-you topics from the questions ticked in the call', () => {
  const bank = builtinQuestions();
  const own = { ...bank[0]!, id: 'mine', topic: 'custom', builtin: false };
  it.each<[string, string[], string[]]>([
    ['none ticked', [], []],
    ['one', ['bq-challenges-1'], ['the hard parts of the job']],
    ['two of one topic count once', ['bq-challenges-1', 'bq-challenges-2'], ['the hard parts of the job']],
    [
      'asked order, at most three',
      ['bq-trends-1', 'bq-path-1', 'bq-hiring-1', 'bq-market-1'],
      ['where the field is heading', 'where the role can lead', 'what tips a hiring decision'],
    ],
    ['the user’s own question leaves the gap', ['mine'], []],
    ['an unknown id is skipped', ['gone', 'bq-salary-1'], ['what pay to expect']],
  ])('%s', (_label, asked, expected) => expect(thankYouTopics(asked, [...bank, own])).toEqual(expected));
});

describe('the user’s variants', () => {
  it('rewords a built-in, adds one of their own, chooses, restores and deletes', () => {
    let lib = emptyLibrary();
    expect(variantsFor('thank-you', lib).map((v) => v.id)).toEqual([
      builtinId('thank-you', 0),
      builtinId('thank-you', 1),
    ]);
    lib = putVariant(lib, 'thank-you', { id: builtinId('thank-you', 1), name: 'Short', text: 'Thanks {firstName}!' });
    expect(variantsFor('thank-you', lib)[1]).toMatchObject({
      text: 'Thanks {firstName}!',
      builtin: true,
      edited: true,
    });
    expect(chosenVariant('thank-you', lib).id).toBe(builtinId('thank-you', 1));
    lib = putVariant(lib, 'thank-you', { id: 'own:1', name: '  ', text: 'Mine' });
    expect(variantsFor('thank-you', lib).map((v) => [v.name, v.builtin])).toEqual([
      ['Warm', true],
      ['Short', true],
      ['Untitled', false],
    ]);
    expect(chosenVariant('thank-you', lib).id).toBe('own:1');
    lib = removeVariant(lib, 'thank-you', 'own:1');
    expect(chosenVariant('thank-you', lib).id).toBe(builtinId('thank-you', 0));
    lib = removeVariant(lib, 'thank-you', builtinId('thank-you', 1));
    expect(variantsFor('thank-you', lib)[1]).toMatchObject({
      edited: false,
      text: BUILTIN_TEMPLATES['thank-you'][1]!.text,
    });
    expect(variantsFor('check-in', lib)).toHaveLength(BUILTIN_TEMPLATES['check-in'].length);
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

  it.each([
    ['Hi {firstName}, {frstName} and {myName}', ['frstName']],
    ['No placeholders', []],
  ])('unknownPlaceholders(%j) = %j', (text, expected) => expect(unknownPlaceholders(text)).toEqual(expected));

  it.each([
    ['Subject: Hello\n\nBody', { subject: 'Hello', body: 'Body' }],
    ['Subject:\nBody', { subject: null, body: 'Body' }],
    ['Body only', { subject: null, body: 'Body only' }],
  ])('splitSubject(%j)', (text, expected) => expect(splitSubject(text)).toEqual(expected));

  it.each<[string | null, string, string | null]>([
    [
      'marta@example.org',
      'Subject: Hi & bye\n\nLine 1\nLine 2',
      'mailto:marta@example.org?subject=Hi%20%26%20bye&body=Line%201%0D%0ALine%202',
    ],
    ['marta@example.org', 'Body', 'mailto:marta@example.org?body=Body'],
    [null, 'Body', null],
    ['not an address', 'Body', null],
    ['a@b.c?cc=x@y.z', 'Body', null],
  ])('mailtoLink(%j, …) = %j', (email, text, expected) => expect(mailtoLink(email, text)).toBe(expected));
});
