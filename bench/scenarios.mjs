// One measurement each, in a fresh browser context: start, the first empty Submit, keystrokes
// to an error, a 12 MP photo (and the heap after three), the captcha. Each returns its figures
// or throws when it could not measure.
/* global window, location */
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { en } from '../lib/i18n/en.js';
import { probe } from './probe.mjs';

/** The forms compared: ours, and the same form four other ways (bench/alternatives/). */
/** The pages measured; those with a Submit button (`submit`) have logic to time too. */
export const VARIANTS = {
  ours: { label: 'refund-exchange-form', page: '/bench/ours.html', submit: 'button[type="submit"]' },
  plain: { label: 'plain HTML', page: '/bench/plain.html' },
  lit: { label: 'bare Lit', page: '/bench/lit.html' },
  shoelace: { label: 'Shoelace + zod', page: '/bench/shoelace.html', submit: 'sl-button[type="submit"]' },
  material: { label: 'Material Web + zod', page: '/bench/material.html', submit: 'md-filled-button[type="submit"]' },
};

/** After ready, how long start may still run work of its own (a task it queued, a late chunk). */
const SETTLE_MS = 500;
const PHOTO = fileURLToPath(new URL('../test/fixtures/phone-12mp-gps-rotated.jpg', import.meta.url));
/** Valid values for every required field, as a "Return this item" link would carry them. */
const PREFILL = new URLSearchParams({
  marketplace: 'amazon.com',
  email: 'ada@example.com',
  name: 'Ada Lovelace',
  order_id: '112-1234567-1234567',
  product: 'Gooseneck kettle',
  resolution: 'exchange',
  reason: 'defective',
});

/**
 * Runs `work(page, cdp)` in a page of its own browser context, CPU throttled `rate` times; an
 * error the page reports fails it, unless `expected` matches it.
 */
