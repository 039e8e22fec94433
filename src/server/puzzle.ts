/**
 * A self-hosted puzzle issuer and verifier for the Friendly Captcha v1 widget
 * (friendly-challenge), written from the wire format described in the project notes.
 *
 * A puzzle string is `<signature>.<puzzle>`: `puzzle` is the 32 puzzle bytes in standard base64,
 * `signature` their HMAC-SHA256 under the issuer's secret as 64 lower-case hex digits. The
 * widget answers `<signature>.<puzzle>.<solutions>.<diagnostics>`.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2.js';
import { LIMITS } from '../fields.js';

export interface PuzzleOptions {
  /** The HMAC key that signs puzzles, at least 32 bytes (a string counts as UTF-8). */
  secret: string | Uint8Array;
  /**
   * Work per solution, 0 to 255: about 2^(d/8) hashes each. Default 122, about 39 000 hashes;
   * with the default 51 solutions about 2 million, under a second in desktop Chromium.
   */
  difficulty?: number;
  /** Solutions the widget must find, 1 to 255. Default 51: many small ones make the time predictable. */
  solutions?: number;
  /** How long a puzzle may be solved and submitted, rounded up to 5 minutes; at most 21 h 15 min. Default 30. */
  expiryMinutes?: number;
  /** Free for the host's own use (u32); signed with the puzzle. Default 0. */
  account?: number;
  /** Free for the host's own use (u32); signed with the puzzle. Default 0. */
  app?: number;
  /** The clock, in milliseconds. Default `Date.now`. */
  now?: () => number;
}

/** What the widget's `puzzleEndpoint` must answer, as JSON. */
export interface PuzzleResponse {
  data: { puzzle: string };
}

export type PuzzleFailureReason =
  | 'malformed'
  | 'signature'
  | 'version'
  | 'expired'
  | 'count'
  | 'duplicate'
  | 'difficulty'
  | 'replayed';

export type PuzzleVerifyResult = { ok: true } | { ok: false; reason: PuzzleFailureReason };

/**
 * A solution that is right, before anyone asked whether it was used already: `id` names its
 * puzzle, which may pass once, until `expiresAt` (ms since the epoch).
 */
export type PuzzleCheckResult =
  | { ok: true; id: string; expiresAt: number }
  | { ok: false; reason: Exclude<PuzzleFailureReason, 'replayed'> };

export interface PuzzleIssuer {
  /** A fresh signed puzzle, ready to be sent as the puzzle endpoint's JSON answer. */
  issue(): PuzzleResponse;
  /**
   * Checks a solution string as received (any value; never throws). A puzzle passes once:
   * later submissions of it are `replayed`. Remembered in this process only.
   */
  verify(solution: unknown): PuzzleVerifyResult;
  /**
   * Everything `verify` checks but the replay (any value; never throws): for a receiver that
   * records used puzzles in a database shared by all its processes.
   */
  check(solution: unknown): PuzzleCheckResult;
}

/** The fields of the puzzle bytes. */
export interface PuzzleFields {
  /** Seconds since the Unix epoch (u32). */
  timestamp: number;
  account: number;
  app: number;
  /** Lifetime in 5-minute units, 1 to 255. */
  expiryUnits: number;
  solutions: number;
  difficulty: number;
  /** 8 random bytes that make each puzzle unique. */
  nonce: Uint8Array;
}

const VERSION = 1;
const PUZZLE_LENGTH = 32;
const SOLUTION_LENGTH = 8;
/** The hash input is 128 bytes with the solution at its end, so longer puzzles cannot be solved. */
const HASH_INPUT_LENGTH = 128;
const SOLUTION_OFFSET = HASH_INPUT_LENGTH - SOLUTION_LENGTH;
const UNIT_SECONDS = 300;
/** How far a puzzle's timestamp may lie ahead of this clock (another server's clock may run fast). */
const CLOCK_SKEW_MS = 60_000;
const MIN_SECRET_BYTES = 32;

