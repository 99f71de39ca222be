import 'fake-indexeddb/auto';
import { createStore, get, set } from 'idb-keyval';
import { describe, expect, it } from 'vitest';
import { getRecord, migrateLegacyDatabase, putRecord } from '@/components/demos/mnist-shared/idb';
import { siteConfig } from '@/lib/site/config';
import { legacyNames } from '@/lib/site/legacy-names';

/** Writes a record the way builds before the site configuration did: their own database and store. */
async function saveAsOldBuild(key: string, value: unknown): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('week07-notes', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('models');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = db.transaction('models', 'readwrite');
    tx.objectStore('models').put(value, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

async function databaseNames(): Promise<string[]> {
  return (await indexedDB.databases()).map((d) => d.name ?? '');
}

describe('saved models across the rename of the database', () => {
  it('the legacy names are the ones the old build wrote, and today’s differ from them', () => {
    expect(legacyNames.database).toBe('week07-notes');
    expect(siteConfig.database).not.toBe(legacyNames.database);
  });

  it('finds a model saved by the old build, moves it, and deletes the old database', async () => {
    const record = { format: 'week07-autoencoder', version: 1, weights: new Float32Array([1, 2, 3]).buffer };
    await saveAsOldBuild('model:autoencoder', record);
    expect(await databaseNames()).toContain('week07-notes');

    const found = (await getRecord('model:autoencoder')) as typeof record;
    expect(found.format).toBe('week07-autoencoder');
    expect(Array.from(new Float32Array(found.weights))).toEqual([1, 2, 3]);
    expect(await databaseNames()).not.toContain('week07-notes');
    expect(await databaseNames()).toContain(siteConfig.database);

    // Saved again under today's name, and read back from it.
    await putRecord('model:denoising-autoencoder', { steps: 7 });
    expect(await getRecord('model:denoising-autoencoder')).toEqual({ steps: 7 });
    expect(await getRecord('model:nothing')).toBeUndefined();
  });

  it('keeps the copy under today’s name when a model is saved under both', async () => {
    const today = createStore('migration-target', 'models');
    await set('model:autoencoder', 'newer', today);
    await saveAsOldBuild('model:autoencoder', 'older');
    await saveAsOldBuild('model:ae-interpolation', 'only-old');
    expect(await migrateLegacyDatabase(indexedDB, today)).toBe(1);
    expect(await get('model:autoencoder', today)).toBe('newer');
    expect(await get('model:ae-interpolation', today)).toBe('only-old');
    // Nothing left to move the second time.
    expect(await migrateLegacyDatabase(indexedDB, today)).toBe(0);
  });
});
