import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, OutgoingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MARKETPLACE_IDS } from '../../src/marketplaces.js';
import { puzzleBytes, solve } from './solve.js';
import {
  BodyError,
  encodePuzzle,
  parseRequest,
  readJsonBody,
  signPuzzle,
  solutionMeetsDifficulty,
} from '../../src/server/index.js';

const VALID = {
  marketplace: 'amazon.co.uk',
  email: 'sam@example.org',
  name: 'Sam Okafor',
  orderId: '203-5551234-7654321',
  productName: 'Kestrel burr grinder',
  resolution: 'refund',
  reason: 'damaged_on_arrival',
  locale: 'en-GB',
};
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const REFERENCE = /^RX-\d{6}-[2-9A-HJ-NP-Z]{5}$/;
const CSP =
  "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src blob:; style-src 'self'; connect-src 'self'; img-src 'self' data: blob:; form-action 'none'; base-uri 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types lit-html refund-exchange-form";
/** Low enough that the brute-force solver below takes milliseconds (about 32 hashes a solution). */
const DIFFICULTY = 40;
/** The demo's regional pages: file, `<html lang>`, the marketplace offered first, EU or not. */
const STOREFRONTS = [
  ['us', 'en-US', 'amazon.com', false],
  ['ca-en', 'en-CA', 'amazon.ca', false],
  ['ca-fr', 'fr-CA', 'amazon.ca', false],
  ['uk', 'en-GB', 'amazon.co.uk', false],
  ['de', 'de-DE', 'amazon.de', true],
  ['fr', 'fr-FR', 'amazon.fr', true],
  ['es', 'es-ES', 'amazon.es', true],
  ['it', 'it', 'amazon.it', true],
  ['jp', 'ja', 'amazon.co.jp', false],
] as const;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One HTTP request with the path sent exactly as given (fetch would normalize `..`). */
function send(
  base: string,
  path: string,
  { method = 'GET', headers = {}, body }: { method?: string; headers?: OutgoingHttpHeaders; body?: string | Buffer } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base}${path}`, { method, headers, path }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

const postJson = (base: string, value: unknown, headers: OutgoingHttpHeaders = {}) =>
  send(base, '/api/requests', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(value),
  });

async function fetchPuzzle(base: string): Promise<string> {
  const answer = await send(base, '/api/puzzle?sitekey=demo');
  assert.equal(answer.status, 200, answer.body);
  return (JSON.parse(answer.body) as { data: { puzzle: string } }).data.puzzle;
}

/** A request with a freshly solved captcha from the demo server at `base`. */
const withCaptcha = async (base: string, request: Record<string, unknown> = VALID) => ({
  ...request,
  captcha: solve(await fetchPuzzle(base)),
});

describe('parseRequest', () => {
  it('returns the normalized request', () => {
    const result = parseRequest({ ...VALID, orderId: ' 203-5551234-7654321 ', serialNumber: 'SN: k2 0099', extra: 1 });
    assert.deepEqual(result, { ok: true, request: { ...VALID, serialNumber: 'K20099' } });
  });

  it('answers one English message per field, the first, in form order', () => {
    const result = parseRequest({ ...VALID, email: '', orderId: '203-555', reason: 'other' });
    assert.deepEqual(result, {
      ok: false,
      errors: [
        { field: 'email', message: 'Enter your email address so we can reply.' },
        { field: 'orderId', message: 'Enter the order ID from your Amazon order history, like 123-1234567-1234567.' },
        { field: 'details', message: 'Since you chose “Other”, tell us what happened.' },
      ],
    });
  });

  it('folds the problems of the photos into one error on images', () => {
    const bad = { name: '', type: 'image/gif', width: 0, height: 1.5, data: '!' };
    const result = parseRequest({ ...VALID, images: [bad, bad] });
    assert.deepEqual(result, { ok: false, errors: [{ field: 'images', message: 'Check this entry.' }] });
  });

  it('names the locale when it is missing', () => {
    assert.deepEqual(parseRequest({ ...VALID, locale: undefined }), {
      ok: false,
      errors: [{ field: 'locale', message: 'Check this entry.' }],
    });
  });

  it('answers a body that is not an object with one error for the whole form', () => {
    for (const body of [null, [], 'request', 3, undefined]) {
      assert.deepEqual(parseRequest(body), {
        ok: false,
        errors: [{ field: '', message: 'Send the request as one JSON object.' }],
      });
    }
  });

  it('applies the form settings', () => {
    const image = { name: 'a.png', type: 'image/png', width: 1, height: 1, data: PNG };
    assert.deepEqual(parseRequest({ ...VALID, images: [image, image] }, { maxImages: 1 }), {
      ok: false,
      errors: [{ field: 'images', message: 'Attach at most 1 photo.' }],
    });
    assert.deepEqual(parseRequest(VALID, { marketplaces: ['amazon.de'], captcha: true }), {
      ok: false,
      errors: [
        { field: 'marketplace', message: 'Choose the site where you bought the product.' },
        { field: 'captcha', message: 'Please wait until the anti-robot check has finished.' },
      ],
    });
    assert.equal(parseRequest({ ...VALID, captcha: 'a.b.c.d' }, { captcha: true }).ok, true);
  });
});

describe('readJsonBody', () => {
  const LIMIT = 1024;
  let server: Server;
  let base: string;
  /** What readJsonBody gave the last request: its value, or the BodyError's status. */
  let outcome: { value: unknown } | { status: number } | undefined;

  before(async () => {
    server = createServer((req, res) => {
      readJsonBody(req, LIMIT).then(
        (value) => {
          outcome = { value };
          res.writeHead(200).end();
        },
        (error: unknown) => {
          assert.ok(error instanceof BodyError);
          assert.equal(error.name, 'BodyError');
          outcome = { status: error.status };
          res.writeHead(error.status, { Connection: 'close' }).end(error.message);
        },
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const post = async (body: string | Buffer, headers: OutgoingHttpHeaders = { 'Content-Type': 'application/json' }) => {
    outcome = undefined;
    const answer = await send(base, '/', { method: 'POST', headers, body });
    return { answer, outcome };
  };

  it('parses JSON sent as application/json, with or without a UTF-8 charset', async () => {
    assert.deepEqual((await post('{"a":[1,"é"]}')).outcome, { value: { a: [1, 'é'] } });
    const typed = { 'Content-Type': 'Application/JSON; charset="UTF-8"' };
    assert.deepEqual((await post('"text"', typed)).outcome, { value: 'text' });
  });

  it('takes a body of exactly the limit', async () => {
    const body = JSON.stringify('x'.repeat(LIMIT - 2));
    assert.equal(Buffer.byteLength(body), LIMIT);
    assert.deepEqual((await post(body)).outcome, { value: 'x'.repeat(LIMIT - 2) });
  });

  it('refuses other content types, charsets and encodings with 415', async () => {
    for (const headers of [
      {},
      { 'Content-Type': 'text/plain' },
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      { 'Content-Type': 'application/jsonp' },
      { 'Content-Type': 'application/json; charset=iso-8859-1' },
      { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    ]) {
      const { answer, outcome: result } = await post('{}', headers);
      assert.deepEqual(result, { status: 415 }, JSON.stringify(headers));
      assert.equal(answer.status, 415);
    }
  });

  it('refuses what is not JSON or not UTF-8 with 400', async () => {
    for (const body of ['', '{"a":', "{'a':1}", 'undefined', Buffer.from([0x22, 0xff, 0x22])]) {
      const { answer, outcome: result } = await post(body);
      assert.deepEqual(result, { status: 400 }, String(body));
      assert.match(answer.body, /not valid (JSON|UTF-8)/);
    }
  });

  it('refuses a body announced larger than the limit before reading it', async () => {
    outcome = undefined;
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = httpRequest(`${base}/`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(LIMIT + 1) },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' }));
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    assert.equal(answer.status, 413);
    assert.deepEqual(outcome, { status: 413 });
  });

  it('stops reading a streamed body at the limit and answers 413', async () => {
    outcome = undefined;
    const status = await new Promise<number>((resolve) => {
      const req = httpRequest(`${base}/`, { method: 'POST', headers: { 'Content-Type': 'application/json' } });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      // The server may close before all of this is sent; the answer is what counts.
      req.on('error', () => undefined);
      const chunk = `[${'1,'.repeat(300)}`;
      const write = (left: number) => left > 0 && req.write(chunk, () => setTimeout(() => write(left - 1), 5));
      write(10);
    });
    assert.equal(status, 413);
    assert.deepEqual(outcome, { status: 413 });
  });

  it('rejects with 400 when the client goes away mid-body', async () => {
    outcome = undefined;
    const req = httpRequest(`${base}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Content-Length': '100' },
    });
    req.on('error', () => undefined);
    req.write('{"a":', () => setTimeout(() => req.destroy(), 50));
    for (let i = 0; i < 100 && !outcome; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(outcome, { status: 400 });
  });
});

