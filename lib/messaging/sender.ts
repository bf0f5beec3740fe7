/** The parts of runtime.MessageSender we judge by (structural, so tests need no browser). */
export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; windowId?: number };
  frameId?: number;
  origin?: string;
}

export type SenderKind = 'extension-page' | 'content-script';

/**
 * Who sent a message: one of our extension pages, or our content script on a LinkedIn page.
 * Anything else (another extension, a page we do not run on) is refused with null.
 */
export function classifySender(sender: SenderInfo, runtimeId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== runtimeId) return null;
  const url = sender.url ?? sender.tab?.url;
  if (!url) return null;
  if (url.startsWith(extensionOrigin)) return 'extension-page';
  if (sender.tab && isLinkedInOrigin(url)) return 'content-script';
  return null;
}

function isLinkedInOrigin(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && (hostname === 'linkedin.com' || hostname.endsWith('.linkedin.com'));
  } catch {
    return false;
  }
}
