import { listFollowupsForContact } from '@/lib/db/followups';
import { openRapportDB } from '@/lib/db/open';
import type { Meeting } from '@/lib/db/schema';
import { formatDue } from '@/lib/followups/date-input';
import { followupForStep, nextStepDue, nextStepLines } from '@/lib/followups/next-steps';
import { localTimeZone } from '@/lib/followups/time';
import { sendMessage } from '@/lib/messaging/protocol';
import { followupSettings } from '@/lib/settings/followups';
import { useLive } from '@/lib/ui/live';
import { strings } from '@/lib/ui/strings';
import { useState } from 'preact/hooks';
import { SuggestionList, SuggestionRow } from '../SuggestionRow';
import { useNow } from '../use-now';
import { useSettings } from '../use-settings';

const t = strings.followups;

/** Each line of "What I will do next" with a button that makes it a follow-up (a week later by default). */
export function NextSteps({ meeting }: { meeting: Meeting }) {
  const steps = nextStepLines(meeting.reflectionNext);
  const live = useLive(
    async () => listFollowupsForContact(await openRapportDB(), meeting.contactId),
    ['followups'],
    [meeting.contactId],
  );
  const settings = useSettings(followupSettings);
  const now = useNow(Date.now, 60_000);
  const [error, setError] = useState<string | null>(null);
  if (!steps.length || live.status !== 'ready') return null;
  const timeZone = localTimeZone();
  const make = async (step: string) => {
    try {
      await sendMessage('addFollowup', {
        contactId: meeting.contactId,
        kind: 'custom',
        title: step,
        dueAt: nextStepDue(Date.now(), settings, timeZone),
        recurrenceMonths: null,
        meetingId: meeting.id,
      });
      setError(null);
    } catch (e) {
      setError(t.error(e instanceof Error ? e.message : String(e)));
    }
  };
  return (
    <section class="next-steps" aria-labelledby="next-steps-title">
      <h3 id="next-steps-title">{t.nextSteps.heading}</h3>
      <p class="muted hint">{t.nextSteps.hint}</p>
      <SuggestionList>
        {steps.map((step) => {
          const existing = followupForStep(step, meeting.id, live.value);
          return (
            <SuggestionRow key={step} text={step}>
              {existing ? (
                <span class="muted">{t.nextSteps.planned(formatDue(existing.dueAt, now, timeZone))}</span>
              ) : (
                <button
                  type="button"
                  class="btn"
                  aria-label={`${t.nextSteps.make}: ${step}`}
                  onClick={() => void make(step)}
                >
                  {t.nextSteps.make}
                </button>
              )}
            </SuggestionRow>
          );
        })}
      </SuggestionList>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
