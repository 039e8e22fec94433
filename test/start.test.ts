/**
 * The form's start (src/form/start.ts): the room it keeps until it is rendered whole, so nothing
 * below it moves when it appears; its first render in a task of its own; its first fields, then
 * the rest a frame later.
 */
import { expect } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import { $ } from './helpers.js';

const supported = CSS.supports('selector(:state(ready))');

/** A form in the page, not yet rendered: its first update is still a microtask away. */
function place(reserve?: string): RefundExchangeForm {
  const el = document.createElement('refund-exchange-form');
  el.setAttribute('endpoint', '/x');
  if (reserve) el.style.setProperty('--rxf-reserve', reserve);
  document.body.append(el);
  return el;
}

describe('start', () => {
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

  it('renders in a task of its own, not in the microtasks after the element enters the page', async () => {
    const el = place();
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(el.shadowRoot!.childNodes).to.have.length(0);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('form')).to.not.equal(null);
  });

  it('shows the first fields, then the rest once they are drawn, keeping the room until it is whole', async () => {
    const el = place();
    const seen: { email: boolean; reason: boolean; submit: boolean; ready: boolean; height: number }[] = [];
    el.addController({
      hostUpdated: () =>
        seen.push({
          email: !!el.shadowRoot!.querySelector('#email'),
          reason: !!el.shadowRoot!.querySelector('#reason'),
          submit: !!el.shadowRoot!.querySelector('[part~=submit]'),
          ready: supported && el.matches(':state(ready)'),
          height: el.getBoundingClientRect().height,
        }),
    });
    await el.updateComplete;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const first = seen[0]!;
    expect(first).to.include({ email: true, reason: false, submit: false, ready: false });
    // The room is still kept: at least the reserved height, whatever the first fields take.
    if (supported) expect(first.height).to.be.at.least(Math.min(innerHeight, 96 * rem) - 1);
    expect(seen.at(-1)).to.include({ email: true, reason: true, submit: true });
    expect(el.matches(':state(ready)')).to.equal(supported);
    // The whole form, as a host or a test sees it once updateComplete settles.
    expect($(el, '[part~=submit]').textContent).to.contain('Submit');
  });
});
