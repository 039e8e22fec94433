/**
 * Hostile networks: the browser going offline before or during a submit (for real, through the
 * test runner's `go-offline` command), and the element removed while it sends.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import type { RefundExchangeSuccessEvent } from '../src/events.js';
import { en } from '../src/i18n/en.js';
import { $, catchErrors, fillValid, goOffline, isWebKit, received, uniqueName, until } from './helpers.js';

const status = (el: RefundExchangeForm) => $(el, '.actions + [role=status]').textContent?.trim();

async function form(endpoint: string) {
  const el = await fixture<RefundExchangeForm>(html`<refund-exchange-form lang="en" endpoint=${endpoint}></refund-exchange-form>`);
  await fillValid(el);
  return el;
}

describe('offline', () => {
  before(function () {
    // WebKit cannot be taken offline here: WebKitWebDriver speaks WebDriver classic only, which
    // has no network conditions, and MiniBrowser has no offline switch of its own.
    if (isWebKit) this.skip();
  });

  it('is accessible while it waits for the connection', async () => {
    const el = await form(`/receiver/${uniqueName()}?status=201`);
    // The check's own code loads on first use, which it cannot do offline.
    await expect(el).to.be.accessible();
    await goOffline(1500);
    const success = oneEvent(el, 'refund-exchange-success');
    $(el, '[part~=submit]').click();
    await el.updateComplete;
    expect(status(el)).to.equal(en.offlineWaiting);
    await expect(el).to.be.accessible();
    await success;
  });

  it('sends by itself once back online, and the demo receiver stores it once', async function () {
    // A real captcha solve before going offline.
    this.timeout(30000);
    const iframe = await fixture<HTMLIFrameElement>(html`<iframe title="storefront" style="width: 800px; height: 1400px"></iframe>`);
    const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    const forms = [{ lang: 'en', endpoint: '/api/requests', sitekey: 'demo', 'puzzle-endpoint': '/api/puzzle' }];
    iframe.src = `/pages/form.html?forms=${encodeURIComponent(JSON.stringify(forms))}`;
    await loaded;
    const win = iframe.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('refund-exchange-form');
    const el = win.document.querySelector<RefundExchangeForm>('refund-exchange-form')!;
    await el.updateComplete;
    await fillValid(el);
    await until(() => el.shadowRoot!.querySelector('.frc-success'), 20000);

    await goOffline(2000);
    const success = oneEvent(el, 'refund-exchange-success') as Promise<RefundExchangeSuccessEvent>;
    $(el, '[part~=submit]').click();
    await el.updateComplete;
    expect(win.navigator.onLine).to.equal(false);
    expect(status(el)).to.equal(en.offlineWaiting);
    const { reference } = (await success).detail;
    const stored = (await (await fetch('/demo-store')).json()) as { reference: string; idempotencyKey: string }[];
    const mine = stored.filter((entry) => entry.reference === reference);
    expect(mine).to.have.length(1);
    expect(mine[0]!.idempotencyKey).to.match(/^[0-9a-f-]{36}$/);
  });

  it('sends a request submitted offline with the key its earlier attempts had', async () => {
    const name = uniqueName();
    // Every attempt of the first submit gets a 500; the fourth request is taken.
    const el = await form(`/receiver/${name}?status=201&failTimes=3&fail=500`);
    const failed = oneEvent(el, 'refund-exchange-error');
    $(el, '[part~=submit]').click();
    await failed;
    expect(await received(name)).to.have.length(3);
    await goOffline(1500);
    const success = oneEvent(el, 'refund-exchange-success');
    $(el, '[part~=submit]').click();
    await el.updateComplete;
    expect(status(el)).to.equal(en.offlineWaiting);
    await success;
    const requests = await received(name);
    expect(requests).to.have.length(4);
    expect(new Set(requests.map((r) => r.headers['idempotency-key'])).size).to.equal(1);
    expect(new Set(requests.map((r) => r.body)).size).to.equal(1);
  });

  it('waits no longer once the customer changes the form, and keeps everything', async () => {
    const name = uniqueName();
    const el = await form(`/receiver/${name}?status=201`);
    await goOffline(1000);
    $(el, '[part~=submit]').click();
    await el.updateComplete;
    expect(status(el)).to.equal(en.offlineWaiting);
    // As typing does; the test runner's keyboard cannot reach a Chromium page while it is offline.
    const details = $<HTMLTextAreaElement>(el, '#details');
    details.value = 'Also the handle is loose.';
    details.dispatchEvent(new InputEvent('input', { inputType: 'insertText', data: details.value }));
    await el.updateComplete;
    expect($(el, '[part=alert]').textContent).to.equal(`${en.errOffline} ${en.kept}`);
    expect($(el, '[part~=submit]').getAttribute('aria-disabled')).to.equal('false');
    await until(() => navigator.onLine, 3000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await received(name)).to.deep.equal([]);
    expect($<HTMLTextAreaElement>(el, '#details').value).to.equal('Also the handle is loose.');
  });

  it('abandons the request cleanly when the element is removed mid-send, and sends it again once back', async () => {
    const name = uniqueName();
    const el = await form(`/receiver/${name}?status=201&delay=1000`);
    let succeeded = 0;
    el.addEventListener('refund-exchange-success', () => succeeded++);
    const thrown = catchErrors();
    try {
      $(el, '[part~=submit]').click();
      await until(async () => (await received(name)).length === 1);
      const parent = el.parentElement!;
      el.remove();
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(succeeded).to.equal(0);
      parent.append(el);
      await el.updateComplete;
      expect($<HTMLInputElement>(el, '#name').value).to.equal('Jane Doe');
      expect($(el, '[part~=submit]').getAttribute('aria-disabled')).to.equal('false');
      const success = oneEvent(el, 'refund-exchange-success');
      $(el, '[part~=submit]').click();
      await success;
    } finally {
      thrown.stop();
    }
    expect(thrown.errors).to.deep.equal([]);
    const requests = await received(name);
    expect(requests).to.have.length(2);
    expect(requests[0]!.headers['idempotency-key']).to.equal(requests[1]!.headers['idempotency-key']);
  });
});
