// `npm run screenshots` hook (see scripts/screenshots.mjs): the in-page overlay on a LinkedIn profile.
import { shootOverlay } from '../tests/e2e/overlay-screenshots.mjs';

export default async function ({ context, extensionId, outDir, themes }) {
  const files = await shootOverlay({ context, extensionId, outDir, themes });
  console.log(`overlay: ${files.length} pictures`);
}
