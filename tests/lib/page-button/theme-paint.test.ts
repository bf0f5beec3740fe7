// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { paint } from '@/lib/page-button/paint';
import { luminance, pageTheme } from '@/lib/page-button/theme';
import { dayLabel, followupLine } from '@/lib/page-button/card/text';

describe('LinkedIn theme', () => {
  it.each([
    ['rgb(244, 242, 238)', 'light'], // LinkedIn light background
    ['rgb(0, 0, 0)', 'dark'],
    ['rgb(27, 31, 35)', 'dark'],
    ['rgba(0, 0, 0, 0)', null], // transparent: look further
  ])('%s reads as %s', (color, theme) => {
    const lum = luminance(color);
    expect(lum === null ? null : lum < 0.4 ? 'dark' : 'light').toBe(theme);
  });

  it('takes LinkedIn’s own class first', () => {
    document.documentElement.className = 'theme theme--mercado theme--dark';
    expect(pageTheme(document, window)).toBe('dark');
    document.documentElement.className = 'theme theme--mercado';
    document.body.style.backgroundColor = 'rgb(244, 242, 238)';
    expect(pageTheme(document, window)).toBe('light');
    document.body.style.backgroundColor = 'rgb(0, 0, 0)';
    expect(pageTheme(document, window)).toBe('dark');
  });
});

describe('painted text', () => {
  it.each([
    ['Save to Rapport', 'ltr'],
    ['דנה כהן', 'rtl'],
    ['  «ليلى» حداد', 'rtl'],
    ['Dr. Ana', 'ltr'],
  ])('%s is painted %s, with no text node', (text, dir) => {
    const el = paint(document.createElement('span'), text);
    expect(el.getAttribute('data-t')).toBe(text);
    expect(el.dir).toBe(dir);
    expect(el.textContent).toBe('');
  });
});

describe('the card’s dates', () => {
  const now = new Date(2026, 4, 6, 12).getTime(); // Wed 6 May 2026, noon
  it.each([
    [new Date(2026, 4, 6, 18).getTime(), 'today'],
    [new Date(2026, 4, 7, 9).getTime(), 'tomorrow'],
    [new Date(2026, 4, 5, 9).getTime(), 'yesterday'],
    [new Date(2026, 5, 20).getTime(), '20 Jun'],
    [new Date(2027, 0, 3).getTime(), '3 Jan 2027'],
  ])('%s → %s', (at, label) => {
    expect(dayLabel(at, now, 'en-GB')).toBe(label);
  });

  it('marks a follow-up late from the day after it was due', () => {
    expect(followupLine(null, now)).toEqual({ text: 'No follow-up planned', late: false });
    const late = followupLine({ title: 'Thank-you note', dueAt: new Date(2026, 4, 4).getTime() }, now, 'en-GB');
    expect(late.late).toBe(true);
    expect(late.text).toMatch(/^Thank-you note · was due /);
    expect(followupLine({ title: 'Check in', dueAt: now - 1000 }, now, 'en-GB')).toEqual({
      text: 'Check in · today',
      late: false,
    });
  });
});
