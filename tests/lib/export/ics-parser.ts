/**
 * A small, strict RFC 5545 reader for tests (no independent iCalendar parser is installed): it checks
 * CRLF line ends, 75-octet folding, unfolds, splits name;params:value, checks component nesting and the
 * properties each component requires, and unescapes TEXT values. It throws on anything malformed.
 */
export interface IcsComponent {
  name: string;
  props: { name: string; params: Record<string, string>; value: string }[];
  children: IcsComponent[];
}

const encoder = new TextEncoder();

export function unfold(ics: string): string[] {
  if (!ics.endsWith('\r\n')) throw new Error('the file does not end with CRLF');
  const physical = ics.slice(0, -2).split('\r\n');
  for (const [i, line] of physical.entries()) {
    if (line.includes('\n') || line.includes('\r')) throw new Error(`line ${i + 1}: bare LF or CR`);
    if (encoder.encode(line).length > 75) throw new Error(`line ${i + 1}: longer than 75 octets`);
  }
  const logical: string[] = [];
  for (const line of physical) {
    if (line.startsWith(' ') || line.startsWith('\t')) {
      if (!logical.length) throw new Error('continuation line first');
      logical[logical.length - 1] += line.slice(1);
    } else logical.push(line);
  }
  return logical;
}

export function unescapeText(value: string): string {
  return value.replace(/\\(.)/g, (_m, c: string) => {
    if (c === 'n' || c === 'N') return '\n';
    if (c === '\\' || c === ';' || c === ',') return c;
    throw new Error(`bad escape \\${c}`);
  });
}

const REQUIRED: Record<string, string[]> = {
  VCALENDAR: ['PRODID', 'VERSION'],
  VEVENT: ['UID', 'DTSTAMP', 'DTSTART'],
  VTODO: ['UID', 'DTSTAMP'],
};
const DATE_TIME = /^\d{8}T\d{6}Z$/;
const DATE = /^\d{8}$/;

export function parseIcs(ics: string): IcsComponent {
  const stack: IcsComponent[] = [];
  let root: IcsComponent | null = null;
  for (const line of unfold(ics)) {
    const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*))*):(.*)$/.exec(line);
    if (!m) throw new Error(`malformed content line: ${line}`);
    const [, name, rawParams, value] = m as unknown as [string, string, string, string];
    const params: Record<string, string> = {};
    for (const p of rawParams.split(';').slice(1)) {
      const [k, v] = p.split('=') as [string, string];
      params[k.toUpperCase()] = v;
    }
    const upper = name.toUpperCase();
    if (upper === 'BEGIN') {
      const c: IcsComponent = { name: value, props: [], children: [] };
      if (stack.length) stack[stack.length - 1]!.children.push(c);
      else if (root) throw new Error('two top-level components');
      else root = c;
      stack.push(c);
    } else if (upper === 'END') {
      const c = stack.pop();
      if (!c || c.name !== value) throw new Error(`END:${value} does not close ${c?.name}`);
      for (const req of REQUIRED[c.name] ?? []) {
        if (!c.props.some((p) => p.name === req)) throw new Error(`${c.name} lacks ${req}`);
      }
    } else {
      if (!stack.length) throw new Error(`property outside a component: ${name}`);
      // An unescaped comma or semicolon is not allowed in single TEXT values.
      if (['SUMMARY', 'DESCRIPTION', 'LOCATION'].includes(upper) && /(^|[^\\])(\\\\)*[;,]/.test(value)) {
        throw new Error(`${upper}: unescaped , or ;`);
      }
      if (['DTSTAMP', 'DTSTART', 'DTEND'].includes(upper) && !DATE_TIME.test(value))
        throw new Error(`${upper}: ${value}`);
      if (upper === 'DUE' && !(params.VALUE === 'DATE' ? DATE : DATE_TIME).test(value))
        throw new Error(`DUE: ${value}`);
      stack[stack.length - 1]!.props.push({ name: upper, params, value });
    }
  }
  if (stack.length || !root) throw new Error('unclosed component');
  if (root.name !== 'VCALENDAR') throw new Error('not a VCALENDAR');
  return root;
}

export function prop(c: IcsComponent, name: string): string | undefined {
  return c.props.find((p) => p.name === name)?.value;
}
