// Screenshots of the real demo for the README: the British storefront's form, light and dark,
// empty and after a submit that found problems. Starts the demo (CAPTCHA=off, a throwaway
// PGlite folder) on a free port, drives Debian's Chromium with puppeteer-core, writes
// docs/screenshots/*.png and stops everything.
//
//   npm run screenshots      builds, then runs this (`node scripts/screenshots.mjs` uses dist/ as is)
// The function given to page.evaluate runs in the page.
/* global document */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs', 'screenshots');

/** The demo on a free port; resolves with its base URL once it listens. */
function startDemo(dataDir) {
  const child = spawn(process.execPath, ['demo/server.mjs'], {
    cwd: root,
    env: { ...process.env, PORT: '0', DATA_DIR: dataDir, CAPTCHA: 'off' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      const found = /storefront\s+(http:\/\/\S+?)\/\s/.exec(text);
      if (found) resolve(found[1]);
    });
    child.once('exit', (code) => reject(new Error(`the demo exited (${code}) before it listened`)));
  });
  return { child, base };
}

const dataDir = await mkdtemp(join(tmpdir(), 'rxf-screenshots-'));
const demo = startDemo(dataDir);
const browser = await puppeteer.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
try {
  const base = await demo.base;
  await mkdir(out, { recursive: true });
  for (const scheme of ['light', 'dark']) {
    const page = await browser.newPage();
    await page.setViewport({ width: 720, height: 900, deviceScaleFactor: 1 });
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await page.goto(`${base}/demo/uk.html`, { waitUntil: 'networkidle0' });
    // The demo's pages declare `color-scheme: light dark`: the form follows the page.
    await page.evaluate(() => document.querySelector('refund-exchange-form')?.updateComplete);
    const form = await page.$('refund-exchange-form');
    await form.screenshot({ path: join(out, `form-${scheme}.png`) });
    // A submit with two fields filled: the summary and the errors.
    await page.click('refund-exchange-form >>> #email');
    await page.keyboard.type('jane@example');
    await page.click('refund-exchange-form >>> #name');
    await page.keyboard.type('Jane Doe');
    await page.click('refund-exchange-form >>> [part~=submit]');
    await page.waitForSelector('refund-exchange-form >>> [part=summary]');
    await form.screenshot({ path: join(out, `errors-${scheme}.png`) });
    await page.close();
  }
  console.log(`Screenshots in ${out}`);
} finally {
  await browser.close();
  demo.child.kill();
  await rm(dataDir, { recursive: true, force: true });
}
