/** The room the form keeps before its first render, so nothing below it moves when it appears. */
import { expect } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';

const supported = CSS.supports('selector(:state(ready))');

/** A form in the page, not yet rendered: its first update is still a microtask away. */
function place(reserve?: string): RefundExchangeForm {
  const el = document.createElement('refund-exchange-form');
  el.setAttribute('endpoint', '/x');
  if (reserve) el.style.setProperty('--rxf-reserve', reserve);
  document.body.append(el);
  return el;
}

describe('reserveRoom', () => {
  afterEach(() => document.querySelectorAll('refund-exchange-form').forEach((el) => el.remove()));

  it('keeps the viewport’s height, at most 96rem, until the form renders', async () => {
    const el = place();
    expect(el.shadowRoot!.childNodes).to.have.length(0);
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    // Where custom states are unknown, nothing is kept, as before.
    expect(el.getBoundingClientRect().height).to.be.closeTo(supported ? Math.min(innerHeight, 96 * rem) : 0, 1);
    await el.updateComplete;
    expect(el.matches(':state(ready)')).to.equal(supported);
  });

  it('keeps the height the page sets, then takes the form’s own', async () => {
    const el = place('4321px');
    expect(el.getBoundingClientRect().height).to.be.closeTo(supported ? 4321 : 0, 1);
    await el.updateComplete;
    const height = el.getBoundingClientRect().height;
    const form = el.shadowRoot!.querySelector('form')!.getBoundingClientRect();
    expect(height).to.be.greaterThan(form.height);
    expect(height).to.be.lessThan(4321);
    expect(['auto', '0px']).to.include(getComputedStyle(el).minHeight);
  });
});
