/** Honorifics and titles that come before a name: "Dr. Ana Ruiz" is "AR", not "DR". Compared without dots. */
const TITLES = new Set([
  'dr',
  'prof',
  'professor',
  'mr',
  'mrs',
  'ms',
  'mx',
  'miss',
  'sir',
  'dame',
  'rev',
  'hon',
  'eng',
  'ing',
  'dipl',
  'mag',
  'herr',
  'frau',
  'sr',
  'sra',
  'srta',
  'dott',
  'dra',
  'prof.dr',
  'د', // Arabic abbreviation of "doctor" (د.)
]);
/** Letters that join their neighbours in cursive scripts (Arabic, Syriac, N'Ko…): initials must not join. */
const JOINING = /[\u0600-\u06FF\u0700-\u074F\u0750-\u077F\u07C0-\u07FF\u08A0-\u08FF]/u;
const ZWNJ = '\u200C';

/** The words of a name that are the person's names: no titles, credentials after a comma, or bracketed parts. */
function nameWords(name: string): string[] {
  const main = name
    .split(/[,|·•]/u)[0]! // "Jane Doe, PhD" · "Jane Doe | Designer"
    .replace(/\([^)]*\)|\[[^\]]*\]/gu, ' ') // "Jane (she/her) Doe"
    .trim();
  const words = main
    .split(/\s+/u)
    // A word counts only if it starts with a letter (drops emoji, digits and punctuation-only tokens).
    .map((word) => word.replace(/^[^\p{L}]+/u, ''))
    .filter((word) => word.length > 0);
  while (words.length > 1 && TITLES.has(words[0]!.toLowerCase().replace(/\.$/u, ''))) words.shift();
  return words;
}

/** Arabic family names often start with the article "ال" (al-): the initial is the letter after it. */
function withoutArticle(word: string): string {
  const bare = word.replace(/^(?:ال|al-|el-)/iu, '');
  return bare.length >= 2 ? bare : word;
}

function firstLetter(word: string): string {
  // The first grapheme's base letter (combining marks stay with it, so "É" written as E + accent survives).
  const match = /^\p{L}\p{M}*/u.exec(word);
  return (match?.[0] ?? '').toLocaleUpperCase();
}

/**
 * Initials for an avatar when there is no photo thumbnail (we never load remote photos ourselves). First
 * and last name, skipping titles ("Dr."), credentials ("…, PhD") and emoji. Letters of cursive scripts
 * (Arabic) are kept apart so they do not join into one glyph; written in logical order, so an element
 * with `dir="auto"` shows right-to-left initials right to left. Scripts without word spaces (Chinese,
 * Japanese, Korean) give their first character only.
 */
export function initials(name: string | null): string {
  const words = nameWords(name ?? '');
  if (!words.length) return '?';
  const first = words[0]!;
  if (words.length === 1 || /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(first)) {
    return firstLetter(first) || '?';
  }
  const letters = [firstLetter(first), firstLetter(withoutArticle(words[words.length - 1]!))].filter(Boolean);
  const joiner = letters.some((letter) => JOINING.test(letter)) ? ZWNJ : '';
  return letters.join(joiner) || '?';
}
