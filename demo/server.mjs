// The demo: storefront pages with the form, the endpoint that receives their requests, and an
// inbox to read them. Plain node:http on loopback, no internet needed.
//   PORT               port to listen on (default 8000; 0 picks a free one)
//   DATA_DIR           the captcha's puzzle-secret, and the PGlite database unless
//                      DATABASE_URL is set (default demo/data)
//   DATABASE_URL       postgres://… : keep requests in a PostgreSQL server instead; several
//                      processes on different PORTs may share it (and DATA_DIR, for the secret)
//   CAPTCHA=off        pages without the captcha; requests need no solution
//   INBOX_TOKEN        the inbox and read API want it; unset, they answer loopback clients only
//   PUZZLE_DIFFICULTY  captcha work per solution, 0 to 255 (default: the issuer's)
//   SMTP_URL           smtp(s)://… where withdrawal acknowledgements are mailed; unset, a mail
//                      catcher on loopback takes them and prints them here
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDemo } from './server/app.mjs';
import { startMailCatcher } from './server/mail.mjs';

const HOST = '127.0.0.1';
const port = Number(process.env.PORT ?? 8000);
const distDir = fileURLToPath(new URL('../dist/', import.meta.url));
const dataDir = process.env.DATA_DIR ?? fileURLToPath(new URL('data/', import.meta.url));
const difficulty = process.env.PUZZLE_DIFFICULTY ? Number(process.env.PUZZLE_DIFFICULTY) : undefined;
const databaseUrl = process.env.DATABASE_URL || undefined;
const captcha = process.env.CAPTCHA !== 'off';
const inboxToken = process.env.INBOX_TOKEN || undefined;

const catcher = process.env.SMTP_URL ? undefined : await startMailCatcher();
const smtpUrl = process.env.SMTP_URL || catcher?.url;

const { handle, close } = await createDemo({ dataDir, databaseUrl, difficulty, captcha, inboxToken, smtpUrl });

const server = createServer(
  {
    // A client gets 10 s to send its headers and 2 minutes for the whole request (photos on a
    // slow phone connection); idle connections are checked every second, not every 30.
    headersTimeout: 10_000,
    requestTimeout: 120_000,
    keepAliveTimeout: 5_000,
    connectionsCheckingInterval: 1_000,
  },
  (req, res) => void handle(req, res),
);

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
  inbox       ${base}/inbox${inboxToken ? ' (INBOX_TOKEN)' : ' (this machine only)'}
  endpoint    ${base}/api/requests
  puzzles     ${captcha ? `${base}/api/puzzle` : 'off (CAPTCHA=off)'}
  store       ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}`}
  mail        ${catcher ? `printed here (a catcher at ${catcher.url}; SMTP_URL for a real server)` : 'SMTP_URL'}`);
  if (!existsSync(`${distDir}refund-exchange-form.js`)) {
    console.log('  dist/refund-exchange-form.js is missing: run `npm run build` for the form.');
  }
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    server.close(() => close().then(() => catcher?.close()).finally(() => process.exit(0)));
    server.closeAllConnections();
  });
}
