/**
 * The channels' check loading while a draft comes back, on a page of its own so that the check
 * is not loaded yet (helpers.ts, which loads the rules and with them the check, is not imported),
 * and made to arrive after the draft code: the page sets the channels after adding the form, as
 * the README shows, and a draft that chose a channel comes back with it.
 */
import { expect } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';

describe('channels set after the form is added', () => {
  it('bring back a draft’s channel, checked before the first render', async () => {
    const endpoint = '/receiver/ch-late';
    const key = `refund-exchange-form:draft:${location.pathname}|${endpoint}||0`;
    const form = { values: { marketplace: 'retailer', orderId: 'HH12345678' }, changed: ['marketplace', 'orderId'], left: [] };
    sessionStorage.setItem(key, JSON.stringify({ v: 1, key, savedAt: Date.now(), form, photos: [] }));
    document.cookie = 'slow-module=/src/channels; path=/';
    const el = document.createElement('refund-exchange-form') as RefundExchangeForm;
    el.lang = 'en-US';
    el.endpoint = endpoint;
    document.body.append(el);
    el.channels = [{ id: 'retailer', names: 'Hardware Hall', orderIdPattern: /^hh\d{8}$/i, orderIdExample: 'HH12345678' }];
    try {
      await el.updateComplete;
      const root = el.shadowRoot!;
      expect(root.querySelector<HTMLSelectElement>('#marketplace')?.value).to.equal('retailer');
      expect(root.querySelector<HTMLInputElement>('#orderId')?.value).to.equal('HH12345678');
      await expect(el).to.be.accessible();
    } finally {
      document.cookie = 'slow-module=; max-age=0; path=/';
      el.remove();
    }
  });
});
