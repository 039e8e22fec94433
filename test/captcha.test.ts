/**
 * The captcha inside the form, against real puzzles from the project's own issuer on the test
 * server (test/puzzles.mjs), solved by friendly-challenge's real workers.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import type { RefundExchangeErrorEvent, RefundExchangeSuccessEvent } from '../src/events.js';
import { en } from '../src/i18n/en.js';
import de from '../src/i18n/de.js';
import ja from '../src/i18n/ja.js';
import { $, fillValid, lookLikeAPerson, press, received, uniqueName, until } from './helpers.js';

lookLikeAPerson();

let terminated = 0;
const terminate = Worker.prototype.terminate;
Worker.prototype.terminate = function (this: Worker) {
  terminated++;
  terminate.call(this);
};

interface PuzzleRequest {
  sitekey: string | null;
  headers: Record<string, string>;
}
const puzzleLog = async (name: string): Promise<PuzzleRequest[]> => (await fetch(`/puzzles/${name}/log`)).json();

/** A form with a site key, its puzzles and requests under one fresh name. */
async function captchaForm(puzzleKnobs = '', receiverKnobs = 'validate=1&captcha=1', lang = 'en') {
  const name = uniqueName();
  const puzzles = puzzleKnobs ? `/puzzles/${name}/${puzzleKnobs}` : `/puzzles/${name}`;
  const el = await fixture<RefundExchangeForm>(html`<refund-exchange-form
    lang=${lang}
    sitekey="FCTEST"
    puzzle-endpoint=${puzzles}
    endpoint="/receiver/${name}?${receiverKnobs}"
  ></refund-exchange-form>`);
  return { el, name };
}

const widgetText = (el: RefundExchangeForm) => el.shadowRoot!.querySelector('.frc-text')?.textContent ?? '';
const solved = (el: RefundExchangeForm) =>
  until(() => el.shadowRoot!.querySelector('.frc-success'), 20000);

