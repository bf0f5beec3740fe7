import { strings } from '@/lib/ui/strings';
import { DataSettings } from './DataSettings';
import { FollowupSettings } from './FollowupSettings';
import { ProfileSettings } from './ProfileSettings';
import { SyncSettings } from './SyncSettings';

/** The options page: one section per feature. */
export function OptionsPage() {
  return (
    <main class="page options">
      <h1>{strings.app.name}: settings</h1>
      <ProfileSettings />
      <FollowupSettings />
      <DataSettings />
      <SyncSettings />
    </main>
  );
}
