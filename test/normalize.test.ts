/**
 * Order IDs and serial numbers as customers paste them: tidied when the field is left, and a
 * message that says which part is wrong. (The rules themselves: test/node/schema.test.ts.)
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import { en } from '../src/i18n/en.js';
import de from '../src/i18n/de.js';
import { $, description, focus, press, type } from './helpers.js';

const form = (lang = 'en-US') =>
  fixture<RefundExchangeForm>(html`<refund-exchange-form lang=${lang} endpoint="/receiver/paste" draft="off"></refund-exchange-form>`);

/** Types into `selector` as a customer would (over what is there), then leaves the field. */
async function enter(el: RefundExchangeForm, selector: string, text: string): Promise<HTMLInputElement> {
  const input = $<HTMLInputElement>(el, selector);
  focus(el, selector);
  input.select();
  await press('Backspace');
  await type(text);
  await press('Tab');
  await el.updateComplete;
  return input;
}

describe('pasted order IDs and serial numbers', () => {
  it('is accessible with a tidied order ID', async () => {
    const el = await form();
    await enter(el, '#orderId', 'Order # 123 1234567 1234567');
    await expect(el).to.be.accessible();
  });

  it('reads the order ID out of a paste and shows it as 3-7-7 once the field is left', async () => {
    const el = await form();
    for (const pasted of ['Order # 123 1234567 1234567', '#12312345671234567', 'Bestellnr. 123-1234567-1234567.']) {
      const input = await enter(el, '#orderId', pasted);
      expect(input.value, pasted).to.equal('123-1234567-1234567');
      expect(input.getAttribute('aria-invalid'), pasted).to.equal('false');
    }
  });

  it('says how many digits an order ID has, or that it has letters, in the form’s language', async () => {
    const el = await form();
    let input = await enter(el, '#orderId', '123-1234567-123456');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(description(el, input)).to.contain(en.errOrderIdDigits(16));
    // What they typed stays as typed, to be corrected.
    expect(input.value).to.equal('123-1234567-123456');

    input = await enter(el, '#orderId', '1O3-1234567-1234567');
    expect(description(el, input)).to.contain(en.errOrderIdLetters);

    el.lang = 'de-DE';
    await el.updateComplete;
    expect(description(el, input)).to.contain(de.errOrderIdLetters);
  });

  it('tidies the serial number, and says when it is too short', async () => {
    const el = await form();
    let input = await enter(el, '#serialNumber', 'sn a123 4567');
    expect(input.value).to.equal('A1234567');
    expect(input.getAttribute('aria-invalid')).to.equal('false');

    input = await enter(el, '#serialNumber', 'SN: a12');
    expect(input.value).to.equal('A12');
    expect(description(el, input)).to.contain(en.errSerialShort(4));
  });
});
