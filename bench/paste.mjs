// Typing after a 1 MB paste into Issue details: the main-thread work of one keystroke, in
// Debian's Chromium, at full speed and with the CPU throttled 4x; part of `npm run bench`.
//
//   BENCH_KEYS=3            keystrokes per repetition: few, so that a run stays short while a
//                           keystroke costs hundreds of ms (raise it once they are cheap)
//   BENCH_CONTROL_REPS=3    repetitions of the control (a bare <textarea>, full speed); 0: none
//
// Each repetition loads a page holding <refund-exchange-form lang="en">, focuses Issue
// details, which loads the rules as a customer's first focus does, pastes 1 MiB of text in lines
// of about 70 characters, waits for the render, and types BENCH_KEYS characters at its end, one
// real key press at a time.
//
// The paste is a real one: the clipboard is written through navigator.clipboard, then Ctrl+V
// with the "paste" editing command, which gives the page one `input` event with inputType
// "insertFromPaste", as a customer's paste does. document.execCommand('insertText') also works
// in headless Chromium, but turns every line break into a new paragraph (seconds for 160 KB,
// minutes for 1 MiB), so it would measure that command rather than a paste.
//
// Work, for a keystroke or the paste: the task its key event runs in (the browser's editing,
// the form's input handler and the element's render, up to the element's `updateComplete`),
// plus the next frame (from its requestAnimationFrame callback to the first task after it:
// style, layout, paint). The idle wait for that frame is not work and is left out. At full
// speed the renderer's main-thread CPU time around each keystroke (CDP Performance.getMetrics
// TaskDuration in thread ticks) is reported too: other load on the machine does not inflate
// it, but it also holds the key-up and anything else that ran meanwhile (a timer, a GC).
//
// The control types the same way into a bare <textarea> of the same size, with no script:
// what Chromium itself costs for a field holding 1 MiB. The page's CPU throttling starts after
// the page has loaded, so only the paste and the typing are slowed.

// The functions given to page.evaluate run in the page, with its globals.
/* global window, document, customElements, addEventListener, requestAnimationFrame */

import { median, row, spread, SPREAD_HEAD } from './stats.mjs';
import { lazyChunks } from './weight.mjs';

const KEYS = Number(process.env.BENCH_KEYS ?? 3);
export const CONTROL_REPS = Number(process.env.BENCH_CONTROL_REPS ?? 3);
export const RATES = [1, 4];
export const FRAME = 1000 / 60;
const PASTE_CHARS = 1024 * 1024;

let pasted;
/** 1 MiB of ASCII prose in lines of about 70 characters, as a pasted log or e-mail would be; made once. */
export function pastedText() {
  return (pasted ??= makeText());
}

function makeText() {
  const words = 'the left earbud stopped charging after two weeks and its case blinks red when it is put in'.split(' ');
  let text = '';
  let line = '';
  for (let i = 0; text.length < PASTE_CHARS; i++) {
    line += (line ? ' ' : '') + words[(i * 7) % words.length];
    if (line.length > 64) {
      text += `${line}.\n`;
      line = '';
    }
  }
  return text.slice(0, PASTE_CHARS);
}

/** Typed after the paste, one key at a time. */
const TYPED = 'Also, the right one crackles at high volume. Thanks!'.repeat(4).slice(0, KEYS);

/** Runs in the page: measures the next armed key press (or paste) up to the frame after it. */
function install() {
  const el = document.querySelector('refund-exchange-form');
  const channel = new MessageChannel();
  let keyAt = 0;
  let inputAt = 0;
  let pending;
  let afterFrame;
  channel.port2.onmessage = () => afterFrame?.();
  addEventListener('keydown', () => (keyAt = performance.now()), true);
  // Capturing, so before the form's own handler: from here on, the work is the form's.
  addEventListener('input', () => (inputAt = performance.now()), true);
  // Bubbling (`input` is composed), so after the element's own handler: its update is queued.
  addEventListener('input', () => {
    if (!pending) return;
    const resolve = pending;
    pending = undefined;
    const start = keyAt;
    const input = inputAt;
    Promise.resolve(el?.updateComplete).then(() => {
      const updated = performance.now();
      requestAnimationFrame(() => {
        const frame = performance.now();
        // A task posted in a frame callback runs once that frame's rendering is done.
        afterFrame = () => {
          afterFrame = undefined;
          const end = performance.now();
          resolve({ task: updated - start, frame: end - frame, latency: end - start, own: updated - input });
        };
        channel.port1.postMessage(null);
      });
    });
  });
  window.__bench = {
    field: el ? el.shadowRoot.querySelector('#details') : document.querySelector('#details'),
    arm() {
      this.done = new Promise((resolve) => (pending = resolve));
    },
  };
}

async function cpuSeconds(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'TaskDuration').value;
}

