import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import type { ProtocolMap } from './protocol';

/**
 * sendMessage for the script that runs on every LinkedIn page: the same typed protocol and the same wire format
 * as @webext-core/messaging's (`{ id, type, data, timestamp }` → `{ res }` or `{ err }`), without the library's
 * receiving side, logger and error (de)serialiser, which cost a fifth of that script's 15 KB budget. Tested
 * against the library in tests/lib/messaging/page-send.test.ts.
 */
export async function sendPageMessage<K extends keyof ProtocolMap>(
  type: K,
  data: GetDataType<ProtocolMap[K]>,
): Promise<GetReturnType<ProtocolMap[K]>> {
  // Firefox's `browser` and Chrome MV3's `chrome` both return promises.
  type Runtime = { runtime?: { sendMessage(message: unknown): Promise<unknown> } };
  const g = globalThis as { browser?: Runtime; chrome?: Runtime };
  const runtime = g.browser?.runtime ?? g.chrome?.runtime;
  if (!runtime) throw new Error('Rapport was updated or removed: reload the page.');
  const message = { id: Math.floor(Math.random() * 1e9), type, data, timestamp: Date.now() };
  const reply = (await runtime.sendMessage(message)) as { res?: unknown; err?: { message?: string } } | undefined;
  if (!reply) throw new Error('No response');
  if (reply.err != null) throw new Error(reply.err.message ?? String(reply.err));
  return reply.res as GetReturnType<ProtocolMap[K]>;
}
