/** Test helper: random page mutations for the property tests. */
import fc from 'fast-check';

/** Class names the extractors lean on: renaming them must degrade gracefully, never mislead. */
const KNOWN = [
  'text-heading-xlarge',
  'pv-text-details__left-panel',
  'pv-text-details__right-panel',
  'text-body-medium',
  'pv-top-card',
  'pvs-entity',
  'pvs-list',
  'visually-hidden',
  'artdeco-entity-lockup__title',
  'pv-profile-sticky-header-v2__mini-profile-container',
  'top-card-layout',
  'top-card-layout__title',
  'top-card-layout__headline',
  'top-card__subline-item',
  'experience-item',
  'experience-group',
  'education__list-item',
  'profile-section-card__title',
  'top-card__profile-image',
  'core-section-container__content',
  'vcard',
  'h-card',
  'fn',
  'p-name',
];

export type Mutation =
  | { kind: 'breakKnown'; token: string; to: string }
  | { kind: 'renameClass'; pick: number; to: string }
  | { kind: 'dropClass'; pick: number }
  | { kind: 'truncate'; at: number }
  | { kind: 'shuffle'; seed: number }
  | { kind: 'duplicate'; pick: number }
  | { kind: 'dropAttr'; attr: 'componentkey' | 'id' | 'aria-hidden' | 'data-section' | 'aria-label'; pick: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constant('breakKnown' as const),
    token: fc.constantFrom(...KNOWN),
    to: fc.constantFrom('', 'x-renamed'),
  }),
  fc.record({
    kind: fc.constant('renameClass' as const),
    pick: fc.nat(),
    to: fc.stringMatching(/^[a-z_][a-z0-9_-]{2,10}$/),
  }),
  fc.record({ kind: fc.constant('dropClass' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('shuffle' as const), seed: fc.nat() }),
  fc.record({ kind: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('dropAttr' as const),
    attr: fc.constantFrom(
      'componentkey' as const,
      'id' as const,
      'aria-hidden' as const,
      'data-section' as const,
      'aria-label' as const,
    ),
    pick: fc.nat(),
  }),
);

function classTokens(html: string): string[] {
  const set = new Set<string>();
  for (const m of html.matchAll(/class="([^"]*)"/g)) for (const t of m[1]!.split(/\s+/)) if (t) set.add(t);
  return [...set].sort();
}

export function applyStringMutations(html: string, muts: Mutation[]): string {
  let out = html;
  for (const m of muts) {
    if (m.kind === 'renameClass' || m.kind === 'dropClass' || m.kind === 'breakKnown') {
      const toks = classTokens(out);
      if (!toks.length) continue;
      const tok = m.kind === 'breakKnown' ? m.token : toks[m.pick % toks.length]!;
      const re = new RegExp(`(class="[^"]*?)(?<![\\w-])${tok.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'g');
      out = out.replace(re, `$1${m.kind === 'dropClass' ? '' : m.to}`);
    } else if (m.kind === 'dropAttr') {
      const re = new RegExp(`\\s${m.attr}="[^"]*"`, 'g');
      let i = 0;
      const n = m.pick % 4; // drop every nth (0 = all)
      out = out.replace(re, (s) => (n === 0 || i++ % n === 0 ? '' : s));
    } else if (m.kind === 'truncate') {
      out = out.slice(0, Math.floor(out.length * m.at));
    }
  }
  return out;
}

export function applyDomMutations(doc: Document, muts: Mutation[]): void {
  for (const m of muts) {
    const blocks = Array.from(doc.querySelectorAll('section, li, [componentkey]'));
    if (m.kind === 'shuffle') {
      const parent = blocks.length ? blocks[m.seed % blocks.length]!.parentElement : null;
      if (!parent) continue;
      const kids = Array.from(parent.children);
      let s = m.seed;
      for (let i = kids.length - 1; i > 0; i--) {
        s = (s * 1103515245 + 12345) & 0x7fffffff;
        const j = s % (i + 1);
        [kids[i], kids[j]] = [kids[j]!, kids[i]!];
      }
      for (const k of kids) parent.appendChild(k);
    } else if (m.kind === 'duplicate') {
      const b = blocks.length ? blocks[m.pick % blocks.length]! : null;
      if (b?.parentElement) b.parentElement.insertBefore(b.cloneNode(true), b.nextSibling);
    }
  }
}
