import type { ContactStatus } from '../contacts/model';
import type { Followup, FollowupKind } from '../db/schema';
import { statusAfterSent, type SentTemplate } from '../workspace/pipeline';
import type { WorkflowEvent } from './events';
import { followupText } from './text';

/**
 * What "Done" means for each kind of follow-up, as data the background carries out:
 * - thank-you: they were thanked → the person moves to Thanked, the check-in cadence starts;
 * - referrer update / thanks for the introduction: the referrer was told → a note on their timeline;
 * - check-in: checked in → a note, and the next one (the follow-up's own recurrence);
 * - nudge: asked again → a note, and the next nudge while fewer than the maximum went out;
 * - prep, custom: closed.
 */
export interface DoneEffects {
  /** The stage the person moves to, or null to stay. */
  status: ContactStatus | null;
  /** A "message" note for the person's timeline, or null. */
  note: { text: string; template: string } | null;
  /**
   * A workflow event that carries the rest (the thank-you's close and check-in). When set, the event closes
   * the follow-up; otherwise the follow-up's own Done action does (next check-in, next nudge).
   */
  event: WorkflowEvent | null;
}

/** Which template "sent" a kind stands for, for the pipeline's stage rules. */
const SENT_AS: Partial<Record<FollowupKind, SentTemplate>> = {
  'thank-you': 'thank-you',
  'check-in': 'check-in',
};

export function doneEffects(
  f: Pick<Followup, 'kind' | 'contactId' | 'attempt'>,
  contactStatus: ContactStatus | null,
  aboutName: string | null,
): DoneEffects {
  const sent = SENT_AS[f.kind];
  const status = sent && contactStatus ? statusAfterSent(contactStatus, sent) : null;
  const about = aboutName ?? followupText.someone.toLowerCase();
  switch (f.kind) {
    case 'thank-you':
      return {
        status,
        note: { text: followupText.doneTimeline['thank-you'], template: 'thank-you' },
        event: { type: 'thank-you-sent', contactId: f.contactId },
      };
    case 'referrer-update':
      return {
        status: null,
        note: { text: followupText.doneTimeline['referrer-update'](about), template: 'referrer-update' },
        event: null,
      };
    case 'intro-thanks':
      return {
        status: null,
        note: { text: followupText.doneTimeline['intro-thanks'](about), template: 'intro-thanks' },
        event: null,
      };
    case 'check-in':
      return { status, note: { text: followupText.doneTimeline['check-in'], template: 'check-in' }, event: null };
    case 'nudge':
      return {
        status: contactStatus === 'no-reply' || contactStatus === 'to-ask' ? 'asked' : null,
        note: { text: followupText.doneTimeline.nudge(f.attempt ?? 1), template: 'nudge' },
        event: null,
      };
    case 'prep':
    case 'custom':
      return { status: null, note: null, event: null };
  }
}
