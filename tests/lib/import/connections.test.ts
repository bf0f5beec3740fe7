import { describe, expect, it } from 'vitest';
import { contactsFromRows, parseConnections } from '@/lib/import/connections';
import { importConnectionBatch } from '@/lib/import/write';
import { openRapportDB } from '@/lib/db/open';
import { connectionsCsv, manyRows } from './connections-fixture';

const ROWS = [
  'Ana,Ruiz,https://www.linkedin.com/in/ana-ruiz-1a2b,ana@example.org,"Lumen, Tide",Data engineer,12 Jan 2024',
  'Bo,Lind,https://se.linkedin.com/in/bo-lind/?trk=x,,Nordvik,"Head of ""Growth""",03 Feb 2023',
  '=HYPERLINK("http://evil"),Formula,https://www.linkedin.com/in/formula-person,,=1+2,@Position,01 Jan 2022',
  'Dup,Licate,https://www.linkedin.com/in/ANA-RUIZ-1a2b/,,,,',
  'No,Url,,,,,',
  'Not,Profile,https://www.linkedin.com/company/acme,,,,',
];

function ok(text: string) {
  const result = parseConnections(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('LinkedIn Connections.csv', () => {
  it.each([
    ['with the notes lines', {}],
    ['with a BOM', { bom: true }],
    ['with ; separators (a spreadsheet re-save)', { separator: ';' }],
    ['with tab separators', { separator: '\t' }],
    ['without notes', { notes: false }],
  ])('reads rows %s', (_what, opts) => {
    const { rows, skipped } = ok(connectionsCsv(ROWS, opts));
    expect(rows.map((r) => r.profileUrl)).toEqual([
      'https://www.linkedin.com/in/ana-ruiz-1a2b/',
      'https://www.linkedin.com/in/bo-lind/',
      'https://www.linkedin.com/in/formula-person/',
    ]);
    expect(rows[0]).toMatchObject({ firstName: 'Ana', company: 'Lumen, Tide', connectedOn: '12 Jan 2024' });
    expect(rows[1]!.position).toBe('Head of "Growth"');
    expect(skipped.map((s) => s.reason)).toEqual([
      'the same person appears twice in the file',
      'no profile URL',
      'not a LinkedIn profile URL: https://www.linkedin.com/company/acme',
    ]);
  });

  it('keeps formula-looking cells as plain text (never evaluated; neutralised again on CSV export)', () => {
    const { rows } = ok(connectionsCsv(ROWS));
    expect(rows[2]).toMatchObject({ firstName: '=HYPERLINK("http://evil")', company: '=1+2', position: '@Position' });
  });

  it.each([
    ['an empty file', ''],
    ['a backup file', '{"format":"rapport-backup"}'],
    ['another CSV', 'Name,Phone\r\nA,1\r\n'],
  ])('refuses %s with a clear error', (_what, text) => {
    const result = parseConnections(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(/not LinkedIn’s Connections\.csv/);
  });

  it('makes "to ask" contacts with the connection date, skipping profiles already saved', () => {
    const { rows } = ok(connectionsCsv(ROWS));
    let n = 0;
    const { contacts, existing } = contactsFromRows(rows, new Set([rows[1]!.profileUrl]), {
      now: 5,
      newId: () => `id${n++}`,
    });
    expect(existing).toBe(1);
    expect(contacts).toHaveLength(2);
    expect(contacts[0]).toMatchObject({
      id: 'id0',
      name: 'Ana Ruiz',
      status: 'to-ask',
      email: 'ana@example.org',
      currentCompany: 'Lumen, Tide',
      currentTitle: 'Data engineer',
      headline: 'Data engineer at Lumen, Tide',
      connectedSince: '12 Jan 2024',
      profileUrl: 'https://www.linkedin.com/in/ana-ruiz-1a2b/',
      createdAt: 5,
    });
  });

  it('10,000 rows parse, import in batches, and importing again adds no one', async () => {
    const text = connectionsCsv(manyRows(10_000), { bom: true });
    const { rows } = ok(text);
    expect(rows).toHaveLength(10_000);
    const db = await openRapportDB();
    let n = 0;
    const newId = () => `c${n++}`;
    let added = 0;
    for (let i = 0; i < rows.length; i += 1000) {
      added += (await importConnectionBatch(db, rows.slice(i, i + 1000), { now: 1, newId })).added;
    }
    expect(added).toBe(10_000);
    expect(await db.count('contacts')).toBe(10_000);
    const again = await importConnectionBatch(db, rows.slice(0, 1000), { now: 2, newId });
    expect(again).toEqual({ added: 0, existing: 1000 });
    expect(await db.count('contacts')).toBe(10_000);
  });

  it('an unbalanced quote (a cut file) imports the complete rows before it and never throws', () => {
    const text = connectionsCsv(ROWS.slice(0, 2)) + 'Cut,"Off,https://www.linkedin.com/in/cut-off,,';
    const { rows } = ok(text);
    expect(rows.map((r) => r.firstName)).toEqual(['Ana', 'Bo']);
  });

  it('mixed line endings and a BOM with ; separators', () => {
    const text =
      '\uFEFFNotes:\n"x; y"\r\rFirst Name;Last Name;URL;Email Address;Company;Position;Connected On\rA;B;https://www.linkedin.com/in/a-b;;;;\nC;D;https://www.linkedin.com/in/c-d;;;;\r\n';
    expect(ok(text).rows.map((r) => r.profileUrl)).toEqual([
      'https://www.linkedin.com/in/a-b/',
      'https://www.linkedin.com/in/c-d/',
    ]);
  });

  it('a batch sent by message is checked before anything is written', async () => {
    const db = await openRapportDB();
    const { rows } = ok(connectionsCsv(ROWS));
    const bad = [...rows, { ...rows[0]!, profileUrl: 'https://evil.example/in/x/' }];
    await expect(importConnectionBatch(db, bad, { now: 1, newId: () => 'x' })).rejects.toThrow(
      /Import refused: field 3\.profileUrl: is not a canonical LinkedIn profile URL/,
    );
    const wrongType = [{ ...rows[0]!, firstName: 5 }] as unknown as typeof rows;
    await expect(importConnectionBatch(db, wrongType, { now: 1, newId: () => 'x' })).rejects.toThrow(/firstName/);
    expect(await db.count('contacts')).toBe(0);
  });
});
