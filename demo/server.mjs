// The demo: a storefront page with the form, the endpoint that receives its requests, and an
// inbox to read them. Plain node:http on loopback, no internet needed.
//   PORT      port to listen on (default 8000; 0 picks a free one)
//   DATA_DIR  where requests.jsonl and the captcha's puzzle-secret are kept (default demo/data)
//   PUZZLE_DIFFICULTY  captcha work per solution, 0 to 255 (default: the issuer's)
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDemo } from './server/app.mjs';

const HOST = '127.0.0.1';
const port = Number(process.env.PORT ?? 8000);
const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const dataDir = process.env.DATA_DIR ?? fileURLToPath(new URL('data/', import.meta.url));
const difficulty = process.env.PUZZLE_DIFFICULTY ? Number(process.env.PUZZLE_DIFFICULTY) : undefined;

const { handle, store } = await createDemo({ dataDir, difficulty });

const server = createServer((req, res) => void handle(req, res));

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
