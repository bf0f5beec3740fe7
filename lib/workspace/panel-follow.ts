import { canonicalProfileUrl } from '../capture/linkedin-url';
import type { Meeting } from '../db/schema';

/**
 * The side panel follows the profile in the active tab, except during a call: switching tabs to look
 * something up must never take the call's notes away. Pure decisions; lib/background/panel-follow.ts
 * feeds them the browser's tabs and the store.
 */

/** How long after its agreed end a started, unfinished call still counts as running (calls overrun). */
export const CALL_GRACE_MS = 30 * 60_000;

/** The stored profile URL to look up for a tab's address, or null when the tab shows no person's profile. */
export function profileKeyOf(tabUrl: string | undefined | null): string | null {
  return tabUrl ? canonicalProfileUrl(tabUrl) : null;
}

/**
 * The call in progress, if any: timer started, meeting not finished, and not long past its end. A paused
 * (or ended, see CallPanel's "End call") timer holds the panel for CALL_GRACE_MS after the pause, the time to
 * write up; after that the call is taken as over.
 */
export function runningCall(meetings: readonly Meeting[], now: number): Meeting | null {
  for (const meeting of meetings) {
    if (meeting.status !== 'planned' || meeting.startedAt == null) continue;
    if (meeting.pausedAt != null) {
      if (now - meeting.pausedAt < CALL_GRACE_MS) return meeting;
      continue;
    }
    const end = meeting.startedAt + meeting.durationMin * 60_000 + CALL_GRACE_MS;
    if (now >= meeting.startedAt && now < end) return meeting;
  }
  return null;
}

/**
 * Which contact the panel should show now: the one on the active tab's profile, unless a call is running
 * (the panel stays on the call) or it already shows them. Null means "leave the panel as it is".
 */
export function panelTarget(input: {
  pageContactId: string | null;
  selectedId: string | null;
  call: Meeting | null;
}): string | null {
  const { pageContactId, selectedId, call } = input;
  if (!pageContactId || pageContactId === selectedId) return null;
  if (call) return null;
  return pageContactId;
}
