// The demo's request handler: storefront pages, the receiving endpoint (the package's
// createReceiver on a PGlite or PostgreSQL store), the captcha's puzzles, the inbox and its read
// API, and static files, for `node:http` (demo/server.mjs) or as test middleware.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdir, readFile, realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { IMAGE_TYPES } from '../../lib/schema.js';
import {
  createReceiver,
  openPGliteStore,
  openPostgresStore,
  toNodeHandler,
} from '../../lib/server/index.js';
import { PAGE_SIZE, renderInbox, renderSignIn } from './inbox.mjs';
import { openPuzzleIssuer } from './puzzles.mjs';
import { compress, encodingFor, resolveFile, sendFile } from './static.mjs';
import { CAPTCHA_ATTRIBUTES, DEMO_CHANNELS, renderStorefront } from './storefronts.mjs';

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
  const type = headers['Content-Type'] ?? (isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8');
  // Pages go compressed where the browser takes it; API answers stay as they are.
  const encoding = type.startsWith('text/html') ? encodingFor(res.req) : undefined;
  const payload = encoding ? compress(Buffer.from(text), encoding) : text;
  res.writeHead(status, {
    ...headers,
    'Content-Type': type,
    ...(encoding ? { 'Content-Encoding': encoding, Vary: [res.getHeader('Vary'), 'Accept-Encoding'].filter(Boolean).join(', ') } : {}),
    'Content-Length': Buffer.byteLength(payload),
  });
  res.end(res.req.method === 'HEAD' ? undefined : payload);
}

const notFound = (res) => send(res, 404, 'Not found');
const wrongMethod = (res, allow) => send(res, 405, 'Method not allowed', { Allow: allow });

const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/;

