import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import type { RefundExchangeSubmitEvent } from '../src/events.js';
import type { Translation } from '../src/i18n/en.js';
import { en } from '../src/i18n/en.js';
import enGB from '../src/i18n/en-GB.js';
import enCA from '../src/i18n/en-CA.js';
import fr from '../src/i18n/fr.js';
import frCA from '../src/i18n/fr-CA.js';
import de from '../src/i18n/de.js';
import es from '../src/i18n/es.js';
import it_ from '../src/i18n/it.js';
import ja from '../src/i18n/ja.js';
import { $, accessibleName, description, fillValid, focus, judged, press, type } from './helpers.js';

const LOCALES: [string, Translation, string][] = [
  ['en', en, 'amazon.com'],
  ['en-GB', enGB, 'amazon.co.uk'],
  ['en-CA', enCA, 'amazon.ca'],
  ['fr', fr, 'amazon.fr'],
  ['fr-CA', frCA, 'amazon.ca'],
  ['de', de, 'amazon.de'],
  ['es', es, 'amazon.es'],
  ['it', it_, 'amazon.it'],
  ['ja', ja, 'amazon.co.jp'],
];

const inPage = async (markup: ReturnType<typeof html>) => {
  const page = await fixture<HTMLElement>(markup);
  const el = page.localName === 'refund-exchange-form' ? (page as RefundExchangeForm) : page.querySelector('refund-exchange-form')!;
  await el.updateComplete;
  return el;
};

const text = (el: RefundExchangeForm, selector: string) => $(el, selector).textContent!.replace(/[ \t\n\r]+/g, ' ').trim();

