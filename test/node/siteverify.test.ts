import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SITEVERIFY_ENDPOINTS, verifyHosted } from '../../src/server/siteverify.js';

interface Received {
  method: string | undefined;
  url: string | undefined;
  contentType: string | undefined;
  body: string;
}

const CODES = [
  'secret_missing',
  'secret_invalid',
  'bad_request',
  'solution_missing',
  'solution_invalid',
  'solution_timeout_or_duplicate',
] as const;

const SOLUTION = 'abc.ZGVm.Z2hp.AQID';
const SECRET = 'A1B2C3D4E5F6';

function listen(server: Server): Promise<string> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/siteverify`)),
  );
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe('verifyHosted against a stub siteverify on loopback', () => {
  let received: Received[] = [];
  let reply: (res: ServerResponse) => void = () => undefined;
  let server: Server;
  let endpoint: string;

  const answer = (status: number, body: string, contentType = 'application/json') => (res: ServerResponse) => {
    res.writeHead(status, { 'Content-Type': contentType }).end(body);
  };
  const json = (status: number, value: unknown) => answer(status, JSON.stringify(value));

  before(async () => {
    server = createServer((req: IncomingMessage, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        received.push({
          method: req.method,
          url: req.url,
          contentType: req.headers['content-type'],
          body: Buffer.concat(chunks).toString('utf8'),
        });
        reply(res);
      });
    });
    endpoint = await listen(server);
  });
  after(() => close(server));
  beforeEach(() => {
    received = [];
  });

  it('accepts on success and POSTs the solution, secret and site key as JSON', async () => {
    reply = json(200, { success: true, errors: [] });
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, sitekey: 'FCMTEST', endpoint }), { ok: true });
    assert.equal(received.length, 1);
    const [request] = received;
    assert.equal(request!.method, 'POST');
    assert.equal(request!.url, '/api/v1/siteverify');
    assert.equal(request!.contentType, 'application/json');
    assert.deepEqual(JSON.parse(request!.body), { solution: SOLUTION, secret: SECRET, sitekey: 'FCMTEST' });
  });

  it('leaves the site key out when none is given', async () => {
    reply = json(200, { success: true });
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint }), { ok: true });
    assert.deepEqual(JSON.parse(received[0]!.body), { solution: SOLUTION, secret: SECRET });
  });

  for (const code of CODES) {
    for (const status of [200, 400, 401]) {
      it(`maps ${code} (status ${status})`, async () => {
        reply = json(status, { success: false, errors: [code] });
        assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint }), { ok: false, reason: code });
      });
    }
  }

  it('reports the host’s mistake first when there are several codes', async () => {
    reply = json(401, { success: false, errors: ['solution_invalid', 'secret_invalid'] });
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint }), { ok: false, reason: 'secret_invalid' });
  });

  it('refuses success:false with no or unknown errors as an invalid solution', async () => {
    for (const value of [{ success: false }, { success: false, errors: [] }, { success: false, errors: ['new_code'] }, { success: false, errors: 'x' }]) {
      reply = json(200, value);
      assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint, failOpen: true }), {
        ok: false,
        reason: 'solution_invalid',
      });
    }
  });

  it('refuses a 4xx without a known code as a bad request, even when failing open', async () => {
    for (const reply_ of [answer(400, 'Bad Request', 'text/plain'), json(404, { error: 'not found' }), json(429, { success: true })]) {
      reply = reply_;
      assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint, failOpen: true }), {
        ok: false,
        reason: 'bad_request',
      });
    }
  });

  it('fails closed on a 500, and open only when asked', async () => {
    reply = json(500, { success: true });
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint }), { ok: false, reason: 'unreachable' });
    reply = answer(503, 'Service Unavailable', 'text/plain');
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint, failOpen: true }), { ok: true, degraded: true });
  });

  it('fails closed on an answer that is not the service’s JSON, and open only when asked', async () => {
    for (const reply_ of [answer(200, '<html>maintenance</html>', 'text/html'), json(200, { errors: [] }), json(200, null), json(200, 'true'), answer(200, '')]) {
      reply = reply_;
      assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint }), { ok: false, reason: 'bad_response' });
      assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint, failOpen: true }), { ok: true, degraded: true });
    }
  });

  it('gives up after timeoutMs', async () => {
    reply = () => undefined;
    const started = performance.now();
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint, timeoutMs: 150 }), { ok: false, reason: 'unreachable' });
    assert.ok(performance.now() - started < 2000);
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint, timeoutMs: 150, failOpen: true }), {
      ok: true,
      degraded: true,
    });
  });

  it('gives up on a body that stops halfway', async () => {
    reply = (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' }).write('{"success":');
    };
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint, timeoutMs: 150 }), { ok: false, reason: 'unreachable' });
  });

  it('refuses an empty or missing solution, or an empty secret, without a request', async () => {
    reply = json(200, { success: true });
    for (const solution of ['', undefined, null, 42]) {
      assert.deepEqual(await verifyHosted(solution, { secret: SECRET, endpoint, failOpen: true }), {
        ok: false,
        reason: 'solution_missing',
      });
    }
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: '', endpoint, failOpen: true }), { ok: false, reason: 'secret_missing' });
    assert.equal(received.length, 0);
  });
});

describe('verifyHosted without a server', () => {
  it('fails closed on a refused connection, and open only when asked', async () => {
    const server = createServer();
    const endpoint = await listen(server);
    await close(server);
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint }), { ok: false, reason: 'unreachable' });
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint, failOpen: true }), { ok: true, degraded: true });
  });

  it('uses the global endpoint by default and the EU one when asked', async () => {
    const urls: string[] = [];
    const fakeFetch: typeof fetch = async (input) => {
      urls.push(String(input));
      return new Response(JSON.stringify({ success: true }), { status: 200 });
    };
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, fetch: fakeFetch }), { ok: true });
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint: 'global', fetch: fakeFetch }), { ok: true });
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, endpoint: 'eu', fetch: fakeFetch }), { ok: true });
    assert.deepEqual(urls, [
      'https://api.friendlycaptcha.com/api/v1/siteverify',
      'https://api.friendlycaptcha.com/api/v1/siteverify',
      'https://eu-api.friendlycaptcha.eu/api/v1/siteverify',
    ]);
    assert.equal(SITEVERIFY_ENDPOINTS.eu, 'https://eu-api.friendlycaptcha.eu/api/v1/siteverify');
  });

  it('treats a fetch that throws as unreachable', async () => {
    const failing: typeof fetch = () => Promise.reject(new TypeError('fetch failed'));
    assert.deepEqual(await verifyHosted(SOLUTION, { secret: SECRET, fetch: failing }), { ok: false, reason: 'unreachable' });
  });

  it('rejects an endpoint that is not an http(s) URL, so failing open cannot hide it', async () => {
    for (const endpoint of ['EU', 'api.friendlycaptcha.com/api/v1/siteverify', 'ftp://example.com/', 'javascript:alert(1)']) {
      await assert.rejects(verifyHosted(SOLUTION, { secret: SECRET, endpoint, failOpen: true }), TypeError, endpoint);
    }
  });
});
