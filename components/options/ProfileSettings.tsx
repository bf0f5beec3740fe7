import { strings } from '@/lib/ui/strings';
import { profileSettings } from '@/lib/workspace/settings';
import { MEETING_LENGTHS } from '@/lib/workspace/timer';
import { EditableText } from '../EditableText';
import { Select } from '../workspace/ContactSearch';
import { useSettings } from '../use-settings';
import { PlanChoice } from './PlanChoice';

const t = strings.workspace.profile;

/**
 * Options page section "About you": my name (messages), a reusable "about me", default meeting length, the
 * LinkedIn plan (note limit) and the call timer's sound.
 */
export function ProfileSettings() {
  const settings = useSettings(profileSettings);
  return (
    <section class="settings-section" aria-labelledby="profile-settings-title">
      <h2 id="profile-settings-title">{t.heading}</h2>
      <EditableText
        label={t.myName}
        value={settings.myName || null}
        onSave={async (_before, after) => {
          await profileSettings.set({ myName: (after ?? '').trim() });
        }}
      />
      <EditableText
        label={t.aboutMe}
        value={settings.aboutMe || null}
        multiline
        rows={4}
        onSave={async (_before, after) => {
          await profileSettings.set({ aboutMe: after ?? '' });
        }}
      />
      <Select
        label={t.defaultLength}
        value={String(settings.defaultMeetingLength)}
        options={MEETING_LENGTHS.map((n) => [String(n), strings.workspace.prepare.minutes(n)] as const)}
        onChange={(v) => void profileSettings.set({ defaultMeetingLength: Number(v) })}
      />
      <PlanChoice plan={settings.linkedinPlan} />
      <label class="check">
        <input
          type="checkbox"
          checked={settings.callSound}
          onChange={(e) => void profileSettings.set({ callSound: e.currentTarget.checked })}
        />
        {strings.surfaces.call.sound}
      </label>
    </section>
  );
}
