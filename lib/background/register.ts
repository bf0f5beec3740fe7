import { registerCaptureCommands } from './capture-commands';
import { registerContactHandlers } from './contacts';
import { registerDataHandlers } from './data';
import { registerFollowupHandlers } from './followups';
import { registerSyncHandlers } from './sync';
import { registerWorkspaceHandlers } from './workspace';

/** Every background listener, registered synchronously at worker start. One line per feature. */
export function registerBackground(): void {
  registerContactHandlers();
  registerDataHandlers();
  registerFollowupHandlers();
  registerCaptureCommands();
  registerWorkspaceHandlers();
  registerSyncHandlers();
}
