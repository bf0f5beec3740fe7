/** A Connections.csv shaped like LinkedIn's data export (notes above the header), with invented people. */
export const NOTES =
  'Notes:\r\n"Some addresses may be blank: people choose whether their connections can see their email, so expect gaps."\r\n\r\n';
export const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';

export function connectionsCsv(
  rows: string[],
  opts: { bom?: boolean; separator?: string; notes?: boolean } = {},
): string {
  const sep = opts.separator ?? ',';
  // Change the separator only outside quotes (a comma inside "Lumen, Tide" stays).
  const resep = (row: string) => row.replace(/("[^"]*")|,/g, (m, quoted: string | undefined) => quoted ?? sep);
  const body = [resep(HEADER), ...rows.map(resep)].join('\r\n');
  return (opts.bom ? '\uFEFF' : '') + (opts.notes === false ? '' : NOTES) + body + '\r\n';
}

export function manyRows(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) =>
      `Given${i},Family${i},https://www.linkedin.com/in/person-${i},${i % 3 ? '' : `p${i}@example.org`},Firm ${i % 50},Analyst,0${(i % 9) + 1} Mar 2024`,
  );
}
