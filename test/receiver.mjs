/**
 * A real receiving endpoint for browser tests, served by the test runner on its loopback port
 * (same origin as the tests). Each test uses its own <name>, programs the answer with query
 * parameters on the URL it gives the form, and reads back what arrived.
 *
 *   <any method> /receiver/<name>?<knobs>  records { method, headers, body }, then answers:
 *     status=201          the answer's status (default 200), or `destroy` to cut the connection
 *     body={"reference":"R-1"}   the answer's body, sent as is with Content-Type: application/json
 *     delay=300           wait this many ms before answering
 *     retryAfter=5        a Retry-After header (seconds or an HTTP date)
 *     location=/x         a Location header (redirects)
 *     failTimes=2         the first N requests under <name> get `fail` instead
 *     fail=503            status for those (default 503), or `destroy`
 *     bodyBytes=52428800  instead of `body`, for any status: exactly this many bytes of JSON,
 *                         {"reference":"R-<bytes>","filler":"✓✓✓…"} (3-byte characters, so
 *                         chunks split them), with Content-Length, 16 KB at a time, bodyPace
 *                         ms apart (default 1, about 16 MB/s) and no faster than the client
 *                         takes them. The log entry gets `written` (bytes of the body handed
 *                         to the socket so far) and, once the answer is over, `end`: `complete`
 *                         or `closed` (the client went away first)
 *     validate=1          check the body with the project's schema (built lib/): 422
 *                         { errors: [{ field, message }] } or 201 { reference: "R-…", receivedAt };
 *                         maxImages=, marketplaces=amazon.de+amazon.fr, channels=<JSON>
 *                         set it up; captcha=1
 *                         also verifies the solution with the test puzzle issuer (puzzles.mjs),
 *                         except a withdrawal statement's, which is taken whatever it says
 *   GET /receiver/<name>/log     the recorded requests, oldest first, as JSON
 *   DELETE /receiver/<name>/log  forgets them
 */
import { testIssuer } from './puzzles.mjs';

const PATH = /^\/receiver\/([\w.-]+)(\/log)?$/;

/** Koa-style middleware for @web/dev-server's `middleware` option. State lives in memory. */
export function receiver() {
  /** @type {Map<string, { method: string, headers: Record<string, string>, body: string }[]>} */
  const logs = new Map();
  let references = 0;

  return async (ctx, next) => {
    const match = PATH.exec(ctx.path);
    if (!match) return next();
    const name = match[1];
    ctx.set('Cache-Control', 'no-store');

    if (match[2]) {
      if (ctx.method === 'GET') ctx.body = logs.get(name) ?? [];
      else if (ctx.method === 'DELETE') {
        logs.delete(name);
        ctx.status = 204;
      } else ctx.status = 405;
      return;
    }

    const body = await readText(ctx.req);
    const log = logs.get(name) ?? [];
    logs.set(name, log);
    const entry = { method: ctx.method, headers: { ...ctx.req.headers }, body };
    log.push(entry);
    const q = ctx.query;
    const failing = log.length <= Number(q.failTimes ?? 0);
    if (q.delay) await new Promise((resolve) => setTimeout(resolve, Number(q.delay)));
    if (q.retryAfter) ctx.set('Retry-After', String(q.retryAfter));
    if (q.location) ctx.set('Location', String(q.location));

    const status = failing ? (q.fail ?? '503') : (q.status ?? '200');
    if (status === 'destroy') {
      // No answer at all: the browser sees a network failure.
      ctx.respond = false;
      // Never sent; Koa's default 404 would make the runner list this as a missing file.
      ctx.status = 204;
      ctx.req.socket.destroy();
      return;
    }
    if (!failing && q.validate) {
      const [status, answer] = await validate(body, q, () => `R-${String(++references).padStart(6, '0')}`);
      ctx.status = status;
      ctx.body = answer;
      return;
    }
    ctx.status = Number(status);
    if (q.bodyBytes !== undefined) {
      ctx.respond = false;
      streamBody(ctx.res, ctx.status, entry, Number(q.bodyBytes), Number(q.bodyPace ?? 1));
      return;
    }
    if (q.body !== undefined) {
      ctx.type = 'application/json';
      ctx.body = String(q.body);
    } else if (ctx.status !== 204 && ctx.status !== 304) {
      // Koa would otherwise answer its own status text, which is not JSON.
      ctx.body = '';
    }
  };
}

const CHUNK = 16 * 1024;

/** Writes the bodyBytes answer (see above) and records in `entry` how much of it went out. */
function streamBody(res, status, entry, size, pace) {
  const head = '{"reference":"R-' + size + '","filler":"';
  const tail = '"}';
  const free = size - head.length - tail.length;
  if (!(free >= 0)) throw new Error(`receiver: bodyBytes=${size} is too small for the JSON around the filler`);
  const body = Buffer.alloc(size);
  body.write(head);
  // ASCII first, so the characters fill the rest exactly.
  body.fill('x', head.length, head.length + (free % 3));
  body.fill('✓', head.length + (free % 3), size - tail.length);
  body.write(tail, size - tail.length);

  entry.written = 0;
  let closed = false;
  const gone = new Promise((resolve) =>
    res.once('close', () => {
      closed = true;
      entry.end = res.writableFinished ? 'complete' : 'closed';
      resolve();
    }),
  );
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': size });
  (async () => {
    for (let at = 0; at < size && !closed; at += CHUNK) {
      const chunk = body.subarray(at, at + CHUNK);
      // Counted once the socket took it, not when it was queued.
      const queued = res.write(chunk, (error) => {
        if (!error) entry.written += chunk.length;
      });
      if (!queued) await Promise.race([new Promise((resolve) => res.once('drain', resolve)), gone]);
      if (pace > 0 && at + CHUNK < size) await new Promise((resolve) => setTimeout(resolve, pace));
    }
    if (!closed) res.end();
  })();
}

function readText(stream) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    stream.on('error', reject);
  });
}

/**
 * Checks a body as a receiving server would, with lib/server (loaded on first use: lib/ exists
 * only after `npm run build:lib`, and the config must load without it). With captcha=1 the
 * solution must also verify against the test puzzle issuer.
 */
async function validate(text, q, nextReference) {
  let server;
  try {
    server = await import('../lib/server/index.js');
  } catch (error) {
    console.error('receiver: validate=1 needs the built lib/ (npm run build:lib):', error.message);
    return [500, { error: 'validate=1 needs the built lib/: run `npm run build:lib` first' }];
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    return [400, { errors: [{ field: '', message: 'The request body is not JSON.' }] }];
  }
  const result = server.parseRequest(json, {
    maxImages: q.maxImages ? Number(q.maxImages) : undefined,
    marketplaces: q.marketplaces ? String(q.marketplaces).split(' ') : undefined,
    channels: q.channels ? JSON.parse(String(q.channels)) : undefined,
    captcha: Boolean(q.captcha),
  });
  if (!result.ok) return [422, { errors: result.errors }];
  // A withdrawal statement is taken whatever its captcha says, as createReceiver takes it.
  if (q.captcha && result.request.kind !== 'withdrawal') {
    const verified = (await testIssuer()).verify(result.request.captcha);
    if (!verified.ok) return [422, { errors: [server.captchaFieldError(verified)] }];
  }
  return [201, { reference: nextReference(), receivedAt: new Date().toISOString() }];
}
