import { describe, expect, it } from 'vitest';
import type { ContactStatus } from '@/lib/contacts/model';
import {
  isReply,
  type SentTemplate,
  statusAfterMet,
  statusAfterScheduled,
  statusAfterSent,
  statusHistory,
} from '@/lib/workspace/pipeline';

describe('pipeline', () => {
  it.each<[ContactStatus, SentTemplate, ContactStatus | null]>([
    ['to-ask', 'request-email', 'asked'],
    ['to-ask', 'request-linkedin', 'asked'],
    ['no-reply', 'request-email', 'asked'],
    ['asked', 'request-email', null],
    ['met', 'request-email', null],
    ['met', 'thank-you', 'thanked'],
    ['scheduled', 'thank-you', 'thanked'],
    ['thanked', 'thank-you', null],
    ['to-ask', 'thank-you', null],
    ['thanked', 'check-in', 'in-touch'],
    ['in-touch', 'check-in', null],
    ['met', 'referrer-update', null],
  ])('%s + sent %s → %s', (from, template, to) => expect(statusAfterSent(from, template)).toBe(to));

  it.each<[ContactStatus, ContactStatus, boolean]>([
    ['asked', 'scheduled', true],
    ['asked', 'declined', true],
    ['no-reply', 'met', true],
    ['asked', 'no-reply', false],
    ['to-ask', 'scheduled', false],
    ['scheduled', 'met', false],
  ])('%s → %s is a reply: %s', (from, to, expected) => expect(isReply(from, to)).toBe(expected));

  it.each<[ContactStatus, ContactStatus | null]>([
    ['asked', 'met'],
    ['scheduled', 'met'],
    ['met', null],
    ['thanked', null],
    ['no-reply', 'met'],
  ])('mark met from %s → %s', (from, to) => expect(statusAfterMet(from)).toBe(to));

  it.each<[ContactStatus, ContactStatus | null]>([
    ['to-ask', 'scheduled'],
    ['asked', 'scheduled'],
    ['no-reply', 'scheduled'],
    ['scheduled', null],
    ['met', null],
    ['declined', null],
  ])('agreeing a date from %s → %s', (from, to) => expect(statusAfterScheduled(from)).toBe(to));

  it('reads the status moves of a timeline, oldest first', () => {
    const history = statusHistory([
      { id: '2', contactId: 'c', at: 20, kind: 'status', text: '', data: { from: 'asked', to: 'met' } },
      { id: '3', contactId: 'c', at: 15, kind: 'note', text: 'hi' },
      { id: '1', contactId: 'c', at: 10, kind: 'status', text: '', data: { from: 'to-ask', to: 'asked' } },
    ]);
    expect(history).toEqual([
      { at: 10, from: 'to-ask', to: 'asked' },
      { at: 20, from: 'asked', to: 'met' },
    ]);
  });
});
