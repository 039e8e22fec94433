import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { BodyError, readJsonBody } from '../../src/server/index.js';

/** What readJsonBody made of a request: its value, or the BodyError's status. */
const outcome = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ({ value }),
    (error: unknown) => {
      assert.ok(error instanceof BodyError, String(error));
      return { status: error.status };
    },
  );

const json = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://shop.test/', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('readJsonBody with a Fetch Request', () => {
  it('reads a request that says application/json (Hono, Next.js, Workers)', async () => {
    assert.deepEqual(await outcome(readJsonBody(json('{"a":"é"}'))), { value: { a: 'é' } });
    assert.deepEqual(await outcome(readJsonBody(json('[1]', { 'Content-Type': 'application/json; charset=utf-8' }))), { value: [1] });
  });

  it('refuses other types, compression, too large, broken and already read bodies', async () => {
    assert.deepEqual(await outcome(readJsonBody(json('{}', { 'Content-Type': 'text/plain' }))), { status: 415 });
    assert.deepEqual(await outcome(readJsonBody(json('{}', { 'Content-Encoding': 'gzip' }))), { status: 415 });
    assert.deepEqual(await outcome(readJsonBody(json(JSON.stringify('x'.repeat(2000))), 1000)), { status: 413 });
    // No Content-Length on a stream: the limit is counted while reading.
    const stream = new ReadableStream({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'));
      },
    });
    const streamed = new Request('http://shop.test/', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit);
    assert.deepEqual(await outcome(readJsonBody(streamed, 1000)), { status: 413 });
    assert.deepEqual(await outcome(readJsonBody(json('{"a":'))), { status: 400 });
    const read = json('{}');
    await read.text();
    assert.deepEqual(await outcome(readJsonBody(read)), { status: 400 });
  });
});

describe('readJsonBody in Express', () => {
  const servers: Server[] = [];
  after(() => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))));

  async function serve(setup: (app: express.Express) => void, read: (req: IncomingMessage) => Promise<unknown>) {
    const app = express();
    setup(app);
    app.post('/', (req, res) => {
      void outcome(read(req)).then((result) => res.json(result));
    });
    const server = createServer(app);
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    return (body: string, type = 'application/json') =>
      fetch(base, { method: 'POST', headers: { 'Content-Type': type }, body, signal: AbortSignal.timeout(5000) }).then(
        (r) => r.json() as Promise<unknown>,
      );
  }

  it('settles after express.json() has read the body, with what it parsed', async () => {
    const post = await serve((app) => app.use(express.json()), (req) => readJsonBody(req));
    assert.deepEqual(await post('{"a":[1,2]}'), { value: { a: [1, 2] } });
  });

  it('takes a raw or text body a middleware left, and still checks the media type', async () => {
    const raw = await serve((app) => app.use(express.raw({ type: () => true })), (req) => readJsonBody(req));
    assert.deepEqual(await raw('{"a":1}'), { value: { a: 1 } });
    assert.deepEqual(await raw('{"a":1}', 'text/plain'), { status: 415 });
    const text = await serve((app) => app.use(express.text({ type: () => true })), (req) => readJsonBody(req));
    assert.deepEqual(await text('{"b":2}'), { value: { b: 2 } });
    assert.deepEqual(await text('{"b":', 'application/json'), { status: 400 });
  });

  it('answers 400 rather than waiting for a body someone else consumed', async () => {
    const post = await serve(
      (app) =>
        app.use((req, _res, next) => {
          req.resume();
          req.on('end', () => next());
        }),
      (req) => readJsonBody(req),
    );
    assert.deepEqual(await post('{"a":1}'), { status: 400 });
  });
});
