import { DavError } from './errors';

/** Small on purpose: the options page imports it without pulling in tsdav. */
/** Basic auth sends the password as is: only https, except to this computer. */
export function checkServerUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new DavError('address', 'That is not a web address.');
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new DavError(
      'address',
      'The address must start with https:// (plain http is allowed only for this computer).',
    );
  }
  return url;
}

/** The host permission to ask for: port-less, because Firefox ignores patterns with a port. */
export function originPattern(serverUrl: string): string {
  const url = checkServerUrl(serverUrl);
  return `${url.protocol}//${url.hostname}/*`;
}