describe('the demo server', () => {
  const serverScript = fileURLToPath(new URL('../../demo/server.mjs', import.meta.url));
  let dataDir: string;
  let demo: { base: string; child: ChildProcess; output: () => string };

  async function start(dir = dataDir): Promise<typeof demo> {
    const child = spawn(process.execPath, [serverScript], {
      env: { ...process.env, PORT: '0', DATA_DIR: dir, PUZZLE_DIFFICULTY: String(DIFFICULTY) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`demo server did not start:\n${output}`)), 10_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /storefront\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
        if (url) {
          clearTimeout(timer);
          resolve(url);
        }
      });
      child.on('exit', (code) => reject(new Error(`demo server exited (${code}):\n${output}`)));
    });
    return { base, child, output: () => output };
  }

  async function stop(server = demo) {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }

  const stored = () =>
    readFileSync(join(dataDir, 'requests.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { reference: string; receivedAt: string; idempotencyKey: string | null; request: unknown });

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'refund-demo-'));
    assert.ok(
      existsSync(fileURLToPath(new URL('../../lib/server/index.js', import.meta.url))),
      'the demo runs on the built lib/: run `npm run build:lib` first',
    );
    demo = await start();
  });
  after(async () => {
    // Unset when `before` failed.
    if (demo) await stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('serves the storefront page under a strict CSP', async () => {
    const page = await send(demo.base, '/');
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(page.headers['content-security-policy'], CSP);
    assert.equal(page.headers['cache-control'], 'no-store');
    assert.equal(page.headers['x-content-type-options'], 'nosniff');
    assert.match(
      page.body,
      /<refund-exchange-form endpoint="\/api\/requests" sitekey="demo" puzzle-endpoint="\/api\/puzzle"><\/refund-exchange-form>/,
    );
    assert.match(page.body, /<script type="module" src="\/dist\/refund-exchange-form\.js"><\/script>/);
    assert.doesNotMatch(page.body, /style=|<style|<script>/);
  });

  it('serves each regional storefront in its own language, linking all of them', async () => {
    const index = await send(demo.base, '/');
    for (const [file, lang, first, eu] of STOREFRONTS) {
      const path = `/demo/${file}.html`;
      const page = await send(demo.base, path);
      assert.equal(page.status, 200, path);
      assert.equal(page.headers['content-type'], 'text/html; charset=utf-8', path);
      assert.equal(page.headers['content-security-policy'], CSP, path);
      assert.match(page.body, new RegExp(`<html lang="${lang}">`), path);
      assert.match(page.body, /<script type="module" src="\/dist\/refund-exchange-form\.js"><\/script>/, path);
      assert.doesNotMatch(page.body, /style=|<style|<script>/, path);

      const element = /<refund-exchange-form ([^>]*)><\/refund-exchange-form>/.exec(page.body)?.[1] ?? '';
      assert.match(element, /^endpoint="\/api\/requests" sitekey="demo" puzzle-endpoint="\/api\/puzzle" /, path);
      const offered = /marketplaces="([^"]*)"/.exec(element)?.[1]?.split(' ') ?? [];
      assert.equal(offered[0], first, path);
      for (const id of offered) assert.ok((MARKETPLACE_IDS as readonly string[]).includes(id), `${path}: ${id}`);
      assert.equal(/warranty-months="24"/.test(element), eu, path);

      // The switcher names every storefront in its own language and marks this one.
      const links = [...page.body.matchAll(/<a href="\/demo\/([a-z-]+)\.html" lang="[^"]+" hreflang="[^"]+"( aria-current="page")?>/g)];
      assert.deepEqual(links.map((m) => m[1]), STOREFRONTS.map(([f]) => f), path);
      assert.deepEqual(links.filter((m) => m[2]).map((m) => m[1]), [file], path);
      assert.ok(index.body.includes(`<a href="${path}" lang=`), `the index links ${path}`);
    }
  });

  it('serves the demo files with their types', async () => {
    const css = await send(demo.base, '/demo/demo.css');
    assert.equal(css.status, 200);
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
    assert.equal(css.headers['cache-control'], 'no-store');
    const icon = await send(demo.base, '/demo/favicon.svg', { method: 'HEAD' });
    assert.equal(icon.status, 200);
    assert.equal(icon.headers['content-type'], 'image/svg+xml');
    assert.equal(icon.body, '');
  });

  it('refuses paths that leave the served folders or name no servable file', async () => {
    for (const path of [
      '/demo/../package.json',
      '/dist/../package.json',
      '/demo/%2e%2e/package.json',
      '/demo/%2E%2E/%2E%2E/etc/passwd',
      '/demo/..%2fpackage.json',
      '/demo/%2e%2e%2fpackage.json',
      '/demo/..%5cpackage.json',
      '/demo/%00index.html',
      '/demo/%E0%A4%A',
      '/demo/server.mjs',
      '/demo/server/store.mjs',
      '/demo/',
      '/package.json',
    ]) {
      const answer = await send(demo.base, path);
      assert.equal(answer.status, 404, path);
      assert.doesNotMatch(answer.body, /refund-exchange-form|store/, path);
    }
  });

  it('stores a valid request and answers 201 with a reference', async () => {
    const key = '6f1c2d3e-4b5a-4c6d-8e7f-901234567890';
    const request = await withCaptcha(demo.base, { ...VALID, serialNumber: 'SN: q7 7001' });
    const answer = await postJson(demo.base, request, { 'Idempotency-Key': key });
    assert.equal(answer.status, 201);
    assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8');
    const { reference } = JSON.parse(answer.body) as { reference: string };
    assert.match(reference, REFERENCE);
    const entry = stored().find((e) => e.reference === reference);
    assert.ok(entry);
    assert.equal(entry.idempotencyKey, key);
    assert.ok(Math.abs(Date.parse(entry.receivedAt) - Date.now()) < 60_000);
    assert.deepEqual(entry.request, { ...VALID, serialNumber: 'Q77001', captcha: request.captcha });
  });

  it('answers 422 with the contract errors and stores nothing, leaving the captcha unused', async () => {
    const before = stored().length;
    const request = await withCaptcha(demo.base);
    const answer = await postJson(demo.base, { ...request, orderId: '12-34', resolution: 'return' });
    assert.equal(answer.status, 422);
    assert.deepEqual(JSON.parse(answer.body), {
      errors: [
        { field: 'orderId', message: 'Enter the order ID from your Amazon order history, like 123-1234567-1234567.' },
        { field: 'resolution', message: 'Choose whether you want a refund or an exchange.' },
      ],
    });
    assert.equal(stored().length, before);
    // The customer corrects the form and sends it with the same solution.
    assert.equal((await postJson(demo.base, request)).status, 201);
  });

  it('answers bodies it cannot read with 400, 413 or 415 and an error for the whole form', async () => {
    const broken = await send(demo.base, '/api/requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"marketplace":',
    });
    assert.equal(broken.status, 400);
    assert.deepEqual(JSON.parse(broken.body), { errors: [{ field: '', message: 'The request body is not valid JSON.' }] });

    const form = await send(demo.base, '/api/requests', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=Sam',
    });
    assert.equal(form.status, 415);

    const huge = await new Promise<number>((resolve, reject) => {
      const req = httpRequest(`${demo.base}/api/requests`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Length': String(50 * 1024 * 1024) },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.flushHeaders();
    });
    assert.equal(huge, 413);
  });

  it('stores a request once per Idempotency-Key and repeats its reference', async () => {
    const key = 'b1f7c0de-0000-4000-8000-00000000abcd';
    // Retries of one submission carry its captcha, already used up by the first attempt.
    const request = await withCaptcha(demo.base);
    const first = await postJson(demo.base, request, { 'Idempotency-Key': key });
    const again = await postJson(demo.base, request, { 'Idempotency-Key': key });
    // Retries may also overlap with the first attempt still being written.
    const other = await withCaptcha(demo.base);
    const racing = await Promise.all([
      postJson(demo.base, other, { 'Idempotency-Key': `${key}-2` }),
      postJson(demo.base, other, { 'Idempotency-Key': `${key}-2` }),
    ]);
    assert.deepEqual(
      [first, again, ...racing].map((a) => a.status),
      [201, 201, 201, 201],
    );
    assert.equal(again.body, first.body);
    assert.equal(racing[0].body, racing[1].body);
    assert.notEqual(racing[0].body, first.body);
    assert.equal(stored().filter((e) => e.idempotencyKey === key).length, 1);
    assert.equal(stored().filter((e) => e.idempotencyKey === `${key}-2`).length, 1);
  });

  it('gives every submission without a key its own reference', async () => {
    const one = await postJson(demo.base, await withCaptcha(demo.base));
    const two = await postJson(demo.base, await withCaptcha(demo.base));
    assert.deepEqual([one.status, two.status], [201, 201]);
    assert.notEqual(one.body, two.body);
  });

  it('keeps requests and keys across a restart', async () => {
    const key = 'c2e8d1ef-1111-4111-9111-111111111111';
    const request = await withCaptcha(demo.base, { ...VALID, name: 'Before Restart' });
    const first = await postJson(demo.base, request, { 'Idempotency-Key': key });
    const { reference } = JSON.parse(first.body) as { reference: string };
    await stop();
    demo = await start();
    const inbox = await send(demo.base, '/inbox');
    assert.match(inbox.body, new RegExp(reference));
    assert.match(inbox.body, /Before Restart/);
    const retried = await postJson(demo.base, request, { 'Idempotency-Key': key });
    assert.equal(retried.status, 201);
    assert.equal(retried.body, first.body);
    assert.equal(stored().filter((e) => e.idempotencyKey === key).length, 1);
  });

  it('skips a line cut short by a crash and writes the next entry on a line of its own', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'refund-demo-crash-'));
    const file = join(dir, 'requests.jsonl');
    const whole = { reference: 'RX-200101-AAAAA', receivedAt: '2020-01-01T00:00:00.000Z', idempotencyKey: 'k-1', request: VALID };
    const cut = '{"reference":"RX-200101-BBBBB","receivedAt":"2020-01-01T00:00:01.000Z","idempot';
    writeFileSync(file, `${JSON.stringify(whole)}\n${cut}`);
    const crashed = await start(dir);
    try {
      const inbox = await send(crashed.base, '/inbox');
      assert.match(inbox.body, /RX-200101-AAAAA/);
      assert.doesNotMatch(inbox.body, /RX-200101-BBBBB/);
      assert.match(crashed.output(), /skipping 1 unreadable line/);
      // A known key answers before its captcha is looked at.
      const replay = await postJson(crashed.base, { ...VALID, captcha: 'used.long.ago.x' }, { 'Idempotency-Key': 'k-1' });
      assert.deepEqual(JSON.parse(replay.body), { reference: 'RX-200101-AAAAA' });
      const fresh = await postJson(crashed.base, await withCaptcha(crashed.base));
      const lines = readFileSync(file, 'utf8').split('\n');
      assert.deepEqual(lines.slice(0, 2), [JSON.stringify(whole), cut]);
      assert.equal((JSON.parse(lines[2] ?? '') as { reference: string }).reference, JSON.parse(fresh.body).reference);
      assert.equal(lines[3], '');
    } finally {
      await stop(crashed);
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('lists requests newest first in the inbox, with every value escaped', async () => {
    const hostile = {
      ...VALID,
      name: '<script>alert(1)</script>',
      productName: '"><img src=x onerror=alert(2)>',
      reason: 'other',
      details: "It's <b>broken</b> & loud",
      images: [{ name: '<svg onload=alert(3)>.png', type: 'image/png', width: 1, height: 1, data: PNG }],
    };
    const posted = await postJson(demo.base, await withCaptcha(demo.base, hostile));
    const { reference } = JSON.parse(posted.body) as { reference: string };
    const inbox = await send(demo.base, '/inbox');
    assert.equal(inbox.status, 200);
    assert.equal(inbox.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(inbox.headers['content-security-policy'], CSP);
    assert.doesNotMatch(inbox.body, /<script|<img src=x|<svg|<b>/);
    assert.match(inbox.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(inbox.body, /&quot;&gt;&lt;img src=x onerror=alert\(2\)&gt;/);
    assert.match(inbox.body, /It&#39;s &lt;b&gt;broken&lt;\/b&gt; &amp; loud/);
    // The solution string is noise to whoever reads the inbox.
    assert.match(inbox.body, /<dd>solved<\/dd>/);
    assert.ok(inbox.body.includes(`<img src="data:image/png;base64,${PNG}" alt="&lt;svg onload=alert(3)&gt;.png"`));
    const order = [...inbox.body.matchAll(/<h2>(RX-[^<]+)<\/h2>/g)].map((m) => m[1]);
    assert.equal(order[0], reference);
    assert.deepEqual(order, stored().map((e) => e.reference).reverse());
  });

  it('answers CORS preflights from loopback origins only', async () => {
    const preflight = (origin: string) =>
      send(demo.base, '/api/requests', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type,idempotency-key',
        },
      });
    const local = await preflight('http://localhost:5173');
    assert.equal(local.status, 204);
    assert.equal(local.headers['access-control-allow-origin'], 'http://localhost:5173');
    assert.equal(local.headers['access-control-allow-methods'], 'POST');
    assert.equal(local.headers['access-control-allow-headers'], 'Content-Type, Idempotency-Key');
    assert.equal(local.headers['vary'], 'Origin');

    const foreign = await preflight('https://shop.example.com');
    assert.equal(foreign.headers['access-control-allow-origin'], undefined);

    const posted = await postJson(demo.base, await withCaptcha(demo.base), { Origin: 'http://127.0.0.1:3000' });
    assert.equal(posted.status, 201);
    assert.equal(posted.headers['access-control-allow-origin'], 'http://127.0.0.1:3000');
  });

  it('refuses other methods', async () => {
    const get = await send(demo.base, '/api/requests');
    assert.equal(get.status, 405);
    assert.equal(get.headers['allow'], 'POST, OPTIONS');
    const post = await send(demo.base, '/inbox', { method: 'POST', body: 'x' });
    assert.equal(post.status, 405);
    assert.equal(post.headers['allow'], 'GET, HEAD');
    const puzzle = await send(demo.base, '/api/puzzle', { method: 'POST', body: 'x' });
    assert.equal(puzzle.status, 405);
    assert.equal(puzzle.headers['allow'], 'GET, OPTIONS');
  });

  describe('captcha', () => {
    const CAPTCHA_FAILED = { field: 'captcha', message: 'The anti-robot check failed. Please try again.' };
    const CAPTCHA_EXPIRED = { field: 'captcha', message: 'The anti-robot check expired. Please try again.' };
    const CAPTCHA_MISSING = { field: 'captcha', message: 'Please wait until the anti-robot check has finished.' };
    const errorsOf = (answer: Answer) => (JSON.parse(answer.body) as { errors: unknown }).errors;

    it('issues fresh signed puzzles as the widget expects them, never cached', async () => {
      const answer = await send(demo.base, '/api/puzzle?sitekey=demo', { headers: { 'x-frc-client': 'js-0.9.20' } });
      assert.equal(answer.status, 200);
      assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(answer.headers['cache-control'], 'no-store');
      const body = JSON.parse(answer.body) as { data: { puzzle: string } };
      assert.deepEqual(Object.keys(body), ['data']);
      assert.deepEqual(Object.keys(body.data), ['puzzle']);
      assert.match(body.data.puzzle, /^[0-9a-f]{64}\.[A-Za-z0-9+/]{43}=$/);
      const bytes = puzzleBytes(body.data.puzzle);
      const issuedAt = new DataView(bytes.buffer).getUint32(0) * 1000;
      assert.ok(Math.abs(issuedAt - Date.now()) < 60_000);
      assert.deepEqual([bytes[12], bytes[15]], [1, DIFFICULTY]);
      assert.notEqual(await fetchPuzzle(demo.base), body.data.puzzle);
    });

    it('answers puzzle preflights from loopback origins, allowing the widget header', async () => {
      const preflight = (origin: string) =>
        send(demo.base, '/api/puzzle?sitekey=demo', {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'x-frc-client' },
        });
      const local = await preflight('http://localhost:5173');
      assert.equal(local.status, 204);
      assert.equal(local.headers['access-control-allow-origin'], 'http://localhost:5173');
      assert.equal(local.headers['access-control-allow-methods'], 'GET');
      assert.equal(local.headers['access-control-allow-headers'], 'x-frc-client');
      assert.equal(local.headers['vary'], 'Origin');
      assert.equal((await preflight('https://shop.example.com')).headers['access-control-allow-origin'], undefined);
      const got = await send(demo.base, '/api/puzzle', { headers: { Origin: 'http://[::1]:8080' } });
      assert.equal(got.headers['access-control-allow-origin'], 'http://[::1]:8080');
    });

    it('accepts a solved puzzle once: replayed under a new key, it is refused', async () => {
      const request = await withCaptcha(demo.base);
      const first = await postJson(demo.base, request, { 'Idempotency-Key': 'd3f9e2a0-2222-4222-a222-222222222222' });
      assert.equal(first.status, 201);
      const before = stored().length;
      const replayed = await postJson(demo.base, request, { 'Idempotency-Key': 'd3f9e2a0-3333-4333-a333-333333333333' });
      assert.equal(replayed.status, 422);
      assert.deepEqual(errorsOf(replayed), [CAPTCHA_EXPIRED]);
      const keyless = await postJson(demo.base, request);
      assert.deepEqual(errorsOf(keyless), [CAPTCHA_EXPIRED]);
      assert.equal(stored().length, before);
    });

    it('gives a retry under the same key its reference, not a replay error', async () => {
      const key = 'e4a0f3b1-4444-4444-b444-444444444444';
      const request = await withCaptcha(demo.base);
      const first = await postJson(demo.base, request, { 'Idempotency-Key': key });
      const retry = await postJson(demo.base, request, { 'Idempotency-Key': key });
      assert.deepEqual([first.status, retry.status], [201, 201]);
      assert.match((JSON.parse(retry.body) as { reference: string }).reference, REFERENCE);
      assert.equal(retry.body, first.body);
    });

    it('refuses a missing, malformed, tampered or unsolved captcha with 422 and stores nothing', async () => {
      const before = stored().length;
      for (const captcha of [undefined, '', 42]) {
        const missing = await postJson(demo.base, { ...VALID, captcha });
        assert.equal(missing.status, 422, String(captcha));
        assert.deepEqual(errorsOf(missing), [CAPTCHA_MISSING], String(captcha));
      }

      const puzzle = await fetchPuzzle(demo.base);
      const solution = solve(puzzle);
      const tampered = `${solution[0] === 'a' ? 'b' : 'a'}${solution.slice(1)}`;
      // The first solution replaced by a second copy of another one, or by a wrong answer.
      const solutions = Buffer.from(solution.split('.')[2] ?? '', 'base64');
      const withFirst = (first: Uint8Array) =>
        [puzzle, Buffer.concat([first, solutions.subarray(8)]).toString('base64'), 'AAAA'].join('.');
      const wrong = new Uint8Array(8);
      for (let n = 0; solutionMeetsDifficulty(puzzleBytes(puzzle), wrong, DIFFICULTY); n++) new DataView(wrong.buffer).setUint32(4, n);
      for (const captcha of [tampered, 'a.b.c.d', withFirst(solutions.subarray(8, 16)), withFirst(wrong)]) {
        const answer = await postJson(demo.base, { ...VALID, captcha });
        assert.equal(answer.status, 422, captcha);
        assert.deepEqual(errorsOf(answer), [CAPTCHA_FAILED], captcha);
      }
      assert.equal(stored().length, before);
      // None of those used up the genuine solution.
      assert.equal((await postJson(demo.base, { ...VALID, captcha: solution })).status, 201);
    });

    it('refuses a solved puzzle past its expiry', async () => {
      const secret = readFileSync(join(dataDir, 'puzzle-secret'));
      const bytes = encodePuzzle({
        timestamp: Math.floor(Date.now() / 1000) - 3600,
        account: 0,
        app: 0,
        expiryUnits: 6,
        solutions: 4,
        difficulty: DIFFICULTY,
        nonce: randomBytes(8),
      });
      const answer = await postJson(demo.base, { ...VALID, captcha: solve(signPuzzle(bytes, secret)) });
      assert.equal(answer.status, 422);
      assert.deepEqual(errorsOf(answer), [CAPTCHA_EXPIRED]);
    });

    it('keeps its secret, readable by the owner only, so puzzles survive a restart', async () => {
      const file = join(dataDir, 'puzzle-secret');
      const secret = readFileSync(file);
      assert.equal(secret.length, 32);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      const puzzle = await fetchPuzzle(demo.base);
      await stop();
      demo = await start();
      assert.deepEqual(readFileSync(file), secret);
      const answer = await postJson(demo.base, { ...VALID, captcha: solve(puzzle) });
      assert.equal(answer.status, 201);
    });
  });
});
