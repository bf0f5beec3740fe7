import { browser } from 'wxt/browser';
import type { RapportDatabase } from '../db/open';
import { toolbarAction } from '../platform';
import { GROUP_PREFIX, rebuildAlarms, serialized, updateBadge, type AlarmsApi, type BadgeApi } from './scheduler';

/** The toolbar action's badge (see lib/platform). */
export function badgeApi(): BadgeApi | null {
  return toolbarAction();
}

/** After any follow-up write in the background: the alarms and the badge follow the store. */
export function refreshSchedule(db: RapportDatabase, now: number): Promise<void> {
  return serialized(async () => {
    await rebuildAlarms(db, browser.alarms as unknown as AlarmsApi, now);
    const badge = badgeApi();
    const due = badge ? await updateBadge(db, badge, now) : null;
    // Nothing due any more: a grouped notification still on screen is stale.
    if (due === 0) await clearGroupNotifications();
  });
}

export async function clearGroupNotifications(): Promise<void> {
  const shown = await browser.notifications.getAll();
  for (const id of Object.keys(shown)) if (id.startsWith(GROUP_PREFIX)) await browser.notifications.clear(id);
}
