import { describe, expect, it } from 'vitest';
import { keepForReview, takeKeptCapture } from '@/lib/background/pending-review';
import { emptyCapturedProfile } from '@/lib/contacts/model';

describe('captures kept for review', () => {
  it('are kept per tab and handed out once', async () => {
    const capture = { isProfile: true, profile: emptyCapturedProfile(), sources: {}, reviewReasons: ['No name'] };
    await keepForReview(7, { capture, photoThumb: null, pageUrl: 'https://www.linkedin.com/in/ana/' });
    expect(await takeKeptCapture(8)).toBeNull();
    expect((await takeKeptCapture(7))?.pageUrl).toBe('https://www.linkedin.com/in/ana/');
    expect(await takeKeptCapture(7)).toBeNull();
  });
});
