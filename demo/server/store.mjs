// The demo's storage of received requests: one append-only JSON Lines file, and the
// Idempotency-Keys already accepted, so a retried submission is stored once.
import { appendFile, mkdir, open } from 'node:fs/promises';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';

// No 0/O or 1/I: the customer may read the reference out over the phone.
const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * @typedef {{ reference: string, receivedAt: string, idempotencyKey: string | null,
 *   request: Record<string, unknown> }} StoredRequest
 */

/** Opens (creating) `dir/requests.jsonl` and learns the keys and references already in it. */
export async function openStore(dir) {
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'requests.jsonl');
  await endWithNewline(file);
  /** Idempotency-Key → the reference it got, settled once the line is on disk. */
  const accepted = new Map();
  const references = new Set();
  let unreadable = 0;
  for await (const entry of readEntries(file, () => unreadable++)) {
    references.add(entry.reference);
    if (entry.idempotencyKey) accepted.set(entry.idempotencyKey, Promise.resolve(entry.reference));
  }
  if (unreadable) console.warn(`${file}: skipping ${unreadable} unreadable line(s)`);
  // Appends run one after another so that two lines never interleave.
  let queue = Promise.resolve();

  const newReference = () => {
    const date = new Date().toISOString().slice(2, 10).replaceAll('-', '');
    for (;;) {
      let code = '';
      for (let i = 0; i < 5; i++) code += ALPHABET[randomInt(ALPHABET.length)];
      const reference = `RX-${date}-${code}`;
      if (!references.has(reference)) return reference;
    }
  };

  return {
    file,

    /**
     * The reference an accepted Idempotency-Key got (settled once on disk), or undefined.
     * Asked before anything that must happen once per submission, such as using up its captcha.
     * @param {string | undefined} idempotencyKey
     * @returns {Promise<string> | undefined}
     */
    acceptedReference(idempotencyKey) {
      return idempotencyKey ? accepted.get(idempotencyKey) : undefined;
    },

    /**
     * Stores a checked request once per Idempotency-Key. A key seen before gets its first
     * reference back (`replayed`), whatever the body: retries of one submission are equal.
     * @param {Record<string, unknown>} request
     * @param {string | undefined} idempotencyKey
     * @returns {Promise<{ reference: string, replayed: boolean }>}
     */
    async accept(request, idempotencyKey) {
      const earlier = idempotencyKey ? accepted.get(idempotencyKey) : undefined;
      if (earlier) return { reference: await earlier, replayed: true };
      const reference = newReference();
      references.add(reference);
      /** @type {StoredRequest} */
      const entry = {
        reference,
        receivedAt: new Date().toISOString(),
        idempotencyKey: idempotencyKey ?? null,
        request,
      };
      const saved = queue.then(() => appendFile(file, `${JSON.stringify(entry)}\n`)).then(() => reference);
      queue = saved.then(
        () => undefined,
        () => undefined,
      );
      if (idempotencyKey) {
        // Registered before the write finishes, so a concurrent retry waits for this one.
        accepted.set(idempotencyKey, saved);
        saved.catch(() => accepted.delete(idempotencyKey));
      }
      return { reference: await saved, replayed: false };
    },

    /** @returns {Promise<StoredRequest[]>} every stored request, newest first */
    async list() {
      const entries = [];
      for await (const entry of readEntries(file)) entries.push(entry);
      return entries.reverse();
    },
  };
}

/** The file's entries in order; a line cut short by a crash is skipped, not fatal. */
async function* readEntries(file, onUnreadable = () => {}) {
  let handle;
  try {
    handle = await open(file);
  } catch (error) {
    if (error?.code === 'ENOENT') return;
    throw error;
  }
  try {
    for await (const line of handle.readLines()) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line);
        if (typeof entry?.reference === 'string') yield entry;
      } catch {
        onUnreadable();
      }
    }
  } finally {
    await handle.close();
  }
}

/** After a crash mid-write, the next entry must still start on a line of its own. */
async function endWithNewline(file) {
  let handle;
  try {
    handle = await open(file, 'r+');
  } catch (error) {
    if (error?.code === 'ENOENT') return;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return;
    const { buffer } = await handle.read(Buffer.alloc(1), 0, 1, size - 1);
    if (buffer[0] !== 0x0a) await handle.write('\n', size);
  } finally {
    await handle.close();
  }
}