describe('refund-exchange-form in every language', () => {
  it('is accessible in Japanese', async () => {
    const el = await inPage(html`<refund-exchange-form lang="ja" endpoint="/x"></refund-exchange-form>`);
    await expect(el).to.be.accessible();
  });

  for (const [lang, t, marketplace] of LOCALES) {
    it(`speaks ${lang}: labels, tips, options, buttons, policies, messages`, async () => {
      const el = await inPage(html`<refund-exchange-form lang=${lang} endpoint="/x"></refund-exchange-form>`);
      expect($(el, 'form').getAttribute('lang')).to.equal(t.locale);
      expect(accessibleName(el, $(el, '#email'))).to.equal(t.email);
      expect(accessibleName(el, $(el, '#orderId'))).to.equal(t.orderId);
      expect(accessibleName(el, $(el, 'fieldset'))).to.equal(t.resolution);
      expect(description(el, $(el, '#productName'))).to.contain(t.tipProductName);
      expect(description(el, $(el, '#serialNumber'))).to.contain(t.tipSerialNumber);
      expect(text(el, '#orderId-tip a')).to.equal(`${t.orderHistory} ${t.newTab}`);
      expect(text(el, 'details summary')).to.equal(`${t.tip} ${t.orderId}`);
      expect([...$(el, '#reason').querySelectorAll('option')].map((o) => o.textContent)).to.deep.equal([
        t.choose,
        t.damaged_on_arrival,
        t.defective,
        t.wrong_item_sent,
        t.ordered_wrong_item,
        t.no_longer_needed,
        t.other,
      ]);
      expect(text(el, '[part~=submit]')).to.equal(t.submit);
      expect(text(el, '[part~=reset]')).to.equal(t.reset);
      expect([...el.shadowRoot!.querySelectorAll('.policies li')].map((li) => li.textContent)).to.deep.equal([
        t.policyReturn(30),
        t.policyWarranty(18),
        t.policySupport,
      ]);
      expect(text(el, '#details-count')).to.equal(t.charCount(0, 2000));
      // The photo picker's visible words are the form's, not the browser's.
      expect(text(el, '.picker .button')).to.equal(t.addPhotos);
      expect($<HTMLSelectElement>(el, '#marketplace').value).to.equal(marketplace);

      await judged(el);
      expect(text(el, '.summary p')).to.equal(t.summary(6));
      expect(text(el, '#orderId-error')).to.equal(t.errOrderIdMissing);
      expect(text(el, '#reason-error')).to.equal(t.errReason);
      await expect(el).to.be.accessible();
    });
  }

  it('sends the locale it was shown in', async () => {
    const el = await inPage(html`<refund-exchange-form lang="fr-CA" endpoint="/receiver/x"></refund-exchange-form>`);
    await fillValid(el);
    el.addEventListener('refund-exchange-submit', (e) => e.preventDefault(), { once: true });
    const submit = oneEvent(el, 'refund-exchange-submit') as Promise<RefundExchangeSubmitEvent>;
    $(el, '[part~=submit]').click();
    const { detail } = await submit;
    expect(detail.payload.locale).to.equal('fr-CA');
    expect(detail.payload.marketplace).to.equal('amazon.ca');
  });

  it('hides a purchase-site list with one site, and still sends that site', async () => {
    // The Japanese storefront offers amazon.co.jp alone; here in English, which would preselect none.
    const el = await inPage(html`<refund-exchange-form lang="en-US" marketplaces="amazon.co.jp" endpoint="/receiver/x"></refund-exchange-form>`);
    expect(el.shadowRoot!.querySelector('#marketplace')).to.equal(null);
    expect(el.shadowRoot!.querySelector('select')).to.equal($(el, '#reason'));
    // Its order history is still where the tip points.
    expect($<HTMLAnchorElement>(el, '#orderId-tip a').href).to.contain('amazon.co.jp');
    await fillValid(el);
    el.addEventListener('refund-exchange-submit', (e) => e.preventDefault(), { once: true });
    const submit = oneEvent(el, 'refund-exchange-submit') as Promise<RefundExchangeSubmitEvent>;
    $(el, '[part~=submit]').click();
    expect((await submit).detail.payload.marketplace).to.equal('amazon.co.jp');
  });

  describe('resolves its language', () => {
    let htmlLang: string | null;
    beforeEach(() => (htmlLang = document.documentElement.getAttribute('lang')));
    afterEach(() => {
      if (htmlLang === null) document.documentElement.removeAttribute('lang');
      else document.documentElement.setAttribute('lang', htmlLang);
    });

    it('from its own lang first, then the closest [lang], then <html lang>', async () => {
      document.documentElement.lang = 'it';
      const page = await fixture<HTMLElement>(html`<section lang="de">
        <div lang="es"><refund-exchange-form endpoint="/x" lang="ja"></refund-exchange-form></div>
        <div><refund-exchange-form endpoint="/x"></refund-exchange-form></div>
      </section>
      <refund-exchange-form endpoint="/x"></refund-exchange-form>`);
      const forms = [...page.parentElement!.querySelectorAll('refund-exchange-form')];
      await Promise.all(forms.map((f) => f.updateComplete));
      expect(forms.map((f) => $(f, 'form').getAttribute('lang'))).to.deep.equal(['ja-JP', 'de-DE', 'it-IT']);
    });

    it('then from the browser, falling back from xx-YY to xx and then to English', async () => {
      document.documentElement.removeAttribute('lang');
      const el = await inPage(html`<refund-exchange-form endpoint="/x"></refund-exchange-form>`);
      const browser = navigator.language.toLowerCase();
      const expected = browser.startsWith('en') ? ['en-US', 'en-GB', 'en-CA'] : [$(el, 'form').getAttribute('lang')];
      expect(expected).to.include($(el, 'form').getAttribute('lang'));
      el.lang = 'de-AT';
      await el.updateComplete;
      expect($(el, 'form').getAttribute('lang')).to.equal('de-DE');
      el.lang = 'pt-BR';
      await el.updateComplete;
      expect($(el, 'form').getAttribute('lang')).to.equal('en-US');
    });
  });

  it('changes language at run time without losing input, errors included', async () => {
    const el = await inPage(html`<refund-exchange-form lang="en" endpoint="/x"></refund-exchange-form>`);
    focus(el, '#name');
    await type('Jane');
    focus(el, '#orderId');
    await type('12-34');
    await press('Tab');
    await el.updateComplete;
    const focused = el.shadowRoot!.activeElement;
    expect(text(el, '#orderId-error')).to.equal(en.errOrderIdDigits(4));
    el.lang = 'de';
    await el.updateComplete;
    expect(text(el, '#orderId-error')).to.equal(de.errOrderIdDigits(4));
    expect(accessibleName(el, $(el, '#orderId'))).to.equal(de.orderId);
    expect($<HTMLInputElement>(el, '#orderId').value).to.equal('12-34');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Jane');
    // The customer's place in the form is kept too.
    expect(el.shadowRoot!.activeElement).to.equal(focused);
  });

  it('follows a change of the page’s lang when it has none of its own', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="en"><refund-exchange-form endpoint="/x"></refund-exchange-form></div>`,
    );
    const el = wrapper.querySelector('refund-exchange-form')!;
    await el.updateComplete;
    wrapper.lang = 'ja';
    await new Promise((r) => setTimeout(r));
    await el.updateComplete;
    expect(accessibleName(el, $(el, '#email'))).to.equal(ja.email);
  });

  it('retranslates messages kept from a failed request', async () => {
    const el = await inPage(html`<refund-exchange-form lang="en" endpoint="/receiver/x?status=503"></refund-exchange-form>`);
    await fillValid(el);
    const error = oneEvent(el, 'refund-exchange-error');
    $(el, '[part~=submit]').click();
    await error;
    await el.updateComplete;
    expect(text(el, '[part=alert]')).to.contain(en.errServer);
    el.lang = 'es';
    await el.updateComplete;
    expect(text(el, '[part=alert]')).to.contain(es.errServer);
  });

  it('accepts a Japanese keyboard’s full-width order ID and serial number', async () => {
    const el = await inPage(html`<refund-exchange-form lang="ja" endpoint="/x"></refund-exchange-form>`);
    // Japanese's font stack, which loads with its dictionary, from the first render.
    expect(getComputedStyle($(el, 'form')).fontFamily).to.contain('Hiragino Sans');
    await fillValid(el);
    for (const [field, value] of [
      ['orderId', '３０２－１２３４５６７－１２３４５６７'],
      ['serialNumber', 'ＳＮ：ａ１２３４５６７'],
      ['name', '山田 花子'],
    ] as const) {
      const input = $<HTMLInputElement>(el, `#${field}`);
      input.value = '';
      input.focus();
      await type(value);
      expect(input.value).to.equal(value);
    }
    el.addEventListener('refund-exchange-submit', (e) => e.preventDefault(), { once: true });
    const submit = oneEvent(el, 'refund-exchange-submit') as Promise<RefundExchangeSubmitEvent>;
    $(el, '[part~=submit]').click();
    const { payload } = (await submit).detail;
    expect(payload).to.include({ orderId: '302-1234567-1234567', serialNumber: 'A1234567', name: '山田 花子' });
    expect(getComputedStyle($(el, 'form')).fontFamily).to.contain('Hiragino Sans');
    expect(getComputedStyle($(el, 'label')).fontStyle).to.equal('normal');
  });

  it('names Amazon.com’s country in the customer’s language', async () => {
    for (const [lang, t] of [
      ['fr-CA', frCA],
      ['de', de],
      ['ja', ja],
    ] as const) {
      const el = await inPage(html`<refund-exchange-form lang=${lang} endpoint="/x"></refund-exchange-form>`);
      expect($(el, '#marketplace option[value="amazon.com"]').textContent).to.equal(t.amazonCom);
    }
    expect(frCA.amazonCom).to.equal('Amazon.com\u00a0(États-Unis)');
    expect(ja.amazonCom).to.equal('Amazon.com（アメリカ）');
  });

  it('takes the order-ID example as the tip writes it, non-breaking hyphens and all', async () => {
    const el = await inPage(html`<refund-exchange-form lang="fr" endpoint="/x"></refund-exchange-form>`);
    const example = /\d{3}\u2011\d{7}\u2011\d{7}/.exec(description(el, $(el, '#orderId')))?.[0];
    expect(example).to.equal('123\u20111234567\u20111234567');
    focus(el, '#orderId');
    await type(example!);
    await press('Tab');
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#orderId').value).to.equal('123-1234567-1234567');
    expect($(el, '#orderId').getAttribute('aria-invalid')).to.equal('false');
  });

  it('never lets the browser show its own validation bubble', async () => {
    const el = await inPage(html`<refund-exchange-form lang="de" endpoint="/x"></refund-exchange-form>`);
    const form = $<HTMLFormElement>(el, 'form');
    let invalid = 0;
    form.addEventListener('invalid', () => invalid++, true);
    expect(form.noValidate).to.equal(true);
    await judged(el, () => form.requestSubmit());
    expect(invalid).to.equal(0);
    expect(el.shadowRoot!.querySelector('.summary')).not.to.equal(null);
  });

  it('shows the promises from its attributes, or hides them', async () => {
    const el = await inPage(
      html`<refund-exchange-form lang="fr" endpoint="/x" return-days="1" warranty-months="24"></refund-exchange-form>`,
    );
    expect([...el.shadowRoot!.querySelectorAll('.policies li')].map((li) => li.textContent)).to.deep.equal([
      fr.policyReturn(1),
      fr.policyWarranty(24),
      fr.policySupport,
    ]);
    expect($(el, '.policies').getAttribute('aria-label')).to.equal(fr.policies);
    el.hidePolicies = true;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.policies')).to.equal(null);
  });
});
