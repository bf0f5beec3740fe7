/**
 * The content-based predicate the page script runs before it shows the button: the page shows the
 * URL's person. Tables of small invented pages; the corpus test checks it on every real page.
 */
import { describe, expect, it } from 'vitest';
import {
  findPersonAnchor,
  nameFromLinkedInTitle,
  nameKey,
  pageShowsPerson,
  slugSpellsName,
} from '../../../lib/capture/page-person';
import { shownProfileUrl } from '../../../lib/page-button/missing-profile';
import { parseHtml } from './parse';

const URL = 'https://www.linkedin.com/in/mara-quist-12/';
const page = (head: string, body: string) => parseHtml(`<html><head>${head}</head><body>${body}</body></html>`);

const CASES: { what: string; head?: string; body: string; url?: string; shows: boolean; signals?: string[] }[] = [
  {
    what: 'title and a name heading',
    head: '<title>(3) Mara Quist | LinkedIn</title>',
    body: '<h1>Mara Quist</h1>',
    shows: true,
    signals: ['heading', 'title'],
  },
  {
    what: 'og:title and an h2',
    head: '<meta property="og:title" content="Mara Quist - Nurse - Clinic | LinkedIn">',
    body: '<h2>Mara Quist</h2>',
    shows: true,
  },
  {
    what: 'a heading inside a link to the profile',
    body: '<a href="/in/mara-quist-12/overlay/about-this-profile/"><h2>Mara Quist</h2></a>',
    shows: true,
    signals: ['heading', 'link'],
  },
  { what: 'a heading the slug spells', body: '<h1>Mara Quist</h1>', shows: true, signals: ['heading', 'slug'] },
  {
    what: 'a heading named by the embedded JSON entity of the slug',
    url: 'https://www.linkedin.com/in/mq-0001/',
    body: '<h1>Mara Quist</h1><code>{"included":[{"publicIdentifier":"mq-0001","firstName":"Mara","lastName":"Quist"}]}</code>',
    shows: true,
    signals: ['heading', 'json'],
  },
  {
    what: 'a sub-page: the title names the person, a photo shows them',
    head: '<title>Experience | Mara Quist | LinkedIn</title>',
    body: '<img alt="Mara Quist" src="x.jpg"><h2>Experience</h2>',
    shows: true,
    signals: ['title', 'photo'],
  },
  {
    what: 'an activity page: the title names the person, the small card shows the name',
    head: '<title>Activity | Mara Quist | LinkedIn</title>',
    body: '<div><span>Mara Quist</span><span>Nurse</span></div>',
    shows: true,
  },
  {
    what: 'an activity card (April 2025): a link to the profile named as the title names the person',
    url: 'https://www.linkedin.com/in/mq-0001/recent-activity/all/',
    head: '<title>(3) Activity | Mara Quist | LinkedIn</title>',
    body: '<a href="/in/mq-0001/"><img alt="Mara Quist" src="x.jpg"></a><a href="/in/mq-0001/"><h3>Mara Quist</h3></a><h4>Nurse</h4><h2>All activity</h2>',
    shows: true,
    signals: ['title', 'photo'],
  },
  {
    what: "a stale activity page: the title's name links to that person's own profile, not the URL's",
    url: 'https://www.linkedin.com/in/mq-0001/recent-activity/all/',
    head: '<title>(3) Activity | Ola Other | LinkedIn</title>',
    body: '<a href="/in/ola-other/"><img alt="Ola Other" src="x.jpg"></a><a href="/in/ola-other/"><h3>Ola Other</h3></a><a href="/in/mq-0001/">Mara Quist</a>',
    shows: false,
  },
  {
    what: 'a name heading with a part in brackets the title leaves out (a 2016 public page)',
    url: 'https://www.linkedin.com/in/maraquist/',
    head: '<title>Mara Quist | LinkedIn</title>',
    body: '<h1>Mara (Lind) Quist</h1>',
    shows: true,
    signals: ['heading', 'title'],
  },
  {
    what: 'a title with a part in brackets the heading leaves out',
    url: 'https://www.linkedin.com/in/mq-0001/',
    head: '<title>(2) Mara (Lind) Quist | LinkedIn</title>',
    body: '<a href="/in/mq-0001/"><h1>Mara Quist</h1></a>',
    shows: true,
    signals: ['heading', 'link'],
  },
  {
    what: 'a contact-info overlay printing the profile address',
    body: '<section><h2>Contact info</h2><a href="https://www.linkedin.com/in/mara-quist-12">linkedin.com/in/mara-quist-12</a></section>',
    shows: true,
    signals: ['address'],
  },
  // Pages that show no person, whatever their URL.
  {
    what: "LinkedIn's 999 bot stub (empty body)",
    head: '<meta http-equiv="refresh" content="1;url=https://www.linkedin.com">',
    body: '',
    shows: false,
  },
  {
    what: 'the guest home served to a blocked request',
    head: '<title>LinkedIn: Log In or Sign Up</title>',
    body: '<h1>Welcome to your professional community</h1>',
    shows: false,
  },
  {
    what: 'an auth wall',
    head: '<title>Sign Up | LinkedIn</title>',
    body: '<h1>Join LinkedIn</h1><form><input></form>',
    shows: false,
  },
  {
    what: 'not found',
    head: '<title>Profile Not Found | LinkedIn</title>',
    body: '<h1>An exact match for mara-quist-12 could not be found.</h1>',
    shows: false,
  },
  {
    what: 'a not-found box whose heading reads like the name (a title left from the page before)',
    head: '<title>(3) Mara Quist | LinkedIn</title>',
    body: '<main class="not-found"><section><h1>Mara Quist</h1><p>This page does not exist.</p></section></main>',
    shows: false,
  },
  {
    what: 'a not-found headline shaped like the name, the title gone',
    body: '<main><h1 class="page-not-found__headline">Mara Quist</h1><p>Check the address.</p></main>',
    shows: false,
  },
  {
    what: "a not-found page's marker under a page that names no one (a sub-page's title and a link back)",
    head: '<title>Experience | Mara Quist | LinkedIn</title>',
    body: '<div class="error-container"><p>Something went wrong.</p><a href="/in/mara-quist-12/">Back</a></div>',
    shows: false,
  },
  {
    what: 'a feed at a profile URL',
    head: '<title>(9) Feed | LinkedIn</title>',
    body: '<h2>Feed post number 1</h2><a href="/in/someone-else/"><h3>Some One</h3></a>',
    shows: false,
  },
  {
    what: 'a heading naming someone else (a stale page after in-app navigation)',
    head: '<title>Ola Other | LinkedIn</title>',
    body: '<a href="/in/ola-other/"><h1>Ola Other</h1></a>',
    shows: false,
  },
  { what: 'a name heading with no second signal', body: '<h1>Ola Other</h1>', shows: false },
  // A LinkedIn title that names the page, not a person: the people it shows are a feed's authors, a
  // list's members, a card's subjects (April 2025 pages at the URL of someone they show).
  {
    what: "a feed at a post author's URL: the embedded JSON names the author, the body shows them",
    url: 'https://www.linkedin.com/in/mq-0001/',
    head: '<title>(99+) Feed | LinkedIn</title>',
    body: '<a href="/in/mq-0001/">Mara Quist</a><img alt="Mara Quist" src="x.jpg"><code>{"included":[{"publicIdentifier":"mq-0001","firstName":"Mara","lastName":"Quist"}]}</code>',
    shows: false,
  },
  {
    what: "a company's people page: a card's heading links to the URL's person",
    head: '<title>(3) Acme: People | LinkedIn</title>',
    body: '<a href="/in/mara-quist-12/"><h2>Mara Quist</h2></a>',
    shows: false,
  },
  {
    what: "a list of connections: a link to the URL's person under their own name",
    url: 'https://www.linkedin.com/in/mq-0001/',
    head: '<title>Connections | LinkedIn</title>',
    body: '<ul><li><a href="/in/mq-0001/"><img alt="" src="x.jpg"></a><a href="/in/mq-0001/">Mara Quist</a></li></ul>',
    shows: false,
  },
  {
    what: 'a search in another language: the entry ends with a degree badge',
    url: 'https://www.linkedin.com/in/mq-0001/',
    head: '<title>Tìm kiếm | LinkedIn</title>',
    body: '<a href="/in/mq-0001/"><p>Mara Quist</p><span>• Cấp 3+</span></a>',
    shows: false,
  },
  {
    what: "another member's page linking to this profile in another language (/en) is not tied to it",
    url: 'https://www.linkedin.com/in/mq-0001/',
    head: '<title>Ola Other - Nurse | LinkedIn</title>',
    body: '<h1>Ola Other</h1><a href="https://se.linkedin.com/in/mq-0001/en?trk=public_profile_browsemap">Mara Quist Nurse</a>',
    shows: false,
  },
  {
    what: 'a details page saved without its <head>: photo and line show a name the slug spells, sub-page links',
    url: 'https://www.linkedin.com/in/maraquist/details/skills/',
    body: '<div><img alt="Mara Quist" src="x.jpg"><div>Mara Quist</div><div>Nurse</div></div><a href="/in/maraquist/details/skills/1/endorsers">3 endorsements</a>',
    shows: true,
    signals: ['slug', 'photo'],
  },
  {
    what: "the same without a link to the profile's sub-pages: no third signal",
    url: 'https://www.linkedin.com/in/maraquist/details/skills/',
    body: '<div><img alt="Mara Quist" src="x.jpg"><div>Mara Quist</div><div>Nurse</div></div>',
    shows: false,
  },
  // The title and the heading agree, but on whom? The title counts only when tied to the URL's person.
  {
    what: 'a stale page: title and heading agree on someone nothing ties to the URL',
    head: '<title>(3) Ola Other | LinkedIn</title>',
    body: '<h1>Ola Other</h1><a href="/in/mara-quist-12/"><img alt="" src="x.jpg"></a>',
    shows: false,
  },
  {
    what: "a stale sub-page: the title's name shown by a photo, nothing ties it to the URL",
    head: '<title>Experience | Ola Other | LinkedIn</title>',
    body: '<img alt="Ola Other" src="x.jpg"><h2>Experience</h2>',
    shows: false,
  },
  {
    what: 'the page declares another profile as its own (canonical)',
    url: 'https://www.linkedin.com/in/mq-0001/',
    head: '<title>Mara Quist | LinkedIn</title><link rel="canonical" href="https://www.linkedin.com/in/mq-0002/">',
    body: '<h1>Mara Quist</h1>',
    shows: false,
  },
  {
    what: 'a slug that does not spell the name, tied by the canonical link',
    url: 'https://www.linkedin.com/in/mq-0001/',
    head: '<title>Mara Quist | LinkedIn</title><link rel="canonical" href="https://ie.linkedin.com/in/mq-0001">',
    body: '<h1>Mara Quist</h1>',
    shows: true,
    signals: ['heading', 'title'],
  },
  {
    what: 'tied by og:url',
    url: 'https://www.linkedin.com/in/mq-0001/',
    head: '<meta property="og:title" content="Mara Quist | LinkedIn"><meta property="og:url" content="https://www.linkedin.com/in/mq-0001/">',
    body: '<h2>Mara Quist</h2>',
    shows: true,
    signals: ['heading', 'title'],
  },
  {
    what: "tied by a link to one of the profile's own sub-pages (contact info)",
    url: 'https://www.linkedin.com/in/mq-0001/',
    head: '<title>(3) Mara Quist | LinkedIn</title>',
    body: '<h1>Mara Quist</h1><a href="/in/mq-0001/overlay/contact-info/">Contact info</a>',
    shows: true,
    signals: ['heading', 'title'],
  },
  {
    what: 'a details sub-page tied by its JSON entity',
    url: 'https://www.linkedin.com/in/mq-0001/details/experience/',
    head: '<title>Experience | Mara Quist | LinkedIn</title>',
    body: '<img alt="Mara Quist" src="x.jpg"><code>{"included":[{"publicIdentifier":"mq-0001","firstName":"Mara","lastName":"Quist"}]}</code>',
    shows: true,
    signals: ['json', 'photo'],
  },
  {
    what: 'a person on a search URL',
    url: 'https://www.linkedin.com/search/results/people/?keywords=mara',
    head: '<title>Mara Quist | LinkedIn</title>',
    body: '<h1>Mara Quist</h1>',
    shows: false,
  },
  {
    what: 'a company page',
    url: 'https://www.linkedin.com/company/clinic/',
    head: '<title>Clinic | LinkedIn</title>',
    body: '<h1>Clinic</h1>',
    shows: false,
  },
];

