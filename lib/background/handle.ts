import type { GetDataType, GetReturnType } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { CONTENT_SCRIPT_MESSAGES, onMessage, type ProtocolMap } from '../messaging/protocol';
import { classifySender, type SenderInfo, type SenderKind } from '../messaging/sender';

export class RefusedSenderError extends Error {
  constructor(type: string) {
    super(`Refused "${type}": the message did not come from Rapport`);
    this.name = 'RefusedSenderError';
  }
}

/** Registers the background's handler for one message, refusing senders that may not ask it. */
export function handle<K extends keyof ProtocolMap>(
  type: K,
  handler: (
    data: GetDataType<ProtocolMap[K]>,
    sender: SenderInfo,
    kind: SenderKind,
  ) => Promise<GetReturnType<ProtocolMap[K]>> | GetReturnType<ProtocolMap[K]>,
): void {
  onMessage(type, ({ data, sender }) => {
    const kind = authorize(type, sender, browser.runtime.id, browser.runtime.getURL('/'));
    return handler(data, sender, kind);
  });
}

/** Who may ask what: our extension pages anything, our content script only CONTENT_SCRIPT_MESSAGES. */
export function authorize(
  type: keyof ProtocolMap,
  sender: SenderInfo,
  runtimeId: string,
  extensionOrigin: string,
): SenderKind {
  const kind = classifySender(sender, runtimeId, extensionOrigin);
  if (!kind || (kind === 'content-script' && !CONTENT_SCRIPT_MESSAGES.has(type))) throw new RefusedSenderError(type);
  return kind;
}
