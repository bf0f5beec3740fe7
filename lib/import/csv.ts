/**
 * A small RFC 4180 CSV reader: quoted fields with "" escapes and line breaks inside, CRLF / LF / CR rows,
 * a leading BOM dropped, and the separator (comma, semicolon or tab) guessed from a header line.
 */
export type Separator = ',' | ';' | '\t';

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator that splits `headerLine` into the most cells (outside quotes); comma on a tie. */
export function guessSeparator(headerLine: string): Separator {
  let best: Separator = ',';
  let bestCount = -1;
  for (const sep of [',', ';', '\t'] as const) {
    let count = 0;
    let quoted = false;
    for (const char of headerLine) {
      if (char === '"') quoted = !quoted;
      else if (char === sep && !quoted) count++;
    }
    if (count > bestCount) {
      best = sep;
      bestCount = count;
    }
  }
  return best;
}

export function parseCsv(text: string, separator: Separator): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy up to the next quote at once (fast path for long fields).
      const next = text.indexOf('"', i);
      const end = next === -1 ? n : next;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (char === '"' && field === '') {
      quoted = true;
      i++;
    } else if (char === separator) {
      row.push(field);
      field = '';
      i++;
    } else if (char === '\r' || char === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += char;
      i++;
    }
  }
  // A quote still open at the end means the file was cut inside that row: the row is incomplete, drop it.
  if (!quoted && (field !== '' || row.length)) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
