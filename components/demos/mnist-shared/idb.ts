/**
 * The only module that touches IndexedDB: one database (named in the site configuration), one
 * object store, get and put by key, through idb-keyval. Everything else works with plain
 * records (see lib/storage/model-record.ts).
 */
import { createStore, entries, get, set, setMany, type UseStore } from 'idb-keyval';
import { siteConfig } from '@/lib/site/config';
import { legacyNames } from '@/lib/site/legacy-names';

const STORE = 'models';

export class StorageUnavailableError extends Error {
  constructor(reason: string) {
    super(`browser storage (IndexedDB) is not available: ${reason}`);
    this.name = 'StorageUnavailableError';
  }
}

function factory(): IDBFactory {
  const idb = (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!idb) throw new StorageUnavailableError('this browser or mode (e.g. some private windows) offers none');
  return idb;
}

/** Whether a database exists, without creating it (opening a missing one would). */
async function databaseExists(idb: IDBFactory, name: string): Promise<boolean> {
  if (typeof idb.databases !== 'function') return true;
  return (await idb.databases()).some((d) => d.name === name);
}

/**
 * Models saved before the database took the site's configured name are copied over once (a
 * model saved under both names keeps the newer copy, the one already under today's name), then
 * the old database is deleted so the copy happens only once.
 */
export async function migrateLegacyDatabase(idb: IDBFactory, to: UseStore): Promise<number> {
  if ((legacyNames.database as string) === siteConfig.database || !(await databaseExists(idb, legacyNames.database))) return 0;
  const legacy = createStore(legacyNames.database, legacyNames.store);
  const old = await entries(legacy);
  const current = new Set((await entries(to)).map(([key]) => String(key)));
  const moved = old.filter(([key]) => !current.has(String(key)));
  if (moved.length > 0) await setMany(moved, to);
  // The old database stays open through `legacy`; deleting waits for it to close, so close it.
  await legacy('readonly', (store) => store.transaction.db.close());
  await new Promise<void>((resolve) => {
    const req = idb.deleteDatabase(legacyNames.database);
    req.onsuccess = req.onerror = req.onblocked = () => resolve();
  });
  return moved.length;
}

let opening: Promise<UseStore> | null = null;

/** The store, opened once per page, after moving any models saved under the old name. */
function store(): Promise<UseStore> {
  if (opening) return opening;
  opening = (async () => {
    const idb = factory();
    const models = createStore(siteConfig.database, STORE);
    await migrateLegacyDatabase(idb, models);
    return models;
  })().catch((error: unknown) => {
    opening = null;
    if (error instanceof StorageUnavailableError) throw error;
    throw new StorageUnavailableError(error instanceof Error ? error.message : String(error));
  });
  return opening;
}

export async function putRecord(key: string, value: unknown): Promise<void> {
  await set(key, value, await store());
}

/** The stored value, or undefined when nothing is stored under `key`. */
export async function getRecord(key: string): Promise<unknown> {
  return get(key, await store());
}
