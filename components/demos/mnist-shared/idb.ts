/**
 * The only module that touches IndexedDB: one database, one object store, get and put by key.
 * Everything else works with plain records (see model-record.ts).
 */

const DB_NAME = 'week07-notes';
const DB_VERSION = 1;
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

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  if (opening) return opening;
  let idb: IDBFactory;
  try {
    idb = factory();
  } catch (error) {
    return Promise.reject(error);
  }
  opening = new Promise<IDBDatabase>((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      req = idb.open(DB_NAME, DB_VERSION);
    } catch (error) {
      reject(new StorageUnavailableError(error instanceof Error ? error.message : String(error)));
      return;
    }
    req.onupgradeneeded = () => {
      if (!req.result.objectStoreNames.contains(STORE)) req.result.createObjectStore(STORE);
    };
    req.onsuccess = () => {
      const db = req.result;
      // Another tab upgrading the schema asks us to let go; the next call reopens.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      resolve(db);
    };
    req.onerror = () => reject(new StorageUnavailableError(req.error?.message ?? 'the database could not be opened'));
    req.onblocked = () => reject(new StorageUnavailableError('another tab holds an older version of the database open'));
  });
  opening.catch(() => {
    opening = null;
  });
  return opening;
}

async function withStore<T>(mode: IDBTransactionMode, body: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  const tx = db.transaction(STORE, mode);
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction was aborted (is the storage full?)'));
  });
  const [result] = await Promise.all([request(body(tx.objectStore(STORE))), done]);
  return result;
}

export async function putRecord(key: string, value: unknown): Promise<void> {
  await withStore('readwrite', (store) => store.put(value, key));
}

/** The stored value, or undefined when nothing is stored under `key`. */
export async function getRecord(key: string): Promise<unknown> {
  return withStore('readonly', (store) => store.get(key));
}
