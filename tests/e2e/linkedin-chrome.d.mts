export const MESSAGING_DOCK: string;
export function withLinkedInChrome(html: string, opts?: { conversation?: boolean; dark?: boolean }): string;
