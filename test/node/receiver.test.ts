import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import {
  createPuzzleIssuer,
  createReceiver,
  isWithdrawal,
  openPGliteStore,
  openPostgresStore,
  toNodeHandler,
} from '../../src/server/index.js';
import type { FetchHandler, ReceivedRequest, ReceiverOptions, SqlStore } from '../../src/server/index.js';
import { solve } from './solve.js';
import { startPostgres } from '../../scripts/postgres.mjs';
import type { Postgres } from '../../scripts/postgres.mjs';
import { PNG, VALID } from './samples.js';

const REFERENCE = /^RX-\d{6}-[2-9A-HJ-NP-Z]{6}$/;
const SECRET = 'a test secret of at least thirty-two bytes';

const post = (body: unknown, headers: Record<string, string> = {}, url = 'http://shop.test/api/requests') =>
  new Request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function call(handler: FetchHandler, request: Request) {
  const response = await handler(request);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** A function store that records what it was given. */
function recorder(delayMs = 0) {
  const stored: ReceivedRequest[] = [];
  const forward = async (request: ReceivedRequest) => {
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    stored.push(request);
    return `REF-${stored.length}`;
  };
  return { stored, forward };
}

const receiverWith = (options: Partial<ReceiverOptions> = {}) => {
  const { stored, forward } = recorder(5);
  return { stored, handler: createReceiver({ store: forward, ...options }) };
};

describe('createReceiver', () => {
  it('stores a valid request and answers 201 with its reference', async () => {
    const { stored, handler } = receiverWith();
    const answer = await call(handler, post({ ...VALID, unknown: 'dropped' }, { 'Idempotency-Key': crypto.randomUUID() }));
    assert.equal(answer.status, 201);
    assert.deepEqual(answer.json, { reference: 'REF-1', receivedAt: answer.json.receivedAt });
    assert.ok(Math.abs(Date.parse(String(answer.json.receivedAt)) - Date.now()) < 5000);
    assert.equal(answer.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(answer.headers.get('cache-control'), 'no-store');
    assert.deepEqual(stored, [VALID]);
  });

  it('answers a repeat of the same key and body with the first answer, stored once', async () => {
    const { stored, handler } = receiverWith();
    const key = crypto.randomUUID();
    const first = await call(handler, post(VALID, { 'Idempotency-Key': key }));
    // Spelled differently, the same request: keys in another order.
    const reordered = Object.fromEntries(Object.entries(VALID).reverse());
    const again = await call(handler, post(reordered, { 'Idempotency-Key': `"${key}"` }));
    assert.equal(first.status, 201);
    assert.equal(again.status, 201);
    assert.deepEqual(again.json, first.json);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(stored.length, 1);
  });

  it('refuses the same key with another body (422), and a repeat while the first is in progress (409)', async () => {
    const { stored, forward } = recorder(50);
    const handler = createReceiver({ store: forward });
    const key = crypto.randomUUID();
    const [first, during] = await Promise.all([
      call(handler, post(VALID, { 'Idempotency-Key': key })),
      new Promise((resolve) => setTimeout(resolve, 10)).then(() => call(handler, post(VALID, { 'Idempotency-Key': key }))),
    ]);
    assert.equal(first.status, 201);
    assert.equal(during.status, 409);
    assert.equal(during.headers.get('retry-after'), '1');
    const other = await call(handler, post({ ...VALID, name: 'Someone Else' }, { 'Idempotency-Key': key }));
    assert.equal(other.status, 422);
    assert.equal((other.json.errors as { field: string }[])[0]?.field, '');
    assert.equal(stored.length, 1);
  });

  it('stores each request without a key once', async () => {
    const { stored, handler } = receiverWith();
    const answers = await Promise.all([1, 2, 3].map(() => call(handler, post(VALID))));
    assert.deepEqual(answers.map((a) => a.status), [201, 201, 201]);
    assert.equal(new Set(answers.map((a) => a.json.reference)).size, 3);
    assert.equal(stored.length, 3);
  });

  it('limits the key to 1–255 visible ASCII characters', async () => {
    const { stored, handler } = receiverWith();
    for (const bad of ['x'.repeat(256), 'with space', 'clé', '""', '"a"b"']) {
      const answer = await call(handler, post(VALID, { 'Idempotency-Key': bad }));
      assert.equal(answer.status, 400, bad);
    }
    assert.equal((await call(handler, post(VALID, { 'Idempotency-Key': 'x'.repeat(255) }))).status, 201);
    assert.equal(stored.length, 1);
  });

  it('answers 415, 413 and 400 for bodies it cannot read', async () => {
    const { handler } = receiverWith({ limitBytes: 2048 });
    assert.equal((await call(handler, post(VALID, { 'Content-Type': 'text/plain' }))).status, 415);
    assert.equal((await call(handler, post(VALID, { 'Content-Type': 'application/json; charset=latin1' }))).status, 415);
    assert.equal((await call(handler, post({ ...VALID, details: 'x'.repeat(3000) }))).status, 413);
    assert.equal((await call(handler, post('{"marketplace":'))).status, 400);
    const notUtf8 = new Request('http://shop.test/', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: new Uint8Array([0x7b, 0xff, 0x7d]),
    });
    assert.equal((await call(handler, notUtf8)).status, 400);
  });

  it('answers the schema’s errors with 422 and never repeats what was sent', async () => {
    const { stored, handler } = receiverWith();
    const marker = '<img src=x onerror=alert(1)>MARKER';
    const answer = await call(
      handler,
      post({ ...VALID, email: marker, orderId: marker, marketplace: marker, reason: 'other', details: ' ', serialNumber: marker, name: marker.repeat(30) }),
    );
    assert.equal(answer.status, 422);
    assert.ok(!answer.text.includes('MARKER') && !answer.text.includes('<img'), answer.text);
    const fields = (answer.json.errors as { field: string }[]).map((e) => e.field);
    assert.deepEqual(fields.sort(), ['details', 'email', 'marketplace', 'name', 'orderId', 'serialNumber']);
    for (const status of [400, 415]) {
      const bad = await call(handler, post(status === 400 ? `{"x":"${marker}"` : VALID, status === 415 ? { 'Content-Type': `text/${marker}` } : {}));
      assert.equal(bad.status, status);
      assert.ok(!bad.text.includes('MARKER'), bad.text);
    }
    assert.equal(stored.length, 0);
  });

  it('answers 503 with Retry-After when the store fails, and acknowledges nothing', async () => {
    const handler = createReceiver({
      store: async () => {
        throw new Error('ENOSPC: no space left on device');
      },
      retryAfterSeconds: 7,
      onError: () => {},
    });
    const key = crypto.randomUUID();
    const answer = await call(handler, post(VALID, { 'Idempotency-Key': key }));
    assert.equal(answer.status, 503);
    assert.equal(answer.headers.get('retry-after'), '7');
    assert.ok(!answer.text.includes('ENOSPC'));
  });

  it('answers only POST and the preflight', async () => {
    const { handler } = receiverWith();
    const answer = await call(handler, new Request('http://shop.test/api/requests', { method: 'PUT', body: '{}' }));
    assert.equal(answer.status, 405);
    assert.equal(answer.headers.get('allow'), 'POST, OPTIONS');
  });

  describe('CORS', () => {
    // With the g flag on purpose: a RegExp's lastIndex must not make the second test fail.
    const { stored, handler } = receiverWith({ allowedOrigins: ['https://shop.example', /https:\/\/[a-z]+\.brand\.example/g] });
    const preflight = (origin: string) =>
      call(
        handler,
        new Request('http://api.test/requests', {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' },
        }),
      );

    it('allows listed origins in the preflight', async () => {
      for (const origin of ['https://shop.example', 'https://de.brand.example', 'https://fr.brand.example']) {
        const answer = await preflight(origin);
        assert.equal(answer.status, 204);
        assert.equal(answer.headers.get('access-control-allow-origin'), origin);
        assert.equal(answer.headers.get('access-control-allow-methods'), 'POST');
        assert.match(answer.headers.get('access-control-allow-headers') ?? '', /Idempotency-Key/);
        assert.equal(answer.headers.get('vary'), 'Origin');
      }
    });

    it('gives other origins no permission, and refuses their posts', async () => {
      for (const origin of ['https://evil.example', 'https://shop.example.evil.example', 'https://x.brand.example.evil', 'null']) {
        const answer = await preflight(origin);
        assert.equal(answer.headers.get('access-control-allow-origin'), null, origin);
        assert.equal(answer.headers.get('access-control-allow-methods'), null, origin);
        const posted = await call(handler, post(VALID, { Origin: origin }, 'http://api.test/requests'));
        assert.equal(posted.status, 403, origin);
      }
      assert.equal(stored.length, 0);
    });

    it('accepts its own origin and requests without one', async () => {
      assert.equal((await call(handler, post(VALID, { Origin: 'http://api.test' }, 'http://api.test/requests'))).status, 201);
      assert.equal((await call(handler, post(VALID, {}, 'http://api.test/requests'))).status, 201);
    });
  });

  describe('with the hosted captcha service', () => {
    let base: string;
    let server: Server;
    const asked: string[] = [];
    before(async () => {
      // A siteverify of our own on loopback: the real service's answers, by solution.
      server = createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk));
        req.on('end', () => {
          const { solution } = JSON.parse(body) as { solution: string };
          asked.push(solution);
          const ok = solution === 'good';
          if (solution === 'down') res.writeHead(502).end();
          else res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(ok ? { success: true } : { success: false, errors: ['solution_invalid'] }));
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/siteverify`;
    });
    after(() => new Promise((resolve) => server.close(resolve)));

    it('asks siteverify once per submission: 201, a repeat answered without asking, 422 refused, 503 unreachable', async () => {
      const { stored, handler } = receiverWith({ captcha: { hosted: { secret: 'api-key', endpoint: base } } });
      const key = crypto.randomUUID();
      assert.equal((await call(handler, post({ ...VALID, captcha: 'good' }, { 'Idempotency-Key': key }))).status, 201);
      assert.equal((await call(handler, post({ ...VALID, captcha: 'good' }, { 'Idempotency-Key': key }))).status, 201);
      assert.deepEqual(asked, ['good']);
      const refused = await call(handler, post({ ...VALID, captcha: 'bad' }));
      assert.equal(refused.status, 422);
      assert.equal((refused.json.errors as { field: string }[])[0]?.field, 'captcha');
      const down = await call(handler, post({ ...VALID, captcha: 'down' }));
      assert.equal(down.status, 503);
      assert.ok(down.headers.get('retry-after'));
      assert.equal(stored.length, 1);
    });
  });

  describe('with self-hosted puzzles', () => {
    const puzzles = createPuzzleIssuer({ secret: SECRET, difficulty: 40, solutions: 4 });
    const withSolution = () => ({ ...VALID, captcha: solve(puzzles.issue().data.puzzle) });

    it('requires a solution, refuses a wrong one and lets the customer retry with the same key', async () => {
      const { stored, handler } = receiverWith({ captcha: { puzzles } });
      const key = crypto.randomUUID();
      const missing = await call(handler, post(VALID, { 'Idempotency-Key': key }));
      assert.equal(missing.status, 422);
      assert.equal((missing.json.errors as { field: string }[])[0]?.field, 'captcha');
      const garbage = await call(handler, post({ ...VALID, captcha: 'garbage' }, { 'Idempotency-Key': key }));
      assert.equal(garbage.status, 422);
      assert.equal((await call(handler, post(withSolution(), { 'Idempotency-Key': key }))).status, 201);
      assert.equal(stored.length, 1);
    });

    it('checks the captcha of a known key’s repeat by its body: a garbage captcha gets 422, not the first reference', async () => {
      const { stored, handler } = receiverWith({ captcha: { puzzles } });
      const key = crypto.randomUUID();
      const request = withSolution();
      const first = await call(handler, post(request, { 'Idempotency-Key': key }));
      assert.equal(first.status, 201);
      // The same solution again: a retry of the same submission, answered without a second check.
      assert.deepEqual((await call(handler, post(request, { 'Idempotency-Key': key }))).json, first.json);
      const forged = await call(handler, post({ ...request, captcha: 'garbage' }, { 'Idempotency-Key': key }));
      assert.equal(forged.status, 422);
      assert.ok(!forged.text.includes(String(first.json.reference)));
      assert.equal(stored.length, 1);
    });

    it('accepts a solution once: under another key it is refused as used', async () => {
      const { stored, handler } = receiverWith({ captcha: { puzzles } });
      const request = withSolution();
      assert.equal((await call(handler, post(request, { 'Idempotency-Key': crypto.randomUUID() }))).status, 201);
      const replayed = await call(handler, post(request, { 'Idempotency-Key': crypto.randomUUID() }));
      assert.equal(replayed.status, 422);
      assert.equal((replayed.json.errors as { field: string }[])[0]?.field, 'captcha');
      assert.equal((await call(handler, post(request))).status, 422);
      assert.equal(stored.length, 1);
    });

    it('refuses a 5-million-character solution with 422, without throwing', async () => {
      const { handler } = receiverWith({ captcha: { puzzles } });
      const answer = await call(handler, post({ ...VALID, captcha: 'A'.repeat(5_000_000) }));
      assert.equal(answer.status, 422);
    });
  });
});

describe('the PGlite store', () => {
  let dir: string;
  let store: SqlStore;
  const puzzles = createPuzzleIssuer({ secret: SECRET, difficulty: 40, solutions: 4 });

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rx-pglite-'));
    store = await openPGliteStore(dir);
  });
  after(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores requests with their photos, lists them by cursor and serves each photo', async () => {
    const handler = createReceiver({ store });
    const key = crypto.randomUUID();
    const image = { name: 'box.png', type: 'image/png', width: 1, height: 1, data: PNG };
    const answer = await call(handler, post({ ...VALID, images: [image, { ...image, name: 'label.png' }] }, { 'Idempotency-Key': key }));
    assert.equal(answer.status, 201);
    assert.match(String(answer.json.reference), REFERENCE);
    const [item] = await store.list({ limit: 10 });
    assert.ok(item);
    assert.equal(item.reference, answer.json.reference);
    assert.equal(item.idempotencyKey, key);
    assert.ok(!isWithdrawal(item.request));
    assert.deepEqual(item.request.images?.map((i) => [i.name, i.bytes]), [['box.png', 70], ['label.png', 70]]);
    assert.ok(!JSON.stringify(item).includes(PNG.slice(0, 40)));
    const photo = await store.image(item.reference, 1);
    assert.equal(photo?.name, 'label.png');
    assert.deepEqual(Buffer.from(photo!.data), Buffer.from(PNG, 'base64'));
    assert.equal(await store.image(item.reference, 2), undefined);
    assert.deepEqual(await store.list({ after: item.cursor, limit: 10 }), []);
  });

  it('keeps requests, keys and used puzzles across a restart', async () => {
    const handler = createReceiver({ store, captcha: { puzzles } });
    const key = crypto.randomUUID();
    const request = { ...VALID, captcha: solve(puzzles.issue().data.puzzle) };
    const first = await call(handler, post(request, { 'Idempotency-Key': key }));
    assert.equal(first.status, 201);
    await store.close();
    store = await openPGliteStore(dir);
    const reopened = createReceiver({ store, captcha: { puzzles } });
    const again = await call(reopened, post(request, { 'Idempotency-Key': key }));
    assert.deepEqual([again.status, again.json], [201, first.json]);
    const replayed = await call(reopened, post(request, { 'Idempotency-Key': crypto.randomUUID() }));
    assert.equal(replayed.status, 422);
    const { items, total } = await store.page({ offset: 0, limit: 25 });
    assert.equal(total, 2);
    assert.equal(items[0]?.reference, first.json.reference);
  });

  it('stores one row for a storm of one key, and each distinct request once', async () => {
    const handler = createReceiver({ store });
    const key = crypto.randomUUID();
    const storm = await Promise.all(Array.from({ length: 50 }, () => call(handler, post(VALID, { 'Idempotency-Key': key }))));
    const references = new Set(storm.filter((a) => a.status === 201).map((a) => a.json.reference));
    assert.equal(references.size, 1);
    assert.ok(storm.every((a) => a.status === 201 || a.status === 409));
    const rows = (await store.list({ limit: 1000 })).filter((r) => r.idempotencyKey === key);
    assert.equal(rows.length, 1);
  });

  it('lets a slow captcha check hold no one else up: it runs outside the one connection’s transaction', async () => {
    const request = VALID as ReceivedRequest;
    const finished: string[] = [];
    const slow = store
      .receive({ request, idempotencyKey: crypto.randomUUID(), fingerprint: 'a' }, async () => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return { ok: true };
      })
      .then(() => finished.push('slow'));
    const quick = store
      .receive({ request, idempotencyKey: crypto.randomUUID(), fingerprint: 'b' }, async () => ({ ok: true }))
      .then(() => finished.push('quick'));
    await Promise.all([slow, quick]);
    assert.deepEqual(finished, ['quick', 'slow']);
  });

  it('answers 503 when the database is gone', async () => {
    const gone = await openPGliteStore(join(dir, 'second'));
    await gone.close();
    const handler = createReceiver({ store: gone, onError: () => {} });
    const answer = await call(handler, post(VALID, { 'Idempotency-Key': crypto.randomUUID() }));
    assert.equal(answer.status, 503);
    assert.ok(answer.headers.get('retry-after'));
  });
});

describe('a full disk', () => {
  const mountPoint = join(tmpdir(), `rx-full-disk-${process.pid}`);
  let mounted = false;
  const mount = (options: string) => execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mountPoint], { stdio: 'pipe' });

  before(async () => {
    await mkdir(mountPoint, { recursive: true });
    try {
      // A new PGlite database takes about 40 MB: little room is left for photos.
      mount('size=72m');
      mounted = true;
    } catch {
      // Mounting needs root (as in CI); the test below says so rather than pass unseen.
    }
  });
  after(async () => {
    if (mounted) execFileSync('umount', [mountPoint]);
    await rm(mountPoint, { recursive: true, force: true });
  });

  it('gives 503 with Retry-After, never an acknowledged loss, and takes requests again once there is room', async (t) => {
    if (!mounted) return t.skip('mounting a small tmpfs needs root');
    const dir = join(mountPoint, 'db');
    let store = await openPGliteStore(dir);
    const handler = () => createReceiver({ store, onError: () => {} });
    const photo = { name: 'noise.jpg', type: 'image/jpeg', width: 1, height: 1, data: randomBytes(3_000_000).toString('base64') };
    const acknowledged = new Map<string, unknown>();
    const statuses: number[] = [];
    for (let i = 0; i < 16; i++) {
      const key = crypto.randomUUID();
      const answer = await call(handler(), post({ ...VALID, images: [photo] }, { 'Idempotency-Key': key }));
      statuses.push(answer.status);
      if (answer.status === 201) acknowledged.set(key, answer.json.reference);
      else assert.ok(answer.headers.get('retry-after'));
    }
    assert.ok(statuses.includes(201) && statuses.includes(503), statuses.join());
    assert.ok(statuses.every((s) => s === 201 || s === 503), statuses.join());
    await store.close();
    execFileSync('mount', ['-o', 'remount,size=256m', mountPoint]);
    store = await openPGliteStore(dir);
    const key = crypto.randomUUID();
    const later = await call(handler(), post({ ...VALID, images: [photo] }, { 'Idempotency-Key': key }));
    assert.equal(later.status, 201);
    acknowledged.set(key, later.json.reference);
    const stored = await store.list({ limit: 100 });
    assert.deepEqual(new Map(stored.map((r) => [r.idempotencyKey, r.reference])), acknowledged);
    await store.close();
  });
});

describe('the PostgreSQL store', () => {
  let server: Postgres;
  const stores: SqlStore[] = [];
  const puzzles = createPuzzleIssuer({ secret: SECRET, difficulty: 40, solutions: 4 });
  const open = async () => {
    const store = await openPostgresStore(server.url, { connectionTimeoutMs: 1000 });
    stores.push(store);
    return store;
  };

  before(async () => {
    server = await startPostgres();
  });
  after(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await server.stop();
  });

  it('shares keys and used puzzles between processes: two pools, one database', async () => {
    // Opened together: the migrations take turns.
    const [a, b] = await Promise.all([open(), open()]);
    const first = createReceiver({ store: a, captcha: { puzzles } });
    const second = createReceiver({ store: b, captcha: { puzzles } });
    const key = crypto.randomUUID();
    const request = { ...VALID, captcha: solve(puzzles.issue().data.puzzle) };
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => call(i % 2 ? first : second, post(request, { 'Idempotency-Key': key }))),
    );
    const created = answers.filter((a) => a.status === 201);
    assert.ok(created.length >= 1);
    assert.equal(new Set(created.map((a) => a.json.reference)).size, 1);
    assert.ok(answers.every((a) => a.status === 201 || a.status === 409), answers.map((a) => a.status).join());
    const replayed = await call(second, post(request, { 'Idempotency-Key': crypto.randomUUID() }));
    assert.equal(replayed.status, 422);
    const rows = (await a.list({ limit: 100 })).filter((r) => r.idempotencyKey === key);
    assert.equal(rows.length, 1);
  });

  it('answers 503 while the server is down, and stores again once it is back', async () => {
    const store = await open();
    const handler = createReceiver({ store, onError: () => {} });
    await server.kill();
    const key = crypto.randomUUID();
    const down = await call(handler, post(VALID, { 'Idempotency-Key': key }));
    assert.equal(down.status, 503);
    assert.equal(down.headers.get('retry-after'), '5');
    await server.restart();
    const up = await call(handler, post(VALID, { 'Idempotency-Key': key }));
    assert.equal(up.status, 201);
    assert.equal((await store.list({ limit: 100 })).filter((r) => r.idempotencyKey === key).length, 1);
  });
});

describe('in server frameworks', () => {
  const servers: Server[] = [];
  const { stored, forward } = recorder();
  const receiver = createReceiver({ store: forward, limitBytes: 64 * 1024 });

  async function listen(server: Server): Promise<string> {
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }
  after(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

  const send = (base: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/requests`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  async function exercise(base: string) {
    const before = stored.length;
    const created = await send(base, VALID);
    assert.equal(created.status, 201);
    assert.match(((await created.json()) as { reference: string }).reference, /^REF-/);
    assert.equal((await send(base, { ...VALID, email: 'no' })).status, 422);
    assert.equal((await send(base, VALID, { 'Content-Type': 'text/plain' })).status, 415);
    const tooLarge = await send(base, { ...VALID, details: 'x'.repeat(100_000) });
    assert.ok(tooLarge.status === 413, String(tooLarge.status));
    const preflight = await fetch(`${base}/api/requests`, { method: 'OPTIONS', headers: { Origin: base, 'Access-Control-Request-Method': 'POST' } });
    assert.equal(preflight.status, 204);
    assert.equal(stored.length, before + 1);
  }

  it('runs in node:http', async () => {
    const handle = toNodeHandler(receiver);
    await exercise(await listen(createServer((req, res) => void handle(req, res))));
  });

  it('runs in Express 5, with and without express.json() before it', async () => {
    const plain = express();
    plain.all('/api/requests', toNodeHandler(receiver));
    await exercise(await listen(createServer(plain)));
    const parsed = express();
    parsed.use(express.json({ limit: '64kb' }));
    parsed.all('/api/requests', toNodeHandler(receiver));
    const base = await listen(createServer(parsed));
    const created = await send(base, VALID);
    assert.equal(created.status, 201);
    assert.equal((await send(base, { ...VALID, email: 'no' })).status, 422);
    assert.equal((await send(base, VALID, { 'Content-Type': 'text/plain' })).status, 415);
  });

  it('runs in Hono on Node', async () => {
    const app = new Hono();
    app.all('/api/requests', (c) => receiver(c.req.raw));
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
    servers.push(server);
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
    await exercise(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
});
