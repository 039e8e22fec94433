/**
 * Prefill and lock: a "Return this item" link or the shop's page opens the form filled in,
 * with what the shop knows shown read-only; the customer's own entries always win.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import type { RefundExchangeSubmitEvent, RefundExchangeSuccessEvent } from '../src/events.js';
import { fromQuery } from '../src/form/prefill-values.js';
import { en } from '../src/i18n/en.js';
import { $, accessibleName, catchErrors, focus, press, type, uniqueName, until } from './helpers.js';

const ORDER = {
  orderId: '302-1234567-7654321',
  email: 'jane@example.com',
  name: 'Jane Doe',
  productName: 'Kestrel K2 kettle',
  marketplace: 'amazon.de',
};

const value = (el: RefundExchangeForm, selector: string) => $<HTMLInputElement>(el, selector).value;

/** Collects console warnings while `act` runs. */
async function warnings(act: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => seen.push(args.join(' '));
  try {
    await act();
  } finally {
    console.warn = original;
  }
  return seen;
}

describe('prefill and lock', () => {
  it('is accessible when prefilled and locked', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form endpoint="/receiver/prefill-a11y" draft="off" lock="marketplace orderId resolution" .prefill=${{ ...ORDER, resolution: 'refund' }}></refund-exchange-form>`,
    );
    await expect(el).to.be.accessible();
  });

  it('opens with the prefill’s values in the first render', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form endpoint="/receiver/prefill" draft="off" .prefill=${{ ...ORDER, reason: 'defective', resolution: 'exchange' }}></refund-exchange-form>`,
    );
    expect(value(el, '#orderId')).to.equal(ORDER.orderId);
    expect(value(el, '#email')).to.equal(ORDER.email);
    expect(value(el, '#name')).to.equal(ORDER.name);
    expect(value(el, '#productName')).to.equal(ORDER.productName);
    expect(value(el, '#marketplace')).to.equal('amazon.de');
    expect(value(el, '#reason')).to.equal('defective');
    expect($<HTMLInputElement>(el, 'input[value=exchange]').checked).to.equal(true);
    // Filled in by the shop, not yet wrong: no error shows.
    expect(el.shadowRoot!.querySelectorAll('[aria-invalid=true]')).to.have.length(0);
  });

  it('shows locked fields read-only, with their names, and sends their values', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form endpoint="/receiver/prefill-lock" draft="off" lock="marketplace orderId resolution email" .prefill=${{ ...ORDER, resolution: 'refund' }}></refund-exchange-form>`,
    );
    for (const [selector, name, shown] of [
      ['#marketplace', en.marketplace, 'Amazon.de'],
      ['#orderId', en.orderId, ORDER.orderId],
      ['#resolution', en.resolution, en.refund],
      ['#email', en.email, ORDER.email],
    ] as const) {
      const control = $<HTMLInputElement>(el, selector);
      expect(control.readOnly, selector).to.equal(true);
      expect(accessibleName(el, control), selector).to.equal(name);
      expect(control.value, selector).to.equal(shown);
    }
    // Typing into a locked field changes nothing.
    focus(el, '#orderId');
    await type('9');
    expect(value(el, '#orderId')).to.equal(ORDER.orderId);
    // Unlocked fields stay editable.
    expect($<HTMLInputElement>(el, '#name').readOnly).to.equal(false);

    focus(el, '#reason');
    await press('ArrowDown');
    await press('ArrowDown');
    const submitted = oneEvent(el, 'refund-exchange-submit') as Promise<RefundExchangeSubmitEvent>;
    el.addEventListener('refund-exchange-submit', (e) => e.preventDefault(), { once: true });
    $(el, '[part~=submit]').click();
    const { payload } = (await submitted).detail;
    expect(payload).to.include({ ...ORDER, resolution: 'refund', reason: 'defective' });
  });

  it('leaves a locked field without a value editable', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form endpoint="/receiver/prefill-lock-empty" draft="off" lock="orderId serialNumber"></refund-exchange-form>`,
    );
    expect($<HTMLInputElement>(el, '#orderId').readOnly).to.equal(false);
    expect($<HTMLInputElement>(el, '#serialNumber').readOnly).to.equal(false);
  });

  it('drops values the form cannot take, with one warning naming them, and never crashes', async () => {
    const caught = catchErrors();
    let el!: RefundExchangeForm;
    const seen = await warnings(async () => {
      el = await fixture<RefundExchangeForm>(
        html`<refund-exchange-form
          endpoint="/receiver/prefill-bad"
          draft="off"
          marketplaces="amazon.de amazon.fr"
          .prefill=${{
            orderId: 'not an order',
            email: 'nobody',
            name: 'Jane Doe',
            marketplace: 'amazon.com',
            reason: 'because',
            resolution: 42,
            serialNumber: '<img src=x onerror=alert(1)>',
            images: [{ data: 'x' }],
            productName: 'x'.repeat(300),
          } as never}
        ></refund-exchange-form>`,
      );
      await el.updateComplete;
    });
    expect(seen).to.have.length(1);
    for (const key of ['orderId', 'email', 'marketplace', 'reason', 'resolution', 'serialNumber', 'images', 'productName']) {
      expect(seen[0]).to.contain(key);
    }
    expect(seen[0]).not.to.contain('Jane');
    expect(value(el, '#name')).to.equal('Jane Doe');
    for (const field of ['#orderId', '#email', '#serialNumber', '#productName', '#reason']) expect(value(el, field), field).to.equal('');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    caught.stop();
    expect(caught.errors).to.deep.equal([]);
  });

  it('drops refused values on a page of its own, where nothing but the entry has loaded yet', async () => {
    // A fresh document: no earlier test has loaded the rules or English's messages there.
    const iframe = await fixture<HTMLIFrameElement>(html`<iframe title="storefront" style="width: 800px; height: 1400px"></iframe>`);
    const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    const forms = [{ lang: 'en', endpoint: `/receiver/${uniqueName()}`, draft: 'off', 'prefill-from-url': '' }];
    const query = new URLSearchParams({ order_id: '302-1234567', serial: 'A12', email: 'jane@example.com' });
    iframe.src = `/pages/form.html?forms=${encodeURIComponent(JSON.stringify(forms))}&${query}`;
    await loaded;
    const win = iframe.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('refund-exchange-form');
    const el = win.document.querySelector<RefundExchangeForm>('refund-exchange-form')!;
    await until(() => el.shadowRoot!.querySelector('#email'), 5000);
    await el.updateComplete;
    expect(value(el, '#email')).to.equal('jane@example.com');
    expect(value(el, '#orderId')).to.equal('');
    expect(value(el, '#serialNumber')).to.equal('');
  });

  it('reads the query string with prefill-from-url, over the prefill property', () => {
    expect(fromQuery('?order_id=302-1234567-7654321&product=Kettle&serial=SN%3A%20A1234567&utm_source=mail&name=A&name=B')).to.deep.equal({
      orderId: '302-1234567-7654321',
      productName: 'Kettle',
      serialNumber: 'SN: A1234567',
      name: 'B',
    });
  });

  it('opens from a "Return this item" link', async () => {
    const iframe = await fixture<HTMLIFrameElement>(html`<iframe title="storefront" style="width: 800px; height: 1200px; border: 0"></iframe>`);
    const forms = JSON.stringify([{ endpoint: '/receiver/prefill-link', draft: 'off', 'prefill-from-url': '', lock: 'orderId marketplace' }]);
    const link = `/pages/form.html?forms=${encodeURIComponent(forms)}&order_id=302-1234567-7654321&marketplace=amazon.fr&product=Kestrel%20K2%20kettle&reason=defective&email=jane%40example.com`;
    const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
    iframe.src = link;
    await loaded;
    const win = iframe.contentWindow as Window & typeof globalThis;
    await win.customElements.whenDefined('refund-exchange-form');
    const el = win.document.querySelector<RefundExchangeForm>('refund-exchange-form')!;
    await el.updateComplete;
    expect(value(el, '#orderId')).to.equal('302-1234567-7654321');
    expect($<HTMLInputElement>(el, '#orderId').readOnly).to.equal(true);
    expect(value(el, '#marketplace')).to.equal('Amazon.fr');
    expect(value(el, '#productName')).to.equal('Kestrel K2 kettle');
    expect(value(el, '#reason')).to.equal('defective');
    expect(value(el, '#email')).to.equal('jane@example.com');
  });

  it('lets what the customer typed in a restored draft win over the prefill', async () => {
    const endpoint = `/receiver/${uniqueName()}`;
    const first = await fixture<RefundExchangeForm>(html`<refund-exchange-form endpoint=${endpoint}></refund-exchange-form>`);
    focus(first, '#name');
    await type('Jane Typed');
    await first.updateComplete;
    // Removed: the draft is saved at once.
    first.remove();
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form endpoint=${endpoint} .prefill=${{ name: 'From The Shop', orderId: ORDER.orderId }}></refund-exchange-form>`,
    );
    expect(value(el, '#name')).to.equal('Jane Typed');
    expect(value(el, '#orderId')).to.equal(ORDER.orderId);
    // A later prefill fills only what the customer has not made their own.
    el.prefill = { name: 'Later', orderId: '302-7654321-1234567' };
    await until(() => value(el, '#orderId') === '302-7654321-1234567');
    expect(value(el, '#name')).to.equal('Jane Typed');
    el.reset();
  });
});

describe('slots', () => {
  it('shows the intro above the fields and the success text with the success message', async () => {
    const endpoint = `/receiver/${uniqueName()}?status=201&body=${encodeURIComponent('{"reference":"R-1"}')}`;
    const el = await fixture<RefundExchangeForm>(html`<refund-exchange-form
      endpoint=${endpoint}
      draft="off"
      .prefill=${{ ...ORDER, resolution: 'refund', reason: 'defective' }}
    >
      <p slot="intro">We answer within two working days.</p>
      <p slot="success">Watch your inbox for a return label.</p>
    </refund-exchange-form>`);
    const intro = el.shadowRoot!.querySelector<HTMLSlotElement>('slot[name=intro]')!;
    expect(intro.assignedElements()[0]!.textContent).to.equal('We answer within two working days.');
    // Before the form, so it is read first.
    expect(intro.compareDocumentPosition($(el, 'form')) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(0);
    const success = oneEvent(el, 'refund-exchange-success') as Promise<RefundExchangeSuccessEvent>;
    $(el, '[part~=submit]').click();
    await success;
    await el.updateComplete;
    const slot = await until(() => el.shadowRoot!.querySelector<HTMLSlotElement>('[part=status] slot[name=success]') ?? undefined);
    expect(slot.assignedElements()[0]!.textContent).to.equal('Watch your inbox for a return label.');
    await expect(el).to.be.accessible();
  });
});
