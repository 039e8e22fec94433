/**
 * The real demo receiver (demo/server/app.mjs: its endpoint, puzzles and store) inside the test
 * server, so browser tests send to it from their own origin. Its data lives in a fresh folder
 * for each run, removed when the run ends.
 *
 *   POST /api/requests, GET /api/puzzle   the demo's own endpoint and puzzle issuer
 *   GET /demo-store                       what the demo's store holds, oldest first (tests only)
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Easy puzzles: tests solve them in a moment, with the same code as real ones. */
const DIFFICULTY = 60;

export function demoReceiver() {
  let demo;
  let dataDir;
  // The demo imports lib/, which exists only after a build; the config must load without it.
  const open = async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'rxf-demo-test-'));
    const { createDemo } = await import('../demo/server/app.mjs');
    return createDemo({ dataDir, difficulty: DIFFICULTY });
  };
  return {
    name: 'demo-receiver',
    // Opened while the browsers start: a new PGlite database takes seconds to create.
    serverStart() {
      demo ??= open();
      // Without a build it fails; the first request that needs it reports that.
      demo.catch(() => {});
    },
    async serverStop() {
      if (demo) await (await demo).close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
    async middleware(ctx, next) {
      if (ctx.path !== '/api/requests' && ctx.path !== '/api/puzzle' && ctx.path !== '/demo-store') return next();
      demo ??= open();
      const { handle, store } = await demo;
      if (ctx.path === '/demo-store') {
        ctx.set('Cache-Control', 'no-store');
        ctx.body = await store.list({ limit: 1000 });
        return;
      }
      ctx.respond = false;
      await handle(ctx.req, ctx.res);
    },
  };
}
