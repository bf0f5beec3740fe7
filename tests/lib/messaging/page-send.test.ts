import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendPageMessage } from '@/lib/messaging/page-send';

const g = globalThis as { chrome?: unknown; browser?: unknown };
const saved = { chrome: g.chrome, browser: g.browser };
afterEach(() => {
  g.chrome = saved.chrome;
  g.browser = saved.browser;
});

function runtimeAnswering(reply: unknown) {
  const sendMessage = vi.fn(async () => reply);
  g.browser = undefined;
  g.chrome = { runtime: { id: 'x', sendMessage } };
  return sendMessage;
}

describe('sendPageMessage (the light sender of the LinkedIn page script)', () => {
  it('sends @webext-core/messaging’s wire format and returns `res`', async () => {
    const send = runtimeAnswering({ res: { contactId: 'c1' } });
    await expect(sendPageMessage('lookupProfile', { profileUrl: 'https://www.linkedin.com/in/a/' })).resolves.toEqual({
      contactId: 'c1',
    });
    const [message] = send.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(message).toMatchObject({ type: 'lookupProfile', data: { profileUrl: 'https://www.linkedin.com/in/a/' } });
    expect(typeof message.id).toBe('number');
    expect(typeof message.timestamp).toBe('number');
  });

  it.each([
    [{ err: { message: 'Refused' } }, 'Refused'],
    [undefined, 'No response'],
  ])('turns %j into an error', async (reply, text) => {
    runtimeAnswering(reply);
    await expect(sendPageMessage('savePage', {})).rejects.toThrow(text);
  });
});
