import { strings } from '@/lib/ui/strings';
import { profileSettings } from '@/lib/workspace/settings';
import { MEETING_LENGTHS } from '@/lib/workspace/timer';
import { EditableText } from '../EditableText';
import { Select } from '../workspace/ContactSearch';
import { useSettings } from '../use-settings';

const t = strings.workspace.profile;

/** Options page section "About you": my name (messages), a reusable "about me", default meeting length. */
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
    </section>
  );
}
