/**
 * The first click is never lost: a 150 ms press on Submit or Reset, as the very first thing a
 * customer does on a page with a captcha, does what it should, and nothing under the pointer
 * moves between press and release (the captcha arrives on that first press).
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import type { RefundExchangeErrorEvent } from '../src/events.js';
import { $, focus, setViewport, type, uniqueName, until } from './helpers.js';

const captchaForm = (lang: string, endpoint = `/receiver/${uniqueName()}`) =>
  fixture<RefundExchangeForm>(html`<refund-exchange-form
    lang=${lang}
    sitekey="FCTEST"
    puzzle-endpoint="/puzzles/${uniqueName()}"
    endpoint=${endpoint}
  ></refund-exchange-form>`);

/** Presses the button for 150 ms with the real mouse; where it was before, during and after. */
async function press(el: RefundExchangeForm, selector: string) {
  const button = $(el, selector);
  button.scrollIntoView({ block: 'center' });
  // Measured once the scroll has been drawn.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const before = button.getBoundingClientRect();
  await sendMouse({ type: 'move', position: [Math.round(before.x + before.width / 2), Math.round(before.y + before.height / 2)] });
  await sendMouse({ type: 'down' });
  await new Promise((resolve) => setTimeout(resolve, 150));
  const during = button.getBoundingClientRect();
  await sendMouse({ type: 'up' });
  return { before: before.top, during: during.top };
}

describe('the first click', () => {
  afterEach(async () => {
    await sendMouse({ type: 'move', position: [0, 0] });
    await setViewport({ width: 800, height: 600 });
  });

  it('is accessible with the captcha’s box in place before the captcha', async () => {
    const el = await captchaForm('en');
    expect($(el, '.captcha').getBoundingClientRect().height).to.be.above(60);
    await expect(el).to.be.accessible();
  });

  for (const lang of ['en-US', 'de', 'ja']) {
    for (const width of [375, 1280]) {
      it(`on Submit submits (${lang}, ${width} px), and nothing moves meanwhile`, async () => {
        await setViewport({ width, height: 800 });
        const el = await captchaForm(lang);
        const box = $(el, '.captcha').getBoundingClientRect().height;
        const judged = oneEvent(el, 'refund-exchange-error') as Promise<RefundExchangeErrorEvent>;
        const { before, during } = await press(el, '[part~=submit]');
        expect(during).to.equal(before);
        expect((await judged).detail.kind).to.equal('validation');
        // The captcha came on that press, into the box kept for it.
        await until(() => el.shadowRoot!.querySelector('.captcha > .frc-captcha'));
        expect($(el, '.captcha').getBoundingClientRect().height).to.equal(box);
      });
    }
  }

  for (const width of [375, 1280]) {
    it(`on Reset asks before clearing a restored draft (${width} px)`, async () => {
      await setViewport({ width, height: 800 });
      const endpoint = `/receiver/${uniqueName()}`;
      const first = await captchaForm('en', endpoint);
      focus(first, '#name');
      await type('Jane');
      first.remove();
      // A new visit: the draft is back, and pressing Reset is the first thing done.
      const el = await captchaForm('en', endpoint);
      expect($<HTMLInputElement>(el, '#name').value).to.equal('Jane');
      const { before, during } = await press(el, '[part~=reset]');
      expect(during).to.equal(before);
      await until(() => el.shadowRoot!.querySelector('.confirm'));
      expect($(el, '.confirm').textContent).to.contain('Clear everything you entered?');
    });
  }
});