describe('pageShowsPerson: by content, not by URL', () => {
  it.each(CASES)('$what → $shows', ({ head = '', body, url = URL, shows, signals }) => {
    const doc = page(head, body);
    expect(pageShowsPerson(doc, url)).toBe(shows);
    expect(shownProfileUrl(doc, url)).toBe(
      shows ? 'https://www.linkedin.com/in/' + (url.match(/\/in\/([^/]+)/)?.[1] ?? '') + '/' : null,
    );
    if (signals) expect(findPersonAnchor(doc, url)?.signals).toEqual(signals);
  });

  it('a member-id URL (/in/ACoAA…) names no slug to tie the title to: the title and heading suffice', () => {
    const doc = page('<title>Ola Other | LinkedIn</title>', '<h1>Ola Other</h1>');
    expect(findPersonAnchor(doc, 'https://www.linkedin.com/in/ACoAAFAKEURN0001abcdefghijklmnop/')?.signals).toEqual([
      'heading',
      'title',
    ]);
  });

  it('stops showing the person when the page changes under the same URL', () => {
    const doc = page('<title>Mara Quist | LinkedIn</title>', '<h1>Mara Quist</h1>');
    expect(pageShowsPerson(doc, URL)).toBe(true);
    doc.querySelector('h1')!.remove();
    doc.title = 'Feed | LinkedIn';
    expect(pageShowsPerson(doc, URL)).toBe(false);
  });

  it.each([
    ['(3) Mara Quist | LinkedIn', 'Mara Quist'],
    ['(99+) Rob Example | LinkedIn', 'Rob Example'],
    ['Experience | Mara Quist | LinkedIn', 'Mara Quist'],
    ['Mara Quist - Nurse - Clinic | LinkedIn', 'Mara Quist'],
    ['Feed | LinkedIn', null],
    ['LinkedIn: Log In or Sign Up', null],
    ['Profile Not Found | LinkedIn', null],
  ])('reads the name in the title %s', (title, name) => {
    expect(nameFromLinkedInTitle(title)).toBe(name);
  });

  it.each([
    ['robertkcheung', 'Rob Cheung', true],
    ['mara-quist-12', 'Mara Quist', true],
    ['mq-0001', 'Mara Quist', false],
    ['jose-alvarez', 'José Álvarez', true],
    ['mikhail-k', 'Михаил К', false],
  ])('slug %s spells %s: %s', (slug, name, yes) => {
    expect(slugSpellsName(slug, name)).toBe(yes);
  });
});

