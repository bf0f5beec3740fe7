const SIZE = 96;

/**
 * A small JPEG data: URL of the person's photo, made at save time because LinkedIn photo URLs expire.
 * The page has already loaded the image, so this reads it from the HTTP cache ('force-cache'). Returns
 * null on any failure (no CORS, not an image, offline): a missing thumbnail never blocks a save.
 */
export async function makeThumbnail(photoUrl: string, size = SIZE): Promise<string | null> {
  try {
    if (photoUrl.startsWith('data:') && photoUrl.length < 64_000) return photoUrl;
    const url = new URL(photoUrl);
    if (!isLinkedInImage(url)) return null;
    const response = await fetch(url, { cache: 'force-cache', credentials: 'omit' });
    if (!response.ok) return null;
    const bitmap = await createImageBitmap(await response.blob());
    const scale = size / Math.min(bitmap.width, bitmap.height);
    const canvas = new OffscreenCanvas(size, size);
    const context = canvas.getContext('2d');
    if (!context) return null;
    const width = bitmap.width * scale;
    const height = bitmap.height * scale;
    context.drawImage(bitmap, (size - width) / 2, (size - height) / 2, width, height);
    bitmap.close();
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
    return await blobToDataUrl(blob);
  } catch {
    return null;
  }
}

/**
 * Only LinkedIn's own image hosts, whose photo the page has just shown (so the read comes from the cache).
 * On other sites the photo URL comes from metadata the page may never have loaded: fetching it would be a
 * request of Rapport's own, possibly a tracking beacon.
 */
export function isLinkedInImage(url: URL): boolean {
  return url.protocol === 'https:' && (url.hostname === 'media.licdn.com' || url.hostname.endsWith('.licdn.com'));
}

function blobToDataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the image'));
    reader.readAsDataURL(blob);
  });
}
