import { describe, expect, it, vi } from 'vitest';
import { isLinkedInImage, makeThumbnail } from '@/lib/page-capture/thumbnail';

describe('thumbnails', () => {
  it.each([
    ['https://media.licdn.com/dms/image/x/profile-displayphoto-shrink_400_400/0/1', true],
    ['https://static.licdn.com/aero-v1/sc/h/ghost.svg', true],
    ['http://media.licdn.com/dms/image/x', false],
    ['https://media.licdn.com.evil.test/x.png', false],
    ['https://tracker.example.org/pixel.png?u=ana', false],
  ])('%s is a LinkedIn image: %s', (url, expected) => {
    expect(isLinkedInImage(new URL(url))).toBe(expected);
  });

  it('never fetches a photo from another site (the request would be Rapport’s own)', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    expect(await makeThumbnail('https://tracker.example.org/pixel.png?u=ana')).toBeNull();
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
  });

  it('keeps a small inline photo as it is', async () => {
    expect(await makeThumbnail('data:image/png;base64,iVBORw0KGgo=')).toBe('data:image/png;base64,iVBORw0KGgo=');
  });
});
