import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  ReplayStore,
  createPuzzleIssuer,
  difficultyThreshold,
  encodePuzzle,
  signPuzzle,
  solutionMeetsDifficulty,
  solutionValue,
} from '../../src/server/puzzle.js';
import type { PuzzleFields, PuzzleOptions } from '../../src/server/puzzle.js';

const SECRET = 'correct horse battery staple 0123456789';
const T0 = 1_700_000_000_000;
/** What friendly-challenge 0.9.20 sends as diagnostics: 3 bytes the verifier ignores. */
const DIAGNOSTICS = 'AQID';

/** A clock the tests move by hand. */
function clock(start = T0) {
  const state = { now: start };
  return { state, now: () => state.now };
}

const issuer = (options: Partial<PuzzleOptions> = {}) =>
  createPuzzleIssuer({ secret: SECRET, difficulty: 90, solutions: 5, now: () => T0, ...options });

function split(puzzleString: string) {
  const [signature = '', base64 = ''] = puzzleString.split('.');
  return { signature, base64, bytes: new Uint8Array(Buffer.from(base64, 'base64')) };
}

const counterBytes = (counter: number) => {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setUint32(0, counter, true);
  return bytes;
};

/** Brute force, as the widget does: u32 counters in the first 4 solution bytes. */
function solve(puzzle: Uint8Array, count: number, difficulty: number): Buffer {
  const out = Buffer.alloc(count * 8);
  for (let counter = 0, found = 0; found < count; counter++) {
    const candidate = counterBytes(counter);
    if (solutionMeetsDifficulty(puzzle, candidate, difficulty)) out.set(candidate, 8 * found++);
  }
  return out;
}

function firstFailing(puzzle: Uint8Array, difficulty: number): Uint8Array {
  for (let counter = 0; ; counter++) {
    if (!solutionMeetsDifficulty(puzzle, counterBytes(counter), difficulty)) return counterBytes(counter);
  }
}

const answer = (puzzleString: string, solutions: Uint8Array) =>
  `${puzzleString}.${Buffer.from(solutions).toString('base64')}.${DIAGNOSTICS}`;

/** Issues a puzzle and solves it honestly. */
function issueAndSolve(subject: ReturnType<typeof issuer>, count = 5, difficulty = 90) {
  const { puzzle } = subject.issue().data;
  const { bytes } = split(puzzle);
  const solutions = solve(bytes, count, difficulty);
  return { puzzle, bytes, solutions, solution: answer(puzzle, solutions) };
}

describe('fixed vectors (computed independently with Python hashlib/hmac)', () => {
  const fields: PuzzleFields = {
    timestamp: 1_700_000_000,
    account: 7,
    app: 42,
    expiryUnits: 6,
    solutions: 5,
    difficulty: 122,
    nonce: Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8]),
  };
  const bytes = encodePuzzle(fields);
  const PUZZLE =
    'c0cc1814ee43b1251e51c893f2109c849047327e79de59d61a43677395e11cf7.ZVPxAAAAAAcAAAAqAQYFegAAAAAAAAAAAQIDBAUGBwg=';
  /** The first five counters below the threshold, with their values. */
  const SOLVED = [
    [15587, 11260],
    [47286, 106519],
    [68334, 108880],
    [99787, 18323],
    [257436, 479],
  ] as const;

  it('encodes the puzzle bytes big-endian with version 1 and zero bytes 16–23', () => {
    assert.equal(
      Buffer.from(bytes).toString('hex'),
      '6553f100000000070000002a0106057a00000000000000000102030405060708',
    );
  });

  it('signs with hex HMAC-SHA256 and standard base64', () => {
    assert.equal(signPuzzle(bytes, SECRET), PUZZLE);
    assert.equal(signPuzzle(bytes, new TextEncoder().encode(SECRET)), PUZZLE);
  });

  it('hashes the padded puzzle with BLAKE2b-256, first 4 bytes little-endian', () => {
    assert.equal(solutionValue(bytes, Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7])), 3_923_644_012);
    for (const [counter, value] of SOLVED) assert.equal(solutionValue(bytes, counterBytes(counter)), value);
  });

  it('computes the threshold as 2^((255.999 - d) / 8), truncated to u32', () => {
    assert.equal(difficultyThreshold(122), 110_208);
    assert.equal(difficultyThreshold(0), 4_294_595_181);
    assert.equal(difficultyThreshold(255), 1);
  });

  it('judges solutions against the threshold', () => {
    for (const [counter] of SOLVED) assert.ok(solutionMeetsDifficulty(bytes, counterBytes(counter), 122));
    assert.equal(solutionMeetsDifficulty(bytes, counterBytes(15_586), 122), false);
    // 106519 is below 2^((255.999-122)/8) but not below the threshold at d = 123.
    assert.equal(solutionMeetsDifficulty(bytes, counterBytes(47_286), 123), false);
  });

  it('verifies the whole vector as one solution string', () => {
    const solutions = Buffer.concat(SOLVED.map(([counter]) => counterBytes(counter)));
    const subject = createPuzzleIssuer({ secret: SECRET, now: () => 1_700_000_000_000 + 60_000 });
    assert.deepEqual(subject.verify(answer(PUZZLE, solutions)), { ok: true });
  });

  it('refuses misuse of the pure helpers', () => {
    assert.throws(() => solutionValue(bytes, new Uint8Array(7)), RangeError);
    assert.throws(() => solutionValue(new Uint8Array(121), new Uint8Array(8)), RangeError);
    assert.throws(() => encodePuzzle({ ...fields, nonce: new Uint8Array(4) }), RangeError);
  });
});

