import { useEffect, useState } from 'preact/hooks';
import { FOLLOWUP_DEFAULTS, followupSettings, type FollowupSettings } from '@/lib/followups/settings';

/** The follow-up settings, followed live (the options page may change them while a view is open). */
export function useFollowupSettings(): FollowupSettings {
  const [settings, setSettings] = useState<FollowupSettings>(FOLLOWUP_DEFAULTS);
  useEffect(() => {
    let alive = true;
    void followupSettings.get().then((value) => alive && setSettings(value));
    const stop = followupSettings.watch(setSettings);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return settings;
}

/** A clock that ticks every minute, so "overdue" and "today" stay right while a view stays open. */
export function useNow(intervalMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