/** The 32 puzzle bytes, big-endian: timestamp, account, app, version, expiry, n, d, 8 zero bytes, nonce. */
export function encodePuzzle(fields: PuzzleFields): Uint8Array {
  const { timestamp, account, app, expiryUnits, solutions, difficulty, nonce } = fields;
  checkInteger('timestamp', timestamp, 0, 0xffffffff);
  checkInteger('account', account, 0, 0xffffffff);
  checkInteger('app', app, 0, 0xffffffff);
  checkInteger('expiryUnits', expiryUnits, 1, 255);
  checkInteger('solutions', solutions, 1, 255);
  checkInteger('difficulty', difficulty, 0, 255);
  if (nonce.length !== 8) throw new RangeError('nonce must be 8 bytes');
  const bytes = new Uint8Array(PUZZLE_LENGTH);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, timestamp);
  view.setUint32(4, account);
  view.setUint32(8, app);
  bytes[12] = VERSION;
  bytes[13] = expiryUnits;
  bytes[14] = solutions;
  bytes[15] = difficulty;
  bytes.set(nonce, 24);
  return bytes;
}

/** `<hex HMAC-SHA256 of the bytes>.<base64 bytes>`, the puzzle string the widget receives. */
export function signPuzzle(puzzle: Uint8Array, secret: string | Uint8Array): string {
  return puzzleString(puzzle, secretKey(secret));
}

/**
 * The number a solution is judged by: the puzzle zero-padded to 128 bytes with the 8 solution
 * bytes at 120–127, hashed with BLAKE2b-256; its first 4 bytes as a little-endian u32.
 */
export function solutionValue(puzzle: Uint8Array, solution: Uint8Array): number {
  if (solution.length !== SOLUTION_LENGTH) throw new RangeError('a solution is 8 bytes');
  if (puzzle.length > SOLUTION_OFFSET) throw new RangeError('a puzzle is at most 120 bytes');
  const input = new Uint8Array(HASH_INPUT_LENGTH);
  input.set(puzzle);
  input.set(solution, SOLUTION_OFFSET);
  const digest = blake2b(input, { dkLen: 32 });
  return new DataView(digest.buffer, digest.byteOffset, 4).getUint32(0, true);
}

/** A solution's value must be below this for difficulty `d`. */
export const difficultyThreshold = (difficulty: number): number =>
  Math.pow(2, (255.999 - difficulty) / 8) >>> 0;

/** Whether one 8-byte solution solves the puzzle at difficulty `d`. */
export const solutionMeetsDifficulty = (puzzle: Uint8Array, solution: Uint8Array, difficulty: number): boolean =>
  solutionValue(puzzle, solution) < difficultyThreshold(difficulty);

/**
 * Remembers puzzles that passed until they expire, so each passes once. Memory is bounded by
 * the puzzles solved within one expiry period: expired entries are dropped in a sweep at most
 * once a minute, and an expired puzzle is refused before the store is asked. It lives in this
 * process only; servers behind a load balancer need sticky sessions or one verifying process.
 */
export class ReplayStore {
  static readonly sweepIntervalMs = 60_000;
  readonly #expiries = new Map<string, number>();
  #nextSweep = 0;

