// Every unit test gets a fresh in-memory IndexedDB, a closed DB cache and a reset fake browser.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { resetDBConnection } from '@/lib/db/open';

beforeEach(async () => {
  fakeBrowser.reset();
  await resetDBConnection();
  globalThis.indexedDB = new IDBFactory();
});
