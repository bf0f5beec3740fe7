import { describe, expect, it } from 'vitest';
import { contactsCsv, CSV_BOM, csvCell, neutraliseFormula } from '@/lib/export/csv';
import { guessSeparator, parseCsv } from '@/lib/import/csv';
import { sampleStores } from '../backup/factory';

describe('contacts CSV for Excel and Sheets', () => {
  it.each([
    ['plain', 'plain'],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
    ['+1 555 0100', "'+1 555 0100"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    // After leading spaces (spreadsheets trim them before reading a formula) and in full width.
    [' =1+1', "' =1+1"],
    ['   @SUM(A1)', "'   @SUM(A1)"],
    ['\u3000=1', "'\u3000=1"],
    ['\n=1', `"'\n=1"`],
    ['＝HYPERLINK("http://evil")', `"'＝HYPERLINK(""http://evil"")"`],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    ['\r=1', `"'\r=1"`],
    ['a=1', 'a=1'],
    ['1-2', '1-2'],
    ['a,b', '"a,b"'],
    ['a;b', '"a;b"'],
    ['line\nbreak', '"line\nbreak"'],
    ['say "hi"', '"say ""hi"""'],
    [' padded ', '" padded "'],
    ['', ''],
  ])('cell %j → %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('numbers and nulls', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(neutraliseFormula('ok=1')).toBe('ok=1');
  });

  it('is UTF-8 with BOM, CRLF rows, status, tags and next follow-up; reads back cell for cell', () => {
    const stores = sampleStores({ contacts: 3 });
    stores.contacts[0]!.headline = '=cmd|"/C calc"!A0';
    const { text: csv, skipped } = contactsCsv(stores.contacts, stores.followups);
    expect(skipped).toEqual([]);
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(csv.slice(1), guessSeparator(csv.slice(1, csv.indexOf('\r\n'))));
    expect(rows[0]).toContain('Next follow-up date');
    expect(rows).toHaveLength(4);
    const col = (name: string) => rows[0]!.indexOf(name);
    expect(rows[1]![col('Name')]).toBe(stores.contacts[0]!.name);
    expect(rows[1]![col('Headline')]).toBe(`'=cmd|"/C calc"!A0`);
    expect(rows[1]![col('Status')]).toBe('asked');
    expect(rows[2]![col('Tags')]).toBe('data; hiring; soon');
    expect(rows[1]![col('Next follow-up')]).toBe('Send a thank-you');
    expect(rows[1]![col('Next follow-up date')]).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows[3]![col('Next follow-up')]).toBe('');
    expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);
  });

  it('leaves out and names a person it cannot write (a date outside the calendar), and writes everyone else', () => {
    const stores = sampleStores({ contacts: 3 });
    stores.contacts[1]!.createdAt = 1e300;
    stores.followups[0]!.dueAt = 8.64e15 + 1;
    const { text, skipped } = contactsCsv(stores.contacts, stores.followups);
    expect(skipped).toEqual([
      {
        id: 'c00000',
        label: stores.contacts[0]!.name,
        reason: expect.stringMatching(/date outside the years 1900–2200/),
      },
      {
        id: 'c00001',
        label: stores.contacts[1]!.name,
        reason: expect.stringMatching(/date outside the years 1900–2200/),
      },
    ]);
    const rows = parseCsv(text.slice(1), ',');
    expect(rows).toHaveLength(2);
    expect(rows[1]![0]).toBe(stores.contacts[2]!.name);
    expect(text).not.toMatch(/NaN/);
  });

  it('a record of the wrong shape (a damaged store) is named, not thrown', () => {
    const stores = sampleStores({ contacts: 2 });
    (stores.contacts[0] as unknown as { tags: unknown }).tags = 'not a list';
    const { skipped } = contactsCsv(stores.contacts, []);
    expect(skipped.map((s) => s.id)).toEqual(['c00000']);
  });
});