  /** True the first time `key` is claimed; false while an earlier claim is still remembered. */
  claim(key: string, expiresAt: number, now: number): boolean {
    this.#sweep(now);
    if (this.#expiries.has(key)) return false;
    this.#expiries.set(key, expiresAt);
    return true;
  }

  get size(): number {
    return this.#expiries.size;
  }

  #sweep(now: number): void {
    if (now < this.#nextSweep) return;
    this.#nextSweep = now + ReplayStore.sweepIntervalMs;
    for (const [key, expiresAt] of this.#expiries) {
      if (expiresAt < now) this.#expiries.delete(key);
    }
  }
}

/**
 * One issuer per server: it holds the secret and the replay store. Throws a `RangeError` for
 * options out of range (a short secret, a difficulty above 255, …).
 */
export function createPuzzleIssuer(options: PuzzleOptions): PuzzleIssuer {
  const key = secretKey(options.secret);
  const difficulty = options.difficulty ?? 122;
  const solutions = options.solutions ?? 51;
  const expiryMinutes = options.expiryMinutes ?? 30;
  checkInteger('expiryMinutes', expiryMinutes, 1, 255 * 5);
  const expiryUnits = Math.ceil(expiryMinutes / 5);
  const account = options.account ?? 0;
  const app = options.app ?? 0;
  const now = options.now ?? Date.now;
  const replays = new ReplayStore();
  // Fails now, not on the first request, when an option is out of range.
  encodePuzzle({ timestamp: 0, account, app, expiryUnits, solutions, difficulty, nonce: new Uint8Array(8) });

  return {
    issue() {
      const timestamp = Math.floor(now() / 1000);
      const puzzle = encodePuzzle({ timestamp, account, app, expiryUnits, solutions, difficulty, nonce: randomBytes(8) });
      return { data: { puzzle: puzzleString(puzzle, key) } };
    },
    verify(solution) {
      const at = now();
      const result = checkSolution(solution, key, at);
      if (!result.ok) return result;
      // Claimed last, so a wrong answer does not use up the customer's puzzle.
      return replays.claim(result.id, result.expiresAt, at) ? { ok: true } : { ok: false, reason: 'replayed' };
    },
    check(solution) {
      return checkSolution(solution, key, now());
    },
  };
}

/** The longest parts a puzzle of at most 255 solutions can have, in characters. */
const MAX_PART = {
  puzzle: base64Length(SOLUTION_OFFSET),
  solutions: base64Length(255 * SOLUTION_LENGTH),
} as const;

function checkSolution(text: unknown, key: Buffer, now: number): PuzzleCheckResult {
  try {
    return checkParts(text, key, now);
  } catch {
    // Nothing above should throw; if it ever does, the answer is a refusal, not a 500.
    return { ok: false, reason: 'malformed' };
  }
}

function checkParts(text: unknown, key: Buffer, now: number): PuzzleCheckResult {
  const fail = (reason: Exclude<PuzzleFailureReason, 'replayed'>) => ({ ok: false, reason }) as const;
  // Lengths first: a regular expression over megabytes costs time and may overflow the stack.
  if (typeof text !== 'string' || text.length > LIMITS.captcha) return fail('malformed');
  const parts = text.split('.');
  if (parts.length !== 4) return fail('malformed');
  // The diagnostics part is the widget's business; only its presence is required.
  const [signature = '', puzzleText = '', solutionsText = ''] = parts;
  if (puzzleText.length > MAX_PART.puzzle || solutionsText.length > MAX_PART.solutions) return fail('malformed');
  const puzzle = decodeBase64(puzzleText);
  const solutions = decodeBase64(solutionsText);
  if (!puzzle || !solutions || puzzle.length < PUZZLE_LENGTH || puzzle.length > SOLUTION_OFFSET) {
    return fail('malformed');
  }

  const expected = sign(puzzle, key);
  // UTF-8, not latin1: latin1 would let 'š' (U+0161) pass for 'a' (0x61) and dodge the replay check.
  const given = Buffer.from(signature, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, Buffer.from(expected, 'utf8'))) {
    return fail('signature');
  }

  if (puzzle[12] !== VERSION) return fail('version');
  const view = new DataView(puzzle.buffer, puzzle.byteOffset, puzzle.length);
  const issuedAt = view.getUint32(0) * 1000;
  const expiresAt = issuedAt + view.getUint8(13) * UNIT_SECONDS * 1000;
  if (expiresAt < now || issuedAt > now + CLOCK_SKEW_MS) return fail('expired');

  const count = view.getUint8(14);
  if (solutions.length !== count * SOLUTION_LENGTH) return fail('count');
  const seen = new Set<string>();
  for (let offset = 0; offset < solutions.length; offset += SOLUTION_LENGTH) {
    const solution = solutions.subarray(offset, offset + SOLUTION_LENGTH);
    const id = solution.toString('hex');
    if (seen.has(id)) return fail('duplicate');
    seen.add(id);
  }
  const difficulty = view.getUint8(15);
  for (let offset = 0; offset < solutions.length; offset += SOLUTION_LENGTH) {
    const solution = solutions.subarray(offset, offset + SOLUTION_LENGTH);
    if (!solutionMeetsDifficulty(puzzle, solution, difficulty)) return fail('difficulty');
  }

  return { ok: true, id: expected, expiresAt };
}

function sign(puzzle: Uint8Array, key: Buffer): string {
  return createHmac('sha256', key).update(puzzle).digest('hex');
}

const puzzleString = (puzzle: Uint8Array, key: Buffer) =>
  `${sign(puzzle, key)}.${Buffer.from(puzzle).toString('base64')}`;

function secretKey(secret: string | Uint8Array): Buffer {
  const key = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (key.length < MIN_SECRET_BYTES) throw new RangeError(`the secret must be at least ${MIN_SECRET_BYTES} bytes`);
  return key;
}

/** Standard base64, padding optional; `Buffer.from` alone would skip stray characters. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}(?:==)?|[A-Za-z0-9+/]{3}=?)?$/;

function decodeBase64(text: string): Buffer | undefined {
  return BASE64.test(text) ? Buffer.from(text, 'base64') : undefined;
}

function base64Length(bytes: number): number {
  return Math.ceil(bytes / 3) * 4;
}

function checkInteger(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}`);
  }
}
