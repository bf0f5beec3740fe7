/**
 * Why a sync failed, in words a person can act on. Kinds, not HTTP codes, travel to the settings page.
 */
export type DavErrorKind =
  'auth' | 'unreachable' | 'certificate' | 'quota' | 'permission' | 'address' | 'not-dav' | 'server';

export class DavError extends Error {
  constructor(
    readonly kind: DavErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'DavError';
  }
}

export const ERROR_WORDS: Record<DavErrorKind, string> = {
  auth: 'The server refused the user name or app password. Check them, or make a new app password.',
  unreachable:
    'The server could not be reached. Check the address and your connection (a certificate the browser refuses looks the same from here). Rapport will try again.',
  certificate: 'The server’s certificate was not accepted (expired, self-signed or for another name).',
  quota: 'The server is out of space for your account (quota reached). Free some space there.',
  permission: 'Rapport has no permission to contact this server. Press “Test connection” to grant it.',
  address: 'That server address cannot be used.',
  'not-dav': 'The server answered, but offers no contacts (CardDAV) or calendars (CalDAV) at that address.',
  server: 'The server refused a request.',
};

export function davErrorFromResponse(status: number): DavError | null {
  if (status === 401) return new DavError('auth', ERROR_WORDS.auth);
  if (status === 507 || status === 413) return new DavError('quota', ERROR_WORDS.quota);
  return null;
}

/** A thrown fetch: the network failed. Node names certificate failures in `cause.code`; browsers do not. */
export function davErrorFromThrown(error: unknown): DavError {
  if (error instanceof DavError) return error;
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = `${String(cause?.code ?? '')} ${String(cause?.message ?? '')} ${String((error as Error)?.message ?? '')}`;
  if (/CERT|SSL|TLS|certificate/i.test(code)) return new DavError('certificate', ERROR_WORDS.certificate);
  return new DavError('unreachable', ERROR_WORDS.unreachable);
}

/** Any error as {kind, message}: DavErrors keep theirs; the rest are the server's or ours. */
export function describeSyncError(error: unknown): { kind: DavErrorKind; message: string } {
  if (error instanceof DavError) return { kind: error.kind, message: error.message };
  return { kind: 'server', message: `Sync stopped: ${error instanceof Error ? error.message : String(error)}` };
}
