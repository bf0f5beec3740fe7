import type { Page } from 'playwright-core';
import type { CapturedProfile } from '../../lib/contacts/model';
export function inventedPeople(n: number): CapturedProfile[];
export function send<T = unknown>(page: Page, type: string, data: unknown): Promise<T>;
export function seedPeople(page: Page, n: number): Promise<string[]>;
