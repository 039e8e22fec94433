/**
 * A real captcha puzzle endpoint for browser tests, on the test server's loopback port: the
 * project's own issuer from lib/server (built by `npm run build:lib`), with easy puzzles so
 * tests solve them in a moment. The receiver verifies solutions with the same issuer.
 *
 *   GET /puzzles/<name>[/<knobs>]?sitekey=…   records the request, then answers a puzzle.
 *     Knobs sit in the path, comma-separated, because the widget appends its own `?sitekey=`
 *     to the endpoint even when it has a query already:
 *     delay=500        wait this many ms first
 *     failTimes=1      the first N requests under <name> answer 500 instead
 *     expiredTimes=1   the first N puzzles have a lifetime of 0, so they expire at once
 *   GET /puzzles/<name>/log   the recorded requests as JSON: [{ sitekey, headers }]
 */
import { randomBytes } from 'node:crypto';

const PATH = /^\/puzzles\/([\w.-]+)(?:\/([\w=,.-]+))?$/;
const secret = randomBytes(32);
let server;

/** lib/server, loaded on first use so the test config loads even before a build. */
const load = () => (server ??= import('../lib/server/index.js'));

/** The issuer both the puzzle endpoint and the receiver use. */
let issuer;
export async function testIssuer() {
  const { createPuzzleIssuer } = await load();
  return (issuer ??= createPuzzleIssuer({ secret, difficulty: 100, solutions: 10 }));
}

export function puzzles() {
  const logs = new Map();
  return async (ctx, next) => {
    const match = PATH.exec(ctx.path);
    if (!match) return next();
    const name = match[1];
    ctx.set('Cache-Control', 'no-store');
    const log = logs.get(name) ?? [];
    logs.set(name, log);
    if (match[2] === 'log') {
      ctx.body = log;
      return;
    }
    log.push({ sitekey: ctx.query.sitekey ?? null, headers: { ...ctx.req.headers } });
    const q = Object.fromEntries((match[2] ?? '').split(',').map((knob) => knob.split('=')));
    if (q.delay) await new Promise((resolve) => setTimeout(resolve, Number(q.delay)));
    if (log.length <= Number(q.failTimes ?? 0)) {
      ctx.status = 500;
      ctx.body = { errors: ['test_failure'] };
      return;
    }
    const answer = (await testIssuer()).issue();
    if (log.length <= Number(q.failTimes ?? 0) + Number(q.expiredTimes ?? 0)) {
      // Lifetime byte 13 set to 0, signed again: the widget and the verifier both see it expired.
      const { signPuzzle } = await load();
      const bytes = Buffer.from(answer.data.puzzle.split('.')[1], 'base64');
      bytes[13] = 0;
      answer.data.puzzle = signPuzzle(bytes, secret);
    }
    ctx.body = answer;
  };
}
