import type { Contact } from '../contacts/model';
import type { Followup, Meeting } from '../db/schema';
import { isActive } from '../followups/actions';
import { escapeText, foldLine, icsDateTime } from './text-format';

/*
 * Meetings and open follow-ups as one iCalendar file (RFC 5545): CRLF lines folded at 75 octets, TEXT
 * escaped, times in UTC (…Z), a stable UID per record so importing again updates instead of duplicating.
 * Meetings without an agreed time and closed follow-ups are left out.
 */
export { icsDateTime };

/** All-day date (VALUE=DATE) of the user's local calendar day. */
function icsDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;
}

function line(name: string, value: string): string {
  return foldLine(`${name}:${value}`);
}

const MEDIUM: Record<Meeting['medium'], string> = {
  video: 'Video call',
  phone: 'Phone call',
  'in-person': 'In person',
};

export function calendarIcs(
  data: { contacts: readonly Contact[]; meetings: readonly Meeting[]; followups: readonly Followup[] },
  now: number,
): string {
  const names = new Map(data.contacts.map((c) => [c.id, c.name ?? 'someone']));
  const stamp = icsDateTime(now);
  const out = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Rapport//Rapport extension//EN', 'CALSCALE:GREGORIAN'];
  for (const m of data.meetings) {
    if (m.startsAt === null || m.status === 'cancelled') continue;
    const who = names.get(m.contactId) ?? 'someone';
    out.push(
      'BEGIN:VEVENT',
      line('UID', `meeting-${m.id}@rapport.invalid`),
      line('DTSTAMP', stamp),
      line('DTSTART', icsDateTime(m.startsAt)),
      line('DTEND', icsDateTime(m.startsAt + Math.max(1, m.durationMin) * 60_000)),
      line('SUMMARY', escapeText(`Conversation with ${who}`)),
      ...(m.where ? [line('LOCATION', escapeText(m.where))] : []),
      line('DESCRIPTION', escapeText([MEDIUM[m.medium], m.goals].filter(Boolean).join('\n'))),
      line('STATUS', m.status === 'done' ? 'CONFIRMED' : 'TENTATIVE'),
      'END:VEVENT',
    );
  }
  for (const f of data.followups) {
    if (!isActive(f)) continue;
    const who = names.get(f.contactId) ?? 'someone';
    out.push(
      'BEGIN:VTODO',
      line('UID', `followup-${f.id}@rapport.invalid`),
      line('DTSTAMP', stamp),
      line('DUE;VALUE=DATE', icsDate(f.dueAt)),
      line('SUMMARY', escapeText(`${f.title} (${who})`)),
      line('STATUS', 'NEEDS-ACTION'),
      'END:VTODO',
    );
  }
  out.push('END:VCALENDAR');
  return out.join('\r\n') + '\r\n';
}