function allowOrigin(req, res) {
  res.setHeader('Vary', 'Origin');
  const origin = req.headers.origin;
  if (origin && LOCAL_ORIGIN.test(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
}

/**
 * Opens the demo's store and puzzle issuer and answers its requests.
 * - `dataDir`: the puzzle secret, and the PGlite database (`dataDir/pglite`) unless `databaseUrl` is given.
 * - `captcha: false` serves the pages without `sitekey` and takes requests without a solution.
 * - `inboxToken`: the inbox and read API want it (bearer or signed-in cookie); without it they
 *   answer loopback clients only.
 * - `smtpUrl`: where the acknowledgements of withdrawal statements are mailed (nodemailer's URL);
 *   without it they stay due in the store.
 * @param {{ dataDir: string, databaseUrl?: string, difficulty?: number, captcha?: boolean, inboxToken?: string, smtpUrl?: string }} options
 */
export async function createDemo({ dataDir, databaseUrl, difficulty, captcha = true, inboxToken, smtpUrl }) {
  await mkdir(dataDir, { recursive: true });
  const dataReal = await realpath(dataDir);
  // Where the hashed chunks are, as resolveFile reports paths (real ones); dist/ may not be built yet.
  const distChunks = join(await realpath(distDir).catch(() => distDir), 'chunks') + sep;
  const puzzles = captcha ? await openPuzzleIssuer(dataDir, difficulty) : undefined;
  const store = databaseUrl ? await openPostgresStore(databaseUrl) : await openPGliteStore(join(dataDir, 'pglite'));
  const receiver = createReceiver({
    store: logged(store),
    captcha: puzzles && { puzzles },
    allowedOrigins: [LOCAL_ORIGIN],
    schema: { channels: DEMO_CHANNELS },
    ...(smtpUrl && {
      acknowledgements: { smtp: smtpUrl, from: '"Kestrel Kitchen" <returns@kestrel-kitchen.example>', timeZone: 'Europe/Berlin' },
    }),
  });
  const receive = toNodeHandler(receiver);
  // The cookie holds a value derived from the token, never the token itself.
  const session = inboxToken && createHmac('sha256', inboxToken).update('inbox session').digest('hex');

  /** 'ok', or why not: 'sign-in' (a token is set and was not given) or 'loopback-only'. */
  function access(req) {
    if (!inboxToken) return LOOPBACK.test(req.socket.remoteAddress ?? '') ? 'ok' : 'loopback-only';
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    const cookie = /(?:^|;\s*)rx_inbox=([0-9a-f]{64})/.exec(req.headers.cookie ?? '')?.[1];
    return (bearer !== undefined && same(bearer, inboxToken)) || (cookie !== undefined && same(cookie, session)) ? 'ok' : 'sign-in';
  }

  function refuse(req, res, why, { html = false } = {}) {
    if (why === 'loopback-only') return send(res, 403, 'The inbox answers this machine only. Set INBOX_TOKEN to open it to others.');
    if (html) return send(res, 401, renderSignIn(), { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': INBOX_CSP });
    return send(res, 401, { errors: [{ field: '', message: 'Send the inbox token as Authorization: Bearer …' }] }, { 'WWW-Authenticate': 'Bearer' });
  }

  async function signIn(req, res) {
    if (!inboxToken) return send(res, 303, '', { Location: '/inbox' });
    const text = await readSmallBody(req).catch(() => undefined);
    if (text === undefined) return send(res, 413, 'Too large', { Connection: 'close' });
    const form = new URLSearchParams(text);
    const token = form.get('token') ?? '';
    if (!same(token, inboxToken)) {
      return send(res, 401, renderSignIn({ failed: true }), { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': INBOX_CSP });
    }
    return send(res, 303, '', {
      Location: '/inbox',
      'Set-Cookie': `rx_inbox=${session}; HttpOnly; SameSite=Strict; Path=/; Max-Age=43200`,
    });
  }

  /** The read API: oldest first after a cursor, photos as links. */
  async function readApi(req, res, url) {
    // 1 to 100; out of range is brought into it (0 is 1, not the default), unreadable is 50.
    const asked = Number.parseInt(url.searchParams.get('limit') ?? '', 10);
    const limit = Number.isNaN(asked) ? 50 : Math.min(100, Math.max(1, asked));
    const after = url.searchParams.get('after') ?? undefined;
    const items = await store.list({ after, limit });
    send(res, 200, {
      items: items.map(({ reference, idempotencyKey, receivedAt, request }) => ({
        reference,
        idempotencyKey,
        receivedAt,
        request: request.images
          ? { ...request, images: request.images.map((image, n) => ({ ...image, href: imageHref(reference, n) })) }
          : request,
      })),
      // Always a place to go on from: an empty page means caught up, for now.
      next: items.at(-1)?.cursor ?? after ?? '0',
    });
  }

  async function image(req, res, reference, n) {
    const found = await store.image(reference, n);
    if (!found) return notFound(res);
    const type = IMAGE_TYPES.includes(found.type) ? found.type : 'application/octet-stream';
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Length': found.data.length,
      'Content-Disposition': `inline; filename*=UTF-8''${headerEncode(found.name)}`,
      'Content-Security-Policy': "default-src 'none'; sandbox",
      'Cache-Control': 'private, no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : found.data);
  }

  async function route(req, res) {
    for (const [name, value] of Object.entries(COMMON)) res.setHeader(name, value);
    const url = new URL(req.url ?? '/', 'http://localhost');
    const { pathname } = url;
    const reading = req.method === 'GET' || req.method === 'HEAD';

    if (pathname === '/api/requests') {
      if (!reading) return receive(req, res);
      const why = access(req);
      return why === 'ok' ? fromStore(res, () => readApi(req, res, url)) : refuse(req, res, why);
    }

    const photo = /^\/api\/requests\/([A-Z0-9-]{1,40})\/images\/(\d{1,2})$/.exec(pathname);
    if (photo) {
      if (!reading) return wrongMethod(res, 'GET, HEAD');
      const why = access(req);
      return why === 'ok' ? fromStore(res, () => image(req, res, photo[1], Number(photo[2]))) : refuse(req, res, why);
    }

    if (pathname === '/api/puzzle' && puzzles) {
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

    if (pathname === '/inbox/sign-in') {
      if (req.method !== 'POST') return wrongMethod(res, 'POST');
      return signIn(req, res);
    }

    if (pathname === '/inbox') {
      if (!reading) return wrongMethod(res, 'GET, HEAD');
      const why = access(req);
      if (why !== 'ok') return refuse(req, res, why, { html: true });
      // Capped: a page number past any real inbox would make an offset the database cannot take.
      const page = Math.min(MAX_PAGE, Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1));
      return fromStore(res, async () => {
        const { items, total } = await store.page({ offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
        // Past the last page (the inbox is shorter than the link that led here): go to the last.
        const last = Math.max(1, Math.ceil(total / PAGE_SIZE));
        if (page > last) return send(res, 303, '', { Location: `/inbox?page=${last}` });
        return send(res, 200, renderInbox({ items, total, page }), { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': INBOX_CSP });
      });
    }

    if (pathname === '/') {
      if (!reading) return wrongMethod(res, 'GET, HEAD');
      const page = await resolveFile(demoDir, 'index.html');
      if (!page) return notFound(res);
      if (captcha) return sendFile(req, res, page);
      const html = (await readFile(page, 'utf8')).replace(CAPTCHA_ATTRIBUTES, '');
      return send(res, 200, html, { 'Content-Type': 'text/html; charset=utf-8' });
    }

    const storefront = /^\/demo\/([a-z-]+)\.html$/.exec(pathname)?.[1];
    const page = storefront && renderStorefront(storefront, { captcha });
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
    if (prefix !== '/dist/') return sendFile(req, res, file);
    allowOrigin(req, res);
    // Chunks are named by their content's hash, so they never change; the entry keeps its
    // name across builds and is revalidated (a 304 when unchanged).
    return sendFile(req, res, file, file.startsWith(distChunks) ? 'public, max-age=31536000, immutable' : 'no-cache');
  }

  /** Reading the store: while the database is away, a 503 that says when to come back. */
  async function fromStore(res, work) {
    try {
      await work();
    } catch (error) {
      console.error(error);
      if (res.headersSent) res.destroy();
      else send(res, 503, { errors: [{ field: '', message: 'The requests cannot be read right now.' }] }, { 'Retry-After': '5' });
    }
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

  return { handle, store, close: () => receiver.close().then(() => store.close()) };
}

/** The inbox's own policy: its sign-in form posts to this origin. */
const INBOX_CSP = CSP.replace("form-action 'none'", "form-action 'self'");

/** Inbox pages beyond this are past the end of any inbox (25 million requests). */
const MAX_PAGE = 1_000_000;

/** A header's RFC 8187 ext-value: encodeURIComponent leaves `'()*`, which it may not hold. */
const headerEncode = (value) =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

const imageHref = (reference, n) => `/api/requests/${encodeURIComponent(reference)}/images/${n}`;

/** The store, saying on the console what it stored. */
function logged(store) {
  return {
    ...store,
    async receive(entry, check) {
      const result = await store.receive(entry, check);
      if (result.state === 'stored') console.log(`${result.replayed ? 'replayed' : 'received'} ${result.reference}`);
      return result;
    },
  };
}

/** Equal, in time that does not tell how much of it was. */
function same(given, expected) {
  const a = createHmac('sha256', 'compare').update(given).digest();
  const b = createHmac('sha256', 'compare').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** A sign-in form's body: a few hundred bytes at most. */
function readSmallBody(req, limit = 4096) {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => {
      text += chunk;
      if (text.length > limit) {
        req.pause();
        reject(new Error('too large'));
      }
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}
