/**
 * LinkedIn's logged-in pages (Ember, 2019–2025) embed their Voyager API answers as JSON in `<code>`
 * blocks. After an in-app navigation the blocks also hold other people (the viewer, the page we came
 * from), so only an entity whose own `publicIdentifier` is the URL's slug is the person.
 *
 * The entity is cut out of its block and parsed alone: a block runs to tens of kilobytes and parsing
 * one whole takes most of a millisecond, where the entity is a few hundred bytes. The cut follows
 * JSON's grammar (strings skipped, brackets counted), and the parsed object must name the slug itself.
 */
export type VoyagerEntity = Record<string, unknown>;

const KEY = '"publicIdentifier":"';
/** Blocks longer than this are not read (a hostile page). */
const MAX_BLOCK = 3_000_000;
/** An entity longer than this is not one (a cut that ran away on broken JSON). */
const MAX_ENTITY = 200_000;

/** The entities of `blocks` whose `publicIdentifier` is `slug` (lower-case), in text order. */
export function voyagerEntities(blocks: ArrayLike<Element>, slug: string, limit = 400): VoyagerEntity[] {
  const out: VoyagerEntity[] = [];
  for (let i = 0; i < blocks.length && i < limit; i++) {
    const txt = blocks[i]!.textContent || '';
    if (txt.length > MAX_BLOCK) continue;
    for (let at = txt.indexOf(KEY); at >= 0; at = txt.indexOf(KEY, at + KEY.length)) {
      const start = at + KEY.length;
      if (
        txt.charCodeAt(start + slug.length) !== 34 /* " */ ||
        txt.slice(start, start + slug.length).toLowerCase() !== slug
      )
        continue;
      const entity = entityAround(txt, at);
      const pid = entity?.publicIdentifier;
      if (entity && typeof pid === 'string' && pid.toLowerCase() === slug) out.push(entity);
    }
  }
  return out;
}

/** The JSON object whose key starts at `at`, parsed; null when the text around it is not JSON. */
function entityAround(txt: string, at: number): VoyagerEntity | null {
  const start = objectStart(txt, at);
  if (start < 0) return null;
  const end = valueEnd(txt, start);
  if (end < 0) return null;
  try {
    const v: unknown = JSON.parse(txt.slice(start, end + 1));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as VoyagerEntity) : null;
  } catch {
    return null;
  }
}

/** Whether the quote at `i` is escaped (an odd number of backslashes before it). */
function escaped(txt: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && txt.charCodeAt(i - n - 1) === 92 /* \ */) n++;
  return n % 2 === 1;
}

/**
 * The `{` that opens the object holding position `at` (outside a string). Read backwards: outside
 * strings JSON has no quotes, so each quote met closes a string whose opening quote is the previous
 * unescaped one.
 */
function objectStart(txt: string, at: number): number {
  let depth = 0;
  for (let i = at - 1; i >= 0 && at - i < MAX_ENTITY; i--) {
    const c = txt.charCodeAt(i);
    if (c === 34 /* " */) {
      let q = i > 0 ? txt.lastIndexOf('"', i - 1) : -1;
      while (q > 0 && escaped(txt, q)) q = txt.lastIndexOf('"', q - 1);
      if (q < 0 || escaped(txt, q)) return -1;
      i = q;
    } else if (c === 125 /* } */ || c === 93 /* ] */) depth++;
    else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (depth === 0) return c === 123 ? i : -1;
      depth--;
    }
  }
  return -1;
}

/** The index of the bracket that closes the object or array opened at `start`. */
function valueEnd(txt: string, start: number): number {
  let depth = 0;
  for (let i = start; i < txt.length && i - start < MAX_ENTITY; i++) {
    const c = txt.charCodeAt(i);
    if (c === 34 /* " */) {
      let q = txt.indexOf('"', i + 1);
      while (q >= 0 && escaped(txt, q)) q = txt.indexOf('"', q + 1);
      if (q < 0) return -1;
      i = q;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}
