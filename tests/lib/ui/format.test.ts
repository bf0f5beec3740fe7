import { describe, expect, it } from 'vitest';
import { initials } from '@/lib/ui/format';

describe('avatar initials', () => {
  it.each([
    ['Priya Nandakumar', 'PN'],
    ['priya nandakumar', 'PN'],
    ['Cher', 'C'],
    ['Dr. Ana Ruiz', 'AR'],
    ['Prof. Dr. Hans Müller', 'HM'],
    ['Mrs Jane van der Berg', 'JB'],
    ['Dr', 'D'],
    ['Jane Doe, PhD, MBA', 'JD'],
    ['Jane (she/her) Doe', 'JD'],
    ['🚀 Sam Lee 🌍', 'SL'],
    ['Élodie Durand', 'ÉD'],
    ['\u0045\u0301lodie Durand', '\u0045\u0301D'],
    ['محمد علي', 'م\u200Cع'],
    ['د. محمد علي', 'م\u200Cع'],
    ['محمد عبد الرحمن', 'م\u200Cر'],
    ['Omar al-Farsi', 'OF'],
    ['Alba Alonso', 'AA'],
    ['דוד כהן', 'דכ'],
    ['王小明', '王'],
    ['', '?'],
    [null, '?'],
    ['   ', '?'],
    ['😀', '?'],
  ] as const)('%s → %s', (name, expected) => expect(initials(name)).toBe(expected));
});
