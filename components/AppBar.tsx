import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { strings } from '@/lib/ui/strings';

const t = strings.surfaces;

/** The settings gear: options page (backup, import, your name) one click from the popup and the panel. */
export function SettingsButton() {
  return (
    <button
      type="button"
      class="icon-button settings-button"
      aria-label={t.settingsLabel}
      title={t.settings}
      onClick={() => void browser.runtime.openOptionsPage()}
    >
      <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
        <path
          fill="currentColor"
          d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.3 7.3 0 0 0-1.7-1L15 3.3h-4l-.4 2.6a7.3 7.3 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.3 7.3 0 0 0 1.7 1l.4 2.6h4l.4-2.6a7.3 7.3 0 0 0 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"
          transform="translate(-1 0)"
        />
      </svg>
    </button>
  );
}

/** The bar at the top of the popup and the panel: a title (or a back link) and the settings gear. */
export function AppBar({ children }: { children?: ComponentChildren }) {
  return (
    <header class="topbar">
      {children ?? <h1 class="app-title">{strings.app.name}</h1>}
      <SettingsButton />
    </header>
  );
}
