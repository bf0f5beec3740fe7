import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ImportSection } from '@/components/data/ImportSection';
import { sendMessage } from '@/lib/messaging/protocol';
import { SELECTED_CONTACT_KEY } from '@/lib/names';
import { openPanelInGesture } from '@/lib/platform';
import { strings } from '@/lib/ui/strings';
import { profileSettings } from '@/lib/workspace/settings';
import { MEETING_LENGTHS } from '@/lib/workspace/timer';
import { EditableText } from '../EditableText';
import { PlanChoice } from '../options/PlanChoice';
import { useSettings } from '../use-settings';
import { Select } from '../workspace/ContactSearch';

const t = strings.surfaces.welcome;

/**
 * Opened once, on install: the few settings every message needs (name, LinkedIn plan, meeting length),
 * the connections import, backup advice, and a sample person to try the side panel on.
 */
export function WelcomePage() {
  const settings = useSettings(profileSettings);
  const [windowId, setWindowId] = useState<number | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  useEffect(() => {
    browser.windows?.getCurrent().then(
      (w) => setWindowId(w.id ?? null),
      () => setWindowId(null),
    );
  }, []);

  const trySample = () => {
    // The panel opens only inside the click (before any await); it then follows the selection live.
    const opened = openPanelInGesture({ windowId: windowId ?? undefined });
    void sendMessage('addSamplePerson', {}).then(
      async ({ contactId }) => {
        await browser.storage.local.set({ [SELECTED_CONTACT_KEY]: contactId });
        if (!(await opened)) {
          await browser.tabs.create({
            url: `${browser.runtime.getURL('/sidepanel.html')}?contact=${encodeURIComponent(contactId)}`,
          });
        }
        setStatus(t.sampleAdded);
      },
      (error: unknown) => setStatus(t.sampleFailed(error instanceof Error ? error.message : String(error))),
    );
  };

  return (
    <main class="page welcome">
      <header class="welcome-head">
        <h1>{t.title}</h1>
        <p>{t.intro}</p>
        <p class="muted">{t.privacy}</p>
      </header>

      <section class="settings-section" aria-labelledby="welcome-you">
        <h2 id="welcome-you">{t.aboutYou}</h2>
        <EditableText
          label={t.myName}
          value={settings.myName || null}
          onSave={async (_before, after) => {
            await profileSettings.set({ myName: (after ?? '').trim() });
          }}
        />
        <PlanChoice plan={settings.linkedinPlan} />
        <Select
          label={t.meetingLength}
          value={String(settings.defaultMeetingLength)}
          options={MEETING_LENGTHS.map((n) => [String(n), strings.workspace.prepare.minutes(n)] as const)}
          onChange={(v) => void profileSettings.set({ defaultMeetingLength: Number(v) })}
        />
      </section>

      <section class="settings-section" aria-labelledby="welcome-try">
        <h2 id="welcome-try">{t.tryTitle}</h2>
        <p>{t.tryBody}</p>
        <button type="button" class="btn primary" onClick={trySample}>
          {t.trySample}
        </button>
        <p class="muted" role="status">
          {status ?? ''}
        </p>
        <p>{t.next}</p>
      </section>

      <section class="settings-section data-settings" aria-labelledby="welcome-import">
        <h2 id="welcome-import">{t.importTitle}</h2>
        <p>{t.importBody}</p>
        <ImportSection />
      </section>

      <section class="settings-section" aria-labelledby="welcome-backup">
        <h2 id="welcome-backup">{t.backupTitle}</h2>
        <p>{t.backupBody}</p>
        <button type="button" class="btn" onClick={() => void browser.runtime.openOptionsPage()}>
          {t.openBackup}
        </button>
      </section>
    </main>
  );
}
