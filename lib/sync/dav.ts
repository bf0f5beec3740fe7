import * as tsdav from 'tsdav';
import { DavError, davErrorFromResponse, davErrorFromThrown } from './errors';
import { checkServerUrl } from './origin';

/**
 * The one module that speaks WebDAV/CardDAV/CalDAV (through tsdav). Every request goes to the configured
 * server with Basic auth, through one fetch wrapper that turns failures into DavErrors the settings page can
 * say in plain words. Writes are always conditional (If-None-Match for creates, If-Match for updates).
 */
export interface DavCredentials {
  serverUrl: string;
  username: string;
  password: string;
}

export type CollectionRole = 'book' | 'calendar' | 'tasks';
export type Collections = Record<CollectionRole, string>;

export interface RemoteItem {
  href: string;
  etag: string | null;
}
export interface RemoteObject {
  href: string;
  etag: string | null;
  text: string;
}
export type Changes =
  { ok: true; changed: RemoteItem[]; deleted: string[]; token: string | null } | { ok: false; status: number };

/** A sync-token lets a pull ask for the changes alone; a CTag only says that something changed. */
export type MarkerKind = 'sync-token' | 'ctag';
export interface Marker {
  token: string | null;
  kind: MarkerKind;
}

export interface PutResult {
  status: number;
  etag: string | null;
}

const SEGMENTS: Collections = { book: 'rapport-contacts/', calendar: 'rapport-calendar/', tasks: 'rapport-tasks/' };
const MULTIGET_BATCH = 200;

type Fetch = typeof fetch;

export class DavSession {
  readonly fetch: Fetch;
  private readonly base: URL;

