/**
 * Drafts: what a customer enters survives a reload (a real one, of a page of its own in an
 * iframe) and goes once it is delivered, with photos, through the demo's own receiver.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import type { RefundExchangeSubmitEvent, RefundExchangeSuccessEvent } from '../src/events.js';
import { en } from '../src/i18n/en.js';
import { $, catchErrors, fillValid, focus, pickPhoto, received, type, uniqueName, until } from './helpers.js';

const PREFIX = 'refund-exchange-form:draft:';
const PAUSE = 400;

const drafts = (storage: Storage) =>
  Object.keys(storage)
    .filter((key) => key.startsWith(PREFIX))
    .map((key) => [key, storage.getItem(key)!] as const);

const value = (el: RefundExchangeForm, selector: string) => $<HTMLInputElement>(el, selector).value;
const photoNames = (el: RefundExchangeForm) =>
  [...el.shadowRoot!.querySelectorAll('.photos li span')].map((span) => span.textContent);
const notice = (el: RefundExchangeForm) => el.shadowRoot!.querySelector('[part=draft]');

async function attach(el: RefundExchangeForm, name: string, win: Window & typeof globalThis = window) {
  await pickPhoto(el, name, win);
  await until(() => !el.shadowRoot!.querySelector('.field [role=status]') && photoNames(el).length, 10000);
}

/** A page of its own (test/pages.mjs) in an iframe: reloadable, with its own storage events. */
async function page(forms: Record<string, string>[]) {
  const iframe = await fixture<HTMLIFrameElement>(
    html`<iframe title="storefront" style="width: 800px; height: 1400px; border: 0"></iframe>`,
  );
  const loaded = () => new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  const ready = async () => {
    const win = iframe.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('refund-exchange-form');
    const els = [...win.document.querySelectorAll<RefundExchangeForm>('refund-exchange-form')];
    await Promise.all(els.map((el) => el.updateComplete));
    return { win, els };
  };
  const url = `/pages/form.html?forms=${encodeURIComponent(JSON.stringify(forms))}`;
  const go = async (to: string) => {
    const done = loaded();
    iframe.src = to;
    await done;
  };
  await go(url);
  return {
    ready,
    async reload() {
      const again = loaded();
      iframe.contentWindow!.location.reload();
      await again;
      return ready();
    },
    /** Leaves the page, runs `meanwhile`, and comes back: the customer returning later. */
    async revisit(meanwhile: () => void) {
      await go('about:blank');
      meanwhile();
      await go(url);
      return ready();
    },
  };
}