describe('createPuzzleIssuer', () => {
  it('issues { data: { puzzle } } with the configured fields and a valid signature', () => {
    const subject = issuer({ account: 3, app: 0xfffffffe, expiryMinutes: 12, now: () => T0 + 999 });
    const response = subject.issue();
    assert.deepEqual(Object.keys(response), ['data']);
    assert.deepEqual(Object.keys(response.data), ['puzzle']);
    assert.match(response.data.puzzle, /^[0-9a-f]{64}\.[A-Za-z0-9+/]{43}=$/);
    const { signature, bytes } = split(response.data.puzzle);
    assert.equal(bytes.length, 32);
    assert.equal(signature, createHmac('sha256', SECRET).update(bytes).digest('hex'));
    const view = new DataView(bytes.buffer);
    assert.equal(view.getUint32(0), T0 / 1000);
    assert.equal(view.getUint32(4), 3);
    assert.equal(view.getUint32(8), 0xfffffffe);
    assert.deepEqual([...bytes.subarray(12, 16)], [1, 3, 5, 90], 'version, 12 min → 3 units, n, d');
    assert.deepEqual([...bytes.subarray(16, 24)], [0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives each puzzle its own random nonce', () => {
    const subject = issuer();
    const nonces = new Set(Array.from({ length: 20 }, () => Buffer.from(split(subject.issue().data.puzzle).bytes.subarray(24)).toString('hex')));
    assert.equal(nonces.size, 20);
  });

  it('defaults to 51 solutions at difficulty 122, 30 minutes, account and app 0', () => {
    const { bytes } = split(createPuzzleIssuer({ secret: SECRET }).issue().data.puzzle);
    assert.deepEqual([...bytes.subarray(4, 16)], [0, 0, 0, 0, 0, 0, 0, 0, 1, 6, 51, 122]);
    assert.ok(Math.abs(new DataView(bytes.buffer).getUint32(0) - Date.now() / 1000) < 5);
  });

  it('rounds the expiry up to 5-minute units', () => {
    const units = (expiryMinutes: number) => split(issuer({ expiryMinutes }).issue().data.puzzle).bytes[13];
    assert.deepEqual([1, 5, 6, 1275].map(units), [1, 1, 2, 255]);
  });

  it('refuses options out of range when created', () => {
    assert.throws(() => createPuzzleIssuer({ secret: 'x'.repeat(31) }), RangeError);
    assert.throws(() => createPuzzleIssuer({ secret: new Uint8Array(31) }), RangeError);
    assert.throws(() => issuer({ difficulty: 256 }), RangeError);
    assert.throws(() => issuer({ difficulty: 1.5 }), RangeError);
    assert.throws(() => issuer({ solutions: 0 }), RangeError);
    assert.throws(() => issuer({ expiryMinutes: 0 }), RangeError);
    assert.throws(() => issuer({ expiryMinutes: 1276 }), RangeError);
    assert.throws(() => issuer({ account: -1 }), RangeError);
    assert.throws(() => issuer({ app: 2 ** 32 }), RangeError);
  });
});

describe('verify', () => {
  it('accepts an honest solution once, then refuses it as replayed', () => {
    const subject = issuer();
    const { puzzle, solutions, solution } = issueAndSolve(subject);
    assert.deepEqual(subject.verify(solution), { ok: true });
    assert.deepEqual(subject.verify(solution), { ok: false, reason: 'replayed' });
    const reordered = Buffer.concat([solutions.subarray(8), solutions.subarray(0, 8)]);
    assert.deepEqual(subject.verify(answer(puzzle, reordered)), { ok: false, reason: 'replayed' });
  });

  it('refuses look-alike signatures, so a solved puzzle cannot be replayed under another spelling', () => {
    const subject = issuer();
    const { solution } = issueAndSolve(subject);
    assert.deepEqual(subject.verify(solution), { ok: true });
    const [signature = '', ...rest] = solution.split('.');
    // Each character's low byte equals the original's: the same bytes in latin1.
    const lookAlike = [...signature].map((c) => String.fromCharCode(c.charCodeAt(0) + 0x100)).join('');
    assert.deepEqual(subject.verify([lookAlike, ...rest].join('.')), { ok: false, reason: 'signature' });
    assert.deepEqual(subject.verify([signature.toUpperCase(), ...rest].join('.')), { ok: false, reason: 'signature' });
    const [puzzle = '', solutions = '', diagnostics = ''] = rest;
    const unpadded = [signature, puzzle.replace(/=+$/, ''), solutions.replace(/=+$/, ''), diagnostics].join('.');
    assert.deepEqual(subject.verify(unpadded), { ok: false, reason: 'replayed' });
  });

  it('accepts solutions without base64 padding', () => {
    const subject = issuer({ solutions: 1 });
    const { puzzle, solutions } = issueAndSolve(subject, 1);
    const unpadded = `${puzzle.replace(/=$/, '')}.${solutions.toString('base64').replace(/=+$/, '')}.${DIAGNOSTICS}`;
    assert.deepEqual(subject.verify(unpadded), { ok: true });
  });

  it('does not use up a puzzle on a wrong answer', () => {
    const subject = issuer();
    const { puzzle, bytes, solutions, solution } = issueAndSolve(subject);
    const wrong = Buffer.from(solutions);
    wrong.set(firstFailing(bytes, 90), 0);
    assert.deepEqual(subject.verify(answer(puzzle, wrong)), { ok: false, reason: 'difficulty' });
    assert.deepEqual(subject.verify(solution), { ok: true });
  });

  it('refuses a puzzle past its expiry, and accepts it up to the last millisecond', () => {
    const time = clock();
    const subject = issuer({ expiryMinutes: 10, now: time.now });
    const late = issueAndSolve(subject);
    const onTime = issueAndSolve(subject);
    time.state.now = T0 + 10 * 60_000;
    assert.deepEqual(subject.verify(onTime.solution), { ok: true });
    time.state.now += 1;
    assert.deepEqual(subject.verify(late.solution), { ok: false, reason: 'expired' });
  });

  it('refuses a puzzle dated more than a minute ahead of this clock', () => {
    const time = clock(T0 + 120_000);
    const subject = issuer({ now: time.now });
    const ahead = issueAndSolve(subject);
    time.state.now = T0 + 60_000;
    const slightlyAhead = issueAndSolve(subject);
    time.state.now = T0;
    assert.deepEqual(subject.verify(ahead.solution), { ok: false, reason: 'expired' });
    assert.deepEqual(subject.verify(slightlyAhead.solution), { ok: true });
  });

  it('refuses tampered puzzle bytes and signatures', () => {
    const subject = issuer();
    const { signature, base64, bytes } = split(subject.issue().data.puzzle);
    const solutions = Buffer.from(solve(bytes, 5, 90)).toString('base64');
    const withPuzzle = (sig: string, puzzle: string) => `${sig}.${puzzle}.${solutions}.${DIAGNOSTICS}`;
    const longer = Buffer.from(bytes);
    longer[13] = 255;
    const flipped = signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0');
    const other = split(createPuzzleIssuer({ secret: 'another secret of at least 32 bytes' }).issue().data.puzzle);
    for (const tampered of [
      withPuzzle(signature, longer.toString('base64')),
      withPuzzle(flipped, base64),
      withPuzzle(signature.toUpperCase(), base64),
      withPuzzle(signature.slice(0, 63), base64),
      withPuzzle(`${signature}0`, base64),
      withPuzzle('', base64),
      withPuzzle(createHmac('sha256', 'another secret of at least 32 bytes').update(bytes).digest('hex'), base64),
      withPuzzle(other.signature, base64),
    ]) {
      assert.deepEqual(subject.verify(tampered), { ok: false, reason: 'signature' }, tampered);
    }
  });

  it('refuses a version other than 1, even when signed', () => {
    const bytes = encodePuzzle({
      timestamp: T0 / 1000,
      account: 0,
      app: 0,
      expiryUnits: 6,
      solutions: 2,
      difficulty: 80,
      nonce: new Uint8Array(8).fill(9),
    });
    bytes[12] = 2;
    const solution = answer(signPuzzle(bytes, SECRET), solve(bytes, 2, 80));
    assert.deepEqual(issuer().verify(solution), { ok: false, reason: 'version' });
  });

  it('refuses too few or too many solutions', () => {
    const subject = issuer();
    const { puzzle, solutions } = issueAndSolve(subject, 6);
    for (const wrong of [solutions.subarray(0, 32), solutions, solutions.subarray(0, 39), Buffer.alloc(0)]) {
      assert.deepEqual(subject.verify(answer(puzzle, wrong)), { ok: false, reason: 'count' }, `${wrong.length} bytes`);
    }
  });

  it('refuses the same solution given more than once', () => {
    const subject = issuer();
    const { puzzle, solutions } = issueAndSolve(subject);
    const first = solutions.subarray(0, 8);
    const repeated = Buffer.concat([first, solutions.subarray(8, 32), first]);
    assert.deepEqual(subject.verify(answer(puzzle, repeated)), { ok: false, reason: 'duplicate' });
  });

  it('refuses a solution below the difficulty', () => {
    const subject = issuer();
    const { puzzle, bytes, solutions } = issueAndSolve(subject);
    const weak = Buffer.from(solutions);
    weak.set(firstFailing(bytes, 90), 32);
    assert.deepEqual(subject.verify(answer(puzzle, weak)), { ok: false, reason: 'difficulty' });
  });

  it('refuses a puzzle solved at a lower difficulty than it asks for', () => {
    const subject = issuer({ difficulty: 110, solutions: 1 });
    const { puzzle } = subject.issue().data;
    const { bytes } = split(puzzle);
    // Counters that pass at d = 60 but not at d = 110: cheap work the puzzle did not ask for.
    let counter = 0;
    while (!solutionMeetsDifficulty(bytes, counterBytes(counter), 60) || solutionMeetsDifficulty(bytes, counterBytes(counter), 110)) counter++;
    assert.deepEqual(subject.verify(answer(puzzle, counterBytes(counter))), { ok: false, reason: 'difficulty' });
  });

  it('refuses malformed input without throwing', () => {
    const subject = issuer();
    const { puzzle, solutions } = issueAndSolve(subject);
    const [signature] = puzzle.split('.');
    const b64 = (length: number) => Buffer.alloc(length, 1).toString('base64');
    const s64 = solutions.toString('base64');
    for (const bad of [
      undefined,
      null,
      42,
      {},
      [puzzle],
      '',
      '...',
      puzzle,
      `${puzzle}.${s64}`,
      `${puzzle}.${s64}.${DIAGNOSTICS}.extra`,
      `${signature}.%%%%.${s64}.${DIAGNOSTICS}`,
      `${signature}.${puzzle.split('.')[1]!.slice(1)}.${s64}.${DIAGNOSTICS}`,
      `${puzzle}.${s64} .${DIAGNOSTICS}`,
      `${puzzle}.${s64.replace(/\+|\//g, '-')}-.${DIAGNOSTICS}`,
      `${signature}.${b64(16)}.${s64}.${DIAGNOSTICS}`,
      `${signature}.${b64(121)}.${s64}.${DIAGNOSTICS}`,
    ]) {
      assert.deepEqual(subject.verify(bad), { ok: false, reason: 'malformed' }, String(bad));
    }
  });

  it('refuses huge parts by their length, without throwing', () => {
    const subject = issuer();
    const { puzzle, solutions } = issueAndSolve(subject);
    const [signature = '', base64 = ''] = puzzle.split('.');
    const s64 = solutions.toString('base64');
    // 5 million characters once overflowed the stack inside the base64 pattern.
    const huge = 'A'.repeat(5_000_000);
    for (const bad of [
      huge,
      `${signature}.${base64}.${huge}.${DIAGNOSTICS}`,
      `${signature}.${huge}.${s64}.${DIAGNOSTICS}`,
      `${signature}.${base64}.${s64}.${huge}`,
      `${signature}.${base64}.${'A'.repeat(2724)}.${DIAGNOSTICS}`,
    ]) {
      assert.deepEqual(subject.verify(bad), { ok: false, reason: 'malformed' });
      assert.deepEqual(subject.check(bad), { ok: false, reason: 'malformed' });
    }
  });

  it('never throws, whatever the string', () => {
    const subject = issuer();
    const { puzzle, solutions, solution } = issueAndSolve(subject);
    const parts = [...puzzle.split('.'), solutions.toString('base64'), DIAGNOSTICS];
    // Mutations of a real solution reach deeper than random text would. The diagnostics part
    // is left alone: the verifier ignores it by design.
    const mutated = fc
      .tuple(fc.constantFrom(0, 1, 2), fc.string({ unit: 'binary', maxLength: 3000 }), fc.boolean())
      .map(([index, text, replace]) =>
        parts.map((part, i) => (i === index ? (replace ? text : part + text) : part)).join('.'),
      );
    fc.assert(
      fc.property(fc.oneof(mutated, fc.string({ unit: 'binary' }), fc.anything()), (value) => {
        fc.pre(value !== solution);
        const result = subject.check(value);
        assert.equal(result.ok, false);
      }),
      { numRuns: 2000 },
    );
  });

  it('checks without using the puzzle up; verify then uses it', () => {
    const subject = issuer();
    const { solution, puzzle } = issueAndSolve(subject);
    const checked = subject.check(solution);
    assert.equal(checked.ok, true);
    assert.deepEqual(subject.check(solution), checked);
    if (!checked.ok) return;
    assert.equal(checked.id, puzzle.split('.')[0]);
    assert.equal(checked.expiresAt, T0 - (T0 % 1000) + 5 * 60 * 1000 * split(puzzle).bytes[13]!);
    assert.deepEqual(subject.verify(solution), { ok: true });
    assert.deepEqual(subject.verify(solution), { ok: false, reason: 'replayed' });
  });

  it('solves at the default difficulty in Node (measured, for the record)', (t) => {
    // Three solutions keep the suite quick; the widget's 51 take 17 times as long.
    const subject = createPuzzleIssuer({ secret: SECRET, solutions: 3 });
    const started = performance.now();
    const { solution } = issueAndSolve(subject, 3, 122);
    const ms = performance.now() - started;
    assert.deepEqual(subject.verify(solution), { ok: true });
    t.diagnostic(`3 solutions at d=122: ${Math.round(ms)} ms; 51 would take about ${Math.round((ms * 51) / 3)} ms`);
  });
});

describe('ReplayStore', () => {
  it('lets a key pass once while it is remembered', () => {
    const store = new ReplayStore();
    assert.equal(store.claim('a', T0 + 1000, T0), true);
    assert.equal(store.claim('a', T0 + 1000, T0 + 500), false);
    assert.equal(store.claim('b', T0 + 1000, T0 + 500), true);
    assert.equal(store.size, 2);
  });

  it('forgets expired keys, sweeping at most once a minute', () => {
    const store = new ReplayStore();
    store.claim('short', T0 + 1000, T0);
    store.claim('long', T0 + 3_600_000, T0);
    store.claim('other', T0 + 3_600_000, T0 + 2000);
    assert.equal(store.size, 3, 'no sweep before a minute has passed');
    store.claim('later', T0 + 3_600_000, T0 + ReplayStore.sweepIntervalMs);
    assert.equal(store.size, 3, 'the expired key is gone, the new one added');
    assert.equal(store.claim('long', T0 + 3_600_000, T0 + ReplayStore.sweepIntervalMs + 1), false);
    store.claim('last', T0 + 7_200_000, T0 + 3_600_001 + ReplayStore.sweepIntervalMs);
    assert.equal(store.size, 1);
  });
});
