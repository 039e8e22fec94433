// The demo's own captcha puzzles: issued and verified here, so the widget works offline.
import { randomBytes } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPuzzleIssuer } from '../../lib/server/index.js';

const SECRET_BYTES = 32;

/**
 * The issuer for this process. Its signing secret is kept in `dir/puzzle-secret`, so a puzzle
 * issued before a restart, or by another process sharing `dir`, verifies here too. Used
 * puzzles are recorded by the receiver's store, in the database all processes share.
 * @param {string} dir an existing folder
 * @param {number | undefined} difficulty see `PuzzleOptions.difficulty`; undefined for the default
 */
export async function openPuzzleIssuer(dir, difficulty) {
  const file = join(dir, 'puzzle-secret');
  const secret = await readOrCreateSecret(file);
  try {
    return createPuzzleIssuer({ secret, ...(difficulty === undefined ? {} : { difficulty }) });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new RangeError(`${error.message} (difficulty ${difficulty ?? 'default'}, secret in ${file})`);
  }
}

async function readOrCreateSecret(file) {
  const secret = randomBytes(SECRET_BYTES);
  // Written whole under a name of its own, then linked into place: a process starting at the
  // same moment sees no secret or all of it, never an empty file. Only the owner may read it.
  const draft = `${file}.${process.pid}.${secret.toString('hex', 0, 4)}`;
  await writeFile(draft, secret, { mode: 0o600 });
  try {
    await link(draft, file);
    return secret;
  } catch (error) {
    // Another process got there first: use its secret, never overwrite it.
    if (error?.code !== 'EEXIST') throw error;
    return readFile(file);
  } finally {
    await unlink(draft);
  }
}
