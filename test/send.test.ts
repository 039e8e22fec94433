import { expect } from '@open-wc/testing';
import { newIdempotencyKey, send, type SendOptions } from '../src/submission/send.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Logged {
  method: string;
  headers: Record<string, string>;
  body: string;
  /** With bodyBytes: bytes of the answer's body written, and how the answer ended. */
  written?: number;
  end?: 'complete' | 'closed';
}

const MB = 1024 * 1024;

/** A fresh mailbox on the test server's receiver (see test/receiver.mjs), programmed by `knobs`. */
function receiver(knobs: Record<string, string | number> = {}) {
  // Both browsers may run this file at once: names must not collide.
  const name = `send-${Math.random().toString(36).slice(2)}`;
  const query = new URLSearchParams(Object.entries(knobs).map(([k, v]) => [k, String(v)]));
  const log = async (): Promise<Logged[]> => (await fetch(`/receiver/${name}/log`)).json();
  return {
    url: `/receiver/${name}?${query}`,
    log,
    /** The log once every streamed answer is over: the server sees a client leave a moment later. */
    ended: async (): Promise<Logged[]> => {
      for (let tries = 0; tries < 100; tries++) {
        const entries = await log();
        if (entries.every((entry) => entry.end)) return entries;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`the answers to ${name} did not end: ${JSON.stringify((await log()).map((e) => e.written))}`);
    },
    /** The one request that arrived. */
    only: async (): Promise<Logged> => {
      const [request, ...more] = await log();
      if (!request || more.length) throw new Error(`expected one request, got ${request ? 1 + more.length : 0}`);
      return request;
    },
  };
}

const payload = { marketplace: 'amazon.de', name: 'Zoë Straße', note: 'line\n"quoted" ✓' };
const fast = { backoffMs: () => 0, timeoutMs: 2000 };

function post(url: string, more: Partial<SendOptions> = {}) {
  return send({ url, body: payload, idempotencyKey: newIdempotencyKey(), ...fast, ...more });
}

/** The page's fetch, counting how often send() calls it. */
function counting() {
  const counted = {
    calls: 0,
    fetch: ((input, init) => {
      counted.calls++;
      return fetch(input, init);
    }) as typeof fetch,
  };
  return counted;
}

function isAbortError(error: unknown) {
  return error instanceof DOMException && error.name === 'AbortError';
}

