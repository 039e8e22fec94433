/** Shared helpers for the element's browser tests. */
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { oneEvent } from '@open-wc/testing';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';

// The rules load when a customer first touches a form: one small chunk in the build, but some
// hundred modules from the test server, which take a second the first time. Tests type faster
// than people; warm the module map so a test's first keystrokes meet the rules as a person's
// would. (test/dist.test.ts checks the lazy loading itself, on the built script.)
await import('../src/form/validation.js');

// Forms keep drafts in sessionStorage by default, and the tests of a file share one page: each
// test starts as a first visit would, with nothing kept from the test before.
beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});

export const $ = <T extends Element = HTMLElement>(el: RefundExchangeForm, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};

/** Text a screen reader takes from nodes: aria-hidden parts left out. */
function visibleText(node: Node): string {
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  return [...node.childNodes].map(visibleText).join('');
}

/** The accessible name of a control from its label, legend or aria-labelledby. */
export function accessibleName(el: RefundExchangeForm, control: Element): string {
  const root = el.shadowRoot!;
  const fieldset = control.closest('fieldset');
  const source =
    control.localName === 'fieldset'
      ? control.querySelector('legend')
      : control.id
        ? root.querySelector(`label[for="${control.id}"]`)
        : (fieldset?.querySelector('legend') ?? null);
  return visibleText(source ?? control).replace(/[ \t\n\r]+/g, ' ').trim();
}

/** The text of every element named in aria-describedby. */
export function description(el: RefundExchangeForm, control: Element): string {
  return (control.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((id) => el.shadowRoot!.getElementById(id)?.textContent ?? '')
    .join(' ')
    .replace(/[ \t\n\r]+/g, ' ')
    .trim();
}

/** WebKit (MiniBrowser), whose WebDriver drops repeated characters and cannot go offline. */
export const isWebKit = /AppleWebKit/.test(navigator.userAgent) && !/Chrome|Chromium/.test(navigator.userAgent);

/** Types as a customer does; in WebKit one key at a time, since its driver drops "ss" to "s". */
export async function type(text: string): Promise<void> {
  if (!isWebKit) return void (await sendKeys({ type: text }));
  for (const key of text) await sendKeys({ type: key });
}

/**
 * Sizes the viewport in every engine (test/viewport.mjs), and waits until it holds still:
 * WebKit's window settles after the command has returned.
 */
export async function setViewport(size: { width: number; height: number }): Promise<void> {
  await executeServerCommand('viewport', size);
  const now = () => `${innerWidth}×${innerHeight}`;
  let last = '';
  let still = 0;
  await until(async () => {
    await new Promise((resolve) => setTimeout(resolve, 50));
    still = now() === last ? still + 1 : 0;
    last = now();
    return still >= 3;
  });
}
export const press = (key: string) => sendKeys({ press: key });

/** Focuses a control inside the shadow root, the way a click would. */
export const focus = (el: RefundExchangeForm, selector: string) => $(el, selector).focus();

/** Fills every required field by keyboard, as a customer would. */
export async function fillValid(el: RefundExchangeForm): Promise<void> {
  focus(el, '#email');
  await type('jane@example.com');
  await press('Tab');
  await type('Jane Doe');
  await press('Tab');
  await type(' 123-1234567-1234567 ');
  // Past the order-ID tip and its link to the product name.
  focus(el, '#productName');
  await type('Wireless Earbuds X2');
  focus(el, 'input[value=exchange]');
  await press(' ');
  focus(el, '#reason');
  await press('ArrowDown');
  await press('ArrowDown');
  await el.updateComplete;
}

/**
 * Runs `act` (by default a click on Submit) and resolves once the form has judged the submit
 * and rendered: the rules load on the first touch, so a submit may end after the click's render.
 */
export async function judged(
  el: RefundExchangeForm,
  act: () => void = () => $(el, '[part~=submit]').click(),
): Promise<void> {
  const names = ['refund-exchange-error', 'refund-exchange-submit'] as const;
  const judgement = new Promise<void>((resolve) => {
    const done = () => {
      for (const name of names) el.removeEventListener(name, done);
      resolve();
    };
    for (const name of names) el.addEventListener(name, done);
  });
  act();
  await judgement;
  await el.updateComplete;
}

export const uniqueName = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export interface Received {
  method: string;
  headers: Record<string, string>;
  body: string;
}

export async function received(name: string): Promise<Received[]> {
  return (await fetch(`/receiver/${name}/log`)).json();
}

/** Resolves once `check` passes (it may be async), or fails after `ms`. */
export async function until<T>(check: () => T | undefined | false | Promise<T | undefined | false>, ms = 4000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * Takes the browser offline for `ms` (test/network.mjs), resolving once the page is offline.
 * The command's answer may only come back online, so it is not waited for here.
 */
export async function goOffline(ms: number, win: Window = window): Promise<void> {
  // Still offline from before (a test that failed early): that spell must end first.
  await until(() => win.navigator.onLine, 10000);
  const offline = new Promise((resolve) => win.addEventListener('offline', resolve, { once: true }));
  void executeServerCommand('go-offline', { ms });
  await offline;
}

/**
 * friendly-challenge refuses to solve in automated browsers (NOTES): make the page look like an
 * ordinary browser to it. Call before its chunk loads, which is on a form's first interaction.
 */
export function lookLikeAPerson(win: Window & typeof globalThis = window): void {
  for (const [name, value] of [
    ['webdriver', false],
    ['userAgent', win.navigator.userAgent.replace(/Headless/g, '')],
    ['appVersion', win.navigator.appVersion.replace(/Headless/g, '')],
  ] as const) {
    Object.defineProperty(win.Navigator.prototype, name, { get: () => value, configurable: true });
  }
}

/** Collects what the page reports thrown (errors and unhandled rejections) until stop(). */
export function catchErrors() {
  const errors: unknown[] = [];
  const onError = (e: ErrorEvent | PromiseRejectionEvent) => errors.push('reason' in e ? e.reason : e.error);
  addEventListener('error', onError);
  addEventListener('unhandledrejection', onError);
  return {
    errors,
    stop() {
      removeEventListener('error', onError);
      removeEventListener('unhandledrejection', onError);
    },
  };
}

export interface Violation {
  directive: string;
  blocked: string;
  sample: string;
}
export type PageWindow = Window &
  typeof globalThis & {
    violations: Violation[];
    trustedTypes: { createPolicy(name: string, rules: object): unknown };
  };

const frames: HTMLIFrameElement[] = [];
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
});

