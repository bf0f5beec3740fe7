/**
 * The layout-agnostic reader's rules, each on invented markup with no class a layout knows (so only
 * the reader itself can find the value). A row's `want` null means: a blank, never a guess.
 */
import { describe, expect, it } from 'vitest';
import { capturePage } from '../../../lib/capture';
import { parseHtml } from './parse';

const URL = 'https://www.linkedin.com/in/wren-okafor-7b2/';
const PHOTO = 'https://media.licdn.com/dms/image/v2/FAKEWREN/profile-displayphoto-shrink_200_200/0/1?e=1';
const OTHER = 'https://media.licdn.com/dms/image/v2/FAKEOTHER/profile-displayphoto-shrink_100_100/0/2?e=1';

const page = (body: string, title = '(2) Wren Okafor | LinkedIn') =>
  parseHtml(`<!DOCTYPE html><html><head><title>${title}</title></head><body><main>${body}</main></body></html>`);
/** `html` inside `n` bare `div`s (or `span`s): what a layout adds or drops without notice. */
const wrapIn = (html: string, n: number, tag = 'div') => `<${tag}>`.repeat(n) + html + `</${tag}>`.repeat(n);

const CARD_LINES = `<div>Tide-pool ecologist | Field methods</div><div>Brightwater Trust · Coastal University</div>
  <div><span>Cork, Munster, Ireland</span> · <a href="${URL}overlay/contact-info/">Contact info</a></div>`;

describe('bare wrappers add no level to what the reader climbs', () => {
  const rows: { case: string; body: string; field: 'photoUrl' | 'websites' | 'experience'; want: unknown }[] = [
    {
      case: 'the photo beside a name heading buried in 16 bare divs',
      body: `<section><div><img alt="" src="${PHOTO}"></div>${wrapIn('<h1>Wren Okafor</h1>', 16)}${CARD_LINES}</section>`,
      field: 'photoUrl',
      want: PHOTO,
    },
    {
      case: 'a labelled website row whose link sits in 6 bare spans',
      body: `<section><h1>Wren Okafor</h1>${CARD_LINES}<div><span>Website</span>${wrapIn(
        '<a href="https://wren.example.org/">wren.example.org</a>',
        6,
        'span',
      )}</div></section>`,
      field: 'websites',
      want: ['https://wren.example.org/'],
    },
    {
      case: 'an Experience heading buried in 14 bare divs above its list',
      body: `<section><h1>Wren Okafor</h1>${CARD_LINES}</section><section>${wrapIn('<h2>Experience</h2>', 14)}<ul>
        <li><div>Ecologist</div><div>Brightwater Trust</div><div>Mar 2021 - Present</div></li>
        <li><div>Field assistant</div><div>Harbour Survey</div><div>Jun 2018 - Feb 2021</div></li></ul></section>`,
      field: 'experience',
      want: 2,
    },
  ];
  it.each(rows)('$case', ({ body, field, want }) => {
    const r = capturePage(page(body), URL);
    expect(r.isProfile).toBe(true);
    const got = r.profile[field];
    expect(field === 'experience' ? got?.length : got).toEqual(want);
  });
});

describe('a mini card (photo, name, one line) gives the headline where no top card does', () => {
  const SUB = `${URL}details/experience/`;
  const TITLE = 'Experience | Wren Okafor | LinkedIn';
  const rows: { case: string; body: string; headline: string | null; photo: string | null }[] = [
    {
      case: 'a details page: photo named by its alt text, the name, the headline',
      body: `<section><div><img alt="Wren Okafor" src="${PHOTO}"></div><div><div>Wren Okafor</div><div>Tide-pool ecologist at Brightwater</div></div></section><section><h2>Experience</h2></section>`,
      headline: 'Tide-pool ecologist at Brightwater',
      photo: PHOTO,
    },
    {
      case: 'a sticky toolbar: a link to the profile, labelled with the name, around photo and lines',
      body: `<div role="toolbar"><a href="${URL}"><div aria-label="Wren Okafor"><figure><img alt="" src="${PHOTO}"></figure><div><p>Wren Okafor</p><div><p><span>Tide-pool ecologist at Brightwater</span></p></div></div></div></a><button>Message</button></div>`,
      headline: 'Tide-pool ecologist at Brightwater',
      photo: PHOTO,
    },
    {
      case: 'an activity card: name and headline in a block of their own, then a count and buttons',
      body: `<div><div><a href="${URL}"><img alt="Wren Okafor" src="${PHOTO}"></a></div><div><a href="${URL}"><h3>Wren Okafor</h3></a><h4>Tide-pool ecologist at Brightwater</h4></div><div><div>Followers</div><div>5,745</div><button>Message</button></div></div><main><h2>All activity</h2></main>`,
      headline: 'Tide-pool ecologist at Brightwater',
      photo: PHOTO,
    },
    {
      case: "the name's own block holds two more lines: no headline is picked",
      body: `<div><div><a href="${URL}"><img alt="Wren Okafor" src="${PHOTO}"></a></div><div><h3>Wren Okafor</h3><h4>Tide-pool ecologist</h4><h4>Brightwater</h4></div><div><button>Message</button></div></div>`,
      headline: null,
      photo: PHOTO,
    },
    {
      case: 'a post by the person: more lines after the headline, so no card shape',
      body: `<div><div><img alt="Wren Okafor" src="${PHOTO}"></div><div><div>Wren Okafor</div><div>Tide-pool ecologist at Brightwater</div><div>3d · Edited</div></div></div>`,
      headline: null,
      photo: PHOTO,
    },
    {
      case: 'the line after the name is a degree badge, not a headline',
      body: `<div><div><img alt="Wren Okafor" src="${PHOTO}"></div><div><div>Wren Okafor</div><div>· 2nd</div></div></div>`,
      headline: null,
      photo: PHOTO,
    },
    {
      case: 'a card that links to another member, under the same name',
      body: `<section><div>Wren Okafor</div></section><a href="https://www.linkedin.com/in/wren-okafor-other/"><div aria-label="Wren Okafor"><img alt="" src="${OTHER}"><div><p>Wren Okafor</p><p>Quantity surveyor</p></div></div></a>`,
      headline: null,
      photo: null,
    },
  ];
  it.each(rows)('$case', ({ body, headline, photo }) => {
    const r = capturePage(page(body, TITLE), SUB);
    expect(r.isProfile).toBe(true);
    expect(r.profile.headline).toBe(headline);
    expect(r.profile.photoUrl).toBe(photo);
  });
});

