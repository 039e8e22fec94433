/**
 * The shop's own sales channels: listed before the Amazon sites in the customer's language,
 * each with its tip, example and order history, its order IDs checked by its own pattern here
 * and by the receiver given the same definitions.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import type { RefundExchangeSuccessEvent } from '../src/events.js';
import type { Channel } from '../src/channels.js';
import { en } from '../src/i18n/en.js';
import de from '../src/i18n/de.js';
import { $, catchErrors, description, fillValid, focus, judged, press, received, type, uniqueName, until } from './helpers.js';

const SHOP: Channel = {
  id: 'shop.kestrel.example',
  names: { en: 'Kestrel web shop', de: 'Kestrel-Webshop' },
  orderIdPattern: 'KK-\\d{6}',
  orderIdExample: 'KK-104233',
  orderHistoryUrl: 'https://shop.kestrel.example/account/orders',
  tip: { en: 'In your Kestrel account, under Orders.', de: 'In Ihrem Kestrel-Konto unter „Bestellungen“.' },
};
const RETAILER: Channel = {
  id: 'retailer',
  names: 'Hardware Hall',
  orderIdPattern: /^hh\d{8}$/i,
  orderIdExample: 'HH12345678',
};
const CHANNELS = [SHOP, RETAILER];

/** The test receiver, checking with the same definitions the form has. */
const endpoint = (name: string) => `/receiver/${name}?validate=1&channels=${encodeURIComponent(JSON.stringify(CHANNELS))}`;

/** The purchase sites offered, as [id, name], the "choose one" placeholder left out. */
const options = (el: RefundExchangeForm) =>
  [...$<HTMLSelectElement>(el, '#marketplace').options].filter((o) => o.value).map((o) => [o.value, o.textContent?.trim()]);

/** Chooses a purchase site from the list by keyboard, as a customer would. */
async function choose(el: RefundExchangeForm, id: string): Promise<void> {
  const select = $<HTMLSelectElement>(el, '#marketplace');
  const target = [...select.options].findIndex((o) => o.value === id);
  focus(el, '#marketplace');
  // A key at a time until it is there: WebKit's driver may drop a key pressed twice in a row.
  for (let presses = 0; select.selectedIndex !== target && presses < 20; presses++) {
    await press(target > select.selectedIndex ? 'ArrowDown' : 'ArrowUp');
    await el.updateComplete;
  }
  expect(select.value).to.equal(id);
}

/** Replaces the order ID as a customer would, and leaves the field. */
async function retype(el: RefundExchangeForm, orderId: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#orderId');
  input.focus();
  input.select();
  await press('Backspace');
  await type(orderId);
  await press('Tab');
  await el.updateComplete;
}

