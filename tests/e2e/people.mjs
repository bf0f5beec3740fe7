// Invented people for the layout tests and `npm run screenshots` (plain JS so the script and the TypeScript
// tests share one list). Chosen to be hard on a layout: right-to-left names, a title, credentials and emoji,
// a very long name, no headline.

const FIRST = ['Ana', 'Bilal', 'Chen', 'Dana', 'Emeka', 'Fatima', 'Gustav', 'Hana', 'Ivan', 'Joana'];
const LAST = ['Ruiz', 'Haddad', 'Wei', 'Levi', 'Okafor', 'Zahra', 'Lind', 'Sato', 'Petrov', 'Costa'];
const ROLES = [
  ['Product designer', 'Northwind'],
  ['Data engineer', 'Contoso Health'],
  ['UX researcher', 'Fabrikam'],
  ['Engineering manager', 'Harbor Labs'],
  ['Policy analyst', 'City of Example'],
];

/** Hard cases first, then ordinary people up to `n`. */
export function inventedPeople(n) {
  const hard = [
    {
      name: 'Dr. Alexandra Konstantinopoulou-Vanderberg, PhD, MBA, PMP 🚀🌍',
      headline:
        'Chief Transformation Officer · Board advisor · Speaker · Author of three books on organisational change',
    },
    { name: 'محمد عبد الرحمن', headline: 'مهندس برمجيات في شركة مثال' },
    { name: 'דוד כהן', headline: 'Data scientist · Tel Aviv' },
    { name: '王小明', headline: 'Hardware engineer at Example Devices' },
    { name: 'Sam Lee', headline: null },
  ];
  const people = [];
  for (let i = 0; i < n; i++) {
    const h = hard[i];
    const [role, company] = ROLES[i % ROLES.length];
    const first = FIRST[i % FIRST.length];
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length];
    const name = h?.name ?? `${first} ${last}`;
    const slug = `invented-person-${i}`;
    people.push({
      name,
      firstName: null,
      lastName: null,
      pronouns: null,
      headline: h ? h.headline : `${role} at ${company}`,
      currentTitle: role,
      currentCompany: company,
      location: 'Lisbon, Portugal',
      profileUrl: `https://www.linkedin.com/in/${slug}/`,
      photoUrl: null,
      about:
        i === 0
          ? 'Leads change programmes across three continents. Enjoys helping people find their way into strategy work, and answers messages on Fridays.'
          : null,
      experience: [{ title: role, company, dates: '2021 – today', location: null, current: true }],
      education: [{ school: 'University of Example', degree: 'MSc', dates: '2014 – 2016' }],
      email: i === 0 ? 'alexandra@example.com' : null,
      phone: null,
      websites: i === 0 ? ['https://example.com/alexandra'] : [],
      connectedSince: null,
    });
  }
  return people;
}

/** Sends one protocol message from an extension page (as `sendMessage(type, data)` would). */
export async function send(page, type, data) {
  const answer = await page.evaluate(
    ({ type, data }) => chrome.runtime.sendMessage({ id: 1, type, data, timestamp: Date.now() }),
    { type, data },
  );
  if (answer?.err) throw new Error(`${type}: ${answer.err.message}`);
  return answer?.res;
}

/**
 * Saves `n` invented people through the background, from an open extension page. The hard cases are saved
 * last, so they lead the "recently updated" list. Returns the ids in `inventedPeople` order.
 */
export async function seedPeople(page, n) {
  const people = inventedPeople(n);
  const ids = new Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const { contactId } = await send(page, 'saveProfile', {
      profile: people[i],
      photoThumb: null,
      sources: ['invented'],
    });
    ids[i] = contactId;
  }
  return ids;
}
