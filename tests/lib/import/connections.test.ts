import { describe, expect, it } from 'vitest';
import { contactsFromRows, manualConnectionUrl, parseConnections } from '@/lib/import/connections';
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
      manualConnectionUrl('No', 'Url', ''),
    ]);
    expect(rows[0]).toMatchObject({ firstName: 'Ana', company: 'Lumen, Tide', connectedOn: '12 Jan 2024' });
    expect(rows[1]!.position).toBe('Head of "Growth"');
    expect(skipped.map((s) => s.reason)).toEqual([
      'the same person appears twice in the file',
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
    expect(contacts).toHaveLength(3);
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
      /Import refused: field 4\.profileUrl: is not a canonical LinkedIn profile URL/,
    );
    const forgedManual = [{ ...rows[0]!, profileUrl: 'manual:csv-x\r\nEMAIL:evil' }];
    await expect(importConnectionBatch(db, forgedManual, { now: 1, newId: () => 'x' })).rejects.toThrow(
      /field 0\.profileUrl/,
    );
    const wrongType = [{ ...rows[0]!, firstName: 5 }] as unknown as typeof rows;
    await expect(importConnectionBatch(db, wrongType, { now: 1, newId: () => 'x' })).rejects.toThrow(/firstName/);
    expect(await db.count('contacts')).toBe(0);
  });

  describe('a file without the URL column (item 5 of issue 13)', () => {
    const noUrl = [
      'Notes:',
      '"Exported from a spreadsheet, without the URL column."',
      '',
      'First Name,Last Name,Email Address,Company,Position,Connected On',
      'Ana,Ruiz,ana@example.org,"Lumen, Tide",Data engineer,12 Jan 2024',
      'Bo,Lind,,Nordvik,Analyst,03 Feb 2023',
      'Ana,Ruiz,ana@example.org,"Lumen, Tide",Data engineer,12 Jan 2024',
      ',,,,,',
      ',,nameless@example.org,Firm,Role,01 Jan 2020',
    ].join('\r\n');

    it('imports its rows as people without a profile link, and repeats and nameless rows are skipped', () => {
      const { rows, skipped, withoutLink } = ok(noUrl);
      expect(rows.map((r) => [r.firstName, r.lastName, r.company])).toEqual([
        ['Ana', 'Ruiz', 'Lumen, Tide'],
        ['Bo', 'Lind', 'Nordvik'],
      ]);
      expect(rows.every((r) => /^manual:csv-[0-9a-f]{16}$/.test(r.profileUrl))).toBe(true);
      expect(withoutLink).toBe(2);
      expect(skipped.map((s) => s.reason)).toEqual([
        'the same person appears twice in the file',
        'no name and no profile URL',
      ]);
    });

    it('stores them under manual: keys (no link shown or exported), and importing again adds no one', async () => {
      const db = await openRapportDB();
      const { rows } = ok(noUrl);
      expect(await importConnectionBatch(db, rows, { now: 1, newId: () => 'never-used' })).toEqual({
        added: 2,
        existing: 0,
      });
      const stored = await db.getAll('contacts');
      expect(stored.map((c) => c.profileUrl).sort()).toEqual(rows.map((r) => r.profileUrl).sort());
      for (const c of stored) expect(c.profileUrl).toBe(`manual:${c.id}`);
      expect(stored.find((c) => c.firstName === 'Ana')).toMatchObject({
        name: 'Ana Ruiz',
        email: 'ana@example.org',
        currentCompany: 'Lumen, Tide',
        connectedSince: '12 Jan 2024',
        status: 'to-ask',
      });
      // A batch re-sent after a worker restart, or the same file a second time: still two people.
      expect(await importConnectionBatch(db, rows, { now: 2, newId: () => 'never-used' })).toEqual({
        added: 0,
        existing: 2,
      });
      expect(await db.count('contacts')).toBe(2);
    });

    it('the same person gets the same key from a later export (name and connection date)', () => {
      expect(manualConnectionUrl(' Ana ', 'RUIZ', '12 Jan 2024')).toBe(
        manualConnectionUrl('Ana', 'Ruiz', '12 jan 2024'),
      );
      expect(manualConnectionUrl('Ana', 'Ruiz', '12 Jan 2024')).not.toBe(
        manualConnectionUrl('Ana', 'Ruiz', '13 Jan 2024'),
      );
    });

    it('a header without First Name and Last Name is still refused', () => {
      const result = parseConnections('Name,Email\r\nAna,a@example.org\r\n');
      expect(result.ok).toBe(false);
    });
  });
});
