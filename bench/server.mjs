// The benchmark's server on a loopback port: the demo (its storefront pages, dist/ compressed
// and cached as a host would serve it, the captcha's puzzles), the benchmark's own pages for
// our form, the built alternatives under /bench/, and an endpoint that keeps what it was sent.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemo } from '../demo/server/app.mjs';
import { resolveFile, sendFile } from '../demo/server/static.mjs';
import { OUT } from './build.mjs';

const page = (title, body, head = '') => `<!doctype html>
<html lang="en">
<meta charset="utf-8">${head}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<script type="module" src="/dist/refund-exchange-form.js"></script>
<body>
${body}
`;

/** Our form, as the alternatives show theirs: English, the eight Amazon sites, at most 3 photos. */
const ours = (attributes = '') =>
  `<refund-exchange-form lang="en" endpoint="/bench/receive" max-images="3"${attributes}></refund-exchange-form>`;

const PAGES = {
  '/bench/ours.html': page('ours', ours()),
  '/bench/ours-captcha.html': page('ours with the captcha', ours(' sitekey="demo" puzzle-endpoint="/api/puzzle"')),
  // Opened by a "Return this item" link carrying every required value.
  '/bench/ours-link.html': page('ours, prefilled', ours(' prefill-from-url')),
  // The same on a page that allows no workers: photos are prepared on the page, in slices.
  '/bench/ours-link-no-workers.html': page(
    'ours, prefilled, no workers',
    ours(' prefill-from-url'),
    `\n<meta http-equiv="Content-Security-Policy" content="worker-src 'none'">`,
  ),
  // For the paste: the form's textarea is a full-width block of five rows in the page's font.
  '/bench/paste.html': page('paste', '<refund-exchange-form lang="en" endpoint="/bench/receive"></refund-exchange-form>'),
  '/bench/control.html': `<!doctype html>
<html lang="en">
<meta charset="utf-8">
<title>paste: control</title>
<textarea id="details" rows="5" style="display: block; width: 100%; box-sizing: border-box; font: inherit"></textarea>
`,
};

/** Starts the server; `received` holds each request body the endpoint took, parsed. */
export async function startServer() {
  const dataDir = await mkdtemp(join(tmpdir(), 'rxf-bench-'));
  const demo = await createDemo({ dataDir, captcha: true });
  const received = [];

  async function handle(req, res) {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (PAGES[path]) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(PAGES[path]);
    }
    if (path === '/bench/receive' && req.method === 'POST') {
      const chunks = [];
      for await (const chunk of req) chunks.push(chunk);
      received.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(201, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify({ reference: `B-${received.length}` }));
    }
    if (path.startsWith('/bench/')) {
      const file = await resolveFile(OUT, path.slice('/bench/'.length));
      if (file) return sendFile(req, res, file, 'no-cache');
      res.writeHead(404);
      return void res.end();
    }
    return demo.handle(req, res);
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    received,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await demo.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
