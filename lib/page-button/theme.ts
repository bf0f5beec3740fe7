/**
 * LinkedIn's own theme, so our box matches the page rather than the system: LinkedIn lets users pick light or
 * dark independently of the OS. The <html> class says it on 2022–2025 pages (`theme--dark`, seen with
 * `theme theme--mercado`); otherwise the page background decides; the system setting is the last resort.
 */
export type PageTheme = 'light' | 'dark';

/** Perceived brightness (0–1) of a CSS rgb()/rgba() color, or null for a transparent or unreadable one. */
export function luminance(color: string): number | null {
  const match = /rgba?\(([^)]+)\)/.exec(color);
  if (!match) return null;
  const parts = (match[1] ?? '')
    .split(/[\s,/]+/)
    .filter(Boolean)
    .map(Number);
  const [r = NaN, g = NaN, b = NaN, a = 1] = parts;
  if (a < 0.5 || [r, g, b].some((v) => !Number.isFinite(v))) return null;
  return (0.299 * r + 0.587 * g + 0.114 * b) / 255;
}

export function pageTheme(doc: Document, win: Window): PageTheme {
  const classes = doc.documentElement.classList;
  if (classes.contains('theme--dark')) return 'dark';
  if (classes.contains('theme--light')) return 'light';
  for (const el of [doc.body, doc.documentElement]) {
    if (!el) continue;
    const lum = luminance(win.getComputedStyle(el).backgroundColor);
    if (lum !== null) return lum < 0.4 ? 'dark' : 'light';
  }
  return win.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}
