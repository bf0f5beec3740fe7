import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ContactSchema, type Same, type SchemaChecks } from '@/lib/backup/schema';

// The type-level guard of lib/backup/schema.ts must fail `tsc` when a record type gains a field its schema
// lacks (required or optional), or the other way round. These lines fail `tsc` if Same stops catching that.
type Assert<T extends true> = T;
// @ts-expect-error a required field the schema lacks
export type MissingRequired = Assert<Same<{ a: string }, { a: string; b: number }>>;
// @ts-expect-error an optional field the schema lacks
export type MissingOptional = Assert<Same<{ a: string }, { a: string; b?: number }>>;
// @ts-expect-error a field of another type
export type OtherType = Assert<Same<{ a: string }, { a: string | null }>>;
export type Fine = Assert<Same<{ a: string; b?: number | undefined }, { a: string; b?: number }>>;
export type AllSchemasMatch = SchemaChecks;

describe('record schemas', () => {
  it('name the failing field of a contact', () => {
    const result = v.safeParse(ContactSchema, { id: 'x' });
    expect(result.success).toBe(false);
    expect(v.getDotPath(result.issues![0])).toBe('name');
  });
});
