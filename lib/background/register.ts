import { registerCaptureCommands } from './capture-commands';
import { registerContactHandlers } from './contacts';
import { registerDataHandlers } from './data';
import { registerFollowupHandlers } from './followups';
import { registerOverlayHandlers } from './overlay';
import { registerWorkspaceHandlers } from './workspace';

/** Every background listener, registered synchronously at worker start. One line per feature. */
export function registerBackground(): void {
  registerContactHandlers();
  registerDataHandlers();
  registerFollowupHandlers();
  registerCaptureCommands();
  registerWorkspaceHandlers();
  registerOverlayHandlers();
}
