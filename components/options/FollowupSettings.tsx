import { useEffect, useState } from 'preact/hooks';
import { useSettings } from '@/components/use-settings';
import { formatTagCadences, parseTagCadences } from '@/lib/followups/date-input';
import { clampMonths, type FollowupSettings as Settings } from '@/lib/followups/settings';
import { followupSettings } from '@/lib/settings/followups';
import { describeMinutes } from '@/lib/followups/text';
import { sendMessage } from '@/lib/messaging/protocol';
import { strings } from '@/lib/ui/strings';

const t = strings.followups.settings;
const SNOOZE_CHOICES = [60, 3 * 60, 24 * 60, 2 * 24 * 60, 7 * 24 * 60];

type NumberField = 'checkInMonths' | 'thankYouAfterHours' | 'referrerUpdateDays' | 'nudgeAfterDays' | 'maxNudges';
const LIMITS: Record<NumberField, [number, number]> = {
  checkInMonths: [1, 12],
  thankYouAfterHours: [0, 23],
  referrerUpdateDays: [0, 30],
  nudgeAfterDays: [1, 60],
  maxNudges: [0, 5],
};

/** Options page section: cadences, quiet hours, snooze length, notifications on/off. Saves as you change. */
export function FollowupSettings() {
  const settings = useSettings(followupSettings);
  const [tags, setTags] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => setTags(formatTagCadences(settings.checkInMonthsByTag)), [settings.checkInMonthsByTag]);

  const save = async (patch: Partial<Settings>) => {
    try {
      await followupSettings.set(patch);
      // Quiet hours and notifications change what the scheduler does now.
      await sendMessage('refreshFollowups', {}).catch(() => undefined);
      setStatus(t.saved);
    } catch (error) {
      setStatus(strings.followups.error(error instanceof Error ? error.message : String(error)));
    }
  };
  const numberInput = (field: NumberField) => {
    const [min, max] = LIMITS[field];
    return (
      <label>
        {t[field]}
        <input
          type="number"
          min={min}
          max={max}
          value={settings[field]}
          onChange={(e) => {
            const raw = Number(e.currentTarget.value);
            if (!Number.isFinite(raw)) return;
            const value = field === 'checkInMonths' ? clampMonths(raw) : Math.min(max, Math.max(min, Math.round(raw)));
            void save({ [field]: value });
          }}
        />
      </label>
    );
  };

  return (
    <section class="followup-settings" aria-labelledby="followup-settings-heading">
      <h2 id="followup-settings-heading">{t.heading}</h2>
      <p class="muted">{t.intro}</p>
      <label class="checkbox">
        <input
          type="checkbox"
          checked={settings.notificationsEnabled}
          onChange={(e) => void save({ notificationsEnabled: e.currentTarget.checked })}
        />
        {t.notifications}
      </label>
      <div class="field-grid">
        {numberInput('checkInMonths')}
        {numberInput('thankYouAfterHours')}
        {numberInput('referrerUpdateDays')}
        {numberInput('nudgeAfterDays')}
        {numberInput('maxNudges')}
        <label>
          {t.snooze}
          <select
            value={String(settings.snoozeMinutes)}
            onChange={(e) => void save({ snoozeMinutes: Number(e.currentTarget.value) })}
          >
            {[...new Set([...SNOOZE_CHOICES, settings.snoozeMinutes])].map((minutes) => (
              <option key={minutes} value={String(minutes)}>
                {describeMinutes(minutes)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t.byTag}
        <textarea
          rows={3}
          value={tags}
          aria-describedby="followup-tags-help"
          onInput={(e) => setTags(e.currentTarget.value)}
          onBlur={() => void save({ checkInMonthsByTag: parseTagCadences(tags) })}
        />
      </label>
      <p id="followup-tags-help" class="muted">
        {t.byTagHelp}
      </p>
      <fieldset>
        <legend>{t.quietHelp}</legend>
        <div class="field-grid">
          <label>
            {t.quietStart}
            <input
              type="time"
              value={settings.quietStart}
              onChange={(e) => e.currentTarget.value && void save({ quietStart: e.currentTarget.value })}
            />
          </label>
          <label>
            {t.quietEnd}
            <input
              type="time"
              value={settings.quietEnd}
              onChange={(e) => e.currentTarget.value && void save({ quietEnd: e.currentTarget.value })}
            />
          </label>
        </div>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={settings.quietWeekends}
            onChange={(e) => void save({ quietWeekends: e.currentTarget.checked })}
          />
          {t.quietWeekends}
        </label>
      </fieldset>
      {status && (
        <p class="muted" role="status">
          {status}
        </p>
      )}
    </section>
  );
}
