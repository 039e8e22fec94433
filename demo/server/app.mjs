// The demo's request handler: storefront pages, the receiving endpoint, the captcha's puzzles,
// the inbox and static files, for `node:http` (demo/server.mjs) or as test middleware.
import { realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BodyError, captchaFieldError, parseRequest, readJsonBody } from '../../lib/server/index.js';
import { renderInbox } from './inbox.mjs';
import { openPuzzleIssuer } from './puzzles.mjs';
import { resolveFile, sendFile } from './static.mjs';
import { renderStorefront } from './storefronts.mjs';
import { openStore } from './store.mjs';

const demoDir = fileURLToPath(new URL('../', import.meta.url));
const distDir = fileURLToPath(new URL('../../dist/', import.meta.url));

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
  // Trusted Types: Lit's templates use its `lit-html` policy; the captcha's workers use the
  // widget's own policy, which passes only the blob: URLs it made.
  "require-trusted-types-for 'script'",
  'trusted-types lit-html refund-exchange-form',
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

/**
 * Opens the demo's store and puzzle issuer in `dataDir` and answers its requests.
 * @param {{ dataDir: string, difficulty?: number }} options
 * @returns {Promise<{ handle: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>, store: Awaited<ReturnType<typeof openStore>> }>}
 */
export async function createDemo({ dataDir, difficulty }) {
  const store = await openStore(dataDir);
  const dataReal = await realpath(dataDir);
  const puzzles = await openPuzzleIssuer(dataDir, difficulty);

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

  async function route(req, res) {
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

  /** Never rejects: an unexpected failure is logged and answered with a 500. */
  async function handle(req, res) {
    try {
      await route(req, res);
    } catch (error) {
      console.error(error);
      if (res.headersSent) res.destroy();
      else send(res, 500, { errors: [{ field: '', message: 'Something went wrong on our side.' }] });
    }
  }

  return { handle, store };
}
