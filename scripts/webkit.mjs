// WebKit (Safari's engine) for the browser tests, from Debian's packages alone: WebKitGTK's
// MiniBrowser driven by WebKitWebDriver, under an Xvfb display of our own, since it has no
// headless mode (NOTES). Both are started here and stopped with the test run.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH ?? '/usr/bin/WebKitWebDriver';
export const MINIBROWSER = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
export const XVFB = process.env.XVFB_PATH ?? '/usr/bin/Xvfb';

/** A free TCP port on loopback. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/** Resolves once `port` accepts connections, or rejects after `ms`. */
async function listening(port, ms) {
  const end = Date.now() + ms;
  for (;;) {
    const ok = await fetch(`http://127.0.0.1:${port}/status`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    if (Date.now() > end) throw new Error(`WebKitWebDriver did not answer on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts Xvfb on the first free display from :90 and WebKitWebDriver on a free port. Returns
 * the port and a stop() that ends both; they also end when this process exits.
 */
export async function startWebKit() {
  for (const file of [WEBKIT_DRIVER, MINIBROWSER, XVFB]) {
    if (!existsSync(file)) throw new Error(`WebKit tests need ${file}: run \`npm run browsers\` (see README).`);
  }
  let display = 90;
  while (existsSync(`/tmp/.X11-unix/X${display}`) || existsSync(`/tmp/.X${display}-lock`)) display++;
  const xvfb = spawn(XVFB, [`:${display}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  const port = await freePort();
  const driver = spawn(WEBKIT_DRIVER, [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: `:${display}` },
  });
  const stop = () => {
    driver.kill();
    xvfb.kill();
  };
  process.once('exit', stop);
  try {
    await listening(port, 15000);
  } catch (error) {
    stop();
    throw error;
  }
  return { port, stop };
}