describe('send', () => {
  it('posts the body as JSON with its Idempotency-Key', async () => {
    const r = receiver({ status: 201 });
    const key = newIdempotencyKey();
    await send({ url: r.url, body: payload, idempotencyKey: key });
    const request = await r.only();
    expect(request.method).to.equal('POST');
    expect(request.headers['content-type']).to.equal('application/json');
    expect(request.headers['idempotency-key']).to.equal(key);
    expect(request.headers['accept']).to.equal('application/json');
    expect(request.body).to.equal(JSON.stringify(payload));
    expect(JSON.parse(request.body)).to.deep.equal(payload);
  });

  it('sends no cookies of the page', async () => {
    document.cookie = 'send-test=visible; path=/';
    try {
      // The control: a plain same-origin fetch does carry it.
      const control = receiver();
      await fetch(control.url, { method: 'POST' });
      expect((await control.only()).headers['cookie']).to.include('send-test=visible');
      const r = receiver();
      await post(r.url);
      expect((await r.only()).headers).not.to.have.property('cookie');
    } finally {
      document.cookie = 'send-test=; path=/; max-age=0';
    }
  });

  it('reports success with the reference the server gave', async () => {
    const r = receiver({ status: 201, body: '{"reference":"R-123","extra":[1]}' });
    expect(await post(r.url)).to.deep.equal({
      kind: 'success',
      status: 201,
      reference: 'R-123',
      response: { reference: 'R-123', extra: [1] },
    });
  });

  it('turns a numeric reference into text', async () => {
    const r = receiver({ body: '{"reference":4711}' });
    const result = await post(r.url);
    expect(result).to.include({ kind: 'success', status: 200, reference: '4711' });
  });

  it('reports success without a reference for an empty, non-JSON or reference-less answer', async () => {
    for (const [knobs, response] of [
      [{ status: 204 }, null],
      [{ body: 'thanks!' }, null],
      [{ body: '{"reference":""}' }, { reference: '' }],
      [{ body: '{"reference":{"id":1}}' }, { reference: { id: 1 } }],
    ] as const) {
      const r = receiver(knobs);
      const result = await post(r.url);
      expect(result).to.deep.equal({ kind: 'success', status: knobs.status ?? 200, response });
    }
  });

  it('gives back the field errors of a 422', async () => {
    const body = JSON.stringify({
      errors: [
        { field: 'email', message: 'Enter a valid email address.' },
        { field: 'orderId', message: '<b>not</b> an order' },
        { message: 'Something about the whole request.' },
        { field: 'name', message: 42 },
        null,
      ],
    });
    const r = receiver({ status: 422, body });
    expect(await post(r.url)).to.deep.equal({
      kind: 'fields',
      status: 422,
      errors: [
        { field: 'email', message: 'Enter a valid email address.' },
        { field: 'orderId', message: '<b>not</b> an order' },
        { field: '', message: 'Something about the whole request.' },
      ],
    });
    expect(await r.log()).to.have.length(1);
  });

  it('bounds how many field errors and how long their messages are', async () => {
    const errors = Array.from({ length: 60 }, (_, i) => ({ field: `f${i}`, message: i ? 'm' : 'x'.repeat(900) }));
    const r = receiver({ status: 400, body: JSON.stringify({ errors }) });
    const result = await post(r.url);
    if (result.kind !== 'fields') throw new Error(`expected fields, got ${JSON.stringify(result)}`);
    expect(result.status).to.equal(400);
    expect(result.errors).to.have.length(50);
    expect(result.errors[0]).to.deep.equal({ field: 'f0', message: 'x'.repeat(500) });
    expect(result.errors[49]).to.deep.equal({ field: 'f49', message: 'm' });
  });

  it('reports a 400 or 422 without usable field errors as refused', async () => {
    for (const [status, body] of [
      [400, 'Bad Request'],
      [400, '{"error":"nope"}'],
      [422, '{"errors":[{"field":"email"}]}'],
      [422, '{"errors":"email"}'],
    ] as const) {
      const r = receiver({ status, body });
      expect(await post(r.url)).to.deep.equal({ kind: 'failure', reason: 'refused', status });
      expect(await r.log()).to.have.length(1);
    }
  });

  it('reports 413 as too large, without retrying', async () => {
    const r = receiver({ status: 413 });
    expect(await post(r.url)).to.deep.equal({ kind: 'failure', reason: 'too-large', status: 413 });
    expect(await r.log()).to.have.length(1);
  });

  it('reports other 4xx as refused, without retrying', async () => {
    for (const status of [401, 403, 405, 410]) {
      const r = receiver({ status });
      expect(await post(r.url)).to.deep.equal({ kind: 'failure', reason: 'refused', status });
      expect(await r.log()).to.have.length(1);
    }
  });

  it('reports a redirect as refused and does not follow it', async () => {
    const target = receiver();
    const r = receiver({ status: 302, location: target.url });
    expect(await post(r.url)).to.deep.equal({ kind: 'failure', reason: 'refused' });
    expect(await r.log()).to.have.length(1);
    expect(await target.log()).to.have.length(0);
  });

  it('reports a 429 with a long Retry-After as rate-limited, without waiting', async () => {
    const r = receiver({ status: 429, retryAfter: 120 });
    const started = performance.now();
    expect(await post(r.url)).to.deep.equal({
      kind: 'failure',
      reason: 'rate-limited',
      status: 429,
      retryAfter: 120,
    });
    expect(performance.now() - started).to.be.below(1000);
    expect(await r.log()).to.have.length(1);
  });

  it('reads a Retry-After given as an HTTP date', async () => {
    const when = new Date(Date.now() + 3_600_000).toUTCString();
    const r = receiver({ status: 429, retryAfter: when });
    const result = await post(r.url);
    if (result.kind !== 'failure') throw new Error(`expected failure, got ${result.kind}`);
    expect(result.reason).to.equal('rate-limited');
    expect(result.retryAfter).to.be.within(3590, 3600);
  });

  it('reports a 429 without Retry-After as rate-limited, without retrying', async () => {
    const r = receiver({ status: 429 });
    expect(await post(r.url)).to.deep.equal({ kind: 'failure', reason: 'rate-limited', status: 429 });
    expect(await r.log()).to.have.length(1);
  });

  it('waits out a short Retry-After and tries again', async () => {
    const r = receiver({ failTimes: 1, fail: 429, retryAfter: 1, status: 201, body: '{"reference":"R-9"}' });
    const started = performance.now();
    const result = await post(r.url, { backoffMs: () => 60_000 });
    expect(result).to.include({ kind: 'success', status: 201, reference: 'R-9' });
    expect(performance.now() - started).to.be.within(900, 5000);
    expect(await r.log()).to.have.length(2);
  });

  it('gives up on a short Retry-After once the retries are spent', async () => {
    const r = receiver({ status: 429, retryAfter: 0 });
    const result = await post(r.url, { retries: 1 });
    expect(result).to.deep.equal({ kind: 'failure', reason: 'rate-limited', status: 429, retryAfter: 0 });
    expect(await r.log()).to.have.length(2);
  });

  it('retries a 409 (an earlier attempt still being handled) after its Retry-After', async () => {
    const r = receiver({ failTimes: 1, fail: 409, retryAfter: 1, status: 201, body: '{"reference":"R-7"}' });
    const started = performance.now();
    const result = await post(r.url, { backoffMs: () => 60_000 });
    expect(result).to.include({ kind: 'success', status: 201, reference: 'R-7' });
    expect(performance.now() - started).to.be.within(900, 5000);
    const log = await r.log();
    expect(log).to.have.length(2);
    expect(log[1]!.headers['idempotency-key']).to.equal(log[0]!.headers['idempotency-key']);
  });

  it('waits out a 503’s short Retry-After rather than its own backoff', async () => {
    const r = receiver({ failTimes: 1, fail: 503, retryAfter: 1, status: 201, body: '{"reference":"R-8"}' });
    const result = await post(r.url, { backoffMs: () => 60_000 });
    expect(result).to.include({ kind: 'success', status: 201, reference: 'R-8' });
    expect(await r.log()).to.have.length(2);
  });

  it('retries server errors with the same key and body until one succeeds', async () => {
    const r = receiver({ failTimes: 2, fail: 503, status: 201, body: '{"reference":"R-3"}' });
    const key = newIdempotencyKey();
    const result = await send({ url: r.url, body: payload, idempotencyKey: key, ...fast });
    expect(result).to.include({ kind: 'success', status: 201, reference: 'R-3' });
    const log = await r.log();
    expect(log).to.have.length(3);
    for (const request of log) {
      expect(request.headers['idempotency-key']).to.equal(key);
      expect(request.body).to.equal(JSON.stringify(payload));
    }
  });

  it('waits the backoff between attempts', async () => {
    const r = receiver({ failTimes: 2, fail: 500 });
    const waits: number[] = [];
    const started = performance.now();
    await post(r.url, { backoffMs: (attempt) => (waits.push(attempt), 150) });
    expect(waits).to.deep.equal([0, 1]);
    expect(performance.now() - started).to.be.at.least(290);
  });

  it('reports a server failure after 1 + retries attempts', async () => {
    const r = receiver({ status: 500 });
    expect(await post(r.url)).to.deep.equal({ kind: 'failure', reason: 'server', status: 500 });
    expect(await r.log()).to.have.length(3);

    const once = receiver({ status: 502 });
    expect(await post(once.url, { retries: 0 })).to.deep.equal({ kind: 'failure', reason: 'server', status: 502 });
    expect(await once.log()).to.have.length(1);
  });

  // Chromium itself resends a request once when a reused connection is reset, so the
  // receiver may see more requests than send() made: count the attempts at fetch.
  it('reports a network failure after retrying with the same key', async () => {
    const r = receiver({ status: 'destroy' });
    const counted = counting();
    expect(await post(r.url, { fetch: counted.fetch })).to.deep.equal({ kind: 'failure', reason: 'network' });
    expect(counted.calls).to.equal(3);
    const log = await r.log();
    expect(log.length).to.be.at.least(3);
    expect(new Set(log.map((request) => request.headers['idempotency-key'])).size).to.equal(1);
  });

  it('recovers from a network failure on retry', async () => {
    const r = receiver({ failTimes: 2, fail: 'destroy', status: 201 });
    const counted = counting();
    expect(await post(r.url, { fetch: counted.fetch })).to.include({ kind: 'success', status: 201 });
    expect(counted.calls).to.be.at.least(2);
    const log = await r.log();
    expect(log).to.have.length(3);
    expect(new Set(log.map((request) => request.headers['idempotency-key'])).size).to.equal(1);
  });

  it('times out each attempt and reports a timeout', async () => {
    const r = receiver({ delay: 1500 });
    const started = performance.now();
    expect(await post(r.url, { timeoutMs: 200, retries: 1 })).to.deep.equal({
      kind: 'failure',
      reason: 'timeout',
    });
    expect(performance.now() - started).to.be.within(350, 1400);
    expect(await r.log()).to.have.length(2);
  });

  it('recovers from a timeout on retry, with the same key', async () => {
    // Wide margins: under load even the quick answer can take a few hundred milliseconds.
    const slow = receiver({ delay: 5000 });
    const quick = receiver({ status: 201 });
    // The first attempt goes to a receiver that hangs, the retry to one that answers.
    let attempts = 0;
    const route: typeof fetch = (_input, init) => fetch(attempts++ ? quick.url : slow.url, init);
    const result = await post('/unused', { fetch: route, timeoutMs: 1000 });
    expect(result).to.include({ kind: 'success', status: 201 });
    const [hung, answered] = await Promise.all([slow.only(), quick.only()]);
    expect(answered.headers['idempotency-key']).to.equal(hung.headers['idempotency-key']);
    expect(answered.body).to.equal(hung.body);
  });

  it('rejects with an AbortError at once when the caller aborts mid-request', async () => {
    const r = receiver({ delay: 3000 });
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 100);
    const error = await post(r.url, { signal: controller.signal, timeoutMs: 10_000 }).catch((e: unknown) => e);
    expect(isAbortError(error), String(error)).to.equal(true);
    expect(performance.now() - started).to.be.below(1000);
    expect(await r.log()).to.have.length(1);
  });

  it('rejects with an AbortError when the caller aborts during the backoff', async () => {
    const r = receiver({ status: 503 });
    const controller = new AbortController();
    const started = performance.now();
    const sending = post(r.url, { signal: controller.signal, backoffMs: () => 10_000 });
    setTimeout(() => controller.abort(), 300);
    const error = await sending.catch((e: unknown) => e);
    expect(isAbortError(error), String(error)).to.equal(true);
    expect(performance.now() - started).to.be.below(2000);
    expect(await r.log()).to.have.length(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const r = receiver();
    const error = await post(r.url, { signal: AbortSignal.abort() }).catch((e: unknown) => e);
    expect(isAbortError(error), String(error)).to.equal(true);
    expect(await r.log()).to.have.length(0);
  });

  it('reads a body of exactly 64 KB, decoding characters split between chunks', async () => {
    const r = receiver({ status: 201, bodyBytes: 65536 });
    const result = await post(r.url);
    if (result.kind !== 'success') throw new Error(`expected success, got ${JSON.stringify(result)}`);
    expect(result).to.include({ status: 201, reference: 'R-65536' });
    const response = result.response as { filler: string };
    // A chunk decoded on its own would turn the split ✓ into U+FFFD.
    expect(response.filler).to.match(/^x*✓+$/);
    expect(new TextEncoder().encode(JSON.stringify(response)).length).to.equal(65536);
    const [answer, ...more] = await r.ended();
    expect(more).to.have.length(0);
    expect(answer).to.include({ end: 'complete', written: 65536 });
  });

  it('reports a 2xx with a body over 64 KB as success without a reference, and stops its download', async () => {
    for (const bodyBytes of [65537, 50 * MB]) {
      const r = receiver({ status: 201, bodyBytes });
      expect(await post(r.url)).to.deep.equal({ kind: 'success', status: 201, response: null });
      const [answer, ...more] = await r.ended();
      expect(more).to.have.length(0);
      if (bodyBytes > MB) expect(answer).to.include({ end: 'closed' }).and.have.property('written').below(5 * MB);
    }
  });

  it('retries a 5xx with a huge body, reading only the start of each', async () => {
    const r = receiver({ status: 500, bodyBytes: 50 * MB });
    expect(await post(r.url)).to.deep.equal({ kind: 'failure', reason: 'server', status: 500 });
    const log = await r.ended();
    expect(log).to.have.length(3);
    for (const answer of log) expect(answer).to.include({ end: 'closed' }).and.have.property('written').below(5 * MB);
  });

  it('times out an attempt whose body stalls', async () => {
    const r = receiver({ status: 201, bodyBytes: 65536, bodyPace: 3000 });
    expect(await post(r.url, { timeoutMs: 300, retries: 0 })).to.deep.equal({ kind: 'failure', reason: 'timeout' });
    const [answer] = await r.ended();
    expect(answer).to.include({ end: 'closed' }).and.have.property('written').below(65536);
  });

  it('rejects with an AbortError when the caller aborts while the body is read', async () => {
    const r = receiver({ status: 201, bodyBytes: 65536, bodyPace: 3000 });
    const controller = new AbortController();
    // Aborts once the answer's head is in: its body is still on its way.
    const abortOnAnswer: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      controller.abort();
      return response;
    };
    const error = await post(r.url, { fetch: abortOnAnswer, signal: controller.signal }).catch((e: unknown) => e);
    expect(isAbortError(error), String(error)).to.equal(true);
    const [answer] = await r.ended();
    expect(answer).to.include({ end: 'closed' }).and.have.property('written').below(65536);
  });

  it('uses the given fetch with CORS, no credentials and no redirects followed', async () => {
    const seen: RequestInit[] = [];
    const fake: typeof fetch = async (_input, init) => {
      seen.push(init ?? {});
      return new Response('{"reference":"R-fake"}', { status: 200 });
    };
    const result = await post('https://example.test/requests', { fetch: fake });
    expect(result).to.include({ kind: 'success', reference: 'R-fake' });
    expect(seen[0]).to.include({ method: 'POST', credentials: 'omit', mode: 'cors', redirect: 'manual' });
  });
});