describe('nameKey', () => {
  // The ASCII and non-ASCII paths must give the key of the plain definition: NFKD, marks dropped,
  // lower case, every run of non-letters and non-digits (in any script) one space, trimmed.
  const reference = (s: string) =>
    s
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  it.each([
    ['  Priya   Nandakumar \n', 'priya nandakumar'],
    ['Experience\n\n  Experience', 'experience experience'],
    ['José Álvarez-Núñez', 'jose alvarez nunez'],
    ['Sign in to view Abgar’s full profile', 'sign in to view abgar s full profile'],
    ['Co-Founder · Recruitjob.se', 'co founder recruitjob se'],
    ['Ａｂｃ　ｄｅｆ', 'abc def'],
    ['李 明 · 工作经历', '李 明 工作经历'],
    ['Leila 😀 Haddad', 'leila haddad'],
    ['ﬁnance\u00a0team\u200b!', 'finance team'],
    // Punctuation outside ASCII alone (the path that skips the Unicode class), and beside letters.
    ['Acme · Full-time', 'acme full time'],
    ['2019 – 2021 \u0095 “Quoted” — here…', '2019 2021 quoted here'],
    ['José · Zürich', 'jose zurich'],
    ['', ''],
  ])('%j → %j', (input, key) => {
    expect(nameKey(input)).toBe(key);
    expect(nameKey(input)).toBe(reference(input));
  });
});
