/**
 * The photos of drafts, in IndexedDB: megabytes that Web Storage cannot hold. Loaded only when
 * a draft has photos. Each draft has a record saying when it was last used; drafts unused for a
 * day go, with their photos, the next time any form opens the database (a closed tab cannot
 * clean up after itself). Photos are kept as the strings the request sends: every engine stores
 * strings, while WebKit refuses Blobs under automation.
 */
import type { Photo } from '../form/model.js';

const NAME = 'refund-exchange-form';
const LIFETIME = 24 * 60 * 60 * 1000;

interface PhotoRecord {
  id: string;
  draft: string;
  image: Photo['image'];
}

const done = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

const finished = (tx: IDBTransaction) =>
  new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = tx.onabort = () => reject(tx.error);
  });

let database: Promise<IDBDatabase> | undefined;

/** The database, made on first use and swept of stale drafts; rejects where there is none. */
function open(): Promise<IDBDatabase> {
  return (database ??= (async () => {
    const request = indexedDB.open(NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('photos', { keyPath: 'id' }).createIndex('draft', 'draft');
      db.createObjectStore('drafts', { keyPath: 'key' });
    };
    const db = await done(request);
    // Another tab upgrading later must not wait on this one.
    db.onversionchange = () => db.close();
    await sweep(db);
    return db;
  })().catch((error: unknown) => {
    database = undefined;
    throw error;
  }));
}

async function sweep(db: IDBDatabase): Promise<void> {
  const tx = db.transaction(['drafts', 'photos'], 'readwrite');
  const drafts = tx.objectStore('drafts');
  const photos = tx.objectStore('photos').index('draft');
  for (const { key, used } of (await done(drafts.getAll())) as { key: string; used: number }[]) {
    if (Date.now() - used < LIFETIME) continue;
    drafts.delete(key);
    for (const id of await done(photos.getAllKeys(key))) tx.objectStore('photos').delete(id);
  }
  await finished(tx);
}

const isImage = (value: unknown): value is Photo['image'] => {
  const image = value as Partial<Photo['image']> | null;
  return (
    typeof image?.name === 'string' &&
    typeof image.type === 'string' &&
    typeof image.data === 'string' &&
    Number.isInteger(image.width) &&
    Number.isInteger(image.height)
  );
};

/** The draft's photos that are still there, in the order `ids` gives; marks the draft used. */
export async function loadPhotos(draft: string, ids: readonly string[]): Promise<Photo[]> {
  const db = await open();
  const tx = db.transaction(['drafts', 'photos'], 'readwrite');
  tx.objectStore('drafts').put({ key: draft, used: Date.now() });
  const records = (await done(tx.objectStore('photos').index('draft').getAll(draft))) as PhotoRecord[];
  await finished(tx);
  const byId = new Map(records.filter((r) => isImage(r.image)).map((r) => [r.id, r.image]));
  return ids.flatMap((id) => {
    const image = byId.get(id);
    return image ? [{ id, image }] : [];
  });
}

/** Stores the photos added and forgets those removed since the last call. */
export async function savePhotos(draft: string, added: readonly Photo[], removed: readonly string[]): Promise<void> {
  const db = await open();
  const tx = db.transaction(['drafts', 'photos'], 'readwrite');
  tx.objectStore('drafts').put({ key: draft, used: Date.now() });
  const photos = tx.objectStore('photos');
  for (const { id, image } of added) photos.put({ id, draft, image } satisfies PhotoRecord);
  for (const id of removed) photos.delete(id);
  await finished(tx);
}

/** Forgets the draft and all its photos. */
export async function removePhotos(draft: string): Promise<void> {
  const db = await open();
  const tx = db.transaction(['drafts', 'photos'], 'readwrite');
  tx.objectStore('drafts').delete(draft);
  const photos = tx.objectStore('photos');
  for (const id of await done(photos.index('draft').getAllKeys(draft))) photos.delete(id);
  await finished(tx);
}
