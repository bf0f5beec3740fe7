import { strings } from '@/lib/ui/strings';
import { DataSettings } from './DataSettings';
import { FollowupSettings } from './FollowupSettings';
import { ProfileSettings } from './ProfileSettings';
import { RecentlyDeleted } from '../records/RecentlyDeleted';
import { SyncSettings } from './SyncSettings';

/** The options page: one section per feature. */
export function OptionsPage() {
  return (
    <main class="page options">
      <h1>{strings.surfaces.settingsTitle}</h1>
      <ProfileSettings />
      <FollowupSettings />
      <DataSettings />
      <RecentlyDeleted />
      <SyncSettings />
    </main>
  );
}
