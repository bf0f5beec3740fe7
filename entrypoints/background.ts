import { registerBackground } from '@/lib/background/register';

export default defineBackground(() => {
  // Listeners must be registered synchronously at every worker start (MV3 drops late ones).
  registerBackground();
});
