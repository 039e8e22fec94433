import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import { receiver } from './test/receiver.mjs';
import { puzzles } from './test/puzzles.mjs';
import { pages } from './test/pages.mjs';
import { demoReceiver } from './test/demo.mjs';
import { network, slowModules } from './test/network.mjs';
import { viewport } from './test/viewport.mjs';
import { schemaOracle } from './test/schema-oracle.mjs';
import { frameworks } from './test/frameworks.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs';
import { MINIBROWSER, startWebKit } from './scripts/webkit.mjs';
import { ENGINES } from './scripts/engines.mjs';

/**
 * Writes the test files that failed, relative, as JSON to $WTR_FAILED_FILES when it is set:
 * scripts/test-browsers.mjs runs a WebKit file that failed once more.
 */
const failedFiles = () => ({
  onTestRunFinished({ sessions }) {
    const to = process.env.WTR_FAILED_FILES;
    if (!to) return;
    const failed = new Set(sessions.filter((session) => !session.passed).map((session) => relative(process.cwd(), session.testFile)));
    writeFileSync(to, JSON.stringify([...failed]));
  },
});

const firefox = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
// WebKit needs its display and driver started first (scripts/webkit.mjs).
const webkit = ENGINES.includes('webkit') ? await startWebKit() : undefined;

const browsers = [
  ENGINES.includes('chromium') &&
    puppeteerLauncher({ launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS } }),
  ENGINES.includes('firefox') &&
    puppeteerLauncher({ launchOptions: { browser: 'firefox', executablePath: firefox, headless: true } }),
  webkit &&
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: webkit.port,
      path: '/',
      capabilities: {
        browserName: 'MiniBrowser',
        // webdriverio 9 would ask for a BiDi session, which WebKitWebDriver refuses.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
      },
    }),
].filter(Boolean);

const demo = demoReceiver();

export default {
  files: ['test/**/*.test.ts', '!test/node/**'],
  nodeResolve: { exportConditions: ['production', 'browser'] },
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    demo,
    network(),
    viewport(),
    { name: 'webkit-driver', serverStop: () => webkit?.stop() },
  ],
  // A real receiving endpoint and a real puzzle endpoint on the test server's loopback port,
  // the demo's own receiver, pages of their own for tests that reload or need a CSP, the
  // server's reading of the schema, host pages built with React, Vue and Svelte, and a module
  // made slow on purpose.
  middleware: [slowModules(), receiver(), puzzles(), demo.middleware, pages(), schemaOracle(), frameworks()],
  browsers,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  reporters: [defaultReporter(), failedFiles()],
  testsFinishTimeout: 300000,
};
