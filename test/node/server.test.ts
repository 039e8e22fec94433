import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, OutgoingHttpHeaders, Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import pg from 'pg';
import { startPostgres } from '../../scripts/postgres.mjs';
import type { Postgres } from '../../scripts/postgres.mjs';
import { MARKETPLACE_IDS } from '../../src/marketplaces.js';
import { puzzleBytes, solve } from './solve.js';
import { PNG } from './samples.js';
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
const REFERENCE = /^RX-\d{6}-[2-9A-HJ-NP-Z]{6}$/;
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
  /** The bytes as they came, before any decoding. */
  raw: Buffer;
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
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), raw: Buffer.concat(chunks) }),
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
        { field: 'orderId', message: 'An Amazon order ID has 17\u00a0digits, like 123\u20111234567\u20111234567. This one has 6.' },
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
      errors: [{ field: 'images', message: 'Attach at most 1\u00a0photo.' }],
    });
    assert.deepEqual(parseRequest(VALID, { marketplaces: ['amazon.de'], captcha: true }), {
      ok: false,
      errors: [
        { field: 'marketplace', message: 'Choose the site where you bought the product.' },
        { field: 'captcha', message: 'Please wait until the anti-robot check is complete.' },
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
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '', raw: Buffer.alloc(0) }));
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
  const INBOX_CSP = CSP.replace("form-action 'none'", "form-action 'self'");
  const TOKEN = randomBytes(18).toString('base64url');
  const BEARER = { Authorization: `Bearer ${TOKEN}` };
  const PNG_BYTES = Buffer.from(PNG, 'base64');

  interface Demo {
    base: string;
    child: ChildProcess;
    env: Record<string, string>;
    output: () => string;
  }
  interface ItemImage {
    name: string;
    type: string;
    width: number;
    height: number;
    bytes: number;
    href: string;
  }
  interface Item {
    reference: string;
    idempotencyKey: string | null;
    receivedAt: string;
    request: Record<string, unknown> & { images?: ItemImage[] };
  }
  interface Items {
    items: Item[];
    next: string;
  }

  const running = new Set<Demo>();
  const dirs: string[] = [];
  let postgres: Postgres | undefined;
  /** PGlite in DATA_DIR, the captcha on, no INBOX_TOKEN (this machine only). Restarted once. */
  let demo: Demo;
  let dataDir: string;
  /** CAPTCHA=off and INBOX_TOKEN, its requests in PostgreSQL (DATABASE_URL). */
  let locked: Demo;
  /** A connection to `locked` that has sent nothing since it opened. */
  let idle: Promise<{ openFor: number; received: string }>;

  const tempDir = async (name: string) => {
    const dir = await mkdtemp(join(tmpdir(), `refund-demo-${name}-`));
    dirs.push(dir);
    return dir;
  };

  /** Starts demo/server.mjs on a free port: what `env` does not set is unset, whatever this process has. */
  async function start(env: Record<string, string>): Promise<Demo> {
    const child = spawn(process.execPath, [serverScript], {
      env: {
        ...process.env,
        PORT: '0',
        DATABASE_URL: '',
        CAPTCHA: '',
        INBOX_TOKEN: '',
        PUZZLE_DIFFICULTY: String(DIFFICULTY),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const started: Demo = { base: '', child, env, output: () => output };
    running.add(started);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.base = await new Promise<string>((resolve, reject) => {
      // PGlite's first open of a data dir runs initdb: seconds, more on a busy machine.
      const timer = setTimeout(() => reject(new Error(`demo server did not start:\n${output}`)), 90_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const url = /storefront\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
        if (url && /\n\s+store\s+\S/.test(output)) {
          clearTimeout(timer);
          resolve(url);
        }
      });
      child.on('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`demo server exited (${code}):\n${output}`));
      });
    });
    return started;
  }

  async function stop(server: Demo) {
    running.delete(server);
    if (server.child.exitCode !== null || server.child.signalCode !== null) return;
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
  }

  /** A raw TCP connection that sends nothing: how long until the server closes it, and what it said. */
  function idleConnection(base: string): Promise<{ openFor: number; received: string }> {
    const { hostname, port } = new URL(base);
    return new Promise((resolve, reject) => {
      const socket = connect(Number(port), hostname);
      let opened = Date.now();
      let received = '';
      socket.setEncoding('utf8');
      socket.on('connect', () => (opened = Date.now()));
      socket.on('data', (chunk: string) => (received += chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve({ openFor: Date.now() - opened, received }));
      // Should the server never close it, the test fails instead of waiting for ever.
      socket.setTimeout(30_000, () => socket.destroy());
    });
  }

  const json = <T>(answer: Answer) => JSON.parse(answer.body) as T;
  const referenceOf = (answer: Answer) => json<{ reference: string }>(answer).reference;

  /** Every stored request, oldest first, read through the read API a page at a time. */
  async function readAll(base: string, headers: OutgoingHttpHeaders = {}): Promise<Item[]> {
    const items: Item[] = [];
    let next = '';
    for (;;) {
      const answer = await send(base, `/api/requests?limit=100${next && `&after=${encodeURIComponent(next)}`}`, { headers });
      assert.equal(answer.status, 200, answer.body);
      const page = json<Items>(answer);
      if (!page.items.length) return items;
      items.push(...page.items);
      next = page.next;
    }
  }

  /** GET `path`, its body as bytes. */
  const download = (base: string, path: string, headers: OutgoingHttpHeaders = {}) =>
    new Promise<{ status: number; headers: IncomingHttpHeaders; bytes: Buffer }>((resolve, reject) => {
      httpRequest(`${base}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      })
        .on('error', reject)
        .end();
    });

  /** The references of an inbox page, top to bottom. */
  const inboxOrder = (html: string) => [...html.matchAll(/<h2>(RX-[^<]+)<\/h2>/g)].map((m) => m[1]);

  before(async () => {
    assert.ok(
      existsSync(fileURLToPath(new URL('../../lib/server/index.js', import.meta.url))),
      'the demo runs on the built lib/: run `npm run build:lib` first',
    );
    dataDir = await tempDir('pglite');
    const lockedDir = await tempDir('locked');
    // Both at once: PGlite's initdb is the long part.
    [demo, locked] = await Promise.all([
      start({ DATA_DIR: dataDir }),
      startPostgres().then((server) => {
        postgres = server;
        return start({ DATA_DIR: lockedDir, DATABASE_URL: server.url, CAPTCHA: 'off', INBOX_TOKEN: TOKEN });
      }),
    ]);
    idle = idleConnection(locked.base);
    // Awaited by its own test, last; this only keeps an early failure from going unhandled.
    idle.catch(() => undefined);
  });
  after(async () => {
    await Promise.all([...running].map(stop));
    await postgres?.stop();
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
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

      // Each EU storefront has its "withdraw from contract here" page, with the withdrawal function.
      const withdrawalPath = `/demo/${file}-withdrawal.html`;
      assert.equal(page.body.includes(`<a href="${withdrawalPath}">`), eu, path);
      const withdrawal = await send(demo.base, withdrawalPath);
      assert.equal(withdrawal.status, eu ? 200 : 404, withdrawalPath);
      if (!eu) continue;
      assert.match(withdrawal.body, new RegExp(`<html lang="${lang}">`), withdrawalPath);
      const form = /<refund-exchange-form ([^>]*)><\/refund-exchange-form>/.exec(withdrawal.body)?.[1] ?? '';
      assert.match(form, / withdrawal /, withdrawalPath);
      assert.ok(withdrawal.body.includes(`<a href="${path}">`), withdrawalPath);
    }
  });

  it('takes a withdrawal statement without a captcha and mails its acknowledgement, in its language, to its catcher', async () => {
    const statement = {
      kind: 'withdrawal',
      marketplace: 'shop.kestrel-kitchen.example',
      email: 'lena@example.de',
      name: 'Lena Vogel',
      orderId: 'KK-104233',
      locale: 'de-DE',
      confirmedAt: new Date().toISOString(),
    };
    const answer = await postJson(demo.base, statement, { 'Idempotency-Key': randomUUID() });
    assert.equal(answer.status, 201, answer.body);
    const reference = referenceOf(answer);
    const deadline = Date.now() + 10_000;
    while (!demo.output().includes(`Eingangsbestätigung Ihres Widerrufs (${reference})`) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const output = demo.output();
    assert.ok(output.includes(`mail to lena@example.de: Eingangsbestätigung Ihres Widerrufs (${reference})`), output.slice(-2000));
    assert.ok(output.includes('Hiermit widerrufe ich meinen Vertrag über die Bestellung KK-104233 bei Kestrel Kitchen Onlineshop.'));
    const entry = (await readAll(demo.base)).find((e) => e.reference === reference);
    assert.deepEqual(entry?.request, { ...statement, verified: false });
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

  it('compresses pages and the script, caches chunks for good and revalidates the entry', async () => {
    const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
    const entry = readFileSync(join(dist, 'refund-exchange-form.js'));
    const br = await send(demo.base, '/dist/refund-exchange-form.js', { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    // Varying by Origin too: a copy cached for one origin must not serve another (CORS).
    assert.equal(br.headers['vary'], 'Origin, Accept-Encoding');
    assert.equal(br.headers['cache-control'], 'no-cache');
    assert.ok(brotliDecompressSync(br.raw).equals(entry));
    assert.ok(br.raw.length < entry.length / 3, `${br.raw.length} of ${entry.length} bytes`);
    const again = await send(demo.base, '/dist/refund-exchange-form.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br', 'If-None-Match': String(br.headers['etag']) },
    });
    assert.equal(again.status, 304);
    assert.equal(again.raw.length, 0);

    const gzip = await send(demo.base, '/dist/refund-exchange-form.js', { headers: { 'Accept-Encoding': 'gzip' } });
    assert.equal(gzip.headers['content-encoding'], 'gzip');
    assert.ok(gunzipSync(gzip.raw).equals(entry));
    assert.notEqual(gzip.headers['etag'], br.headers['etag']);
    const refused = await send(demo.base, '/dist/refund-exchange-form.js', { headers: { 'Accept-Encoding': 'br;q=0, gzip' } });
    assert.equal(refused.headers['content-encoding'], 'gzip');
    const plain = await send(demo.base, '/dist/refund-exchange-form.js');
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.ok(plain.raw.equals(entry));

    const chunk = /chunks\/[\w-]+\.js/.exec(entry.toString('utf8'))?.[0];
    assert.ok(chunk, 'the entry names its chunks');
    const lazy = await send(demo.base, `/dist/${chunk}`, { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(lazy.status, 200);
    assert.equal(lazy.headers['cache-control'], 'public, max-age=31536000, immutable');

    const page = await send(demo.base, '/demo/de.html', { headers: { 'Accept-Encoding': 'br' } });
    assert.equal(page.headers['content-encoding'], 'br');
    assert.match(brotliDecompressSync(page.raw).toString('utf8'), /<html lang="de-DE">/);
    assert.equal(page.headers['cache-control'], 'no-store');
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
      '/demo/server/app.mjs',
      '/demo/',
      '/package.json',
      '/lib/server/index.js',
    ]) {
      const answer = await send(demo.base, path);
      assert.equal(answer.status, 404, path);
      assert.doesNotMatch(answer.body, /refund-exchange-form|store|createDemo/, path);
    }
  });

  it('stores a valid request and answers 201 with a reference, read back through the read API', async () => {
    const key = randomUUID();
    const request = await withCaptcha(demo.base, { ...VALID, serialNumber: 'SN: q7 7001' });
    const answer = await postJson(demo.base, request, { 'Idempotency-Key': key });
    assert.equal(answer.status, 201, answer.body);
    assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(answer.headers['idempotent-replayed'], undefined);
    const reference = referenceOf(answer);
    assert.match(reference, REFERENCE);

    const entry = (await readAll(demo.base)).find((e) => e.reference === reference);
    assert.ok(entry);
    assert.equal(entry.idempotencyKey, key);
    assert.ok(Math.abs(Date.parse(entry.receivedAt) - Date.now()) < 60_000);
    // The reference carries the (UTC) day it was received.
    assert.equal(reference.slice(3, 9), entry.receivedAt.slice(2, 10).replaceAll('-', ''));
    // Normalized, and the captcha solution has done its job: it is not kept.
    assert.deepEqual(entry.request, { ...VALID, serialNumber: 'Q77001' });
    // The requests live in the PGlite database in DATA_DIR.
    assert.ok(existsSync(join(dataDir, 'pglite')));
  });

  it('answers 422 with the contract errors and stores nothing, leaving the captcha unused', async () => {
    const before = (await readAll(demo.base)).length;
    const request = await withCaptcha(demo.base);
    const answer = await postJson(demo.base, { ...request, orderId: '12-34', resolution: 'return' });
    assert.equal(answer.status, 422);
    assert.deepEqual(JSON.parse(answer.body), {
      errors: [
        { field: 'orderId', message: 'An Amazon order ID has 17\u00a0digits, like 123\u20111234567\u20111234567. This one has 4.' },
        { field: 'resolution', message: 'Choose whether you want a refund or an exchange.' },
      ],
    });
    assert.equal((await readAll(demo.base)).length, before);
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
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    assert.equal(huge, 413);
  });

  it('stores a request once per Idempotency-Key: a repeat gets its reference, another body a 422', async () => {
    const key = randomUUID();
    // Retries of one submission carry its captcha, already used up by the first attempt.
    const request = await withCaptcha(demo.base);
    const first = await postJson(demo.base, request, { 'Idempotency-Key': key });
    const again = await postJson(demo.base, request, { 'Idempotency-Key': key });
    assert.deepEqual([first.status, again.status], [201, 201]);
    assert.equal(again.body, first.body);
    assert.equal(first.headers['idempotent-replayed'], undefined);
    assert.equal(again.headers['idempotent-replayed'], 'true');
    // The same request spelled differently is the same request.
    const reordered = Object.fromEntries(Object.entries(request).reverse());
    const respelled = await postJson(demo.base, { ...reordered, orderId: ` ${VALID.orderId} ` }, { 'Idempotency-Key': key });
    assert.equal(respelled.status, 201);
    assert.equal(respelled.body, first.body);

    const changed = await postJson(demo.base, { ...request, name: 'Someone Else' }, { 'Idempotency-Key': key });
    assert.equal(changed.status, 422);
    assert.deepEqual(JSON.parse(changed.body), {
      errors: [
        {
          field: '',
          message: 'This Idempotency-Key was already used for a different request. Send a new submission with a new key.',
        },
      ],
    });

    // Retries may also overlap with the first attempt still being written.
    const other = await withCaptcha(demo.base);
    const racing = await Promise.all([
      postJson(demo.base, other, { 'Idempotency-Key': `${key}-2` }),
      postJson(demo.base, other, { 'Idempotency-Key': `${key}-2` }),
    ]);
    assert.deepEqual(racing.map((a) => a.status), [201, 201]);
    assert.equal(racing[0].body, racing[1].body);
    assert.notEqual(racing[0].body, first.body);
    assert.equal(racing.filter((a) => a.headers['idempotent-replayed'] === 'true').length, 1);

    const all = await readAll(demo.base);
    assert.equal(all.filter((e) => e.idempotencyKey === key).length, 1);
    assert.equal(all.filter((e) => e.idempotencyKey === `${key}-2`).length, 1);
    assert.equal(all.find((e) => e.idempotencyKey === key)?.request.name, VALID.name);
  });

  it('gives every submission without a key its own reference', async () => {
    const one = await postJson(demo.base, await withCaptcha(demo.base));
    const two = await postJson(demo.base, await withCaptcha(demo.base));
    assert.deepEqual([one.status, two.status], [201, 201]);
    assert.notEqual(one.body, two.body);
    const keys = (await readAll(demo.base)).filter((e) => [referenceOf(one), referenceOf(two)].includes(e.reference));
    assert.deepEqual(keys.map((e) => e.idempotencyKey), [null, null]);
  });

  it('reads requests back oldest first, after a cursor, with photos as links', async () => {
    const posted: string[] = [];
    for (const name of ['Reader One', 'Reader Two', 'Reader Three']) {
      const images = name === 'Reader Two' ? [{ name: 'scratch.png', type: 'image/png', width: 1, height: 1, data: PNG }] : undefined;
      const answer = await postJson(demo.base, await withCaptcha(demo.base, { ...VALID, name, images }));
      assert.equal(answer.status, 201, answer.body);
      posted.push(referenceOf(answer));
    }
    const all = await readAll(demo.base);
    assert.deepEqual(all.slice(-3).map((e) => e.reference), posted);

    const first = await send(demo.base, '/api/requests?limit=1');
    assert.equal(first.status, 200);
    assert.equal(first.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(first.headers['cache-control'], 'no-store');
    const page = json<Items>(first);
    assert.deepEqual(Object.keys(page).sort(), ['items', 'next']);
    assert.deepEqual(page.items, all.slice(0, 1));
    assert.deepEqual(Object.keys(page.items[0]!).sort(), ['idempotencyKey', 'receivedAt', 'reference', 'request']);
    const second = json<Items>(await send(demo.base, `/api/requests?limit=2&after=${encodeURIComponent(page.next)}`));
    assert.deepEqual(second.items, all.slice(1, 3));
    // Out of range, the limit is brought into it; unreadable, it is the default.
    assert.equal(json<Items>(await send(demo.base, '/api/requests?limit=0')).items.length, 1);
    assert.equal(json<Items>(await send(demo.base, '/api/requests?limit=-3')).items.length, 1);
    assert.equal(json<Items>(await send(demo.base, '/api/requests?limit=many')).items.length, Math.min(50, all.length));

    // Caught up: no items, and a cursor to come back with.
    const last = json<Items>(await send(demo.base, `/api/requests?after=${encodeURIComponent(second.next)}&limit=100`));
    assert.deepEqual(last.items.map((e) => e.reference), all.slice(3).map((e) => e.reference));
    const end = json<Items>(await send(demo.base, `/api/requests?after=${encodeURIComponent(last.next)}`));
    assert.deepEqual(end, { items: [], next: last.next });

    const withPhoto = all.find((e) => e.reference === posted[1]);
    const href = `/api/requests/${posted[1]}/images/0`;
    assert.deepEqual(withPhoto?.request.images, [
      { name: 'scratch.png', type: 'image/png', width: 1, height: 1, bytes: PNG_BYTES.length, href },
    ]);
    const photo = await download(demo.base, href);
    assert.equal(photo.status, 200);
    assert.deepEqual(photo.bytes, PNG_BYTES);
    assert.equal(photo.headers['content-type'], 'image/png');
    assert.equal(photo.headers['content-security-policy'], "default-src 'none'; sandbox");
    assert.equal(photo.headers['x-content-type-options'], 'nosniff');
    for (const missing of [`/api/requests/${posted[1]}/images/1`, `/api/requests/${posted[0]}/images/0`, '/api/requests/RX-000000-ZZZZZZ/images/0']) {
      assert.equal((await send(demo.base, missing)).status, 404, missing);
    }
  });

  it('keeps requests, keys, used puzzles and the puzzle secret across a restart', async () => {
    const secretFile = join(dataDir, 'puzzle-secret');
    const secret = readFileSync(secretFile);
    assert.equal(secret.length, 32);
    assert.equal(statSync(secretFile).mode & 0o777, 0o600);

    const key = randomUUID();
    const request = await withCaptcha(demo.base, { ...VALID, name: 'Before Restart' });
    const first = await postJson(demo.base, request, { 'Idempotency-Key': key });
    assert.equal(first.status, 201);
    const reference = referenceOf(first);
    const unsolved = await fetchPuzzle(demo.base);
    const before = await readAll(demo.base);

    await stop(demo);
    demo = await start(demo.env);

    assert.deepEqual(readFileSync(secretFile), secret);
    assert.deepEqual(await readAll(demo.base), before);
    const inbox = await send(demo.base, '/inbox');
    assert.ok(inbox.body.includes(`<h2>${reference}</h2>`));
    assert.match(inbox.body, /Before Restart/);
    // The key still answers with its reference; the solution it used stays used.
    const retried = await postJson(demo.base, request, { 'Idempotency-Key': key });
    assert.equal(retried.status, 201);
    assert.equal(retried.body, first.body);
    assert.equal(retried.headers['idempotent-replayed'], 'true');
    const reused = await postJson(demo.base, request, { 'Idempotency-Key': randomUUID() });
    assert.equal(reused.status, 422);
    assert.deepEqual(json<{ errors: unknown }>(reused).errors, [
      { field: 'captcha', message: 'The anti-robot check expired. Please try again.' },
    ]);
    // A puzzle issued before the restart is solved after it.
    assert.equal((await postJson(demo.base, { ...VALID, captcha: solve(unsolved) })).status, 201);
    assert.equal((await readAll(demo.base)).length, before.length + 1);
  });

  it('lists requests newest first in the inbox, every value escaped, photos as links', async () => {
    const hostile = {
      ...VALID,
      name: '<script>alert(1)</script>',
      productName: '"><img src=x onerror=alert(2)>',
      reason: 'other',
      details: "It's <b>broken</b> & loud",
      images: [{ name: '<svg onload=alert(3)>.png', type: 'image/png', width: 1, height: 1, data: PNG }],
    };
    const request = await withCaptcha(demo.base, hostile);
    const key = `<i>${randomUUID()}</i>`;
    const posted = await postJson(demo.base, request, { 'Idempotency-Key': key });
    assert.equal(posted.status, 201, posted.body);
    const reference = referenceOf(posted);
    const inbox = await send(demo.base, '/inbox');
    assert.equal(inbox.status, 200);
    assert.equal(inbox.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(inbox.headers['content-security-policy'], INBOX_CSP);
    assert.equal(inbox.headers['cache-control'], 'no-store');
    assert.doesNotMatch(inbox.body, /<script|<img|<svg|<b>|<i>/);
    assert.match(inbox.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(inbox.body, /&quot;&gt;&lt;img src=x onerror=alert\(2\)&gt;/);
    assert.match(inbox.body, /It&#39;s &lt;b&gt;broken&lt;\/b&gt; &amp; loud/);
    assert.ok(inbox.body.includes(`&lt;i&gt;${key.slice(3, -4)}&lt;/i&gt;`));
    // The photo is a link to its bytes, never inlined; the solution is nowhere.
    assert.ok(
      inbox.body.includes(
        `<a href="/api/requests/${reference}/images/0" target="_blank" rel="noopener">&lt;svg onload=alert(3)&gt;.png</a>`,
      ),
    );
    assert.doesNotMatch(inbox.body, /data:|base64/);
    assert.ok(!inbox.body.includes(PNG.slice(0, 40)));
    assert.ok(!inbox.body.includes(String(request.captcha).slice(0, 64)));

    const order = inboxOrder(inbox.body);
    assert.equal(order[0], reference);
    const newest = (await readAll(demo.base)).map((e) => e.reference).reverse();
    assert.deepEqual(order, newest.slice(0, 25));

    // The photo's name cannot break out of its header either.
    const photo = await send(demo.base, `/api/requests/${reference}/images/0`);
    assert.equal(photo.status, 200);
    assert.equal(photo.headers['content-disposition'], "inline; filename*=UTF-8''%3Csvg%20onload%3Dalert%283%29%3E.png");
  });

  it('opens the inbox and the read API to this machine when no INBOX_TOKEN is set', async () => {
    // (Only loopback clients are let in; the demo listens on 127.0.0.1, so no other client can be tried here.)
    assert.match(demo.output(), /inbox\s+http:\S+\/inbox \(this machine only\)/);
    assert.equal((await send(demo.base, '/inbox')).status, 200);
    assert.equal((await send(demo.base, '/api/requests?limit=1')).status, 200);
    const signIn = await send(demo.base, '/inbox/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'token=anything',
    });
    assert.equal(signIn.status, 303);
    assert.equal(signIn.headers['location'], '/inbox');
    assert.equal(signIn.headers['set-cookie'], undefined);
  });

  it('never echoes what was sent in an error', async () => {
    const marker = 'zq9echo';
    const answers = [
      await postJson(demo.base, { ...VALID, email: `${marker}<b>`, orderId: marker, reason: marker, locale: marker }),
      await postJson(demo.base, { ...VALID, name: `${marker}${'x'.repeat(120)}` }),
      await postJson(demo.base, { ...VALID, images: [{ name: marker, type: `image/${marker}`, width: 1, height: 1, data: marker }] }),
      await postJson(demo.base, { ...VALID, captcha: `${marker}.${marker}.${marker}.${marker}` }),
      await postJson(demo.base, await withCaptcha(demo.base), { 'Idempotency-Key': `${marker} with spaces` }),
      await send(demo.base, '/api/requests', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: `{"name":"${marker}`,
      }),
      await send(demo.base, '/api/requests', { method: 'POST', headers: { 'Content-Type': `text/${marker}` }, body: marker }),
      await send(demo.base, `/demo/${marker}.css`),
      await send(demo.base, `/api/requests/RX-000000-${marker.toUpperCase()}/images/0`),
      await send(demo.base, `/${marker}`),
    ];
    const key = randomUUID();
    const request = await withCaptcha(demo.base);
    assert.equal((await postJson(demo.base, request, { 'Idempotency-Key': key })).status, 201);
    answers.push(await postJson(demo.base, { ...request, details: marker }, { 'Idempotency-Key': key }));

    for (const answer of answers) {
      assert.ok(answer.status >= 400, `${answer.status} ${answer.body}`);
      assert.ok(!answer.body.toLowerCase().includes(marker), answer.body);
      assert.ok(!JSON.stringify(answer.headers).toLowerCase().includes(marker), JSON.stringify(answer.headers));
    }
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
    assert.equal(foreign.headers['access-control-allow-methods'], undefined);
    const refused = await postJson(demo.base, await withCaptcha(demo.base), { Origin: 'https://shop.example.com' });
    assert.equal(refused.status, 403);

    const posted = await postJson(demo.base, await withCaptcha(demo.base), { Origin: 'http://127.0.0.1:3000' });
    assert.equal(posted.status, 201);
    assert.equal(posted.headers['access-control-allow-origin'], 'http://127.0.0.1:3000');
  });

  it('refuses other methods', async () => {
    for (const [method, path, allow] of [
      ['PUT', '/api/requests', 'POST, OPTIONS'],
      ['DELETE', '/api/requests', 'POST, OPTIONS'],
      ['POST', '/api/requests/RX-000000-ZZZZZZ/images/0', 'GET, HEAD'],
      ['POST', '/inbox', 'GET, HEAD'],
      ['GET', '/inbox/sign-in', 'POST'],
      ['POST', '/api/puzzle', 'GET, OPTIONS'],
      ['POST', '/', 'GET, HEAD'],
      ['POST', '/demo/us.html', 'GET, HEAD'],
      ['POST', '/demo/demo.css', 'GET, HEAD'],
    ] as const) {
      // A body where one belongs: Node's client sends a GET's or DELETE's without a length.
      const answer = await send(demo.base, path, { method, body: method === 'POST' || method === 'PUT' ? 'x' : undefined });
      assert.equal(answer.status, 405, `${method} ${path}`);
      assert.equal(answer.headers['allow'], allow, `${method} ${path}`);
    }
  });

  describe('captcha', () => {
    const CAPTCHA_FAILED = { field: 'captcha', message: 'The anti-robot check failed. Please try again.' };
    const CAPTCHA_EXPIRED = { field: 'captcha', message: 'The anti-robot check expired. Please try again.' };
    const CAPTCHA_MISSING = { field: 'captcha', message: 'Please wait until the anti-robot check is complete.' };
    const errorsOf = (answer: Answer) => json<{ errors: unknown }>(answer).errors;

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
      const first = await postJson(demo.base, request, { 'Idempotency-Key': randomUUID() });
      assert.equal(first.status, 201);
      const before = (await readAll(demo.base)).length;
      const replayed = await postJson(demo.base, request, { 'Idempotency-Key': randomUUID() });
      assert.equal(replayed.status, 422);
      assert.deepEqual(errorsOf(replayed), [CAPTCHA_EXPIRED]);
      const keyless = await postJson(demo.base, request);
      assert.deepEqual(errorsOf(keyless), [CAPTCHA_EXPIRED]);
      // Nor does another request get through on it.
      const other = await postJson(demo.base, { ...request, name: 'Another Customer' }, { 'Idempotency-Key': randomUUID() });
      assert.deepEqual(errorsOf(other), [CAPTCHA_EXPIRED]);
      assert.equal((await readAll(demo.base)).length, before);
    });

    it('gives a retry under the same key its reference, not a replay error', async () => {
      const key = randomUUID();
      const request = await withCaptcha(demo.base);
      const first = await postJson(demo.base, request, { 'Idempotency-Key': key });
      const retry = await postJson(demo.base, request, { 'Idempotency-Key': key });
      assert.deepEqual([first.status, retry.status], [201, 201]);
      assert.match(referenceOf(retry), REFERENCE);
      assert.equal(retry.body, first.body);
    });

    it('refuses a missing, malformed, tampered or unsolved captcha with 422 and stores nothing', async () => {
      const before = (await readAll(demo.base)).length;
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
      assert.equal((await readAll(demo.base)).length, before);
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
  });

  describe('with CAPTCHA=off and INBOX_TOKEN, on PostgreSQL', () => {
    const small = (n: number) => ({ ...VALID, name: `Paging ${String(n).padStart(2, '0')}` });
    /** A PNG of `size` bytes: its signature, then noise. */
    const bigPhoto = (name: string, size: number) => ({
      name,
      type: 'image/png',
      width: 4000,
      height: 3000,
      data: Buffer.concat([PNG_BYTES.subarray(0, 8), randomBytes(size - 8)]).toString('base64'),
    });

    // First in this block: the instance then holds exactly these 30.
    it('pages the inbox 25 at a time, newest first', async () => {
      assert.match(locked.output(), /store\s+PostgreSQL \(DATABASE_URL\)/);
      for (let n = 1; n <= 30; n++) {
        const answer = await postJson(locked.base, small(n), { 'Idempotency-Key': randomUUID() });
        assert.equal(answer.status, 201, answer.body);
      }
      const all = await readAll(locked.base, BEARER);
      assert.deepEqual(all.map((e) => e.request.name), Array.from({ length: 30 }, (_, i) => small(i + 1).name));
      const newest = all.map((e) => e.reference).reverse();

      const one = await send(locked.base, '/inbox', { headers: BEARER });
      assert.equal(one.status, 200);
      assert.deepEqual(inboxOrder(one.body), newest.slice(0, 25));
      assert.match(one.body, /30 requests, newest first; 1 to 25 here\./);
      assert.match(one.body, /Page 1 of 2/);
      assert.ok(one.body.includes('<a href="/inbox?page=2" rel="next">'));
      assert.ok(!one.body.includes('rel="prev"'));
      assert.equal((await send(locked.base, '/inbox?page=1', { headers: BEARER })).body, one.body);
      assert.equal((await send(locked.base, '/inbox?page=first', { headers: BEARER })).body, one.body);

      const two = await send(locked.base, '/inbox?page=2', { headers: BEARER });
      assert.equal(two.status, 200);
      assert.deepEqual(inboxOrder(two.body), newest.slice(25));
      assert.match(two.body, /30 requests, newest first; 26 to 30 here\./);
      assert.match(two.body, /Page 2 of 2/);
      assert.ok(two.body.includes('<a href="/inbox?page=1" rel="prev">'));
      assert.ok(!two.body.includes('rel="next"'));

      // Past the last page, however far: sent to the last one.
      for (const page of ['3', '99999999999999999999']) {
        const past = await send(locked.base, `/inbox?page=${page}`, { headers: BEARER });
        assert.equal(past.status, 303, page);
        assert.equal(past.headers['location'], '/inbox?page=2', page);
      }
    });

    it('keeps an inbox page of large photos small: they are links', async () => {
      const before = (await readAll(locked.base, BEARER)).length;
      const references: string[] = [];
      const photos: string[] = [];
      for (let n = 0; n < 3; n++) {
        const images = [bigPhoto(`big-${n}-a.png`, 1_200_000), bigPhoto(`big-${n}-b.png`, 1_200_000)];
        photos.push(...images.map((image) => image.data));
        const answer = await postJson(locked.base, { ...VALID, name: `Large ${n}`, images }, { 'Idempotency-Key': randomUUID() });
        assert.equal(answer.status, 201, answer.body);
        references.push(referenceOf(answer));
      }
      const all = await readAll(locked.base, BEARER);
      assert.equal(all.length, before + 3);
      const stored = all.slice(-3);
      const total = stored.flatMap((e) => e.request.images ?? []).reduce((sum, image) => sum + image.bytes, 0);
      assert.equal(total, 6 * 1_200_000);

      const inbox = await send(locked.base, '/inbox', { headers: BEARER });
      assert.equal(inbox.status, 200);
      assert.ok(inbox.body.length < 100_000, `the inbox page is ${inbox.body.length} characters`);
      assert.deepEqual(inboxOrder(inbox.body).slice(0, 3), [...references].reverse());
      assert.doesNotMatch(inbox.body, /data:/);
      for (const data of photos) assert.ok(!inbox.body.includes(data.slice(1000, 1100)));
      for (const reference of references) {
        for (const n of [0, 1]) assert.ok(inbox.body.includes(`<a href="/api/requests/${reference}/images/${n}" `), reference);
      }
      assert.match(inbox.body, /4000 × 3000 · 1172 KB/);

      // The read API describes them without their bytes, which come one at a time.
      const listed = await send(locked.base, '/api/requests?limit=100', { headers: BEARER });
      assert.ok(listed.body.length < 100_000, `the read API page is ${listed.body.length} characters`);
      const photo = await download(locked.base, `/api/requests/${references[2]}/images/1`, BEARER);
      assert.equal(photo.status, 200);
      assert.equal(photo.headers['content-type'], 'image/png');
      assert.equal(photo.headers['content-length'], '1200000');
      assert.ok(photo.bytes.equals(Buffer.from(photos[5] ?? '', 'base64')));
    });

    it('stores overlapping retries of one submission once: 201 for each, or 409 while it is handled', async () => {
      const key = randomUUID();
      const request = { ...VALID, name: 'Overlapping', images: [bigPhoto('overlap.png', 300_000)] };
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => postJson(locked.base, request, { 'Idempotency-Key': key })),
      );
      const stored = answers.filter((a) => a.status === 201);
      for (const answer of answers) {
        if (answer.status === 201) continue;
        assert.equal(answer.status, 409, answer.body);
        assert.equal(answer.headers['retry-after'], '1');
        assert.deepEqual(json<{ errors: unknown }>(answer).errors, [
          { field: '', message: 'A request with this Idempotency-Key is still being processed. Try again shortly.' },
        ]);
      }
      assert.ok(stored.length > 0);
      assert.equal(new Set(stored.map((a) => a.body)).size, 1);
      assert.equal(stored.filter((a) => a.headers['idempotent-replayed'] === undefined).length, 1);
      const all = await readAll(locked.base, BEARER);
      assert.equal(all.filter((e) => e.idempotencyKey === key).length, 1);
    });

    it('wants INBOX_TOKEN for the inbox, the read API and photos: as a bearer, or the cookie its sign-in sets', async () => {
      assert.match(locked.output(), /inbox\s+http:\S+\/inbox \(INBOX_TOKEN\)/);
      // Customers send requests without it.
      const posted = await postJson(locked.base, {
        ...VALID,
        name: 'Token Holder',
        images: [{ name: 'a.png', type: 'image/png', width: 1, height: 1, data: PNG }],
      });
      assert.equal(posted.status, 201, posted.body);
      const reference = referenceOf(posted);
      const photoPath = `/api/requests/${reference}/images/0`;
      const opens = async (headers: OutgoingHttpHeaders) => {
        const [inbox, api, photo] = await Promise.all([
          send(locked.base, '/inbox', { headers }),
          send(locked.base, '/api/requests?limit=100', { headers }),
          send(locked.base, photoPath, { headers }),
        ]);
        return { inbox, api, photo };
      };

      for (const headers of [
        {},
        { Authorization: 'Bearer wrong-token' },
        { Authorization: `Basic ${Buffer.from(`inbox:${TOKEN}`).toString('base64')}` },
        { Authorization: `Bearer ${TOKEN}x` },
        { Cookie: `rx_inbox=${'0'.repeat(64)}` },
        { Cookie: `rx_inbox=${TOKEN}` },
      ]) {
        const label = JSON.stringify(headers);
        const { inbox, api, photo } = await opens(headers);
        for (const answer of [api, photo]) {
          assert.equal(answer.status, 401, label);
          assert.equal(answer.headers['www-authenticate'], 'Bearer', label);
          assert.equal(answer.headers['content-type'], 'application/json; charset=utf-8', label);
          assert.deepEqual(JSON.parse(answer.body), {
            errors: [{ field: '', message: 'Send the inbox token as Authorization: Bearer …' }],
          });
        }
        assert.equal(inbox.status, 401, label);
        assert.equal(inbox.headers['content-type'], 'text/html; charset=utf-8', label);
        assert.equal(inbox.headers['content-security-policy'], INBOX_CSP, label);
        assert.match(inbox.body, /<form method="post" action="\/inbox\/sign-in"/, label);
        assert.match(inbox.body, /<input id="token" name="token" type="password"/, label);
        assert.doesNotMatch(inbox.body, /RX-\d{6}|Token Holder|role="alert"/, label);
      }

      const bearer = await opens(BEARER);
      assert.deepEqual([bearer.inbox.status, bearer.api.status, bearer.photo.status], [200, 200, 200]);
      assert.ok(bearer.inbox.body.includes(`<h2>${reference}</h2>`));
      assert.ok(json<Items>(bearer.api).items.some((e) => e.reference === reference));
      assert.equal(bearer.photo.headers['content-length'], String(PNG_BYTES.length));
      assert.deepEqual((await download(locked.base, photoPath, BEARER)).bytes, PNG_BYTES);

      const signIn = (body: string) =>
        send(locked.base, '/inbox/sign-in', {
          method: 'POST',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body,
        });
      const wrong = await signIn('token=zq-not-the-token');
      assert.equal(wrong.status, 401);
      assert.equal(wrong.headers['set-cookie'], undefined);
      assert.equal(wrong.headers['content-security-policy'], INBOX_CSP);
      assert.match(wrong.body, /<p class="notice" role="alert">That token is not right\.<\/p>/);
      assert.match(wrong.body, /<form method="post" action="\/inbox\/sign-in"/);
      assert.ok(!wrong.body.includes('zq-not-the-token'));
      assert.equal((await signIn(`token=${'x'.repeat(10_000)}`)).status, 413);

      const right = await signIn(new URLSearchParams({ token: TOKEN }).toString());
      assert.equal(right.status, 303);
      assert.equal(right.headers['location'], '/inbox');
      const cookies = right.headers['set-cookie'] ?? [];
      assert.equal(cookies.length, 1);
      const [pair = '', ...attributes] = (cookies[0] ?? '').split(/;\s*/);
      assert.match(pair, /^rx_inbox=[0-9a-f]{64}$/);
      assert.ok(!(cookies[0] ?? '').includes(TOKEN), 'the cookie is not the token');
      const flags = attributes.map((a) => a.toLowerCase());
      assert.ok(flags.includes('httponly'), cookies[0]);
      assert.ok(flags.includes('samesite=strict'), cookies[0]);
      assert.ok(flags.includes('path=/'), cookies[0]);

      const cookie = await opens({ Cookie: `theme=dark; ${pair}` });
      assert.deepEqual([cookie.inbox.status, cookie.api.status, cookie.photo.status], [200, 200, 200]);
      assert.ok(cookie.inbox.body.includes(`<h2>${reference}</h2>`));
      assert.equal(cookie.inbox.headers['content-security-policy'], INBOX_CSP);
    });

    it('with CAPTCHA=off serves its pages without the captcha, has no /api/puzzle and stores requests without a solution', async () => {
      assert.match(locked.output(), /puzzles\s+off \(CAPTCHA=off\)/);
      const index = await send(locked.base, '/');
      assert.equal(index.status, 200);
      assert.equal(index.headers['content-security-policy'], CSP);
      assert.match(index.body, /<refund-exchange-form endpoint="\/api\/requests"><\/refund-exchange-form>/);
      assert.doesNotMatch(index.body, /sitekey|puzzle-endpoint/);
      for (const [file] of STOREFRONTS) {
        const page = await send(locked.base, `/demo/${file}.html`);
        assert.equal(page.status, 200, file);
        const element = /<refund-exchange-form ([^>]*)><\/refund-exchange-form>/.exec(page.body)?.[1] ?? '';
        assert.match(element, /^endpoint="\/api\/requests" [^]*marketplaces="/, file);
        assert.doesNotMatch(page.body, /sitekey|puzzle-endpoint/, file);
      }
      for (const method of ['GET', 'OPTIONS', 'POST']) {
        assert.equal((await send(locked.base, '/api/puzzle?sitekey=demo', { method })).status, 404, method);
      }

      const answer = await postJson(locked.base, { ...VALID, name: 'No Captcha' }, { 'Idempotency-Key': randomUUID() });
      assert.equal(answer.status, 201, answer.body);
      const entry = (await readAll(locked.base, BEARER)).find((e) => e.reference === referenceOf(answer));
      assert.deepEqual(entry?.request, { ...VALID, name: 'No Captcha' });
    });

    it('answers 503 with Retry-After while its database is down, and a retry with the key stores it once', async () => {
      assert.ok(postgres);
      const key = randomUUID();
      const request = { ...VALID, name: 'During An Outage' };
      await postgres.kill();
      try {
        const refused = await postJson(locked.base, request, { 'Idempotency-Key': key });
        assert.equal(refused.status, 503, refused.body);
        assert.equal(refused.headers['retry-after'], '5');
        assert.deepEqual(JSON.parse(refused.body), {
          errors: [{ field: '', message: 'The request could not be stored right now. Please try again shortly.' }],
        });
        assert.doesNotMatch(refused.body, /During An Outage/);
        const reading = await send(locked.base, '/api/requests', { headers: BEARER });
        assert.equal(reading.status, 503, reading.body);
        assert.equal(reading.headers['retry-after'], '5');
      } finally {
        await postgres.restart();
      }
      // The pool may hand out a connection that died with the server once more: the client retries.
      let stored: Answer | undefined;
      for (let attempt = 0; attempt < 5 && stored?.status !== 201; attempt++) {
        stored = await postJson(locked.base, request, { 'Idempotency-Key': key });
        if (stored.status !== 201) assert.equal(stored.status, 503, stored.body);
      }
      assert.equal(stored?.status, 201);
      assert.equal(stored?.headers['idempotent-replayed'], undefined);
      const all = await readAll(locked.base, BEARER);
      assert.deepEqual(
        all.filter((e) => e.idempotencyKey === key).map((e) => e.reference),
        [referenceOf(stored!)],
      );
    });

    it('closes a connection that sends nothing within about 12 seconds, with a 408', async (t) => {
      const { openFor, received } = await idle;
      t.diagnostic(`closed after ${openFor} ms`);
      assert.ok(openFor >= 9_000, `closed after ${openFor} ms`);
      assert.ok(openFor <= 13_000, `closed after ${openFor} ms`);
      assert.match(received, /^HTTP\/1\.1 408 /);
    });
  });

  describe('two processes sharing DATABASE_URL and DATA_DIR', () => {
    let one: Demo;
    let two: Demo;

    before(async () => {
      assert.ok(postgres);
      const client = new pg.Client({ connectionString: postgres.url });
      await client.connect();
      try {
        await client.query('CREATE DATABASE shared');
      } finally {
        await client.end();
      }
      const url = new URL(postgres.url);
      url.pathname = '/shared';
      const env = { DATA_DIR: await tempDir('shared'), DATABASE_URL: url.href };
      // One after the other: the first writes the puzzle secret the second reads.
      one = await start(env);
      two = await start(env);
    });
    after(async () => {
      await Promise.all([one, two].filter(Boolean).map(stop));
    });

    it('agree on the puzzle secret, keys, used puzzles and requests', async () => {
      const key = randomUUID();
      const request = await withCaptcha(one.base);
      const first = await postJson(two.base, request, { 'Idempotency-Key': key });
      assert.equal(first.status, 201, first.body);
      const again = await postJson(one.base, request, { 'Idempotency-Key': key });
      assert.equal(again.status, 201);
      assert.equal(again.body, first.body);
      assert.equal(again.headers['idempotent-replayed'], 'true');
      const reused = await postJson(one.base, request, { 'Idempotency-Key': randomUUID() });
      assert.equal(reused.status, 422);
      const [seenByOne, seenByTwo] = await Promise.all([readAll(one.base), readAll(two.base)]);
      assert.deepEqual(seenByOne, seenByTwo);
      assert.deepEqual(seenByOne.map((e) => e.reference), [referenceOf(first)]);
    });
  });
});
