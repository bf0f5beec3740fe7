import { registerCaptureCommands } from './capture-commands';
import { registerContactHandlers } from './contacts';
import { registerDataHandlers } from './data';
import { registerFollowupHandlers } from './followups';
import { registerRecordHandlers } from './records';
import { registerPanelFollow } from './panel-follow';
import { registerWelcome } from './welcome';
import { registerSyncHandlers } from './sync';
import { registerOverlayHandlers } from './overlay';
import { registerWorkspaceHandlers } from './workspace';

/** Every background listener, registered synchronously at worker start. One line per feature. */
export function registerBackground(): void {
  registerContactHandlers();
  registerDataHandlers();
  registerFollowupHandlers();
  registerCaptureCommands();
  registerWorkspaceHandlers();
  registerRecordHandlers();
  registerPanelFollow();
  registerWelcome();
  registerSyncHandlers();
  registerOverlayHandlers();
}
