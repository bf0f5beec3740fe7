import { registerContactHandlers } from './contacts';

/** Every background listener, registered synchronously at worker start. One line per feature. */
export function registerBackground(): void {
  registerContactHandlers();
}
