/** Test helpers: parse HTML into a Document (linkedom: fast, and faithful enough for saved pages). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DOMParser } from 'linkedom';

export function parseHtml(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as Document;
}

export const FIXTURE_DIR = path.resolve(__dirname, '../../fixtures');
export const readFixture = (file: string) => readFileSync(path.join(FIXTURE_DIR, file), 'utf8');
export const load = (file: string) => parseHtml(readFixture(file));