describe('drafts', () => {
  it('is accessible with a restored draft and its notice', async () => {
    const endpoint = `/receiver/${uniqueName()}`;
    const el = await fixture<RefundExchangeForm>(html`<refund-exchange-form lang="en" endpoint=${endpoint}></refund-exchange-form>`);
    focus(el, '#name');
    await type('Jane');
    await until(() => drafts(sessionStorage).length === 1);
    el.remove();
    const again = await fixture<RefundExchangeForm>(html`<refund-exchange-form lang="en" endpoint=${endpoint}></refund-exchange-form>`);
    expect(value(again, '#name')).to.equal('Jane');
    expect(notice(again)!.textContent).to.contain(en.draftRestored);
    // Its box, whose styles come with the draft code, in the first render.
    expect(getComputedStyle(notice(again)!).display).to.equal('flex');
    await expect(again).to.be.accessible();
  });

  it('keeps everything across a real reload, says so, and sends it once through the demo receiver', async function () {
    // Two real captcha solves, a reload and a photo; WebKit types a key at a time.
    this.timeout(40000);
    const storefront = await page([
      { lang: 'en', endpoint: '/api/requests', sitekey: 'demo', 'puzzle-endpoint': '/api/puzzle' },
    ]);
    let { win, els } = await storefront.ready();
    let [el] = els as [RefundExchangeForm];
    await fillValid(el);
    focus(el, '#details');
    await type('The lid does not close.');
    await attach(el, 'label.webp', win);
    // Saved as the customer goes: no blur, no submit needed.
    const saved = (storage: Storage, text: string) =>
      drafts(storage).some(([, raw]) => raw.includes(text) && JSON.parse(raw).photos.length === 1);
    await until(() => saved(win.sessionStorage, 'The lid does not close.'));
    await until(() => el.shadowRoot!.querySelector('.frc-success'), 20000);

    ({ win, els } = await storefront.reload());
    [el] = els as [RefundExchangeForm];
    expect(value(el, '#email')).to.equal('jane@example.com');
    // Tidied when the customer left the field, and kept so.
    expect(value(el, '#orderId')).to.equal('123-1234567-1234567');
    expect(value(el, '#reason')).to.equal('defective');
    expect($<HTMLInputElement>(el, 'input[value=exchange]').checked).to.equal(true);
    expect(value(el, '#details')).to.equal('The lid does not close.');
    // The first render waits up to a second for IndexedDB; on a loaded machine the photo may
    // come just after it.
    expect(await until(() => photoNames(el).length && photoNames(el))).to.deep.equal(['label.jpg (640×480)']);
    // Listed with the list's own styles, which came before the photo.
    expect(getComputedStyle($(el, '.photos li')).display).to.equal('flex');
    // Its thumbnail is painted again from the restored photo.
    await until(() => {
      const thumb = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas.thumb');
      return thumb?.getContext('2d')!.getImageData(thumb.width / 2, thumb.height / 2, 1, 1).data[3] === 255;
    }, 10000);
    expect(notice(el)!.textContent).to.contain(en.draftRestored);
    expect(notice(el)!.querySelector('button')!.textContent!.trim()).to.equal(en.startOver);
    // Shown in the first render, and announced by a live region once it is on screen.
    await until(() => el.shadowRoot!.querySelector('.vh[role=status]')!.textContent === en.draftRestored);

    focus(el, '#details');
    await until(() => el.shadowRoot!.querySelector('.frc-success'), 20000);
    const draftBefore = drafts(win.sessionStorage).map(([, raw]) => raw).join();
    const submitted = oneEvent(el, 'refund-exchange-submit') as Promise<RefundExchangeSubmitEvent>;
    const success = oneEvent(el, 'refund-exchange-success') as Promise<RefundExchangeSuccessEvent>;
    $(el, '[part~=submit]').click();
    const { payload } = (await submitted).detail;
    const { reference } = (await success).detail;
    // The solution was in the request, never in the draft.
    expect(payload.captcha).to.be.a('string').with.length.above(100);
    expect(draftBefore).to.contain('The lid does not close.');
    expect(draftBefore).not.to.contain(payload.captcha!.split('.')[0]);

    const stored = (await (await fetch('/demo-store')).json()) as { reference: string; request: Record<string, unknown> }[];
    const mine = stored.filter((entry) => entry.reference === reference);
    expect(mine).to.have.length(1);
    expect(mine[0]!.request).to.include({ email: 'jane@example.com', details: 'The lid does not close.' });
    expect(mine[0]!.request.images).to.have.length(1);

    // Delivered: nothing is kept, and a reload starts afresh.
    expect(drafts(win.sessionStorage)).to.deep.equal([]);
    ({ els } = await storefront.reload());
    [el] = els as [RefundExchangeForm];
    expect(value(el, '#email')).to.equal('');
    expect(photoNames(el)).to.deep.equal([]);
    expect(notice(el)).to.equal(null);
  });

  it('keeps a local draft for a day, photos included, and drops an older one', async function () {
    this.timeout(30000);
    const storefront = await page([{ lang: 'en', endpoint: '/api/requests', draft: 'local' }]);
    let { win, els } = await storefront.ready();
    win.localStorage.clear();
    let [el] = els as [RefundExchangeForm];
    focus(el, '#serialNumber');
    await type('SN: A1234567');
    await attach(el, 'label.webp', win);
    await until(() => drafts(win.localStorage).some(([, raw]) => raw.includes('A1234567') && JSON.parse(raw).photos.length));
    expect(drafts(win.sessionStorage)).to.deep.equal([]);
    // A new tab has a new sessionStorage; the local draft does not depend on it.
    win.sessionStorage.clear();
    ({ win, els } = await storefront.reload());
    [el] = els as [RefundExchangeForm];
    expect(value(el, '#serialNumber')).to.equal('SN: A1234567');
    expect(photoNames(el)).to.deep.equal(['label.jpg (640×480)']);

    const [[key]] = drafts(win.localStorage) as [[string, string]];
    ({ win, els } = await storefront.revisit(() => {
      // A day and an hour later.
      const raw = localStorage.getItem(key)!;
      localStorage.setItem(key, JSON.stringify({ ...JSON.parse(raw), savedAt: Date.now() - 25 * 60 * 60 * 1000 }));
    }));
    [el] = els as [RefundExchangeForm];
    expect(value(el, '#serialNumber')).to.equal('');
    expect(notice(el)).to.equal(null);
    expect(win.localStorage.getItem(key)).to.equal(null);
  });

  it('ignores a corrupt, foreign or old-format draft', async () => {
    const endpoint = `/receiver/${uniqueName()}`;
    const make = () => fixture<RefundExchangeForm>(html`<refund-exchange-form lang="en" endpoint=${endpoint}></refund-exchange-form>`);
    const el = await make();
    focus(el, '#name');
    await type('x');
    await until(() => drafts(sessionStorage).length === 1);
    const [[key, raw]] = drafts(sessionStorage) as [[string, string]];
    const good = JSON.parse(raw);
    el.remove();
    const thrown = catchErrors();
    try {
      for (const bad of [
        '{"v":1,',
        'null',
        '[]',
        '"text"',
        JSON.stringify({ ...good, v: 0 }),
        JSON.stringify({ ...good, key: 'refund-exchange-form:draft:/other|/x||0' }),
        JSON.stringify({ ...good, savedAt: 'yesterday' }),
        JSON.stringify({ ...good, photos: 'many' }),
        JSON.stringify({ ...good, form: { values: { name: { toString: 1 }, email: 7 } } }),
        JSON.stringify({ ...good, form: '<img src=x onerror=alert(1)>' }),
      ]) {
        sessionStorage.setItem(key, bad);
        const fresh = await make();
        expect(value(fresh, '#name'), bad).to.equal('');
        expect(notice(fresh), bad).to.equal(null);
        fresh.remove();
      }
    } finally {
      thrown.stop();
    }
    expect(thrown.errors).to.deep.equal([]);
  });

  for (const [how, breakIt] of [
    [
      'sessionStorage is refused (SecurityError)',
      () => {
        const own = Object.getOwnPropertyDescriptor(window, 'sessionStorage')!;
        Object.defineProperty(window, 'sessionStorage', {
          configurable: true,
          get: () => {
            throw new DOMException('The operation is insecure.', 'SecurityError');
          },
        });
        return () => Object.defineProperty(window, 'sessionStorage', own);
      },
    ],
    [
      'storage is full',
      () => {
        const setItem = Storage.prototype.setItem;
        Storage.prototype.setItem = () => {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
        return () => (Storage.prototype.setItem = setItem);
      },
    ],
    [
      'IndexedDB is missing',
      () => {
        const open = IDBFactory.prototype.open;
        IDBFactory.prototype.open = () => {
          throw new DOMException('A mutation operation was attempted on a database that did not allow mutations.', 'InvalidStateError');
        };
        return () => (IDBFactory.prototype.open = open);
      },
    ],
  ] as const) {
    it(`works on, and keeps nothing it cannot, when ${how}`, async () => {
      const restore = breakIt();
      const thrown = catchErrors();
      try {
        const name = uniqueName();
        const el = await fixture<RefundExchangeForm>(
          html`<refund-exchange-form lang="en" endpoint="/receiver/${name}?status=201"></refund-exchange-form>`,
        );
        await fillValid(el);
        await attach(el, 'label.webp');
        await new Promise((resolve) => setTimeout(resolve, PAUSE * 2));
        const success = oneEvent(el, 'refund-exchange-success');
        $(el, '[part~=submit]').click();
        await success;
        const [request] = await received(name);
        expect(JSON.parse(request!.body)).to.include({ name: 'Jane Doe' });
        expect(JSON.parse(request!.body).images).to.have.length(1);
      } finally {
        restore();
        thrown.stop();
      }
      expect(thrown.errors).to.deep.equal([]);
    });
  }

  it('keeps separate drafts for two forms on a page, and for other endpoints or ids', async () => {
    const endpoint = `/receiver/${uniqueName()}`;
    const other = `/receiver/${uniqueName()}`;
    const render = () =>
      fixture<HTMLElement>(html`<div>
        <refund-exchange-form lang="en" endpoint=${endpoint}></refund-exchange-form>
        <refund-exchange-form lang="en" endpoint=${endpoint}></refund-exchange-form>
        <refund-exchange-form lang="en" endpoint=${endpoint} id="returns"></refund-exchange-form>
        <refund-exchange-form lang="en" endpoint=${other}></refund-exchange-form>
      </div>`);
    const forms = async (wrapper: HTMLElement) => {
      const els = [...wrapper.querySelectorAll<RefundExchangeForm>('refund-exchange-form')];
      await Promise.all(els.map((el) => el.updateComplete));
      return els;
    };
    const wrapper = await render();
    const els = await forms(wrapper);
    for (const [i, el] of els.entries()) {
      focus(el, '#name');
      await type(`Customer ${i}`);
    }
    await until(() => drafts(sessionStorage).length === 4);
    wrapper.remove();
    const again = await forms(await render());
    expect(again.map((el) => value(el, '#name'))).to.deep.equal(['Customer 0', 'Customer 1', 'Customer 2', 'Customer 3']);
  });

  it('clears the draft on Reset and on Start over, and keeps none with draft="off"', async () => {
    const endpoint = `/receiver/${uniqueName()}`;
    const make = (draft = 'session') =>
      fixture<RefundExchangeForm>(html`<refund-exchange-form lang="en" endpoint=${endpoint} draft=${draft}></refund-exchange-form>`);
    let el = await make();
    focus(el, '#name');
    await type('Jane');
    await until(() => drafts(sessionStorage).length === 1);
    $(el, '[part~=reset]').click();
    // The question comes once the rules have (they are loading with the first focus).
    (await until(() => el.shadowRoot!.querySelector<HTMLElement>('.confirm button:not([data-keep])') ?? undefined)).click();
    await el.updateComplete;
    expect(drafts(sessionStorage)).to.deep.equal([]);

    focus(el, '#name');
    await type('Jane');
    await until(() => drafts(sessionStorage).length === 1);
    el.remove();
    el = await make();
    ($(el, '[part=draft] button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(value(el, '#name')).to.equal('');
    expect(notice(el)).to.equal(null);
    expect(drafts(sessionStorage)).to.deep.equal([]);
    await until(() => el.shadowRoot!.activeElement?.id === 'marketplace');

    el.remove();
    el = await make('off');
    focus(el, '#name');
    await type('Jane');
    await new Promise((resolve) => setTimeout(resolve, PAUSE * 2));
    el.remove();
    expect(drafts(sessionStorage)).to.deep.equal([]);
    expect(drafts(localStorage)).to.deep.equal([]);
  });

  it('moves the draft when the draft attribute changes, and drops it when turned off', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en" endpoint="/receiver/${uniqueName()}"></refund-exchange-form>`,
    );
    focus(el, '#name');
    await type('Jane');
    await until(() => drafts(sessionStorage).length === 1);
    el.draft = 'local';
    await el.updateComplete;
    expect(drafts(sessionStorage)).to.deep.equal([]);
    expect(drafts(localStorage)).to.have.length(1);
    el.draft = 'off';
    await el.updateComplete;
    expect(drafts(localStorage)).to.deep.equal([]);
  });
});
