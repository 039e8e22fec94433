// The demo's own captcha puzzles: issued and verified here, so the widget works offline.
import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createPuzzleIssuer } from '../../lib/server/index.js';

const SECRET_BYTES = 32;

/**
 * The issuer for this process. Its signing secret is kept in `dir/puzzle-secret`, so a puzzle
 * issued before a restart still verifies after it. The replay store is in memory only: after
 * a restart, a solution already accepted before it would pass once more until its puzzle
 * expires (30 minutes at most). For the demo, where the Idempotency-Key store keeps retries
 * from being stored twice anyway, that is an accepted gap.
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
  try {
    // `wx`: never overwrite a secret another process has just written. Only the owner may read it.
    await writeFile(file, secret, { flag: 'wx', mode: 0o600 });
    return secret;
  } catch (error) {
    if (error?.code !== 'EEXIST') throw error;
  }
  return readFile(file);
}