describe('send to the validating receiver', () => {
  const valid = {
    marketplace: 'amazon.de',
    email: 'kunde@example.org',
    name: 'Erika Mustermann',
    orderId: '302-1234567-1234567',
    productName: 'Kettle',
    resolution: 'exchange',
    reason: 'defective',
    locale: 'de-DE',
  };

  it('gets a reference for a valid request', async () => {
    const r = receiver({ validate: 1 });
    const result = await send({ url: r.url, body: valid, idempotencyKey: newIdempotencyKey() });
    expect(result).to.have.property('kind', 'success');
    expect(result).to.have.property('status', 201);
    expect(result).to.have.property('reference').that.matches(/^R-\d+$/);
  });

  it('gets field errors, in English, for an invalid request', async () => {
    const r = receiver({ validate: 1 });
    const body = { ...valid, email: 'not an address', orderId: '12', reason: 'other' };
    const result = await send({ url: r.url, body, idempotencyKey: newIdempotencyKey() });
    if (result.kind !== 'fields') throw new Error(`expected fields, got ${JSON.stringify(result)}`);
    expect(result.status).to.equal(422);
    expect(result.errors.map((e) => e.field).sort()).to.deep.equal(['details', 'email', 'orderId']);
    for (const { message } of result.errors) expect(message).to.be.a('string').with.length.above(0);
  });
});

describe('newIdempotencyKey', () => {
  it('makes distinct UUID v4 keys', () => {
    const keys = Array.from({ length: 200 }, newIdempotencyKey);
    for (const key of keys) expect(key).to.match(UUID_V4);
    expect(new Set(keys).size).to.equal(keys.length);
  });

  it('makes them without crypto.randomUUID too (pages served over plain http)', () => {
    // An own property shadows the prototype's method, as on a non-secure page.
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const keys = Array.from({ length: 200 }, newIdempotencyKey);
      for (const key of keys) expect(key).to.match(UUID_V4);
      expect(new Set(keys).size).to.equal(keys.length);
    } finally {
      delete (crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(crypto.randomUUID).to.be.a('function');
  });
});
