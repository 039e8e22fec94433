import { esbuildPlugin } from '@web/dev-server-esbuild';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { receiver } from './test/receiver.mjs';
import { puzzles } from './test/puzzles.mjs';
import { pages } from './test/pages.mjs';
import { demoReceiver } from './test/demo.mjs';
import { network } from './test/network.mjs';
import { schemaOracle } from './test/schema-oracle.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const only = process.env.BROWSERS?.split(',');

const browsers = [
  puppeteerLauncher({
    launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS },
  }),
  puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: firefox, headless: true } }),
].filter((_, i) => !only || only.includes(['chromium', 'firefox'][i]));

const demo = demoReceiver();

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['production', 'browser'] },
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), demo, network()],
  // A real receiving endpoint and a real puzzle endpoint on the test server's loopback port,
  // the demo's own receiver, pages of their own for tests that reload or need a CSP, and the
  // server's reading of the schema.
  middleware: [receiver(), puzzles(), demo.middleware, pages(), schemaOracle()],
  browsers,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
};
