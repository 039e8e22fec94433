import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import { RefundExchangeForm } from '../src/refund-exchange-form.js';
import { en } from '../src/i18n/en.js';
import type {
  RefundExchangeErrorEvent,
  RefundExchangeSubmitEvent,
  RefundExchangeSuccessEvent,
} from '../src/events.js';
import {
  $,
  accessibleName,
  description,
  fillValid,
  focus,
  judged,
  press,
  received,
  type,
  uniqueName,
  until,
  setViewport,
} from './helpers.js';

const render = (endpoint = '/receiver/unused') =>
  fixture<RefundExchangeForm>(html`<refund-exchange-form endpoint=${endpoint} lang="en"></refund-exchange-form>`);

const submit = (el: RefundExchangeForm) => judged(el);

const errorText = (el: RefundExchangeForm, field: string) => $(el, `#${field}-error`).textContent?.trim() ?? '';

describe('refund-exchange-form', () => {
  it('is accessible when empty', async () => {
    const el = await render();
    await expect(el).to.be.accessible();
  });

  it('is defined once even when its definition runs twice', async () => {
    expect(customElements.get('refund-exchange-form')).to.equal(RefundExchangeForm);
    expect(() => RefundExchangeForm.define()).not.to.throw();
  });

  it('names every control as the contract says', async () => {
    const el = await render();
    const names = Object.fromEntries(
      ['marketplace', 'email', 'name', 'orderId', 'productName', 'reason', 'serialNumber', 'details', 'images'].map(
        (f) => [f, accessibleName(el, $(el, `#${f}`))],
      ),
    );
    expect(names).to.deep.equal({
      marketplace: 'Purchase site',
      email: 'Email address',
      name: 'Contact name',
      orderId: 'Order ID',
      productName: 'Product name',
      reason: 'Reason for request',
      serialNumber: 'Serial number',
      details: 'Issue details',
      images: 'Photos',
    });
    expect(accessibleName(el, $(el, 'fieldset'))).to.equal('Refund or exchange');
    const radios = [...el.shadowRoot!.querySelectorAll('input[type=radio]')];
    expect(radios.map((r) => (r.closest('label') as HTMLElement).textContent?.trim())).to.deep.equal([
      'Refund',
      'Exchange',
    ]);
    expect($(el, '[part~=submit]').textContent?.trim()).to.equal('Submit');
    expect($(el, '[part~=reset]').textContent?.trim()).to.equal('Reset');
    const reasons = [...$(el, '#reason').querySelectorAll('option')].map((o) => [o.value, o.textContent]);
    expect(reasons.slice(1)).to.deep.equal([
      ['damaged_on_arrival', 'Damaged upon arrival'],
      ['defective', 'Defective'],
      ['wrong_item_sent', 'Sent wrong item'],
      ['ordered_wrong_item', 'Ordered wrong item'],
      ['no_longer_needed', 'No longer needed'],
      ['other', 'Other'],
    ]);
  });

  it('offers every Amazon marketplace, the locale’s preselected, or only those configured', async () => {
    const el = await render();
    const ids = () => [...$(el, '#marketplace').querySelectorAll('option')].map((o) => o.value).filter(Boolean);
    expect(ids()).to.deep.equal([
      'amazon.com',
      'amazon.ca',
      'amazon.co.uk',
      'amazon.de',
      'amazon.fr',
      'amazon.es',
      'amazon.it',
      'amazon.co.jp',
    ]);
    expect($<HTMLSelectElement>(el, '#marketplace').value).to.equal('amazon.com');
    const names = [...$(el, '#marketplace').querySelectorAll('option')].map((o) => o.textContent);
    expect(names).to.include.members(['Amazon.com\u00a0(US)', 'Amazon.co.uk', 'Amazon.co.jp']);
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      el.marketplaces = 'amazon.de amazon.nowhere amazon.fr';
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    expect(ids()).to.deep.equal(['amazon.de', 'amazon.fr']);
    expect(warnings).to.have.length(1);
    expect(String(warnings[0])).to.contain('amazon.nowhere');
    // The US default is not offered, so the customer must choose.
    expect($<HTMLSelectElement>(el, '#marketplace').value).to.equal('');
  });

  it('ties each tip to its field and opens it from the keyboard', async () => {
    const el = await render();
    for (const [field, text] of [
      ['orderId', 'Your Orders'],
      ['productName', 'rating label'],
      ['serialNumber', 'SN: A'],
    ] as const) {
      expect(description(el, $(el, `#${field}`))).to.contain(text);
    }
    const summary = $(el, '#orderId-tip').closest('details')!.querySelector('summary')!;
    summary.focus();
    expect(el.shadowRoot!.activeElement).to.equal(summary);
    await press('Enter');
    expect(summary.closest('details')!.open).to.equal(true);
    const link = $<HTMLAnchorElement>(el, '#orderId-tip a');
    expect(link.href).to.equal('https://www.amazon.com/gp/css/order-history');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener');
    // The link follows the chosen marketplace.
    const select = $<HTMLSelectElement>(el, '#marketplace');
    select.value = 'amazon.de';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect($<HTMLAnchorElement>(el, '#orderId-tip a').href).to.equal('https://www.amazon.de/gp/css/order-history');
  });

  it('is operated by keyboard alone in the order it reads', async () => {
    // A control after the widget keeps the last Tab inside the page (Firefox would move
    // focus to its own toolbar, where later key presses go astray).
    const page = await fixture<HTMLElement>(html`<div>
      <refund-exchange-form lang="en" endpoint="/x"></refund-exchange-form><button>after</button>
    </div>`);
    const el = page.querySelector('refund-exchange-form')!;
    await el.updateComplete;
    const stops: string[] = [];
    focus(el, '#marketplace');
    for (let i = 0; i < 15; i++) {
      const active = el.shadowRoot!.activeElement as HTMLElement;
      stops.push(active.id || active.getAttribute('value') || active.localName + (active.getAttribute('part') ? `[${active.getAttribute('part')}]` : ''));
      await press('Tab');
    }
    expect(stops).to.deep.equal([
      'marketplace',
      'email',
      'name',
      'orderId',
      'summary',
      'productName',
      'summary',
      // One tab stop for the radio group.
      'refund',
      'reason',
      'serialNumber',
      'summary',
      'details',
      'images',
      'button[button submit]',
      'button[button reset]',
    ]);
    // The last Tab has left the widget for the next control on the page.
    expect(el.shadowRoot!.activeElement).to.equal(null);
    expect(document.activeElement).to.equal(page.querySelector('button'));
  });

  it('shows an error only after a field is changed and left, tied to the field', async () => {
    const el = await render();
    focus(el, '#orderId');
    await type('12-34');
    await el.updateComplete;
    expect(errorText(el, 'orderId')).to.equal('');
    expect($(el, '#orderId').getAttribute('aria-invalid')).to.equal('false');
    await press('Tab');
    await el.updateComplete;
    expect(errorText(el, 'orderId')).to.equal('An Amazon order ID has 17\u00a0digits, like 123\u20111234567\u20111234567. This one has 4.');
    expect($(el, '#orderId').getAttribute('aria-invalid')).to.equal('true');
    // The example never breaks at its hyphens (U+2011).
    expect(description(el, $(el, '#orderId'))).to.contain('like 123\u20111234567\u20111234567');
    // Leaving an untouched field shows nothing.
    focus(el, '#email');
    await press('Tab');
    await el.updateComplete;
    expect(errorText(el, 'email')).to.equal('');
    // Fixing the value clears the message as the customer types.
    focus(el, '#orderId');
    for (let i = 0; i < 5; i++) await press('Backspace');
    await type('123-1234567-1234567');
    await el.updateComplete;
    expect(errorText(el, 'orderId')).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('checks every field’s rules with specific messages', async () => {
    const el = await render();
    const cases: [string, string, string][] = [
      ['email', 'jane@', 'Enter an email address like name@example.com.'],
      ['email', `${'a'.repeat(250)}@example.com`, '8\u00a0characters too many. Shorten this to at most 254.'],
      ['name', '   ', 'Enter your name.'],
      ['name', 'x'.repeat(101), '1\u00a0character too many. Shorten this to at most 100.'],
      ['orderId', '1234-123456-123456', 'An Amazon order ID has 17\u00a0digits, like 123\u20111234567\u20111234567. This one has 16.'],
      [
        'orderId',
        '123-1234567-12345Z7',
        'An Amazon order ID has digits only, like 123\u20111234567\u20111234567. Check for a letter O or I typed instead of 0\u00a0or 1.',
      ],
      ['productName', 'p'.repeat(201), '1\u00a0character too many. Shorten this to at most 200.'],
      ['serialNumber', 'SN: A1', 'This serial number is too short. A serial number has at least 4\u00a0letters and digits, like A1234567.'],
      ['serialNumber', 'A12-345', 'Enter the serial number as printed after “SN:”, like A1234567 (letters and digits).'],
      ['details', 'd'.repeat(2001), '1\u00a0character too many. Shorten this to at most 2,000.'],
    ];
    for (const [field, value, message] of cases) {
      const control = $<HTMLInputElement>(el, `#${field}`);
      control.focus();
      control.value = '';
      control.dispatchEvent(new Event('input'));
      await type(value.slice(0, 1));
      control.value = value;
      control.dispatchEvent(new Event('input'));
      control.blur();
      await el.updateComplete;
      expect(errorText(el, field), `${field}=${value.slice(0, 20)}`).to.equal(message);
    }
    for (const [field, value] of [
      ['email', 'jane@example.com'],
      ['name', '山田 花子'],
      ['serialNumber', 'sn: a1234567'],
      ['details', 'It stopped charging.'],
    ] as const) {
      const control = $<HTMLInputElement>(el, `#${field}`);
      control.value = value;
      control.dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(errorText(el, field), field).to.equal('');
    }
  });

  it('asks for details when the reason is Other', async () => {
    const el = await render();
    const reason = $<HTMLSelectElement>(el, '#reason');
    reason.value = 'other';
    reason.dispatchEvent(new Event('change'));
    await submit(el);
    expect(errorText(el, 'details')).to.equal('Since you chose “Other”, tell us what happened.');
    expect($(el, '#details').hasAttribute('required')).to.equal(true);
  });

  it('on a failed submit lists the problems as links, focuses the list and sends nothing', async () => {
    const name = uniqueName();
    const el = await render(`/receiver/${name}`);
    setTimeout(() => $(el, '[part~=submit]').click());
    const event = (await oneEvent(el, 'refund-exchange-error')) as RefundExchangeErrorEvent;
    await el.updateComplete;
    await until(() => el.shadowRoot!.activeElement?.classList.contains('summary'));
    const summary = $(el, '.summary');
    expect(summary.querySelector('p')!.textContent).to.equal('Please fix 6\u00a0problems before sending:');
    const links = [...summary.querySelectorAll('a')];
    const fields = ['email', 'name', 'orderId', 'productName', 'resolution', 'reason'];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal(fields.map((f) => `#${f}`));
    expect(links[2]!.textContent).to.equal('Enter the order ID from “Your Orders” on Amazon.');
    expect(event.detail.kind).to.equal('validation');
    expect(event.detail.errors!.map((e) => e.field)).to.deep.equal(fields);
    links[2]!.click();
    await el.updateComplete;
    expect(el.shadowRoot!.activeElement).to.equal($(el, '#orderId'));
    await expect(el).to.be.accessible();
    expect(await received(name)).to.deep.equal([]);
  });

  it('sends exactly the contract’s JSON with an Idempotency-Key, then shows the reference', async () => {
    const name = uniqueName();
    const el = await render(`/receiver/${name}?status=201&body=${encodeURIComponent('{"reference":"RX-42"}')}`);
    await fillValid(el);
    focus(el, '#serialNumber');
    await type('SN: a1234567');
    const submitEvent = oneEvent(el, 'refund-exchange-submit') as Promise<RefundExchangeSubmitEvent>;
    const success = oneEvent(el, 'refund-exchange-success') as Promise<RefundExchangeSuccessEvent>;
    focus(el, '[part~=submit]');
    await press('Enter');
    const expected = {
      marketplace: 'amazon.com',
      email: 'jane@example.com',
      name: 'Jane Doe',
      orderId: '123-1234567-1234567',
      productName: 'Wireless Earbuds X2',
      resolution: 'exchange',
      reason: 'defective',
      serialNumber: 'A1234567',
      locale: 'en-US',
    };
    expect((await submitEvent).detail.payload).to.deep.equal(expected);
    const { detail } = await success;
    expect(detail).to.deep.equal({ status: 201, reference: 'RX-42', response: { reference: 'RX-42' } });
    const [request, ...more] = await received(name);
    expect(more).to.have.length(0);
    expect(request!.method).to.equal('POST');
    expect(request!.headers['content-type']).to.equal('application/json');
    expect(request!.headers['idempotency-key']).to.match(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(JSON.parse(request!.body)).to.deep.equal(expected);
    await el.updateComplete;
    const status = $(el, '[role=status][part=status]');
    expect(status.textContent).to.contain('Thank you! We have received your request.');
    expect(status.textContent).to.contain('Your reference: RX-42');
    await until(() => el.shadowRoot!.activeElement === status);
    await expect(el).to.be.accessible();
    // A new request starts empty.
    $(el, '[part~=new]').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#email').value).to.equal('');
  });

  it('lets the host cancel the submit event and send the payload itself', async () => {
    const name = uniqueName();
    const el = await render(`/receiver/${name}`);
    await fillValid(el);
    el.addEventListener('refund-exchange-submit', (e) => e.preventDefault(), { once: true });
    await submit(el);
    await new Promise((r) => setTimeout(r, 200));
    expect(await received(name)).to.deep.equal([]);
  });

  it('cannot send twice while a request is in flight', async () => {
    const name = uniqueName();
    const el = await render(`/receiver/${name}?status=201&delay=400`);
    await fillValid(el);
    const button = $(el, '[part~=submit]');
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '.actions + [role=status]').textContent).to.contain('Sending your request');
    button.click();
    button.click();
    await oneEvent(el, 'refund-exchange-success');
    expect(await received(name)).to.have.length(1);
  });

  it('shows server field errors at their fields as text, and unknown ones at the top', async () => {
    const name = uniqueName();
    const body = JSON.stringify({
      errors: [
        { field: 'orderId', message: '<b>No such order</b>' },
        { field: 'somethingElse', message: 'Try again tomorrow.' },
      ],
    });
    const el = await render(`/receiver/${name}?status=422&body=${encodeURIComponent(body)}`);
    await fillValid(el);
    const error = oneEvent(el, 'refund-exchange-error') as Promise<RefundExchangeErrorEvent>;
    await submit(el);
    const { detail } = await error;
    expect(detail.kind).to.equal('validation');
    expect(detail.status).to.equal(422);
    await el.updateComplete;
    expect(errorText(el, 'orderId')).to.equal('<b>No such order</b>');
    expect($(el, '#orderId-error').querySelector('b')).to.equal(null);
    expect($(el, '.summary').textContent).to.contain('Try again tomorrow.');
    expect($<HTMLInputElement>(el, '#email').value).to.equal('jane@example.com');
    await expect(el).to.be.accessible();
  });

  it('keeps everything on a server failure, and a second try reuses the Idempotency-Key', async () => {
    const name = uniqueName();
    const el = await render(`/receiver/${name}?status=500`);
    await fillValid(el);
    const error = oneEvent(el, 'refund-exchange-error') as Promise<RefundExchangeErrorEvent>;
    await submit(el);
    expect((await error).detail).to.deep.equal({ kind: 'server', status: 500 });
    await el.updateComplete;
    expect($(el, '[part=alert]').textContent).to.contain('Something went wrong on our side.');
    expect($(el, '[part=alert]').textContent).to.contain('Everything you entered is still here.');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Jane Doe');
    const again = oneEvent(el, 'refund-exchange-error');
    await submit(el);
    await again;
    const keys = new Set((await received(name)).map((r) => r.headers['idempotency-key']));
    expect(keys.size).to.equal(1);
  });

  it('gives a changed request a new Idempotency-Key', async () => {
    const name = uniqueName();
    const el = await render(`/receiver/${name}?status=500`);
    await fillValid(el);
    let failed = oneEvent(el, 'refund-exchange-error');
    await submit(el);
    await failed;
    await el.updateComplete;
    focus(el, '#name');
    await type(' Jr');
    failed = oneEvent(el, 'refund-exchange-error');
    await submit(el);
    await failed;
    const requests = await received(name);
    const keys = [...new Set(requests.map((r) => r.headers['idempotency-key']))];
    expect(keys).to.have.length(2);
    expect(JSON.parse(requests.at(-1)!.body).name).to.equal('Jane Doe Jr');
  });

  it('sends no purchase site the customer did not see chosen', async () => {
    const el = await render();
    const select = $<HTMLSelectElement>(el, '#marketplace');
    select.focus();
    select.value = '';
    select.dispatchEvent(new Event('change'));
    await submit(el);
    expect(errorText(el, 'marketplace')).to.equal('Choose the site where you bought the product.');
    expect(select.value).to.equal('');
  });

  it('shows the purchase site it will send, also after the customer changed it twice and reset', async () => {
    const el = await render();
    const select = $<HTMLSelectElement>(el, '#marketplace');
    for (const id of ['amazon.de', 'amazon.fr']) {
      select.value = id;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
    }
    el.reset();
    await el.updateComplete;
    expect(select.value).to.equal('amazon.com');
    expect($<HTMLAnchorElement>(el, '#orderId-tip a').href).to.contain('amazon.com');
  });

  for (const [lang, id] of [
    ['en-GB', 'amazon.co.uk'],
    ['en-CA', 'amazon.ca'],
    ['de-DE', 'amazon.de'],
    ['ja', 'amazon.co.jp'],
  ] as const) {
    it(`preselects ${id} for a ${lang} page`, async () => {
      const el = await fixture<RefundExchangeForm>(
        html`<div lang=${lang}><refund-exchange-form endpoint="/x"></refund-exchange-form></div>`,
      ).then((div) => div.querySelector('refund-exchange-form')!);
      await el.updateComplete;
      expect($<HTMLSelectElement>(el, '#marketplace').value).to.equal(id);
      expect($<HTMLAnchorElement>(el, '#orderId-tip a').href).to.equal(`https://www.${id}/gp/css/order-history`);
    });
  }

  it('cannot be reset from the button while sending; reset() abandons the request', async () => {
    const name = uniqueName();
    const el = await render(`/receiver/${name}?status=201&delay=500`);
    await fillValid(el);
    let succeeded = false;
    el.addEventListener('refund-exchange-success', () => (succeeded = true));
    await submit(el);
    const reset = $(el, '[part~=reset]');
    expect(reset.getAttribute('aria-disabled')).to.equal('true');
    reset.click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.confirm')).to.equal(null);
    el.reset();
    await new Promise((r) => setTimeout(r, 700));
    await el.updateComplete;
    expect(succeeded).to.equal(false);
    expect($<HTMLInputElement>(el, '#email').value).to.equal('');
    expect(el.shadowRoot!.querySelector('[part=status]')).to.equal(null);
  });

  it('falls back to 5 photos when max-images is not a number', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en" endpoint="/x" max-images="many"></refund-exchange-form>`,
    );
    expect($(el, '#images-hint').textContent).to.equal('Up to 5\u00a0photos: JPEG, PNG or WebP.');
  });

  it('reports a network failure kindly', async () => {
    const el = await render(`/receiver/${uniqueName()}?status=destroy`);
    await fillValid(el);
    const error = oneEvent(el, 'refund-exchange-error') as Promise<RefundExchangeErrorEvent>;
    await submit(el);
    expect((await error).detail.kind).to.equal('network');
    await el.updateComplete;
    expect($(el, '[part=alert]').textContent).to.contain('We could not reach the server.');
  });

  it('asks before clearing what was entered', async () => {
    const el = await render();
    await fillValid(el);
    focus(el, '[part~=reset]');
    await press('Enter');
    expect((await until(() => el.shadowRoot!.querySelector('.confirm') ?? undefined)).textContent).to.contain('Clear everything you entered?');
    await until(() => el.shadowRoot!.activeElement?.hasAttribute('data-keep'));
    await press('Enter');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#email').value).to.equal('jane@example.com');
    focus(el, '[part~=reset]');
    await press('Enter');
    (await until(() => el.shadowRoot!.querySelector<HTMLElement>('.confirm button:not([data-keep])') ?? undefined)).click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#email').value).to.equal('');
    expect($<HTMLInputElement>(el, 'input[value=exchange]').checked).to.equal(false);
    // Nothing entered: no question.
    $(el, '[part~=reset]').click();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.confirm')).to.equal(null);
  });

  for (const [label, endpoint] of [
    ['missing', undefined],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/plain,hi'],
    ['plain http to another host', 'http://example.com/requests'],
  ] as const) {
    it(`refuses a ${label} endpoint visibly, logs once and never sends`, async () => {
      const error = console.error;
      const logged: string[] = [];
      console.error = (...args: unknown[]) => logged.push(args.join(' '));
      const fetchSpy = window.fetch;
      let fetched = 0;
      window.fetch = (...args) => {
        fetched++;
        return fetchSpy(...args);
      };
      try {
        const el = await fixture<RefundExchangeForm>(
          endpoint
            ? html`<refund-exchange-form lang="en" endpoint=${endpoint}></refund-exchange-form>`
            : html`<refund-exchange-form lang="en"></refund-exchange-form>`,
        );
        expect($(el, '[part=alert]').textContent).to.contain('This form is not set up correctly');
        await fillValid(el);
        const event = oneEvent(el, 'refund-exchange-error') as Promise<RefundExchangeErrorEvent>;
        await submit(el);
        expect((await event).detail.kind).to.equal('config');
        el.requestUpdate();
        await el.updateComplete;
        await expect(el).to.be.accessible();
      } finally {
        console.error = error;
        window.fetch = fetchSpy;
      }
      expect(fetched).to.equal(0);
      expect(logged).to.have.length(1);
      expect(logged[0]).to.contain('refund-exchange-form');
    });
  }

  it('attaches photos, explains refused ones, and sends the accepted ones', async () => {
    const name = uniqueName();
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en" max-images="2" endpoint="/receiver/${name}?status=201"></refund-exchange-form>`,
    );
    const file = async (fixtureName: string) =>
      new File([await (await fetch(`/test/fixtures/${fixtureName}`)).blob()], fixtureName);
    const input = $<HTMLInputElement>(el, '#images');
    const pick = async (...files: File[]) => {
      const transfer = new DataTransfer();
      for (const f of files) transfer.items.add(f);
      input.files = transfer.files;
      input.dispatchEvent(new Event('change'));
      await el.updateComplete;
      expect($(el, '.field [role=status]').textContent).to.equal('Preparing photos…');
      await until(() => !el.shadowRoot!.querySelector('.field [role=status]'), 10000);
      await el.updateComplete;
    };
    await pick(await file('label.webp'), await file('iphone.heic'));
    const items = () => [...el.shadowRoot!.querySelectorAll('.photos li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(items()).to.deep.equal(['label.jpg (640×480) Remove label.jpg']);
    // The list's styles come with it: thumbnail, name and button in a row, the list unmarked.
    expect([getComputedStyle($(el, '.photos')).listStyleType, getComputedStyle($(el, '.photos li')).display]).to.deep.equal(['none', 'flex']);
    // A thumbnail painted on a canvas (no blob: or data: URL for the page's CSP), the photo's
    // shape, beside its name and its Remove button; what changed is said to screen readers.
    const thumb = $<HTMLCanvasElement>(el, '.photos li canvas');
    expect([thumb.width, thumb.height]).to.deep.equal([128, 96]);
    expect(thumb.getAttribute('aria-hidden')).to.equal('true');
    const painted = () => thumb.getContext('2d')!.getImageData(64, 48, 1, 1).data[3] === 255;
    await until(painted);
    expect(thumb.nextElementSibling!.textContent).to.equal('label.jpg (640×480)');
    expect(thumb.nextElementSibling!.nextElementSibling!.textContent!.trim()).to.equal(en.removePhoto('label.jpg'));
    expect($(el, '.said').textContent).to.equal(en.photosAttached(1, 2));
    expect($(el, '#images-error').textContent).to.contain('iphone.heic is a HEIC photo');
    expect(description(el, input)).to.contain('HEIC');
    // Room for one more: the second file is named, with how many fitted.
    await pick(await file('label.webp'), await file('damaged-box.png'));
    expect(items()).to.have.length(2);
    expect($(el, '#images-error').textContent).to.equal(en.photoNoRoom('damaged-box.png', 1, 2));
    // Full, but still reachable: each file says why it was not taken, a HEIC its own reason.
    expect(input.disabled).to.equal(false);
    await pick(await file('damaged-box.png'), await file('iphone.heic'));
    expect(items()).to.have.length(2);
    expect([...el.shadowRoot!.querySelectorAll('#images-error p')].map((p) => p.textContent)).to.deep.equal([
      en.photoNoRoom('damaged-box.png', 0, 2),
      en.photoHeic('iphone.heic'),
    ]);
    await expect(el).to.be.accessible();

    ($(el, '.photos button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(items()).to.have.length(1);
    expect($(el, '.said').textContent).to.equal(en.photoRemoved('label.jpg'));
    expect(el.shadowRoot!.activeElement).to.equal(input);
    await fillValid(el);
    const submitted = oneEvent(el, 'refund-exchange-success');
    await submit(el);
    await submitted;
    const [request] = await received(name);
    const { images } = JSON.parse(request!.body);
    expect(images).to.have.length(1);
    expect(images[0]).to.include({ name: 'label.jpg', type: 'image/jpeg', width: 640, height: 480 });
    expect(images[0].data).to.match(/^\/9j\//);
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      // In a 320 px box too: MiniBrowser's window (WebKit) cannot be made that narrow, and the
      // form's CSS has no media queries, so the box is the screen to it.
      const page = await fixture<HTMLElement>(html`<div style="width: min(320px, 100%)">
        <refund-exchange-form endpoint="/receiver/unused" lang="en"></refund-exchange-form>
      </div>`);
      const el = page.querySelector<RefundExchangeForm>('refund-exchange-form')!;
      await el.updateComplete;
      await submit(el);
      expect(el.scrollWidth).to.be.at.most(el.clientWidth);
      expect(page.scrollWidth).to.be.at.most(320);
      expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('inherits the host page’s font and takes colours from custom properties', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div style="font-family: Georgia, serif; --rxf-accent: rgb(1, 2, 3)">
      <refund-exchange-form lang="en" endpoint="/x"></refund-exchange-form>
    </div>`);
    const el = wrapper.querySelector('refund-exchange-form')!;
    await el.updateComplete;
    expect(getComputedStyle($(el, '#email')).fontFamily).to.contain('Georgia');
    expect(getComputedStyle($(el, '[part~=submit]')).backgroundColor).to.equal('rgb(1, 2, 3)');
  });
});

describe('methods', () => {
  it('checkValidity() and reportValidity() answer as a native form does, without sending', async () => {
    const name = uniqueName();
    const el = await fixture<RefundExchangeForm>(html`<refund-exchange-form endpoint="/receiver/${name}" draft="off" lang="en-US"></refund-exchange-form>`);
    // Untouched and empty: not valid, whether or not the rules are here yet.
    expect(el.checkValidity()).to.equal(false);
    await until(() => !el.checkValidity() && el.shadowRoot!.querySelector('[part=summary]') === null);
    expect(el.reportValidity()).to.equal(false);
    await el.updateComplete;
    await until(() => el.shadowRoot!.activeElement === el.shadowRoot!.querySelector('[part=summary]'));
    await fillValid(el);
    expect(el.checkValidity()).to.equal(true);
    expect(el.reportValidity()).to.equal(true);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part=summary]')).to.equal(null);
    expect(await received(name)).to.deep.equal([]);
  });

  it('submit() validates and sends, as the Submit button does', async () => {
    const name = uniqueName();
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form endpoint="/receiver/${name}?status=201" draft="off" lang="en-US"></refund-exchange-form>`,
    );
    const failed = oneEvent(el, 'refund-exchange-error') as Promise<RefundExchangeErrorEvent>;
    el.submit();
    expect((await failed).detail.kind).to.equal('validation');
    // The summary takes focus, as after a click on Submit.
    await until(() => el.shadowRoot!.activeElement?.matches('[part=summary]'));
    await fillValid(el);
    const success = oneEvent(el, 'refund-exchange-success') as Promise<RefundExchangeSuccessEvent>;
    el.submit();
    expect((await success).detail.status).to.equal(201);
    expect(await received(name)).to.have.length(1);
  });
});