describe('channels', () => {
  it('is accessible with a channel chosen', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en-US" endpoint=${endpoint('ch-a11y')} draft="off" .channels=${CHANNELS}></refund-exchange-form>`,
    );
    await choose(el, SHOP.id);
    await expect(el).to.be.accessible();
  });

  it('lists the channels first, named in the customer’s language, then the Amazon sites', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="de-AT" endpoint=${endpoint('ch-list')} draft="off" marketplaces="amazon.de amazon.fr" .channels=${CHANNELS}></refund-exchange-form>`,
    );
    expect(options(el)).to.deep.equal([
      [SHOP.id, 'Kestrel-Webshop'],
      [RETAILER.id, 'Hardware Hall'],
      ['amazon.de', 'Amazon.de'],
      ['amazon.fr', 'Amazon.fr'],
    ]);
    // The locale's Amazon site is still the one chosen at first.
    expect($<HTMLSelectElement>(el, '#marketplace').value).to.equal('amazon.de');
  });

  it('gives a channel’s tip, example and order history in place of Amazon’s', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="de-DE" endpoint=${endpoint('ch-tip')} draft="off" .channels=${CHANNELS}></refund-exchange-form>`,
    );
    await choose(el, SHOP.id);
    const tip = description(el, $(el, '#orderId'));
    expect(tip).to.contain('In Ihrem Kestrel-Konto unter „Bestellungen“.');
    // The host's example stays on one line: its hyphen does not break.
    expect(tip).to.contain(de.orderIdLooksLike('KK\u2011104233'));
    expect(tip).not.to.contain('Amazon');
    const link = $<HTMLAnchorElement>(el, '[part~=tip] a');
    expect(link.href).to.equal(SHOP.orderHistoryUrl);
    expect(link.textContent).to.contain(de.orderHistoryShop);

    // Without a tip or a history link: the general words, the example, no link.
    await choose(el, RETAILER.id);
    expect(description(el, $(el, '#orderId'))).to.contain(`${de.tipOrderIdShop} ${de.orderIdLooksLike('HH12345678')}`);
    expect(el.shadowRoot!.querySelector('[part~=tip] a')).to.equal(null);
  });

  it('checks the order ID with the chosen site’s own pattern, and says what it looks like', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en-US" endpoint=${endpoint('ch-check')} draft="off" .channels=${CHANNELS}></refund-exchange-form>`,
    );
    await choose(el, SHOP.id);
    await retype(el, '123-1234567-1234567');
    const input = $<HTMLInputElement>(el, '#orderId');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, input)).to.contain(en.errOrderIdShop('KK\u2011104233'));

    // Full-width, as a Japanese keyboard types it, counts as the same ID.
    await retype(el, 'ＫＫ－１０４２３３');
    expect(input.getAttribute('aria-invalid')).not.to.equal('true');
  });

  it('checks the same ID again when another site is chosen: Amazon’s words, and a RegExp’s own flags', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en-US" endpoint=${endpoint('ch-recheck')} draft="off" .channels=${CHANNELS}></refund-exchange-form>`,
    );
    await choose(el, SHOP.id);
    await retype(el, 'KK-104233');
    const input = $<HTMLInputElement>(el, '#orderId');
    expect(input.getAttribute('aria-invalid')).not.to.equal('true');

    // The same ID is wrong for Amazon, which says so in its own words.
    await choose(el, 'amazon.com');
    expect(description(el, input)).to.contain(en.errOrderIdDigits(6));
    // A RegExp keeps its flags: any case for the retailer.
    await choose(el, RETAILER.id);
    await retype(el, 'hh12345678');
    expect(input.getAttribute('aria-invalid')).not.to.equal('true');
  });

  it('sends the channel’s id as the marketplace, and the receiver accepts it', async () => {
    const name = uniqueName();
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en-US" endpoint=${endpoint(name)} draft="off" .channels=${CHANNELS}></refund-exchange-form>`,
    );
    await fillValid(el);
    await choose(el, SHOP.id);
    await retype(el, 'kk-104233'.toUpperCase());
    const success = oneEvent(el, 'refund-exchange-success') as Promise<RefundExchangeSuccessEvent>;
    $(el, '[part~=submit]').click();
    expect((await success).detail.status).to.equal(201);
    const [sent] = await received(name);
    expect(JSON.parse(sent!.body)).to.include({ marketplace: SHOP.id, orderId: 'KK-104233' });
  });

  it('is told by the receiver when its definitions differ, in the field', async () => {
    const name = uniqueName();
    // The receiver knows no channels: the same request is refused there, and the form says why.
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en-US" endpoint=${`/receiver/${name}?validate=1`} draft="off" .channels=${CHANNELS}></refund-exchange-form>`,
    );
    await fillValid(el);
    await choose(el, SHOP.id);
    await retype(el, 'KK-104233');
    await judged(el);
    await until(() => $(el, '#marketplace').getAttribute('aria-invalid') === 'true');
    expect(description(el, $(el, '#marketplace'))).to.contain(en.errMarketplace);
  });

  it('takes channels as JSON in the attribute, and leaves out those it cannot offer with one warning', async () => {
    const caught = catchErrors();
    const seen: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => seen.push(args.join(' '));
    let el!: RefundExchangeForm;
    try {
      const bad = [
        SHOP,
        { ...RETAILER, id: 'amazon.de' },
        { ...RETAILER, id: 'x0', orderIdPattern: '(' },
        { ...RETAILER, id: 'x1', orderIdPattern: 'X\\d+', orderIdExample: 'Y1' },
        { ...RETAILER, id: 'x2', orderHistoryUrl: 'javascript:alert(1)' },
        { ...RETAILER, id: 'x3', names: { en: '' } },
        { ...RETAILER, id: 'x4', names: '<img src=x onerror=alert(1)>', orderIdPattern: '\\d+', orderIdExample: '1' },
        'shop',
      ];
      el = await fixture<RefundExchangeForm>(
        html`<refund-exchange-form lang="en-US" endpoint="/receiver/ch-attr" draft="off" channels=${JSON.stringify(bad)}></refund-exchange-form>`,
      );
      await el.updateComplete;
    } finally {
      console.warn = original;
    }
    expect(options(el).map(([value]) => value).slice(0, 3)).to.deep.equal([SHOP.id, 'x4', 'amazon.com']);
    // Text, never markup.
    expect(options(el)[1]![1]).to.equal('<img src=x onerror=alert(1)>');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(seen).to.have.length(1);
    for (const why of ['id', 'orderIdPattern', 'orderIdExample', 'orderHistoryUrl', 'names', 'channel 8']) expect(seen[0]).to.contain(why);

    // JSON that does not parse leaves the Amazon sites, and nothing breaks.
    el.setAttribute('channels', '[{');
    await el.updateComplete;
    expect(options(el)[0]![0]).to.equal('amazon.com');
    caught.stop();
    expect(caught.errors).to.deep.equal([]);
  });

  it('opens on a channel from a prefill, and restores it from a draft', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en-US" endpoint="/receiver/ch-prefill" draft="off" .channels=${CHANNELS} .prefill=${{ marketplace: SHOP.id, orderId: 'KK-104233' }}></refund-exchange-form>`,
    );
    expect($<HTMLSelectElement>(el, '#marketplace').value).to.equal(SHOP.id);
    expect($<HTMLInputElement>(el, '#orderId').value).to.equal('KK-104233');

    const first = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en-US" endpoint="/receiver/ch-draft" .channels=${CHANNELS}></refund-exchange-form>`,
    );
    await choose(first, RETAILER.id);
    await retype(first, 'HH12345678');
    await until(() => Object.values(sessionStorage).some((raw) => raw.includes('HH12345678')));
    first.remove();
    const again = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en-US" endpoint="/receiver/ch-draft" .channels=${CHANNELS}></refund-exchange-form>`,
    );
    expect($<HTMLSelectElement>(again, '#marketplace').value).to.equal(RETAILER.id);
    expect($<HTMLInputElement>(again, '#orderId').value).to.equal('HH12345678');
  });
});