describe('captcha', () => {
  it('is accessible once solved', async () => {
    const { el } = await captchaForm();
    $(el, '#email').focus();
    await solved(el);
    await expect(el).to.be.accessible();
  });

  it('does nothing before the customer interacts, then solves in the background', async () => {
    const { el, name } = await captchaForm();
    await new Promise((r) => setTimeout(r, 300));
    expect(await puzzleLog(name)).to.deep.equal([]);
    expect(el.shadowRoot!.querySelector('.frc-captcha')).to.equal(null);
    $(el, '#email').focus();
    await solved(el);
    const [request] = await puzzleLog(name);
    expect(request!.sitekey).to.equal('FCTEST');
    expect(request!.headers['x-frc-client']).to.match(/^js-/);
    // The widget's node lives in the template's empty container, styled by the form's own CSS.
    const node = $(el, '.captcha > .frc-captcha');
    // It fills the box kept for it from the first render (a plain div would be a block).
    expect(getComputedStyle(node).display).to.equal('flex');
    expect(node.getBoundingClientRect().height).to.be.closeTo($(el, '.captcha').clientHeight, 1);
    expect(document.head.querySelector('#frc-style')).to.equal(null);
  });

  it('has its box, at the widget’s height, in the first render; a form without a site key has none until one is set', async () => {
    const { el } = await captchaForm();
    // No press or focus yet: the box is there, sized, before the widget that fills it.
    expect($(el, '.captcha').getBoundingClientRect().height).to.be.above(70);
    const plain = await fixture<RefundExchangeForm>(html`<refund-exchange-form lang="en" endpoint="/receiver/x"></refund-exchange-form>`);
    expect(plain.shadowRoot!.querySelector('#captcha, #captcha-label')).to.equal(null);
    plain.puzzleEndpoint = `/puzzles/${uniqueName()}`;
    plain.sitekey = 'FCTEST';
    const box = await until(() => plain.shadowRoot!.querySelector<HTMLElement>('.captcha') ?? undefined);
    expect(box.getBoundingClientRect().height).to.be.closeTo($(el, '.captcha').getBoundingClientRect().height, 0.5);
    expect($(plain, '#captcha-label').textContent).to.equal(en.captcha);
    $(plain, '#email').focus();
    await solved(plain);
  });

  it('solves a real puzzle and the server verifies it, once', async () => {
    const { el, name } = await captchaForm();
    await fillValid(el);
    await solved(el);
    const success = oneEvent(el, 'refund-exchange-success') as Promise<RefundExchangeSuccessEvent>;
    $(el, '[part~=submit]').click();
    expect((await success).detail.status).to.equal(201);
    const [request] = await received(name);
    const body = JSON.parse(request!.body);
    expect(body.captcha.split('.')).to.have.length(4);
    // The same solution again is a replay.
    const replay = await fetch(`/receiver/${name}?validate=1&captcha=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: request!.body,
    });
    expect(replay.status).to.equal(422);
    expect((await replay.json()).errors[0].field).to.equal('captcha');
  });

  it('makes a submit wait, visibly, for a solution still on its way', async function () {
    this.timeout(20000);
    // Long enough to outlast filling in the form, which WebKit's driver types a key at a time.
    const { el } = await captchaForm('delay=8000');
    await fillValid(el);
    const success = oneEvent(el, 'refund-exchange-success');
    $(el, '[part~=submit]').click();
    await el.updateComplete;
    expect($(el, '.actions + [role=status]').textContent!.trim()).to.equal(en.captchaWaiting);
    expect($(el, '[part~=submit]').getAttribute('aria-disabled')).to.equal('true');
    await success;
  });

  it('refreshes an expired solution by itself', async () => {
    const { el, name } = await captchaForm('expiredTimes=1');
    await fillValid(el);
    await until(async () => (await puzzleLog(name)).length >= 2, 20000);
    await solved(el);
    const success = oneEvent(el, 'refund-exchange-success') as Promise<RefundExchangeSuccessEvent>;
    $(el, '[part~=submit]').click();
    expect((await success).detail.status).to.equal(201);
  });

  it('says when the puzzle cannot be fetched, fires a captcha error and retries on request', async () => {
    const { el } = await captchaForm('failTimes=1');
    const error = oneEvent(el, 'refund-exchange-error') as Promise<RefundExchangeErrorEvent>;
    $(el, '#email').focus();
    expect((await error).detail).to.deep.equal({ kind: 'captcha' });
    await el.updateComplete;
    expect($(el, '#captcha-error').textContent).to.equal(en.errCaptchaFetch);
    // The widget keeps its headline, in the form's words; its English detail and its own retry
    // button give way to the form's message and retry button.
    expect(widgetText(el)).to.equal(en.captchaFailed);
    expect(el.shadowRoot!.querySelector('.frc-button')).to.equal(null);
    await expect(el).to.be.accessible();
    $(el, '#captcha-retry').click();
    await solved(el);
    await el.updateComplete;
    expect($(el, '#captcha-error').textContent).to.equal('');
    expect(el.shadowRoot!.querySelector('#captcha-retry')).to.equal(null);
  });

  for (const [how, FailingWorker] of [
    [
      'cannot be created',
      function BlockedWorker() {
        throw new DOMException('blocked by the page’s policy', 'SecurityError');
      },
    ],
    [
      'fail once running',
      class extends EventTarget {
        onerror: ((e: Event) => void) | null = null;
        onmessage: ((e: MessageEvent) => void) | null = null;
        constructor() {
          super();
          setTimeout(() => this.onerror?.(new ErrorEvent('error', { message: 'no WebAssembly here' })));
        }
        postMessage() {}
        terminate() {}
      },
    ],
  ] as const) {
    it(`reports solver workers that ${how}, instead of waiting for ever`, async function () {
      // Filling every field, then a new puzzle solved: WebKit's driver types a key at a time.
      this.timeout(30000);
      const RealWorker = window.Worker;
      window.Worker = FailingWorker as unknown as typeof Worker;
      try {
        const { el } = await captchaForm();
        const error = oneEvent(el, 'refund-exchange-error') as Promise<RefundExchangeErrorEvent>;
        await fillValid(el);
        expect((await error).detail.kind).to.equal('captcha');
        await el.updateComplete;
        expect($(el, '#captcha-error').textContent).to.equal(en.errCaptchaFetch);
        window.Worker = RealWorker;
        $(el, '#captcha-retry').click();
        await solved(el);
      } finally {
        window.Worker = RealWorker;
      }
    });
  }

  it('shows a refused solution at the captcha and solves a new puzzle for the next try', async () => {
    const body = JSON.stringify({ errors: [{ field: 'captcha', message: 'Expired, try again.' }] });
    const { el, name } = await captchaForm('', `status=422&body=${encodeURIComponent(body)}`);
    await fillValid(el);
    await solved(el);
    const error = oneEvent(el, 'refund-exchange-error');
    $(el, '[part~=submit]').click();
    await error;
    await el.updateComplete;
    // Shown in the form's language whatever the server said, since the remedy is the same.
    expect($(el, '#captcha-error').textContent).to.equal(en.errCaptchaRefused);
    await until(async () => (await puzzleLog(name)).length === 2, 20000);
  });

  it('gives the next request a new puzzle', async () => {
    const { el, name } = await captchaForm();
    await fillValid(el);
    await solved(el);
    const success = oneEvent(el, 'refund-exchange-success');
    $(el, '[part~=submit]').click();
    await success;
    await el.updateComplete;
    $(el, '[part~=new]').click();
    await el.updateComplete;
    await solved(el);
    expect(await puzzleLog(name)).to.have.length(2);
  });

  it('is destroyed with its workers when the form is removed, and works again when re-added', async () => {
    const { el } = await captchaForm();
    $(el, '#email').focus();
    await solved(el);
    const before = terminated;
    const parent = el.parentElement!;
    el.remove();
    expect(terminated).to.be.greaterThan(before);
    expect(el.shadowRoot!.querySelector('.frc-captcha')).to.equal(null);
    parent.append(el);
    await el.updateComplete;
    await solved(el);
    expect(el.shadowRoot!.querySelectorAll('.frc-captcha')).to.have.length(1);
  });

  it('gives two forms on one page a captcha each', async () => {
    const name = uniqueName();
    const page = await fixture<HTMLElement>(html`<div>
      <refund-exchange-form lang="en" sitekey="A" puzzle-endpoint="/puzzles/${name}" endpoint="/x"></refund-exchange-form>
      <refund-exchange-form lang="en" sitekey="B" puzzle-endpoint="/puzzles/${name}" endpoint="/x"></refund-exchange-form>
    </div>`);
    const [a, b] = [...page.querySelectorAll('refund-exchange-form')];
    await Promise.all([a!.updateComplete, b!.updateComplete]);
    $(a!, '#email').focus();
    $(b!, '#email').focus();
    await Promise.all([solved(a!), solved(b!)]);
    expect((await puzzleLog(name)).map((r) => r.sitekey).sort()).to.deep.equal(['A', 'B']);
  });

  for (const [lang, t] of [['de', de], ['ja', ja]] as const) {
    it(`speaks the form’s language (${lang}), calling the check by the name its label gives it`, async () => {
      const { el } = await captchaForm('', '', lang);
      $(el, '#email').focus();
      await solved(el);
      expect($(el, '#captcha-label').textContent).to.equal(t.captcha);
      expect(widgetText(el)).to.equal(t.captchaDone);
      expect(t.captchaDone).to.contain(t.captcha);
    });
  }

  it('tells a customer whose browser it refuses what to do, with no retry that cannot help', async () => {
    const { el } = await captchaForm();
    // What its browser check looks for in an automated browser (NOTES).
    Object.defineProperty(Navigator.prototype, 'webdriver', { get: () => true, configurable: true });
    try {
      const error = oneEvent(el, 'refund-exchange-error') as Promise<RefundExchangeErrorEvent>;
      $(el, '#email').focus();
      expect((await error).detail).to.deep.equal({ kind: 'captcha' });
      await el.updateComplete;
      expect($(el, '#captcha-error').textContent).to.equal(en.errCaptchaBrowser);
      // Not its English "Browser check failed, try a different browser".
      expect(widgetText(el)).to.equal(en.captchaFailed);
      expect(el.shadowRoot!.querySelector('#captcha-retry, .frc-button')).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      lookLikeAPerson();
    }
  });

  it('keeps its FriendlyCaptcha link out of the tab order: Tab goes from the check to Submit', async () => {
    const { el } = await captchaForm();
    $(el, '#email').focus();
    await solved(el);
    const link = $<HTMLAnchorElement>(el, '.frc-banner a');
    expect(link.href).to.equal('https://friendlycaptcha.com/');
    $(el, '#captcha').focus();
    await press('Tab');
    expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~=submit]'));
  });
});
