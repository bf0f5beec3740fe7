/** Settings → Sync. */
export const syncStrings = {
  title: 'Sync with your own server',
  intro:
    'Keep Rapport the same on two computers through your own contacts and calendar server (Nextcloud, Fastmail, Radicale, Baïkal, Synology…). People go to a “Rapport” address book, meetings and follow-ups to a “Rapport” calendar. There is no Rapport account and no server of ours.',
  passwordHint:
    'Use an app password made for Rapport on your server, not your main password. It is kept in this browser only.',
  serverUrl: 'Server address',
  serverUrlPlaceholder: 'https://cloud.example.org/remote.php/dav',
  username: 'User name',
  password: 'App password',
  passwordKept: 'Saved (leave empty to keep it)',
  test: 'Test connection',
  testing: 'Connecting…',
  permissionDenied: 'Rapport needs your permission to contact this server. Nothing was changed.',
  found: (book: string, calendar: string) => `Connected. Address books: ${book} · Calendars: ${calendar}`,
  connectedTo: (user: string, server: string) => `Syncing as ${user} with ${server}`,
  lastSync: (when: string) => `Last sync: ${when}`,
  neverSynced: 'Not synced yet.',
  pending: (n: number) =>
    n === 0
      ? 'Everything here is on the server.'
      : n === 1
        ? '1 change waits to be sent.'
        : `${n} changes wait to be sent.`,
  running: 'Syncing…',
  progress: (done: number, total: number) => `Sending ${done} of ${total}…`,
  paused: 'Paused: nothing is sent or fetched until you resume.',
  lastError: 'Last problem',
  syncNow: 'Sync now',
  pause: 'Pause',
  resume: 'Resume',
  forget: 'Forget this server',
  forgetConfirm:
    'Forget this server? Rapport removes the password and its permission to contact the server. Everything in Rapport stays on this computer, and nothing on the server is deleted.',
  forgotten: 'Server forgotten. Your people, meetings and follow-ups are still here.',
  whatSyncs:
    'Synced: people (with their notes), meetings and follow-ups. Kept on this computer only: the question bank, settings and notifications.',
};
