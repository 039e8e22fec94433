/**
 * What the form does before its rules have loaded, on a page of its own: helpers.ts, which loads
 * the rules ahead of the tests, is not imported here.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';

describe('before the rules have loaded', () => {
  it('reportValidity() shows the summary once they are here, and moves focus to it', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form endpoint="/receiver/before-rules" draft="off" lang="en-US"></refund-exchange-form>`,
    );
    const root = el.shadowRoot!;
    expect(root.querySelector('[part=summary]')).to.equal(null);
    expect(el.reportValidity()).to.equal(false);
    const end = Date.now() + 8000;
    while (!(root.activeElement && root.activeElement === root.querySelector('[part=summary]'))) {
      if (Date.now() > end) throw new Error('the summary was not focused');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(root.querySelectorAll('[part=summary] li').length).to.be.greaterThan(3);
  });
});