export async function inPage(browser, rate, work, expected = /^$/) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    await page.evaluateOnNewDocument(probe);
    if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    const errors = [];
    // A page that throws may never get to what `work` waits for: it fails at once, not at the
    // protocol's timeout minutes later.
    let fail;
    const failed = new Promise((_, reject) => (fail = reject));
    failed.catch(() => undefined);
    page.on('pageerror', (error) => {
      errors.push(error.message);
      fail(new Error(`the page reported: ${error.message}`));
    });
    page.on('console', (message) => {
      // Chromium asks every page for a favicon; none of them has one.
      const text = message.text();
      if (message.type() === 'error' && !message.location().url?.endsWith('/favicon.ico') && !expected.test(text)) errors.push(text);
    });
    const working = work(page, cdp);
    working.catch(() => undefined);
    const result = await Promise.race([working, failed]);
    if (errors.length) throw new Error(`the page reported: ${errors.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

async function heap(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** The element matching `selector`, through shadow roots. */
const deep = async (page, selector) => (await page.evaluateHandle((s) => window.__bench.deep(s), selector)).asElement();

/** Loads `path` and waits for the whole form; then long tasks and what loaded during start. */
async function load(page, origin, path, rate) {
  await page.goto(origin + path, { waitUntil: 'load' });
  // Ready comes first; the whole form may follow a frame later.
  const whole = await page.evaluate(() => window.__bench.whenWhole);
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS * rate));
  return page.evaluate(
    (whole, settle) => {
      const tasks = window.__bench.longTasks.filter((t) => t.startTime < whole + settle);
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return {
        ready: window.__bench.ready,
        whole,
        fcp: paint?.startTime,
        longest: Math.max(0, ...tasks.map((t) => t.duration)),
        longTasks: tasks.length,
        blocking: tasks.reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0),
        loaded: [location.href, ...performance.getEntriesByType('resource').map((e) => e.name)],
      };
    },
    whole,
    SETTLE_MS * rate,
  );
}

/** Navigation until the email field can take focus, at full speed or throttled. */
export function start(browser, origin, variant, rate) {
  return inPage(browser, rate, async (page, cdp) => {
    const result = await load(page, origin, VARIANTS[variant].page, rate);
    return rate === 1 ? { ...result, heap: await heap(cdp) } : result;
  });
}

/** `act()`, timed from `event` (on the window, or on the deep `target`) until `until` holds. */
async function measured(page, event, until, act, target) {
  await page.evaluate(
    (event, until, target) =>
      window.__bench.arm(event, new Function(`return ${until}`), target ? window.__bench.deep(target) : window),
    event,
    until,
    target,
  );
  await act();
  const ms = await page.evaluate(() => window.__bench.done);
  if (ms < 0) throw new Error(`nothing after ${event} made this true within 30 s: ${until}`);
  return ms;
}

const shows = (text) => `window.__bench.shows(${JSON.stringify(text)})`;
const KEYSTROKES = 5;

/**
 * On a fresh page: the first Submit of the empty form until the error summary shows, then
 * keystrokes in the email field (now touched) until its error shows, and goes.
 */
export function interact(browser, origin, variant) {
  const { page: path, submit } = VARIANTS[variant];
  return inPage(browser, 1, async (page) => {
    await load(page, origin, path, 1);
    const button = await deep(page, submit);
    const summary = await measured(page, 'pointerdown', shows('Please fix'), () => button.click());
    const email = await deep(page, 'input[type="email"]');
    await email.click();
    await page.keyboard.type('name@example.co');
    const errors = [];
    const cleared = [];
    for (let i = 0; i < KEYSTROKES; i++) {
      errors.push(await measured(page, 'keydown', shows(en.errEmail), () => page.keyboard.type(',')));
      cleared.push(await measured(page, 'keydown', `!${shows(en.errEmail)}`, () => page.keyboard.press('Backspace')));
    }
    return { summary, errors, cleared };
  });
}

/**
 * Our form only, opened by a link that fills every required field: one 12 MP phone photo,
 * from the file input's change until the form lists it, with the longest main-thread task
 * meanwhile and while its thumbnail is painted; then two more, the heap, and the bytes a Submit sends for the three. Without
 * `workers`, on a page whose CSP allows none.
 */
export function photos(browser, origin, server, workers = true) {
  return inPage(browser, 1, async (page, cdp) => {
    await load(page, origin, `/bench/ours-link${workers ? '' : '-no-workers'}.html?${PREFILL}`, 1);
    const input = await deep(page, 'input[type="file"]');
    const attach = async (count) => {
      const listed = `window.__bench.deepAll('canvas[data-photo]').length >= ${count}`;
      const ms = await measured(page, 'change', listed, () => input.uploadFile(PHOTO), 'input[type="file"]');
      // The thumbnail is painted after the photo is listed: its work counts too.
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      const longest = await page.evaluate((settle) => {
        const { start, end } = window.__bench.span;
        const during = window.__bench.longTasks.filter((t) => t.startTime + t.duration > start && t.startTime < end + settle);
        return Math.max(0, ...during.map((t) => t.duration));
      }, SETTLE_MS);
      return { ms, longest };
    };
    const first = await attach(1);
    await attach(2);
    await attach(3);
    const heapAfter = await heap(cdp);
    const before = server.received.length;
    const button = await deep(page, VARIANTS.ours.submit);
    await button.click();
    for (let waited = 0; server.received.length === before; waited += 50) {
      if (waited > 30_000) throw new Error('Submit sent nothing within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const { images = [] } = server.received.at(-1);
    if (images.length !== 3) throw new Error(`Submit sent ${images.length} photos, not 3`);
    const sent = images.reduce((sum, image) => sum + Buffer.from(image.data, 'base64').length, 0);
    const picked = 3 * (await stat(PHOTO)).size;
    return { ms: first.ms, longest: first.longest, heap: heapAfter, sentRatio: sent / picked };
  }, workers ? undefined : /^Creating a worker from 'blob:.*"worker-src 'none'"/);
}

/** Our form with the captcha: from the first focus in the form until the puzzle is solved. */
export function captcha(browser, origin) {
  return inPage(browser, 1, async (page) => {
    await load(page, origin, '/bench/ours-captcha.html', 1);
    const email = await deep(page, 'input[type="email"]');
    return { ms: await measured(page, 'focusin', "window.__bench.deep('.frc-success')", () => email.click()) };
  });
}