/** One repetition in a fresh browser context: load, focus, paste, type. */
export async function pasteRepetition(browser, origin, kind, rate, text) {
  const context = await browser.createBrowserContext();
  try {
    await context.overridePermissions(origin, ['clipboard-read', 'clipboard-write', 'clipboard-sanitized-write']);
    const page = await context.newPage();
    const cdp = await page.createCDPSession();
    await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
    await page.goto(`${origin}/bench/${kind === 'form' ? 'paste' : 'control'}.html`, { waitUntil: 'load' });
    if (kind === 'form') {
      await page.evaluate(async () => {
        await customElements.whenDefined('refund-exchange-form');
        await document.querySelector('refund-exchange-form').updateComplete;
      });
    }
    await page.evaluate(install);
    await page.evaluate(() => window.__bench.field.focus());
    if (kind === 'form') {
      // The first focus loads the rules and the sending code; typing is measured with them.
      await page.waitForNetworkIdle({ idleTime: 100 });
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
      const rules = (await lazyChunks()).find((chunk) => chunk.modules.includes('form/validation')).name;
      if (!loaded.some((name) => name.endsWith(`/chunks/${rules}`))) {
        throw new Error(`the rules did not load on focus (loaded: ${loaded.join(' ')})`);
      }
    }
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });

    await page.evaluate(() => window.__bench.arm());
    await page.keyboard.down('Control');
    await page.keyboard.press('KeyV', { commands: ['paste'] });
    await page.keyboard.up('Control');
    const paste = await page.evaluate(() => window.__bench.done);
    const pasted = await page.evaluate(() => window.__bench.field.value.length);
    if (pasted !== text.length) throw new Error(`the paste put ${pasted} characters in the field, not ${text.length}`);

    const keys = [];
    for (const key of TYPED) {
      await page.evaluate(() => window.__bench.arm());
      const before = await cpuSeconds(cdp);
      await page.keyboard.type(key);
      const measured = await page.evaluate(() => window.__bench.done);
      keys.push({ ...measured, cpu: ((await cpuSeconds(cdp)) - before) * 1000 });
    }
    const field = await page.evaluate((n) => {
      const { value } = window.__bench.field;
      const error = window.__bench.field.getRootNode().querySelector('#details-error');
      return { length: value.length, end: value.slice(-n), error: error?.textContent ?? null };
    }, TYPED.length);
    if (field.length !== text.length + TYPED.length || field.end !== TYPED) {
      throw new Error(`the field holds ${field.length} characters ending "${field.end}", not the paste and "${TYPED}"`);
    }
    if (kind === 'form' && !field.error?.trim()) {
      throw new Error('the form shows no "too long" message for 1 MiB of details: did its rules run?');
    }
    return { kind, rate, paste, keys };
  } finally {
    await context.close();
  }
}


const work = (m) => m.task + m.frame;
/** Each repetition's median keystroke by `f`, then the spread of those. */
const perRep = (runs, f) => spread(runs.map((r) => median(r.keys.map(f))));

/** The runs grouped: the form at each rate, then the control. */
export function pasteStats(runs) {
  const groups = [...RATES.map((rate) => ({ kind: 'form', rate })), ...(CONTROL_REPS > 0 ? [{ kind: 'control', rate: 1 }] : [])];
  return groups.map(({ kind, rate }) => {
    const mine = runs.filter((r) => r.kind === kind && r.rate === rate);
    return {
      kind,
      rate,
      repetitions: mine.length,
      paste: spread(mine.map((r) => work(r.paste))),
      pasteTask: spread(mine.map((r) => r.paste.task)),
      pasteFrame: spread(mine.map((r) => r.paste.frame)),
      keystroke: perRep(mine, work),
      keystrokeOwn: perRep(mine, (k) => k.own),
      pasteOwn: spread(mine.map((r) => r.paste.own)),
      keystrokeTask: perRep(mine, (k) => k.task),
      keystrokeFrame: perRep(mine, (k) => k.frame),
      keystrokeCpu: rate === 1 ? perRep(mine, (k) => k.cpu) : undefined,
      keystrokeLatency: perRep(mine, (k) => k.latency),
      everyKeystroke: spread(mine.flatMap((r) => r.keys.map(work))),
    };
  });
}

/** The report's section on the paste. */
export function pasteSection(stats) {
  const lines = [
    '## Typing after a 1 MB paste',
    '',
    `Paste 1 MiB (${PASTE_CHARS} characters in ${pastedText().split('\n').length} lines) into Issue details with Ctrl+V, then` +
      ` type ${KEYS} characters at its end, one key press at a time. Work = the key event's task up to the element's` +
      ' `updateComplete`, plus the next frame (its requestAnimationFrame callback to the first task after it); the wait' +
      ' for that frame is left out. Keystroke rows: the median of each repetition, then the median, min and max of' +
      " those. The form's own work is its part of that task: from the `input` event (before its handler) to its" +
      ' `updateComplete`; the rest is Chromium editing and laying out a field of 1 MiB, which the bare textarea of the' +
      ' control costs as well.',
    '',
  ];
  for (const s of stats) {
    const title =
      s.kind === 'control'
        ? `Control: a bare textarea, full speed (${s.repetitions} repetitions)`
        : `The form, ${s.rate === 1 ? 'full speed' : `CPU throttled ${s.rate}x`} (${s.repetitions} repetitions)`;
    lines.push(`### ${title}`, '', ...SPREAD_HEAD);
    if (s.kind === 'form') lines.push(row("**keystroke: the form's own work**", s.keystrokeOwn), row("paste: the form's own work", s.pasteOwn));
    lines.push(
      row('paste: work', s.paste),
      row('paste: event task', s.pasteTask),
      row('paste: next frame', s.pasteFrame),
      row('keystroke: work', s.keystroke),
      row('keystroke: event task', s.keystrokeTask),
      row('keystroke: next frame', s.keystrokeFrame),
    );
    if (s.keystrokeCpu) lines.push(row('keystroke: main-thread CPU time (CDP)', s.keystrokeCpu));
    lines.push(
      row('keystroke: key down to frame done (latency)', s.keystrokeLatency),
      row(`every keystroke (${s.repetitions * KEYS}): work`, s.everyKeystroke),
      '',
    );
  }
  return lines.join('\n');
}