  constructor(
    private readonly creds: DavCredentials,
    fetchImpl: Fetch = (input, init) => globalThis.fetch(input, init),
  ) {
    this.base = checkServerUrl(creds.serverUrl);
    const auth = `Basic ${btoa(unescape(encodeURIComponent(`${creds.username}:${creds.password}`)))}`;
    this.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const headers = new Headers(init?.headers);
      headers.set('Authorization', auth);
      let res: Response;
      try {
        res = await fetchImpl(input, { ...init, headers, credentials: 'omit', redirect: 'follow' });
      } catch (error) {
        throw davErrorFromThrown(error);
      }
      const failure = davErrorFromResponse(res.status);
      if (failure) throw failure;
      return res;
    }) as Fetch;
  }

  private abs(href: string): string {
    return new URL(href, this.base).toString();
  }

  /** Finds the address book and calendar homes (well-known → principal → home set). */
  async discover(): Promise<{ addressBookHome: string; calendarHome: string }> {
    const [card, cal] = await Promise.all([
      tsdav.createAccount({ account: { serverUrl: this.base.toString(), accountType: 'carddav' }, fetch: this.fetch }),
      tsdav.createAccount({ account: { serverUrl: this.base.toString(), accountType: 'caldav' }, fetch: this.fetch }),
    ]);
    if (!card.homeUrl || !cal.homeUrl)
      throw new DavError('not-dav', 'The server answered, but offers no contacts or calendars there.');
    return { addressBookHome: this.abs(card.homeUrl), calendarHome: this.abs(cal.homeUrl) };
  }

  /** Finds our address book and calendar (by URL, then by name), making them when missing. */
  async ensureCollections(): Promise<Collections> {
    const homes = await this.discover();
    const books = await tsdav.fetchAddressBooks({
      account: {
        accountType: 'carddav',
        homeUrl: homes.addressBookHome,
        rootUrl: this.base.toString(),
        serverUrl: this.base.toString(),
      },
      fetch: this.fetch,
    });
    const bookUrl = new URL(SEGMENTS.book, homes.addressBookHome).toString();
    let book = books.find((b) => this.abs(b.url) === bookUrl) ?? books.find((b) => b.displayName === 'Rapport');
    if (!book) {
      await this.checked(
        (tsdav.default as unknown as { makeCollection: MakeCollection }).makeCollection({
          url: bookUrl,
          props: { 'd:resourcetype': { 'd:collection': {}, 'card:addressbook': {} }, 'd:displayname': 'Rapport' },
          fetch: this.fetch,
        }),
        'the Rapport address book',
      );
      book = { url: bookUrl };
    }
    const calendars = await this.calendarsIn(homes.calendarHome);
    const find = (segment: string, name: string) =>
      calendars.find((c) => this.abs(c.url) === new URL(segment, homes.calendarHome).toString()) ??
      calendars.find((c) => c.displayName === name);
    let calendar = find(SEGMENTS.calendar, 'Rapport');
    if (!calendar) {
      await this.makeCalendar(new URL(SEGMENTS.calendar, homes.calendarHome).toString(), 'Rapport', [
        'VEVENT',
        'VTODO',
      ]);
      calendar = (await this.calendarsIn(homes.calendarHome)).find(
        (c) =>
          c.displayName === 'Rapport' || this.abs(c.url) === new URL(SEGMENTS.calendar, homes.calendarHome).toString(),
      );
      if (!calendar) throw new DavError('server', 'The server did not keep the Rapport calendar.');
    }
    // Servers with one component type per calendar (iCloud) need a separate task list for follow-ups.
    let tasksUrl = this.abs(calendar.url);
    if (calendar.components && calendar.components.length && !calendar.components.includes('VTODO')) {
      const tasks = find(SEGMENTS.tasks, 'Rapport follow-ups');
      tasksUrl = tasks ? this.abs(tasks.url) : new URL(SEGMENTS.tasks, homes.calendarHome).toString();
      if (!tasks) await this.makeCalendar(tasksUrl, 'Rapport follow-ups', ['VTODO']);
    }
    return { book: this.abs(book.url), calendar: this.abs(calendar.url), tasks: tasksUrl };
  }

  private calendarsIn(home: string) {
    const base = this.base.toString();
    return tsdav.fetchCalendars({
      account: { accountType: 'caldav', homeUrl: home, rootUrl: base, serverUrl: base },
      fetch: this.fetch,
    });
  }

  private async makeCalendar(url: string, name: string, components: string[]): Promise<void> {
    await this.checked(
      tsdav.makeCalendar({
        url,
        props: {
          'd:displayname': name,
          'c:supported-calendar-component-set': { 'c:comp': components.map((c) => ({ _attributes: { name: c } })) },
        },
        fetch: this.fetch,
      }),
      `the ${name} calendar`,
    );
  }

  private async checked(request: Promise<{ ok: boolean; status: number }[]>, what: string): Promise<void> {
    const res = await request;
    const failed = res.find((r) => !r.ok && r.status !== 405);
    if (failed)
      throw (
        davErrorFromResponse(failed.status) ??
        new DavError('server', `The server refused to make ${what} (${failed.status}).`)
      );
  }

  /**
   * The collection's current change marker, one PROPFIND depth 0: its sync-token where it has one (RFC 6578),
   * else its CTag. Asks only for the kind already known: on Radicale each of the two costs a pass over every
   * object of the collection.
   */
  async marker(url: string, kind?: MarkerKind): Promise<Marker> {
    const props =
      kind === 'sync-token'
        ? { 'd:sync-token': {} }
        : kind === 'ctag'
          ? { 'cs:getctag': {} }
          : { 'd:sync-token': {}, 'cs:getctag': {} };
    const res = await tsdav.propfind({ url, depth: '0', props, fetch: this.fetch });
    const found = res[0]?.props as { syncToken?: unknown; getctag?: unknown } | undefined;
    const present = (v: unknown) => v !== undefined && v !== null && v !== '';
    if (present(found?.syncToken)) return { token: String(found!.syncToken), kind: 'sync-token' };
    if (present(found?.getctag)) return { token: String(found!.getctag), kind: 'ctag' };
    return { token: null, kind: 'ctag' };
  }

  /** What changed since `token` (RFC 6578). `{ok:false}` when the server forgot the token: compare in full. */
  async changes(url: string, token: string): Promise<Changes> {
    const res = await tsdav.syncCollection({
      url,
      props: { 'd:getetag': {} },
      syncLevel: 1,
      syncToken: token,
      fetch: this.fetch,
    });
    const failed = res.find((r) => !r.ok && r.status !== 404 && r.status !== 207 && r.status !== 200);
    if (failed && (!failed.href || this.abs(failed.href) === this.abs(url)))
      return { ok: false, status: failed.status };
    const raw = res[0]?.raw as { multistatus?: { syncToken?: unknown } } | undefined;
    const changed: RemoteItem[] = [];
    const deleted: string[] = [];
    for (const r of res) {
      if (!r.href || this.abs(r.href) === this.abs(url)) continue;
      if (r.status === 404) deleted.push(this.abs(r.href));
      else changed.push({ href: this.abs(r.href), etag: etagOf(r.props) });
    }
    const next = raw?.multistatus?.syncToken;
    return { ok: true, changed, deleted, token: next ? String(next) : null };
  }

  /** Every object of the collection with its ETag (the full comparison). */
  async list(url: string): Promise<RemoteItem[]> {
    const res = await tsdav.propfind({ url, depth: '1', props: { 'd:getetag': {} }, fetch: this.fetch });
    return res
      .filter((r) => r.href && this.abs(r.href) !== this.abs(url) && r.ok)
      .map((r) => ({ href: this.abs(r.href!), etag: etagOf(r.props) }));
  }

  /** Fetches objects by href, 200 per request. */
  async multiget(url: string, role: CollectionRole, hrefs: readonly string[]): Promise<RemoteObject[]> {
    const out: RemoteObject[] = [];
    for (let i = 0; i < hrefs.length; i += MULTIGET_BATCH) {
      const objectUrls = hrefs.slice(i, i + MULTIGET_BATCH).map((h) => new URL(h).pathname);
      const res =
        role === 'book'
          ? await tsdav.addressBookMultiGet({
              url,
              props: { 'd:getetag': {}, 'card:address-data': {} },
              objectUrls,
              depth: '1',
              fetch: this.fetch,
            })
          : await tsdav.calendarMultiGet({
              url,
              props: { 'd:getetag': {}, 'c:calendar-data': {} },
              objectUrls,
              depth: '1',
              fetch: this.fetch,
            });
      for (const r of res) {
        const props = r.props as { addressData?: unknown; calendarData?: unknown } | undefined;
        const data = props?.addressData ?? props?.calendarData;
        const value =
          typeof data === 'object' && data && '_cdata' in data ? (data as { _cdata: unknown })._cdata : data;
        if (r.href && r.ok && typeof value === 'string')
          out.push({ href: this.abs(r.href), etag: etagOf(r.props), text: value });
      }
    }
    return out;
  }

  async get(href: string): Promise<RemoteObject | null> {
    const res = await this.fetch(href, { method: 'GET' });
    if (res.status === 404 || res.status === 410) return null;
    if (!res.ok) throw davErrorFromResponse(res.status) ?? new DavError('server', `The server answered ${res.status}.`);
    return { href, etag: res.headers.get('etag'), text: await res.text() };
  }

  /** PUT with a precondition: `etag` null creates (If-None-Match: *), else updates (If-Match). 412 is returned. */
  async put(href: string, body: string, etag: string | null, contentType: string): Promise<PutResult> {
    const headers: Record<string, string> = { 'Content-Type': `${contentType}; charset=utf-8` };
    if (etag) headers['If-Match'] = etag;
    else headers['If-None-Match'] = '*';
    const res = await this.fetch(href, { method: 'PUT', body, headers });
    if (res.status === 412) return { status: 412, etag: null };
    if (!res.ok)
      throw davErrorFromResponse(res.status) ?? new DavError('server', `The server refused a change (${res.status}).`);
    let newEtag = res.headers.get('etag');
    // A server that changed what we sent gives no ETag: ask for it, so the next update has its precondition.
    if (!newEtag) newEtag = (await this.get(href))?.etag ?? null;
    return { status: res.status, etag: newEtag };
  }

  /** DELETE with If-Match. 404/410 count as done; 412 is returned (edited meanwhile: an edit beats a delete). */
  async remove(href: string, etag: string | null): Promise<number> {
    const res = await this.fetch(href, { method: 'DELETE', headers: etag ? { 'If-Match': etag } : {} });
    if (res.status === 412) return 412;
    if (res.status === 404 || res.status === 410) return 204;
    if (!res.ok)
      throw davErrorFromResponse(res.status) ?? new DavError('server', `The server refused a delete (${res.status}).`);
    return res.status;
  }
}

/** `makeCollection` (extended MKCOL) is only on tsdav's default export, typed here. */
type MakeCollection = (params: {
  url: string;
  props?: object;
  fetch?: typeof fetch;
}) => Promise<{ ok: boolean; status: number }[]>;

function etagOf(props: unknown): string | null {
  const etag = (props as { getetag?: unknown } | undefined)?.getetag;
  return etag === undefined || etag === null ? null : String(etag);
}
