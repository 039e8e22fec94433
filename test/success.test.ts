/**
 * The success view: what the shop received (a recap), the reference and a way to copy it,
 * what happens next, and a quiet way to start again.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import { en } from '../src/i18n/en.js';
import de from '../src/i18n/de.js';
import { $, fillValid, press, uniqueName, until } from './helpers.js';

const answering = (reference = 'R-000042') =>
  `/receiver/${uniqueName()}?status=201&body=${encodeURIComponent(JSON.stringify({ reference }))}`;

/** A form filled in by keyboard and sent to an endpoint that takes it. */
async function sent(markup: ReturnType<typeof html>): Promise<RefundExchangeForm> {
  const el = await fixture<RefundExchangeForm>(markup);
  await fillValid(el);
  const success = oneEvent(el, 'refund-exchange-success');
  $(el, '[part~=submit]').click();
  await success;
  await el.updateComplete;
  return el;
}

const recap = (el: RefundExchangeForm) =>
  [...el.shadowRoot!.querySelectorAll('[part~=recap] div')].map((pair) => [
    pair.querySelector('dt')!.textContent!.trim(),
    pair.querySelector('dd')!.textContent!.trim(),
  ]);

describe('the success view', () => {
  it('is accessible', async () => {
    const el = await sent(html`<refund-exchange-form lang="en-US" draft="off" endpoint=${answering()}></refund-exchange-form>`);
    await expect(el).to.be.accessible();
  });

  it('recaps the request, gives the reference, and says what happens next', async () => {
    const el = await sent(html`<refund-exchange-form lang="en-US" draft="off" endpoint=${answering()}></refund-exchange-form>`);
    const view = $(el, '[part~=status]');
    expect(el.shadowRoot!.activeElement).to.equal(view);
    expect(view.textContent).to.contain(en.sent);
    expect($(el, '.ref').textContent).to.contain(en.reference('R-000042'));
    expect(recap(el)).to.deep.equal([
      [en.marketplace, 'Amazon.com\u00a0(US)'],
      [en.orderId, '123-1234567-1234567'],
      [en.productName, 'Wireless Earbuds X2'],
      [en.resolution, en.exchange],
      [en.reason, en.defective],
      [en.images, 'None'],
    ]);
    expect(view.textContent).to.contain(en.nextSteps('jane@example.com'));
    // Starting again is a quiet link-like button, not the view's main action.
    expect(view.querySelector('.primary')).to.equal(null);
    const again = [...view.querySelectorAll('button')].find((b) => b.textContent!.trim() === en.newRequest)!;
    expect(again.classList.contains('link')).to.equal(true);
  });

  it('copies the reference and says so', async () => {
    const el = await sent(html`<refund-exchange-form lang="en-US" draft="off" endpoint=${answering('R-777001')}></refund-exchange-form>`);
    const copy = $(el, '[part~=copy]');
    expect(copy.textContent!.trim()).to.equal(en.copy);
    // A real key press: a browser lets a page write to the clipboard on a gesture only.
    copy.focus();
    await press('Enter');
    expect(await until(() => $(el, '.ref .hint').textContent!.trim())).to.equal(en.copied);
    // Firefox lets the page read back what it wrote; headless Chromium wants a permission the test cannot give.
    const back = await navigator.clipboard.readText().catch(() => undefined);
    if (back !== undefined) expect(back).to.equal('R-777001');

    // A browser that refuses the clipboard: the customer is told to copy it by hand.
    const writeText = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(navigator.clipboard), 'writeText')!;
    Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('no', 'NotAllowedError')), configurable: true });
    try {
      await press('Enter');
      expect(await until(() => $(el, '.ref .hint').textContent!.trim() === en.copyFailed)).to.equal(true);
    } finally {
      delete (navigator.clipboard as { writeText?: unknown }).writeText;
      expect(Object.getOwnPropertyDescriptor(Object.getPrototypeOf(navigator.clipboard), 'writeText')).to.deep.equal(writeText);
    }
  });

  it('lets the host say what happens next, and speaks the form’s language', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <refund-exchange-form lang="de-DE" draft="off" endpoint=${answering()}>
        <p slot="success">Ihr Rücksendeetikett kommt per E-Mail.</p>
      </refund-exchange-form>
    </div>`);
    const el = wrapper.querySelector('refund-exchange-form')!;
    await el.updateComplete;
    await fillValid(el);
    const success = oneEvent(el, 'refund-exchange-success');
    $(el, '[part~=submit]').click();
    await success;
    await el.updateComplete;
    const slot = $<HTMLSlotElement>(el, 'slot[name=success]');
    expect(slot.assignedElements()[0]!.textContent).to.equal('Ihr Rücksendeetikett kommt per E-Mail.');
    expect(recap(el).map(([term]) => term)).to.deep.equal([de.marketplace, de.orderId, de.productName, de.resolution, de.reason, de.images]);
    expect(recap(el)[5]![1]).to.equal('Keine');
  });

  it('starts a new, empty request from the link', async () => {
    const el = await sent(html`<refund-exchange-form lang="en-US" draft="off" endpoint=${answering()}></refund-exchange-form>`);
    $(el, '[part~=new]').click();
    await el.updateComplete;
    await until(() => el.shadowRoot!.activeElement?.id === 'marketplace');
    expect($<HTMLInputElement>(el, '#orderId').value).to.equal('');
    expect(el.shadowRoot!.querySelector('[part~=recap]')).to.equal(null);
  });
});
