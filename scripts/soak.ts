// The soak: several demo receiver processes share one PostgreSQL server and take a mixed burst
// of requests from a client that behaves like the widget (one UUID Idempotency-Key and one
// solved captcha per submission; the same body under the same key on a 5xx, 409, network
// failure or timeout, to the next process). Mid-burst one process is SIGKILLed and restarted,
// and PostgreSQL is restarted as after a crash. Then the database itself is checked: one row
// per key, every acknowledged request there once with its reference, no replayed captcha
// accepted, no second body stored under a used key.
//
//   node --import tsx scripts/soak.ts [--requests=2000] [--processes=4] [--concurrency=50]
//                                     [--difficulty=8] [--storms=3] [--storm-size=200]
//                                     [--pairs=100] [--replays=100] [--faults=0]
//
// Prints a summary table; exits with 1 when an invariant fails.
import { spawn } from 'node:child_process';
import type { ChildProcess, ChildProcessByStdio } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Agent, request as httpRequestRaw } from 'node:http';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { startPostgres } from './postgres.mjs';
import type { Postgres } from './postgres.mjs';
import { solve } from '../test/node/solve.js';

export interface SoakOptions {
  /** HTTP POSTs the workload issues as designed (retries not counted). Default 2000. */
  requests?: number;
  /** Receiver processes sharing the database. Default 4. */
  processes?: number;
  /** Tasks in flight at once (a storm task alone has `stormSize` POSTs in flight). Default 50. */
  concurrency?: number;
  /** Storms: `stormSize` concurrent POSTs with one key and one body. Default 3. */
  storms?: number;
  stormSize?: number;
  /** Same-key-different-body pairs (2 POSTs each). Default 100. */
  pairs?: number;
  /**
   * Replay attempts: an accepted (or being accepted) captcha solution sent again under a new key.
   * Half race their original, half come after its 201. Default 100.
   */
  replays?: number;
  /** Every n-th ordinary submission carries a small photo. Default 10. */
  photoEvery?: number;
  /**
   * The captcha's work per solution (PUZZLE_DIFFICULTY). Default 8, about 100 BLAKE2b hashes a
   * puzzle of 51 solutions: at 40 (about 1,600) solving alone took 8–110 ms per submission on a
   * loaded 2-core machine, the client's largest cost. The replay checks do not depend on it.
   */
  difficulty?: number;
  /** SIGKILL a receiver and restart PostgreSQL mid-burst. Default true. */
  faults?: boolean;
  /** Attempts per POST, the first included. Default 40. */
  maxAttempts?: number;
  /** One attempt's time limit. Default 15 000 ms. */
  attemptTimeoutMs?: number;
  /** Longest Retry-After honoured, in ms (the receiver asks 1 s after a 409, 5 s after a 503). Default 1000. */
  retryAfterCapMs?: number;
  /** The receiver process to run. Default demo/server.mjs of this project. */
  demoServer?: string;
  /** Progress lines (events); default none. */
  log?: (line: string) => void;
}

export interface SoakEvent {
  /** Milliseconds since the burst began. */
  atMs: number;
  /** Wall-clock time, ISO 8601. */
  time: string;
  event: string;
}

export interface SoakSummary {
  ok: boolean;
  /** Every invariant that failed, in words; empty when ok. */
  failures: string[];
  processes: number;
  difficulty: number;
  /** POSTs issued as designed, by kind; `sent` is their sum. */
  requests: {
    sent: number;
    ordinary: number;
    withPhoto: number;
    storm: number;
    pairFirst: number;
    pairSecond: number;
    replayRacing: number;
    replayAfter: number;
  };
  storms: number;
  /** HTTP attempts in all, and those that were retries. */
  attempts: number;
  retries: number;
  /** Every answer to every attempt, by status, plus `network` failures and `timeout`s. */
  answers: Record<string, number>;
  /** Each designed POST's final answer, by status (`gave-up`: retries ran out). */
  finalOutcomes: Record<string, number>;
  /** POSTs answered 201, and the keys they cover. */
  acknowledged: number;
  acknowledgedKeys: number;
  /** Rows in rx_requests, rx_images and rx_puzzles at the end. */
  rows: number;
  imageRows: number;
  puzzleRows: number;
  /** Keys or references stored more than once (rows beyond the first). */
  duplicates: number;
  /** Acknowledged keys without a row, or whose row has another reference. */
  lostAcknowledged: number;
  referenceMismatches: number;
  /** Keys that should have one row and have none (acknowledged or not). */
  missingRows: number;
  /** Rows with a key this client never sent. */
  strayRows: number;
  /** Accepted (201 or stored) keys beyond the first for one captcha puzzle. */
  replayedSolutionsAccepted: number;
  /** Racing replay pairs where neither or both were stored. */
  racesWithoutOneWinner: number;
  /** Rows holding the second body of a same-key-different-body pair (or any other body than the key's first). */
  mismatchedBodiesStored: number;
  /** Stored requests whose puzzle is not in rx_puzzles, and rx_puzzles rows without a stored request. */
  puzzleMismatches: number;
  /** Rows whose photo count differs from what was sent. */
  imageMismatches: number;
  /** Storms whose POSTs did not all end 201 with one reference. */
  inconsistentStorms: number;
  /** POSTs whose final answer was not the expected one (see `failures` for examples). */
  unexpectedOutcomes: number;
  /** POSTs whose retries ran out. */
  gaveUp: number;
  /** Receiver processes that exited without being told to (each restarted, as a supervisor would). */
  crashes: number;
  /** The read API (GET /api/requests) listed every row once. */
  readApiRows: number;
  /** The burst alone, and everything (PostgreSQL and processes starting, checks, clean-up excluded). */
  burstMs: number;
  totalMs: number;
  /** Designed POSTs per second of the burst. */
  throughput: number;
  events: SoakEvent[];
}

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DEMO = join(ROOT, 'demo', 'server.mjs');
/** A 1×1 PNG. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const MISMATCH = /already used for a different request/;

type Final = number | 'gave-up';

interface Outcome {
  status: Final;
  reference?: string;
  errors?: { field: string; message: string }[];
  attempts: number;
}

/** What a POST was for, what it sent, and what it must end with. */
interface Post {
  kind: 'ordinary' | 'storm' | 'pair-first' | 'pair-second' | 'replay-racing' | 'replay-after';
  key: string;
  puzzleId: string;
  /** The body's productName: what tells its bodies apart in the database. */
  marker: string;
  photo: boolean;
  group?: number;
  outcome?: Outcome;
}

