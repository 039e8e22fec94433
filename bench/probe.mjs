// What the benchmark installs in every page before the page's own scripts run (puppeteer's
// evaluateOnNewDocument): the same instruments for our form and each alternative, so that
// none of them needs hooks of its own.
//
// The functions here run in the page, with its globals.
/* global window, document, Node, requestAnimationFrame */

/**
 * Installs `window.__bench`:
 * - `longTasks`: every long task since navigation (start and duration, ms);
 * - `ready`, `whenReady`: when the first frame showing the email field finished, ms after
 *   navigation; `whole`, `whenWhole`: the same for the Submit button (the whole form);
 * - `deep(selector)`, `deepAll(selector)`, `shows(text)`: queries through open shadow roots;
 * - `arm(event, until, target)`: measures from the next `event` (captured on the window, or on
 *   `target`) to the end of the first frame after which `until()` holds; `done` resolves with
 *   that time, or -1 after 30 s; `span` holds its start and end.
 */
export function probe() {
  // The captcha refuses to solve for a browser that says it is automated (NOTES).
  for (const [name, value] of [
    ['webdriver', false],
    ['userAgent', navigator.userAgent.replace(/Headless/g, '')],
    ['appVersion', navigator.appVersion.replace(/Headless/g, '')],
  ]) {
    Object.defineProperty(Navigator.prototype, name, { get: () => value, configurable: true });
  }

  const SUBMIT = 'button[type="submit"], sl-button[type="submit"], md-filled-button[type="submit"]';
  let ready;
  let whole;
  const bench = {
    longTasks: [],
    ready: undefined,
    whenReady: new Promise((resolve) => (ready = resolve)),
    whole: undefined,
    whenWhole: new Promise((resolve) => (whole = resolve)),
    deepAll(selector, root = document) {
      const found = [...root.querySelectorAll(selector)];
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...bench.deepAll(selector, el.shadowRoot));
      return found;
    },
    deep(selector) {
      return bench.deepAll(selector)[0];
    },
    /** Whether an element whose own text holds `text` is rendered. */
    shows(text) {
      return bench.deepAll('*').some(
        (el) =>
          [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.data.includes(text)) &&
          el.checkVisibility({ visibilityProperty: true }),
      );
    },
    arm(event, until, target = window) {
      bench.done = new Promise((resolve) => {
        const timeout = setTimeout(() => resolve(-1), 30_000);
        // On the window, capturing: before any handler of the page. On a target in a shadow
        // root (for events that do not leave it, as `change`), capturing runs before the
        // target's own listeners too.
        target.addEventListener(
          event,
          () => {
            const start = performance.now();
            const check = () =>
              afterFrame((end) => {
                if (!until()) return check();
                clearTimeout(timeout);
                bench.span = { start, end };
                resolve(end - start);
              });
            check();
          },
          { capture: true, once: true },
        );
      });
    },
  };
  window.__bench = bench;

  new PerformanceObserver((list) => {
    for (const { startTime, duration } of list.getEntries()) bench.longTasks.push({ startTime, duration });
  }).observe({ type: 'longtask', buffered: true });

  // A task posted from a frame callback runs once that frame's rendering is done.
  const channel = new MessageChannel();
  const waiting = [];
  channel.port2.onmessage = () => waiting.shift()?.(performance.now());
  function afterFrame(then) {
    requestAnimationFrame(() => {
      waiting.push(then);
      channel.port1.postMessage(null);
    });
  }

  // Ready: the email field is there and rendered, so a customer could focus it. Whole: the
  // Submit button is too, which ours renders a frame after its first fields.
  const poll = () =>
    afterFrame((end) => {
      if (bench.ready === undefined && bench.deep('input[type="email"]')?.checkVisibility()) {
        bench.ready = end;
        ready(end);
      }
      if (bench.ready === undefined || !bench.deep(SUBMIT)?.checkVisibility()) return poll();
      bench.whole = end;
      whole(end);
    });
  poll();
}
