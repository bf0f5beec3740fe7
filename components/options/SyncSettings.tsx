import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '@/lib/messaging/protocol';
import type { SyncStatusView } from '@/lib/messaging/sync-protocol';
import { SYNC_STATUS_KEY } from '@/lib/names';
import { DavError } from '@/lib/sync/errors';
import { originPattern } from '@/lib/sync/origin';
import { strings } from '@/lib/ui/strings';

const t = strings.sync;

function useSyncStatus(): [SyncStatusView | null, (v: SyncStatusView) => void] {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  useEffect(() => {
    const refresh = () => void sendMessage('syncStatus', undefined).then(setStatus, () => undefined);
    refresh();
    // The background writes its progress and outcome to storage: follow it live.
    const listener = (changes: Record<string, unknown>, area: string) => {
      if (area === 'local' && SYNC_STATUS_KEY in changes) refresh();
    };
    browser.storage.onChanged.addListener(listener);
    const timer = setInterval(refresh, 15_000);
    return () => {
      browser.storage.onChanged.removeListener(listener);
      clearInterval(timer);
    };
  }, []);
  return [status, setStatus];
}

/** Options page section: the user's own CardDAV/CalDAV server, its state, and the controls. */
export function SyncSettings() {
  const [status, setStatus] = useSyncStatus();
  const [serverUrl, setServerUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (status?.serverUrl && !serverUrl) setServerUrl(status.serverUrl);
    if (status?.username && !username) setUsername(status.username);
  }, [status?.serverUrl, status?.username]);

  function testConnection(event: Event) {
    event.preventDefault();
    let origin: string;
    try {
      origin = originPattern(serverUrl);
    } catch (error) {
      setMessage({ text: error instanceof DavError ? error.message : String(error), error: true });
      return;
    }
    setBusy(true);
    setMessage({ text: t.testing, error: false });
    // Asked in the click itself (before any await): browsers show the prompt only inside a user gesture.
    void browser.permissions.request({ origins: [origin] }).then(
      async (granted) => {
        if (!granted) {
          setMessage({ text: t.permissionDenied, error: true });
          setBusy(false);
          return;
        }
        const result = await sendMessage('syncConnect', { serverUrl, username, password });
        setMessage(
          result.ok
            ? { text: t.found(result.addressBookHome, result.calendarHome), error: false }
            : { text: result.message, error: true },
        );
        if (result.ok) setPassword('');
        setStatus(await sendMessage('syncStatus', undefined));
        setBusy(false);
      },
      (error: unknown) => {
        setMessage({ text: String(error), error: true });
        setBusy(false);
      },
    );
  }

  async function act(run: () => Promise<SyncStatusView>) {
    setBusy(true);
    try {
      setStatus(await run());
    } finally {
      setBusy(false);
    }
  }

  async function forget() {
    if (!confirm(t.forgetConfirm)) return;
    await act(() => sendMessage('syncForget', undefined));
    setPassword('');
    setMessage({ text: t.forgotten, error: false });
  }

  return (
    <section class="sync-settings" aria-labelledby="sync-title">
      <h2 id="sync-title">{t.title}</h2>
      <p class="sync-intro">{t.intro}</p>
      <form class="sync-form" onSubmit={testConnection}>
        <label class="field">
          <span class="field-label">{t.serverUrl}</span>
          <input
            type="url"
            name="serverUrl"
            dir="auto"
            required
            autocomplete="url"
            placeholder={t.serverUrlPlaceholder}
            value={serverUrl}
            onInput={(e) => setServerUrl((e.target as HTMLInputElement).value)}
          />
        </label>
        <label class="field">
          <span class="field-label">{t.username}</span>
          <input
            type="text"
            name="username"
            dir="auto"
            required
            autocomplete="username"
            value={username}
            onInput={(e) => setUsername((e.target as HTMLInputElement).value)}
          />
        </label>
        <label class="field">
          <span class="field-label">{t.password}</span>
          <input
            type="password"
            name="password"
            required={!status?.configured}
            placeholder={status?.configured ? t.passwordKept : ''}
            autocomplete="current-password"
            value={password}
            onInput={(e) => setPassword((e.target as HTMLInputElement).value)}
          />
        </label>
        <p class="sync-hint">{t.passwordHint}</p>
        <p>
          <button type="submit" class="primary" disabled={busy}>
            {busy && message?.text === t.testing ? t.testing : t.test}
          </button>
        </p>
      </form>
      {message && (
        <p role={message.error ? 'alert' : 'status'} class={message.error ? 'sync-error' : 'sync-ok'} dir="auto">
          {message.text}
        </p>
      )}
      {status?.configured && <SyncState status={status} busy={busy} act={act} forget={forget} />}
      <p class="sync-hint">{t.whatSyncs}</p>
    </section>
  );
}

function SyncState(props: {
  status: SyncStatusView;
  busy: boolean;
  act: (run: () => Promise<SyncStatusView>) => Promise<void>;
  forget: () => Promise<void>;
}) {
  const { status, busy, act, forget } = props;
  return (
    <div class="sync-state" aria-live="polite">
      <p dir="auto">
        <strong>{t.connectedTo(status.username ?? '', status.serverUrl ?? '')}</strong>
      </p>
      <ul class="sync-facts">
        <li data-testid="sync-last">
          {status.lastSyncAt === null ? t.neverSynced : t.lastSync(new Date(status.lastSyncAt).toLocaleString())}
        </li>
        <li data-testid="sync-pending">{t.pending(status.pending)}</li>
        {status.running && (
          <li>
            {status.progress?.phase === 'push' ? t.progress(status.progress.done, status.progress.total) : t.running}
          </li>
        )}
        {status.paused && <li>{t.paused}</li>}
      </ul>
      {status.lastError && (
        <p role="alert" class="sync-error" data-testid="sync-error" dir="auto">
          <strong>{t.lastError}:</strong> {status.lastError.message}{' '}
          <small>({new Date(status.lastError.at).toLocaleString()})</small>
        </p>
      )}
      <p class="sync-actions">
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => void act(() => sendMessage('syncNow', undefined))}
        >
          {t.syncNow}
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => void act(() => sendMessage('syncPause', { paused: !status.paused }))}
        >
          {status.paused ? t.resume : t.pause}
        </button>
        <button type="button" class="danger" disabled={busy} onClick={() => void forget()}>
          {t.forget}
        </button>
      </p>
    </div>
  );
}
