// The demo: a storefront page with the form, the endpoint that receives its requests, and an
// inbox to read them. Plain node:http on loopback, no internet needed.
//   PORT      port to listen on (default 8000; 0 picks a free one)
//   DATA_DIR  where requests.jsonl and the captcha's puzzle-secret are kept (default demo/data)
//   PUZZLE_DIFFICULTY  captcha work per solution, 0 to 255 (default: the issuer's)
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BodyError, captchaFieldError, parseRequest, readJsonBody } from '../lib/server/index.js';
import { renderInbox } from './server/inbox.mjs';
import { openPuzzleIssuer } from './server/puzzles.mjs';
import { resolveFile, sendFile } from './server/static.mjs';
import { renderStorefront } from './server/storefronts.mjs';
import { openStore } from './server/store.mjs';

const HOST = '127.0.0.1';
const port = Number(process.env.PORT ?? 8000);
const demoDir = fileURLToPath(new URL('.', import.meta.url));
const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const dataDir = process.env.DATA_DIR ?? fileURLToPath(new URL('data/', import.meta.url));
const difficulty = process.env.PUZZLE_DIFFICULTY ? Number(process.env.PUZZLE_DIFFICULTY) : undefined;

const CSP = [
  "default-src 'none'",
  // The captcha solves in WebAssembly (without 'wasm-unsafe-eval' it falls back to slower JS)
  // inside web workers made from blob: URLs, fetching its puzzles from this origin.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src blob:",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const COMMON = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

// Storefronts on other loopback ports may use the endpoint and the script; nothing else may.
const LOCAL_ORIGIN = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/;
const STATIC = [
  ['/demo/', demoDir],
  ['/dist/', distDir],
];

const store = await openStore(dataDir);
const dataReal = await realpath(dataDir);
const puzzles = await openPuzzleIssuer(dataDir, difficulty);

function send(res, status, body, headers = {}) {
  const isJson = typeof body !== 'string';
  const text = isJson ? JSON.stringify(body) : body;
  res.writeHead(status, {
    ...headers,
    'Content-Type': headers['Content-Type'] ?? (isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8'),
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(res.req.method === 'HEAD' ? undefined : text);
}

const notFound = (res) => send(res, 404, 'Not found');
const wrongMethod = (res, allow) => send(res, 405, 'Method not allowed', { Allow: allow });

function allowOrigin(req, res) {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (origin && LOCAL_ORIGIN.test(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
}

async function receive(req, res) {
  let body;
  try {
    body = await readJsonBody(req);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    // The unread rest of a too large body is not worth keeping the connection for.
    const headers = error.status === 413 ? { Connection: 'close' } : {};
    send(res, error.status, { errors: [{ field: '', message: error.message }] }, headers);
    return;
  }
  const result = parseRequest(body, { captcha: true });
  if (!result.ok) {
    send(res, 422, { errors: result.errors });
    return;
  }
  const key = req.headers['idempotency-key']?.trim() || undefined;
  // A retry of an accepted submission carries the captcha that submission used up: it gets
  // its reference back instead of a `replayed` refusal.
  const earlier = store.acceptedReference(key);
  if (earlier) {
    respondAccepted(res, await earlier, true);
    return;
  }
  const verdict = puzzles.verify(result.request.captcha);
  if (!verdict.ok) {
    send(res, 422, { errors: [captchaFieldError(verdict)] });
    return;
  }
  // No await since the look-up: accept() registers the key at once, so an overlapping retry
  // finds it above rather than failing on the captcha just used.
  const { reference, replayed } = await store.accept(result.request, key);
  respondAccepted(res, reference, replayed);
}

function respondAccepted(res, reference, replayed) {
  console.log(`${replayed ? 'replayed' : 'received'} ${reference}`);
  send(res, 201, { reference });
}

async function handle(req, res) {
  for (const [name, value] of Object.entries(COMMON)) res.setHeader(name, value);
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  const reading = req.method === 'GET' || req.method === 'HEAD';

  if (pathname === '/api/requests') {
    allowOrigin(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key',
        'Access-Control-Max-Age': '600',
      });
      res.end();
    } else if (req.method === 'POST') {
      await receive(req, res);
    } else {
      wrongMethod(res, 'POST, OPTIONS');
    }
    return;
  }

  if (pathname === '/api/puzzle') {
    allowOrigin(req, res);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, {
        'Access-Control-Allow-Methods': 'GET',
        'Access-Control-Allow-Headers': 'x-frc-client',
        'Access-Control-Max-Age': '600',
      });
      res.end();
    } else if (req.method === 'GET') {
      // The widget's `?sitekey=` is ignored: this issuer serves the demo's pages only.
      send(res, 200, puzzles.issue());
    } else {
      wrongMethod(res, 'GET, OPTIONS');
    }
    return;
  }

  if (pathname === '/' || pathname === '/inbox') {
    if (!reading) return wrongMethod(res, 'GET, HEAD');
    if (pathname === '/') {
      const page = await resolveFile(demoDir, 'index.html');
      return page ? sendFile(req, res, page) : notFound(res);
    }
    return send(res, 200, renderInbox(await store.list()), { 'Content-Type': 'text/html; charset=utf-8' });
  }

  const storefront = /^\/demo\/([a-z-]+)\.html$/.exec(pathname)?.[1];
  const page = storefront && renderStorefront(storefront);
  if (page) {
    if (!reading) return wrongMethod(res, 'GET, HEAD');
    return send(res, 200, page, { 'Content-Type': 'text/html; charset=utf-8' });
  }

  const folder = STATIC.find(([prefix]) => pathname.startsWith(prefix));
  if (!folder) return notFound(res);
  if (!reading) return wrongMethod(res, 'GET, HEAD');
  const [prefix, root] = folder;
  // The raw path, not the URL parser's: it would quietly resolve `..` and `%2e%2e`.
  const raw = (req.url ?? '').split('?')[0] ?? '';
  if (!raw.startsWith(prefix)) return notFound(res);
  const file = await resolveFile(root, raw.slice(prefix.length));
  // The stored requests are customers' data, never static files.
  if (!file || file.startsWith(dataReal + sep)) return notFound(res);
  if (prefix === '/dist/') allowOrigin(req, res);
  return sendFile(req, res, file);
}

const server = createServer((req, res) => {
  handle(req, res).catch((error) => {
    console.error(error);
    if (res.headersSent) res.destroy();
    else send(res, 500, { errors: [{ field: '', message: 'Something went wrong on our side.' }] });
  });
});

server.on('error', (error) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.error(`Port ${port} is in use. Choose another one, e.g. PORT=8001 npm start`);
  process.exit(1);
});

server.listen(port, HOST, () => {
  const { port: actual } = server.address();
  const base = `http://${HOST}:${actual}`;
  console.log(`Refund and exchange demo
  storefront  ${base}/
  inbox       ${base}/inbox
  endpoint    ${base}/api/requests
  puzzles     ${base}/api/puzzle
  data        ${store.file}`);
  if (!existsSync(`${distDir}refund-exchange-form.js`)) {
    console.log('  dist/refund-exchange-form.js is missing: run `npm run build` for the form.');
  }
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}