describe('a "Company · School" line names the company when the headline names it too', () => {
  const card = (headline: string, line: string) =>
    `<section><h1>Wren Okafor</h1><div>${headline}</div><div>${line}</div><div><span>Cork, Munster, Ireland</span> · <a href="${URL}overlay/contact-info/">Contact info</a></div></section>`;
  const rows: { case: string; headline: string; line: string; want: string | null }[] = [
    {
      case: 'the headline names it as one of its parts',
      headline: 'Founder & CEO | Brightwater - Coastal surveys | Trusted by councils',
      line: 'Brightwater · Coastal University',
      want: 'Brightwater',
    },
    {
      case: 'the headline does not name it: a blank',
      headline: 'Founder & CEO | Coastal surveys for councils',
      line: 'Brightwater · Coastal University',
      want: null,
    },
    {
      case: 'one part alone may be a school: a blank',
      headline: 'Founder & CEO | Brightwater - Coastal surveys',
      line: 'Brightwater',
      want: null,
    },
    {
      case: 'the headline names the second part, not the first: a blank',
      headline: 'Lecturer | Coastal University',
      line: 'Brightwater · Coastal University',
      want: null,
    },
  ];
  it.each(rows)('$case', ({ headline, line, want }) => {
    const r = capturePage(page(card(headline, line)), URL);
    expect(r.isProfile).toBe(true);
    expect(r.profile.headline).toBe(headline);
    expect(r.profile.currentCompany).toBe(want);
  });
});

describe('schools shown without dates are still counted', () => {
  const top = `<section><h1>Wren Okafor</h1>${CARD_LINES}</section>`;
  const rows: { case: string; section: string; want: string[] | null }[] = [
    {
      case: 'one school, its name alone (April 2025)',
      section: '<ul><li><div><a href="/company/1/"><span>Coastal University</span></a></div></li></ul>',
      want: ['Coastal University'],
    },
    {
      case: 'two schools, one with a degree, neither with dates',
      section:
        '<ul><li><div>Coastal University</div></li><li><div>Harbour College</div><div>BSc, Marine Biology</div></li></ul>',
      want: ['Coastal University', 'Harbour College'],
    },
    {
      case: 'only a "Show all" link under the heading: no school',
      section: `<ul><li><a href="${URL}details/education/">Show all 3 educations</a></li></ul>`,
      want: null,
    },
  ];
  it.each(rows)('$case', ({ section, want }) => {
    const r = capturePage(page(`${top}<section><h2>Education</h2>${section}</section>`), URL);
    expect(r.profile.education?.map((e) => e.school) ?? null).toEqual(want);
  });
});

describe('a 2021-style page in Russian: section titles in headers, a badge, a company chip after the location', () => {
  const body = `<section><h1>Wren Okafor</h1><span class="visually-hidden">контакт 2-го уровня</span><span>2-й</span>
    <h2>Эколог приливных зон</h2><div>Корк, Ирландия</div><a href="${URL}detail/contact-info/">Контактная информация</a>
    <ul><li><a href="/company/1/">Brightwater Trust</a></li><li><a href="/school/2/">Coastal University</a></li></ul></section>
    <section><header><h2>Опыт работы</h2></header><ul>
    <li><h3>Эколог</h3><p>Brightwater Trust <span>Полный рабочий день</span></p><h4><span>2021 – настоящее время</span></h4></li>
    <li><h3>Ассистент</h3><p>Harbour Survey <span>Неполный рабочий день</span></p><h4><span>март 2018 г. – 2021</span></h4></li>
    </ul></section>`;
  const r = capturePage(page(body, ''), URL);

  it('skips the degree badge: the headline is the line after it', () => {
    expect(r.profile.headline).toBe('Эколог приливных зон');
    expect(r.reviewReasons).toEqual([]);
  });
  it('reads the entries under a section header, the company without its employment type', () => {
    expect(r.profile.experience?.map((e) => [e.title, e.company, e.current])).toEqual([
      ['Эколог', 'Brightwater Trust', true],
      ['Ассистент', 'Harbour Survey', false],
    ]);
  });
  it('takes the current company and title from the first current position', () => {
    expect([r.profile.currentCompany, r.profile.currentTitle]).toEqual(['Brightwater Trust', 'Эколог']);
  });
});