/** A test page (test/pages.mjs) in an iframe, under the CSP preset `csp` with one form per entry of `forms`, once rendered. */
export async function openPage(csp: string, forms: Record<string, string>[]) {
  const frame = document.createElement('iframe');
  frame.src = `/pages/form.html?csp=${csp}&forms=${encodeURIComponent(JSON.stringify(forms))}`;
  frame.style.width = '800px';
  frame.style.height = '600px';
  const loaded = oneEvent(frame, 'load');
  document.body.append(frame);
  frames.push(frame);
  await loaded;
  const win = frame.contentWindow as PageWindow;
  await win.customElements.whenDefined('refund-exchange-form');
  const elements = [...win.document.querySelectorAll<RefundExchangeForm>('refund-exchange-form')];
  await Promise.all(elements.map((el) => el.updateComplete));
  return { win, elements };
}

const PHOTO_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp' };

/** test/fixtures/`name` as a File of `type`, made in `win`'s realm. */
export const fixtureFile = async (name: string, type: string, win: Window & typeof globalThis = window) =>
  new win.File([await (await fetch(`/test/fixtures/${name}`)).arrayBuffer()], name, { type });

/** Picks test/fixtures/`name` in the form's photo input, as a customer would, in `win`'s realm. */
export async function pickPhoto(el: RefundExchangeForm, name: string, win: Window & typeof globalThis = window) {
  const transfer = new win.DataTransfer();
  transfer.items.add(await fixtureFile(name, PHOTO_TYPES[name.split('.').pop()!] ?? '', win));
  const input = $<HTMLInputElement>(el, '#images');
  input.files = transfer.files;
  input.dispatchEvent(new win.Event('change'));
}