interface KeyInfo {
  puzzleId: string;
  /** The first body's marker: the only one that may be stored under the key. */
  marker: string;
  photo: boolean;
  /** 'stored': must have exactly one row; 'none': must have none; 'race': one of its pair must. */
  expect: 'stored' | 'none' | 'race';
}

interface Demo {
  slot: number;
  child: ChildProcess;
  base: string;
  output: string[];
}

/** Runs the soak and answers its summary. Cleans up after itself, also when it throws. */
export async function soak(options: SoakOptions = {}): Promise<SoakSummary> {
  const requests = options.requests ?? 2000;
  const processCount = options.processes ?? 4;
  const concurrency = options.concurrency ?? 50;
  const stormCount = options.storms ?? 3;
  const stormSize = options.stormSize ?? 200;
  const pairCount = options.pairs ?? 100;
  const replayCount = options.replays ?? 100;
  const photoEvery = options.photoEvery ?? 10;
  const difficulty = options.difficulty ?? 8;
  const faults = options.faults ?? true;
  const maxAttempts = options.maxAttempts ?? 40;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 15_000;
  const retryAfterCapMs = options.retryAfterCapMs ?? 1000;
  const log = options.log ?? (() => {});
  const demoServer = options.demoServer ?? DEMO;

  const racingCount = Math.ceil(replayCount / 2);
  const afterCount = replayCount - racingCount;
  const ordinaryCount = requests - stormCount * stormSize - 2 * pairCount - replayCount;
  if (ordinaryCount < racingCount + (afterCount > 0 ? 1 : 0)) {
    throw new RangeError(`${requests} requests leave too few ordinary submissions for ${replayCount} replays`);
  }

  const started = performance.now();
  let burstStart = started;
  const events: SoakEvent[] = [];
  const event = (text: string) => {
    const entry = { atMs: Math.round(performance.now() - burstStart), time: new Date().toISOString(), event: text };
    events.push(entry);
    log(`${String(entry.atMs).padStart(6)} ms  ${text}`);
  };

  let postgres: Postgres | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'soak-'));
  const demos: Demo[] = [];
  const children = new Set<ChildProcess>();
  /** Processes this script killed on purpose, and whether it is shutting everything down. */
  const killed = new Set<ChildProcess>();
  let closing = false;
  const crashes: string[] = [];
  const restarts = new Set<Promise<void>>();
  const agent = new Agent({ keepAlive: true });
  // Should this process end before the clean-up below (a test runner's timeout), no receiver outlives it.
  const abandon = () => {
    for (const child of children) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.on('exit', abandon);

  async function startDemo(slot: number, url: string): Promise<Demo> {
    const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, [demoServer], {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: '0',
        DATA_DIR: dataDir,
        DATABASE_URL: url,
        PUZZLE_DIFFICULTY: String(difficulty),
        CAPTCHA: 'on',
        INBOX_TOKEN: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    child.once('exit', () => children.delete(child));
    const output: string[] = [];
    const keep = (line: string) => {
      // "received RX-…" for every request is noise; the rest may explain a failure.
      if (/^(received|replayed) RX-/.test(line)) return;
      output.push(line);
      if (output.length > 40) output.shift();
    };
    createInterface({ input: child.stderr }).on('line', keep);
    const lines = createInterface({ input: child.stdout });
    const base = await new Promise<string>((resolveBase, reject) => {
      const timer = setTimeout(() => fail(new Error('did not print its endpoint within 60 s')), 60_000);
      function fail(error: Error) {
        clearTimeout(timer);
        child.off('exit', exited);
        reject(new Error(`Demo process ${slot}: ${error.message}\n${output.join('\n')}`));
      }
      function exited(code: number | null, signal: string | null) {
        fail(new Error(`exited (${signal ?? code}) before it printed its endpoint`));
      }
      child.once('exit', exited);
      child.once('error', fail);
      lines.on('line', (line) => {
        const found = /endpoint\s+(http:\/\/\S+)\/api\/requests/.exec(line);
        if (!found?.[1]) return keep(line);
        clearTimeout(timer);
        child.off('exit', exited);
        resolveBase(found[1]);
      });
    });
    // A supervisor's part: a process that dies unbidden is noted and started again. 'close'
    // rather than 'exit': by then its last words on stderr have been read.
    child.once('close', (code, signal) => {
      if (closing || killed.has(child)) return;
      const reason = crashReason(output);
      crashes.push(reason);
      event(`process ${slot + 1} (pid ${child.pid}) exited unbidden (${signal ?? code}): ${reason}`);
      const restart = restartDemo(slot, url).catch((error: unknown) => {
        crashes.push(`restart failed: ${error instanceof Error ? error.message : String(error)}`);
      });
      restarts.add(restart);
      void restart.finally(() => restarts.delete(restart));
    });
    return { slot, child, base, output };
  }

  /**
   * Starts slot's process again until it comes up, as systemd's Restart=always would: while
   * PostgreSQL is down a new process cannot open its store and exits.
   */
  async function restartDemo(slot: number, url: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        const replacement = await startDemo(slot, url);
        demos[slot] = replacement;
        event(`process ${slot + 1} restarted on ${replacement.base} (pid ${replacement.child.pid})${attempt > 1 ? ` at attempt ${attempt}` : ''}`);
        return;
      } catch (error) {
        if (closing || attempt >= 60) throw error;
        await sleep(500);
      }
    }
  }

  try {
    const server = await startPostgres();
    postgres = server;
    const databaseUrl = server.url;
    // The puzzle secret written once, before the processes that share it start together.
    writeFileSync(join(dataDir, 'puzzle-secret'), randomBytes(32), { mode: 0o600 });
    demos.push(...(await Promise.all(Array.from({ length: processCount }, (_, slot) => startDemo(slot, databaseUrl)))));

    // ---- The client ---------------------------------------------------------------------
    const answers: Record<string, number> = {};
    const count = (what: string | number) => (answers[what] = (answers[what] ?? 0) + 1);
    let attempts = 0;
    let retries = 0;
    let inFlight = 0;
    const inFlightBy = new Map<number, number>();
    let turn = 0;
    const nextSlot = () => turn++ % demos.length;
    const baseOf = (slot: number) => demos[slot]?.base ?? '';

    const retryAfterMs = (header: string | null, attempt: number) => {
      const seconds = header === null ? Number.NaN : Number(header);
      const asked = Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : backoffMs(attempt);
      return Math.min(asked, retryAfterCapMs) * (0.5 + Math.random());
    };
    const backoffMs = (attempt: number) => Math.min(1000, 25 * 2 ** attempt) * (0.5 + Math.random());

    /** Sends one body under one key until a final answer, as the widget does, to the next process each time. */
    async function submit(key: string, body: string): Promise<Outcome> {
      let slot = nextSlot();
      for (let attempt = 1; attempt <= maxAttempts; attempt++) {
        attempts++;
        if (attempt > 1) retries++;
        let wait: number;
        inFlight++;
        inFlightBy.set(slot, (inFlightBy.get(slot) ?? 0) + 1);
        try {
          const response = await httpRequest(agent, `${baseOf(slot)}/api/requests`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
            body,
            timeoutMs: attemptTimeoutMs,
          });
          count(response.status);
          const json = parseJson(response.text);
          if (response.status === 201 && typeof json?.reference === 'string') {
            return { status: 201, reference: json.reference, attempts: attempt };
          }
          if (response.status === 409 || response.status === 429 || response.status >= 500) {
            wait = retryAfterMs(response.retryAfter ?? null, attempt);
          } else {
            return { status: response.status, errors: Array.isArray(json?.errors) ? json.errors : [], attempts: attempt };
          }
        } catch (error) {
          count(error instanceof Error && error.name === 'TimeoutError' ? 'timeout' : 'network');
          wait = backoffMs(attempt);
        } finally {
          inFlight--;
          inFlightBy.set(slot, (inFlightBy.get(slot) ?? 1) - 1);
        }
        slot = (slot + 1) % demos.length;
        await sleep(wait);
      }
      return { status: 'gave-up', attempts: maxAttempts };
    }

    /** A fresh puzzle from any process, solved: `{ solution, puzzleId }`. */
    async function captcha(): Promise<{ solution: string; puzzleId: string }> {
      for (let attempt = 1; ; attempt++) {
        const slot = nextSlot();
        try {
          const response = await httpRequest(agent, `${baseOf(slot)}/api/puzzle`, { method: 'GET', timeoutMs: attemptTimeoutMs });
          const json = parseJson(response.text);
          const puzzle = (json?.data as { puzzle?: unknown } | undefined)?.puzzle;
          if (response.status === 200 && typeof puzzle === 'string') {
            return { solution: solve(puzzle), puzzleId: puzzle.split('.')[0] ?? '' };
          }
        } catch (error) {
          if (attempt >= maxAttempts) throw error;
        }
        if (attempt >= maxAttempts) throw new Error('No process would give a puzzle');
        await sleep(backoffMs(attempt));
      }
    }

    // ---- The workload ---------------------------------------------------------------------
    const posts: Post[] = [];
    const keys = new Map<string, KeyInfo>();
    /** Accepted ordinary submissions' solutions, for the replays that come after their 201. */
    const accepted: { solution: string; puzzleId: string }[] = [];
    const races: [Post, Post][] = [];
    const stormPosts: Post[][] = [];
    let serial = 0;

    const body = (marker: string, solution: string, photo: boolean, n: number) =>
      JSON.stringify({
        marketplace: 'amazon.de',
        email: `soak${n}@example.org`,
        name: 'Kim Weber',
        orderId: '303-5551234-7654321',
        productName: marker,
        resolution: n % 2 ? 'refund' : 'exchange',
        reason: 'defective',
        locale: 'de-DE',
        ...(photo ? { images: [{ name: 'box.png', type: 'image/png', width: 1, height: 1, data: PNG }] } : {}),
        captcha: solution,
      });

    async function send(post: Post, text: string) {
      posts.push(post);
      post.outcome = await submit(post.key, text);
      return post.outcome;
    }

    async function ordinary(photo: boolean) {
      const n = ++serial;
      const { solution, puzzleId } = await captcha();
      const post: Post = { kind: 'ordinary', key: crypto.randomUUID(), puzzleId, marker: `Soak item ${n}`, photo };
      keys.set(post.key, { puzzleId, marker: post.marker, photo, expect: 'stored' });
      const outcome = await send(post, body(post.marker, solution, photo, n));
      if (outcome.status === 201) accepted.push({ solution, puzzleId });
    }

    async function racingReplay() {
      const n = ++serial;
      const { solution, puzzleId } = await captcha();
      const original: Post = { kind: 'ordinary', key: crypto.randomUUID(), puzzleId, marker: `Soak item ${n}`, photo: false };
      const twin: Post = { kind: 'replay-racing', key: crypto.randomUUID(), puzzleId, marker: `Soak replay of ${n}`, photo: false };
      keys.set(original.key, { puzzleId, marker: original.marker, photo: false, expect: 'race' });
      keys.set(twin.key, { puzzleId, marker: twin.marker, photo: false, expect: 'race' });
      races.push([original, twin]);
      await Promise.all([send(original, body(original.marker, solution, false, n)), send(twin, body(twin.marker, solution, false, n))]);
    }

    async function replayAfter() {
      const n = ++serial;
      const deadline = Date.now() + 60_000;
      while (accepted.length === 0 && Date.now() < deadline) await sleep(50);
      const earlier = accepted[Math.floor(Math.random() * accepted.length)];
      if (!earlier) throw new Error('No submission was accepted to replay');
      // Every other one with its solutions reordered: the same puzzle, another string.
      const solution = n % 2 ? earlier.solution : reorderSolutions(earlier.solution);
      const post: Post = { kind: 'replay-after', key: crypto.randomUUID(), puzzleId: earlier.puzzleId, marker: `Soak replay ${n}`, photo: false };
      keys.set(post.key, { puzzleId: earlier.puzzleId, marker: post.marker, photo: false, expect: 'none' });
      await send(post, body(post.marker, solution, false, n));
    }

    async function pair() {
      const n = ++serial;
      const first = await captcha();
      // The second body has a captcha of its own: only the key may stop it.
      const second = await captcha();
      const key = crypto.randomUUID();
      const a: Post = { kind: 'pair-first', key, puzzleId: first.puzzleId, marker: `Soak pair ${n} first`, photo: false };
      const b: Post = { kind: 'pair-second', key, puzzleId: second.puzzleId, marker: `Soak pair ${n} second`, photo: false };
      keys.set(key, { puzzleId: first.puzzleId, marker: a.marker, photo: false, expect: 'stored' });
      await send(a, body(a.marker, first.solution, false, n));
      await send(b, body(b.marker, second.solution, false, n));
    }

    /** Resolved once storm i has its POSTs on the wire (or failed to), so a fault can follow it. */
    const launched = Array.from({ length: stormCount }, signal);

    async function storm(index: number) {
      try {
        const n = ++serial;
        const { solution, puzzleId } = await captcha();
        const key = crypto.randomUUID();
        const marker = `Soak storm ${index + 1}`;
        keys.set(key, { puzzleId, marker, photo: false, expect: 'stored' });
        const text = body(marker, solution, false, n);
        const group = Array.from({ length: stormSize }, (): Post => ({ kind: 'storm', key, puzzleId, marker, photo: false, group: index }));
        stormPosts.push(group);
        event(`storm ${index + 1}: ${stormSize} POSTs with one key`);
        const sent = Promise.all(group.map((post) => send(post, text)));
        launched[index]?.resolve();
        await sent;
      } finally {
        launched[index]?.resolve();
      }
    }

    async function killOne() {
      // Once the storm queued before it is on the wire, kill the busiest process.
      await launched[1]?.promise;
      await sleep(30);
      const target = [...demos].sort((a, b) => (inFlightBy.get(b.slot) ?? 0) - (inFlightBy.get(a.slot) ?? 0))[0];
      if (!target) return;
      const waiting = inFlightBy.get(target.slot) ?? 0;
      killed.add(target.child);
      target.child.kill('SIGKILL');
      event(`SIGKILL process ${target.slot + 1} (pid ${target.child.pid}) with ${waiting} of ${inFlight} POSTs in flight on it`);
      await new Promise((done) => (target.child.exitCode !== null || target.child.signalCode !== null ? done(null) : target.child.once('exit', done)));
      await restartDemo(target.slot, databaseUrl);
    }

    async function restartPostgres() {
      await launched[2]?.promise;
      await sleep(30);
      event(`PostgreSQL restart (immediate) with ${inFlight} POSTs in flight`);
      await server.restart({ mode: 'immediate' });
      event('PostgreSQL accepting connections again');
    }

    // The plan: ordinary submissions, pairs and replays shuffled; a storm at 10 %; a storm then
    // a SIGKILL at 35 %; a storm then a PostgreSQL restart at 65 %; any further storms after.
    const plain = ordinaryCount - racingCount;
    const mixed: (() => Promise<void>)[] = [
      ...Array.from({ length: plain }, (_, i) => () => ordinary(photoEvery > 0 && i % photoEvery === photoEvery - 1)),
      ...Array.from({ length: racingCount }, () => racingReplay),
      ...Array.from({ length: pairCount }, () => pair),
    ];
    shuffle(mixed);
    // Replays after a 201 come once some submissions had time to be accepted.
    for (let i = 0; i < afterCount; i++) {
      const at = Math.floor(mixed.length * 0.1) + Math.floor(Math.random() * Math.ceil(mixed.length * 0.9));
      mixed.splice(at, 0, replayAfter);
    }
    const marks = [0.1, 0.35, 0.65];
    const stormAt = Array.from({ length: stormCount }, (_, i) => marks[i] ?? 0.65 + (0.35 * (i - 2)) / (stormCount - 2));
    const inserts: { at: number; order: number; task: () => Promise<void> }[] = stormAt.map((at, i) => ({ at, order: 0, task: () => storm(i) }));
    if (faults) {
      inserts.push({ at: 0.35, order: 1, task: killOne }, { at: 0.65, order: 1, task: restartPostgres });
    }
    inserts.sort((a, b) => b.at - a.at || b.order - a.order);
    const tasks = [...mixed];
    for (const { at, task } of inserts) tasks.splice(Math.floor(tasks.length * at), 0, task);

    burstStart = performance.now();
    event(`burst begins: ${requests} POSTs to ${processCount} processes, ${concurrency} tasks at once`);
    let next = 0;
    const worker = async () => {
      for (let task = tasks[next++]; task; task = tasks[next++]) await task();
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    const burstMs = performance.now() - burstStart;
    event('burst ends');
    while (restarts.size) await Promise.all(restarts);

    // ---- The checks -----------------------------------------------------------------------
    const failures: string[] = [];
    const finalOutcomes: Record<string, number> = {};
    for (const post of posts) {
      const status = String(post.outcome?.status ?? 'none');
      finalOutcomes[status] = (finalOutcomes[status] ?? 0) + 1;
    }
    const ofKind = (kind: Post['kind']) => posts.filter((post) => post.kind === kind);
    const requestCounts = {
      sent: posts.length,
      ordinary: ofKind('ordinary').length,
      withPhoto: posts.filter((post) => post.photo).length,
      storm: ofKind('storm').length,
      pairFirst: ofKind('pair-first').length,
      pairSecond: ofKind('pair-second').length,
      replayRacing: ofKind('replay-racing').length,
      replayAfter: ofKind('replay-after').length,
    };
    if (requestCounts.sent !== requests) failures.push(`${requestCounts.sent} POSTs were sent, not ${requests}`);

    const gaveUp = posts.filter((post) => post.outcome?.status === 'gave-up').length;
    if (gaveUp) failures.push(`${gaveUp} POSTs ran out of retries`);

    // What each POST had to end with.
    const isCaptchaRefusal = (outcome?: Outcome) => outcome?.status === 422 && outcome.errors?.some((e) => e.field === 'captcha') === true;
    const isMismatch = (outcome?: Outcome) => outcome?.status === 422 && outcome.errors?.some((e) => MISMATCH.test(e.message)) === true;
    const racing = new Set(races.flat());
    const unexpected: string[] = [];
    for (const post of posts) {
      if (racing.has(post)) continue;
      const { outcome } = post;
      const fine =
        post.kind === 'pair-second' ? isMismatch(outcome) : post.kind === 'replay-after' ? isCaptchaRefusal(outcome) : outcome?.status === 201;
      if (!fine) unexpected.push(`${post.kind} ${post.key}: ${describe(outcome)}`);
    }
    for (const [original, twin] of races) {
      const won = [original, twin].filter((post) => post.outcome?.status === 201);
      const refused = [original, twin].filter((post) => isCaptchaRefusal(post.outcome));
      if (won.length !== 1 || refused.length !== 1) {
        unexpected.push(`race ${original.key} / ${twin.key}: ${describe(original.outcome)} / ${describe(twin.outcome)}`);
      }
    }
    if (unexpected.length) failures.push(`${unexpected.length} POSTs ended unexpectedly, e.g. ${unexpected.slice(0, 5).join('; ')}`);

    let inconsistentStorms = 0;
    for (const group of stormPosts) {
      const references = new Set(group.map((post) => (post.outcome?.status === 201 ? post.outcome.reference : `(${describe(post.outcome)})`)));
      if (references.size !== 1 || group.some((post) => post.outcome?.status !== 201)) inconsistentStorms++;
    }
    if (inconsistentStorms) failures.push(`${inconsistentStorms} storms did not all end 201 with one reference`);

    // Acknowledged: key → reference. Two 201s for one key with different references is a failure too.
    const acknowledged = new Map<string, string>();
    let referenceMismatches = 0;
    for (const post of posts) {
      if (post.outcome?.status !== 201 || post.outcome.reference === undefined) continue;
      const earlier = acknowledged.get(post.key);
      if (earlier !== undefined && earlier !== post.outcome.reference) referenceMismatches++;
      acknowledged.set(post.key, post.outcome.reference);
    }

    // The database, on a connection of its own.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    let rows: { key: string | null; reference: string; product: string; images: number }[];
    let duplicateKeys: number;
    let duplicateReferences: number;
    let puzzleIds: string[];
    let imageRows: number;
    try {
      rows = (
        await client.query<{ key: string | null; reference: string; product: string; images: number }>(
          `SELECT r.idempotency_key AS key, r.reference, r.request->>'productName' AS product,
                  (SELECT count(*)::int FROM rx_images i WHERE i.request_id = r.id) AS images
           FROM rx_requests r ORDER BY r.seq`,
        )
      ).rows;
      duplicateKeys = Number(
        (await client.query<{ n: string }>('SELECT coalesce(sum(c - 1), 0)::text AS n FROM (SELECT count(*) AS c FROM rx_requests WHERE idempotency_key IS NOT NULL GROUP BY idempotency_key) k')).rows[0]?.n,
      );
      duplicateReferences = Number(
        (await client.query<{ n: string }>('SELECT coalesce(sum(c - 1), 0)::text AS n FROM (SELECT count(*) AS c FROM rx_requests GROUP BY reference) k')).rows[0]?.n,
      );
      puzzleIds = (await client.query<{ id: string }>('SELECT id FROM rx_puzzles')).rows.map((row) => row.id);
      imageRows = Number((await client.query<{ n: string }>('SELECT count(*)::text AS n FROM rx_images')).rows[0]?.n);
    } finally {
      await client.end();
    }

    const rowsByKey = new Map<string, typeof rows>();
    let strayRows = 0;
    for (const row of rows) {
      if (row.key === null || !keys.has(row.key)) {
        strayRows++;
        continue;
      }
      rowsByKey.set(row.key, [...(rowsByKey.get(row.key) ?? []), row]);
    }
    // Per key as well as by GROUP BY: the constraint should make both 0.
    const duplicates = Math.max(duplicateKeys, [...rowsByKey.values()].reduce((sum, list) => sum + list.length - 1, 0)) + duplicateReferences;
    if (duplicates) failures.push(`${duplicates} duplicate rows (${duplicateKeys} by key, ${duplicateReferences} by reference)`);
    if (strayRows) failures.push(`${strayRows} rows with keys this client never sent`);

    let lostAcknowledged = 0;
    for (const [key, reference] of acknowledged) {
      const found = rowsByKey.get(key);
      if (!found?.length) lostAcknowledged++;
      else if (found.some((row) => row.reference !== reference)) referenceMismatches++;
    }
    if (lostAcknowledged) failures.push(`${lostAcknowledged} acknowledged requests have no row`);
    if (referenceMismatches) failures.push(`${referenceMismatches} acknowledged references differ from the stored ones`);

    let missingRows = 0;
    let mismatchedBodiesStored = 0;
    let imageMismatches = 0;
    let replayRowsStored = 0;
    for (const [key, info] of keys) {
      const found = rowsByKey.get(key) ?? [];
      if (info.expect === 'stored' && found.length === 0) missingRows++;
      if (info.expect === 'none') replayRowsStored += found.length;
      for (const row of found) {
        if (row.product !== info.marker) mismatchedBodiesStored++;
        if (row.images !== (info.photo ? 1 : 0)) imageMismatches++;
      }
    }
    // A racing pair: exactly one of the two answered 201, the other refused for its captcha, and
    // exactly the winner stored.
    let racesWithoutOneWinner = 0;
    for (const [original, twin] of races) {
      const winners = [original, twin].filter((post) => post.outcome?.status === 201);
      const refused = [original, twin].filter((post) => isCaptchaRefusal(post.outcome));
      const stored = [original, twin].filter((post) => rowsByKey.has(post.key));
      if (stored.length === 0) missingRows++;
      if (winners.length !== 1 || refused.length !== 1 || stored.length !== 1 || stored[0] !== winners[0]) racesWithoutOneWinner++;
    }
    if (missingRows) failures.push(`${missingRows} keys that must have a row have none`);
    if (racesWithoutOneWinner) failures.push(`${racesWithoutOneWinner} racing replays did not end with exactly one of the two stored`);
    if (mismatchedBodiesStored) failures.push(`${mismatchedBodiesStored} rows hold another body than their key's first`);
    if (imageMismatches) failures.push(`${imageMismatches} rows have another number of photos than sent`);

    // Replays: per puzzle, the keys accepted for it (a 201 or a row), beyond the first.
    const acceptedByPuzzle = new Map<string, Set<string>>();
    for (const [key, info] of keys) {
      if (acknowledged.has(key) || rowsByKey.has(key)) {
        acceptedByPuzzle.set(info.puzzleId, (acceptedByPuzzle.get(info.puzzleId) ?? new Set()).add(key));
      }
    }
    const replayAcks = posts.filter((post) => post.kind === 'replay-after' && post.outcome?.status === 201).length;
    const replayedSolutionsAccepted = Math.max(
      [...acceptedByPuzzle.values()].reduce((sum, set) => sum + set.size - 1, 0),
      replayAcks,
      replayRowsStored,
    );
    if (replayedSolutionsAccepted) failures.push(`${replayedSolutionsAccepted} replayed captcha solutions were accepted`);

    // rx_puzzles: one row per stored request's puzzle, and none other.
    const storedPuzzles = new Set<string>();
    for (const [key, info] of keys) if (rowsByKey.has(key)) storedPuzzles.add(info.puzzleId);
    const puzzleSet = new Set(puzzleIds);
    const puzzleMismatches =
      [...storedPuzzles].filter((id) => !puzzleSet.has(id)).length + puzzleIds.filter((id) => !storedPuzzles.has(id)).length;
    if (puzzleMismatches || puzzleIds.length !== rows.length) {
      failures.push(`rx_puzzles has ${puzzleIds.length} rows for ${rows.length} stored requests (${puzzleMismatches} without their pair)`);
    }

    // The read API, paged from any live process: each row once.
    const listed: string[] = [];
    for (let after = '0'; ; ) {
      const response = await httpRequest(agent, `${baseOf(0)}/api/requests?after=${encodeURIComponent(after)}&limit=100`, {
        method: 'GET',
        timeoutMs: attemptTimeoutMs,
      });
      const page = parseJson(response.text) as { items: { reference: string }[]; next: string } | undefined;
      if (response.status !== 200 || !page?.items.length) break;
      listed.push(...page.items.map((item) => item.reference));
      after = page.next;
    }
    if (listed.length !== rows.length || new Set(listed).size !== listed.length) {
      failures.push(`the read API listed ${listed.length} requests (${new Set(listed).size} distinct) for ${rows.length} rows`);
    }

    if (crashes.length) {
      failures.push(`${crashes.length} receiver processes exited unbidden: ${[...new Set(crashes)].join('; ')}`);
    }
    if (faults && !events.some((e) => e.event.startsWith('SIGKILL'))) failures.push('the SIGKILL did not happen');
    if (faults && !events.some((e) => e.event.startsWith('PostgreSQL accepting'))) failures.push('the PostgreSQL restart did not happen');

    const acknowledgedPosts = posts.filter((post) => post.outcome?.status === 201).length;
    return {
      ok: failures.length === 0,
      failures,
      processes: processCount,
      difficulty,
      requests: requestCounts,
      storms: stormPosts.length,
      attempts,
      retries,
      answers,
      finalOutcomes,
      acknowledged: acknowledgedPosts,
      acknowledgedKeys: acknowledged.size,
      rows: rows.length,
      imageRows,
      puzzleRows: puzzleIds.length,
      duplicates,
      lostAcknowledged,
      referenceMismatches,
      missingRows,
      strayRows,
      replayedSolutionsAccepted,
      racesWithoutOneWinner,
      mismatchedBodiesStored,
      puzzleMismatches,
      imageMismatches,
      inconsistentStorms,
      unexpectedOutcomes: unexpected.length,
      gaveUp,
      crashes: crashes.length,
      readApiRows: listed.length,
      burstMs: Math.round(burstMs),
      totalMs: Math.round(performance.now() - started),
      throughput: Math.round((requests / (burstMs / 1000)) * 10) / 10,
      events,
    };
  } catch (error) {
    const context = [
      'Events:',
      ...events.map((e) => `  +${e.atMs} ms  ${e.event}`),
      ...demos.map((demo) => `Process ${demo.slot + 1} said:\n${demo.output.join('\n')}`),
    ].join('\n');
    throw new Error(`The soak could not finish: ${error instanceof Error ? error.message : String(error)}\n${context}`, { cause: error });
  } finally {
    closing = true;
    await Promise.all(restarts);
    await Promise.all([...children].map(stopChild));
    agent.destroy();
    process.off('exit', abandon);
    await postgres?.stop().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * One HTTP exchange over keep-alive connections. node:http rather than fetch: with thousands of
 * requests on two cores, fetch's streams and abort signals cost the client more CPU than the
 * receivers spend.
 */
function httpRequest(
  agent: Agent,
  url: string,
  init: { method: string; headers?: Record<string, string>; body?: string; timeoutMs: number },
): Promise<{ status: number; retryAfter: string | undefined; text: string }> {
  return new Promise((resolveResponse, reject) => {
    const headers = init.body === undefined ? init.headers : { ...init.headers, 'Content-Length': String(Buffer.byteLength(init.body)) };
    const request = httpRequestRaw(url, { method: init.method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('close', () => {
        if (!response.complete) reject(new Error('The connection closed before the answer was complete'));
      });
      response.on('end', () =>
        resolveResponse({
          status: response.statusCode ?? 0,
          retryAfter: response.headers['retry-after'],
          text: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    request.setTimeout(init.timeoutMs, () => request.destroy(Object.assign(new Error('No answer in time'), { name: 'TimeoutError' })));
    request.on('error', reject);
    request.end(init.body);
  });
}

/** A promise and the function that resolves it. */
function signal(): { promise: Promise<unknown>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise((done) => (resolve = () => done(null)));
  return { promise, resolve };
}

/** SIGTERM, then SIGKILL after 5 s; resolves once it has exited. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    child.once('exit', () => {
      clearTimeout(timer);
      done();
    });
    child.kill('SIGTERM');
  });
}

/** The error a crashed Node process printed last, e.g. `Error: Connection terminated unexpectedly (unhandled 'error' event)`. */
function crashReason(output: string[]): string {
  const error = [...output].reverse().find((line) => /^[\w.]*(Error|Exception)\b.*:/.test(line));
  const unhandled = output.some((line) => line.includes("Unhandled 'error' event"));
  return error ? `${error}${unhandled ? " (an unhandled 'error' event)" : ''}` : 'no error printed';
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function describe(outcome?: Outcome): string {
  if (!outcome) return 'no answer';
  const errors = outcome.errors?.map((e) => `${e.field || '-'}: ${e.message}`).join(' | ');
  return `${outcome.status}${errors ? ` (${errors})` : ''} after ${outcome.attempts} attempts`;
}

/** The same puzzle and solutions with the first two solutions swapped: another string, the same puzzle. */
function reorderSolutions(solution: string): string {
  const [signature, puzzle, solutions = '', diagnostics] = solution.split('.');
  const bytes = Buffer.from(solutions, 'base64');
  if (bytes.length < 16) return solution;
  const swapped = Buffer.concat([bytes.subarray(8, 16), bytes.subarray(0, 8), bytes.subarray(16)]);
  return [signature, puzzle, swapped.toString('base64'), diagnostics].join('.');
}

function shuffle<T>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    const item = items[i] as T;
    items[i] = items[j] as T;
    items[j] = item;
  }
}

/** The summary as a table, the events and any failures below it. */
export function formatSummary(summary: SoakSummary): string {
  const { requests: r } = summary;
  const table: [string, string | number][] = [
    ['receiver processes', summary.processes],
    ['captcha difficulty', summary.difficulty],
    ['requests sent (POSTs as designed)', r.sent],
    ['  ordinary (with a photo)', `${r.ordinary} (${r.withPhoto})`],
    ['  storms × POSTs', `${summary.storms} × ${summary.storms ? r.storm / summary.storms : 0}`],
    ['  same key, different body', `${r.pairFirst} + ${r.pairSecond}`],
    ['  replayed solutions (racing / after 201)', `${r.replayRacing} / ${r.replayAfter}`],
    ['HTTP attempts', summary.attempts],
    ['retries', summary.retries],
    ['answers by status', formatCounts(summary.answers)],
    ['final outcomes', formatCounts(summary.finalOutcomes)],
    ['acknowledged (201) POSTs / keys', `${summary.acknowledged} / ${summary.acknowledgedKeys}`],
    ['rows (requests / images / puzzles)', `${summary.rows} / ${summary.imageRows} / ${summary.puzzleRows}`],
    ['rows listed by the read API', summary.readApiRows],
    ['duplicates', summary.duplicates],
    ['lost acknowledged', summary.lostAcknowledged],
    ['reference mismatches', summary.referenceMismatches],
    ['missing rows', summary.missingRows],
    ['stray rows', summary.strayRows],
    ['replayed solutions accepted', summary.replayedSolutionsAccepted],
    ['races without exactly one winner', summary.racesWithoutOneWinner],
    ['mismatched bodies stored', summary.mismatchedBodiesStored],
    ['puzzle rows without their request', summary.puzzleMismatches],
    ['photo mismatches', summary.imageMismatches],
    ['inconsistent storms', summary.inconsistentStorms],
    ['unexpected final answers', summary.unexpectedOutcomes],
    ['gave up', summary.gaveUp],
    ['receiver processes exited unbidden', summary.crashes],
    ['burst time', `${(summary.burstMs / 1000).toFixed(1)} s`],
    ['total time', `${(summary.totalMs / 1000).toFixed(1)} s`],
    ['throughput', `${summary.throughput} requests/s`],
  ];
  const width = Math.max(...table.map(([name]) => name.length));
  const lines = ['Soak summary', ...table.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`), '', 'Events'];
  for (const { atMs, time, event } of summary.events) lines.push(`  ${time}  +${(atMs / 1000).toFixed(2).padStart(6)} s  ${event}`);
  lines.push('', summary.ok ? 'Result: every invariant holds.' : `Result: FAILED\n${summary.failures.map((f) => `  - ${f}`).join('\n')}`);
  return lines.join('\n');
}

const formatCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([name, n]) => `${name}: ${n}`)
    .join(', ');

/** `--requests=2000 --faults=0` and the like. */
function parseArgs(args: string[]): SoakOptions {
  const options: Record<string, number | boolean> = {};
  for (const arg of args) {
    const match = /^--([a-z-]+)=(\d+)$/.exec(arg);
    if (!match?.[1] || match[2] === undefined) throw new Error(`Unknown argument ${arg}; see the top of scripts/soak.ts`);
    const name = match[1].replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    options[name] = name === 'faults' ? match[2] !== '0' : Number(match[2]);
  }
  return options as SoakOptions;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  // Interrupted, exit through the 'exit' hooks that stop the receivers and PostgreSQL.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  try {
    const summary = await soak({ ...parseArgs(process.argv.slice(2)), log: (line) => console.log(line) });
    console.log(`\n${formatSummary(summary)}`);
    process.exitCode = summary.ok ? 0 : 1;
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  }
}
