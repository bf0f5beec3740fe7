import type { Followup } from '../db/schema';
import { isActive } from './actions';
import { quietOf } from './rules';
import type { FollowupSettings } from './settings';
import { addDaysLocal, nextAllowed } from './time';

const BULLET = /^\s*(?:[-*•–—]|\d+[.)]|\[[ xX]?\])\s*/;

/**
 * The separate steps in "What I will do next": one per line, bullets and numbering removed, blank lines
 * and duplicates dropped, each cut to a follow-up title's length.
 */
export function nextStepLines(text: string): string[] {
  const seen = new Set<string>();
  const steps: string[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(BULLET, '').replace(/\s+/g, ' ').trim().slice(0, 200);
    if (!line || seen.has(line.toLowerCase())) continue;
    seen.add(line.toLowerCase());
    steps.push(line);
  }
  return steps;
}

/** When a next step is due by default: a week later, outside quiet hours. */
export function nextStepDue(now: number, settings: FollowupSettings, timeZone: string): number {
  return nextAllowed(addDaysLocal(now, 7, timeZone), quietOf(settings), timeZone);
}

/** The follow-up already made from this step of this meeting, if any (so it is offered once). */
export function followupForStep(
  step: string,
  meetingId: string,
  followups: readonly Pick<Followup, 'title' | 'meetingId' | 'status' | 'dueAt' | 'id'>[],
) {
  return followups.find(
    (f) => f.meetingId === meetingId && f.title.trim().toLowerCase() === step.toLowerCase() && isActive(f),
  );
}
