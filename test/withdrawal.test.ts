/**
 * The withdrawal function (Article 11a): the button in the law's words, the statement that asks
 * only for name, purchase, order ID and email, its review with "Confirm withdrawal", the
 * request with kind "withdrawal", and the receipt with the time of receipt, by keyboard alone.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import { WITHDRAWAL_WORDING } from '../src/withdrawal/wording.js';
import { $, accessibleName, focus, press, received, type, uniqueName, until } from './helpers.js';

const PREFILL = { name: 'Jane Doe', email: 'jane@example.com', orderId: '123-1234567-1234567' };

async function withdrawalForm(lang = 'en', prefill?: Record<string, string>, extra = '') {
  const name = uniqueName();
  const el = await fixture<RefundExchangeForm>(
    html`<refund-exchange-form
      withdrawal
      lang=${lang}
      endpoint="/receiver/${name}?validate=1${extra}"
      .prefill=${prefill}
    ></refund-exchange-form>`,
  );
  await el.updateComplete;
  return { el, name };
}

/** What the customer can see and reach: fields not hidden by the statement's styles. */
const shownFields = (el: RefundExchangeForm) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=control]')]
    .filter((control) => control.offsetParent !== null || control.getClientRects().length > 0)
    .map((control) => control.id || control.getAttribute('name'));

const active = (el: RefundExchangeForm) => el.shadowRoot!.activeElement as HTMLElement | null;

/** Opens the statement with the keyboard: focus on the button, Enter. */
async function open(el: RefundExchangeForm) {
  focus(el, '[part~=withdraw]');
  await press('Enter');
  await until(() => active(el)?.matches('h2'));
}

describe('the withdrawal function', () => {
  it('is accessible, with its button, its statement and its review', async () => {
    const { el } = await withdrawalForm('en', PREFILL);
    await expect(el).to.be.accessible();
    await open(el);
    await expect(el).to.be.accessible();
    await press('Tab');
    focus(el, '#orderId');
    await press('Enter');
    await until(() => el.shadowRoot!.querySelector('blockquote'));
    await expect(el).to.be.accessible();
  });

  it('labels its button and its confirmation in the official wording of each language', async () => {
    const cases: [string, keyof typeof WITHDRAWAL_WORDING][] = [
      ['en', 'en'],
      ['en-GB', 'en'],
      ['de', 'de'],
      ['fr', 'fr'],
      ['es', 'es'],
      ['it', 'it'],
      ['ja', 'ja'],
    ];
    for (const [lang, language] of cases) {
      const { el } = await withdrawalForm(lang, PREFILL);
      const button = $(el, '[part~=withdraw]');
      expect(accessibleName(el, button), lang).to.equal(WITHDRAWAL_WORDING[language].withdraw);
      await open(el);
      focus(el, '#orderId');
      await press('Enter');
      const confirm = await until(() => (el.shadowRoot!.querySelector('blockquote') ? $(el, '[part~=submit]') : undefined));
      expect(confirm.textContent!.trim(), lang).to.equal(WITHDRAWAL_WORDING[language].confirm);
    }
    expect(WITHDRAWAL_WORDING.en).to.deep.equal({ withdraw: 'Withdraw from contract here', confirm: 'Confirm withdrawal' });
    expect(WITHDRAWAL_WORDING.de).to.deep.equal({ withdraw: 'Vertrag widerrufen', confirm: 'Widerruf bestätigen' });
  });

  it('asks only for the purchase site, the email, the name and the order ID, with no extra step', async () => {
    const { el } = await withdrawalForm('de', { orderId: PREFILL.orderId, productName: 'Kettle' });
    expect(shownFields(el)).to.include.members(['productName', 'reason', 'images']);
    await open(el);
    expect(shownFields(el)).to.deep.equal(['marketplace', 'email', 'name', 'orderId']);
    // What the shop knows is there already.
    expect($<HTMLInputElement>(el, '#orderId').value).to.equal(PREFILL.orderId);
  });

  it('sends the confirmed statement by keyboard alone, and shows the reference and the time of receipt', async () => {
    const { el, name } = await withdrawalForm('en');
    await open(el);
    focus(el, '#email');
    await type('jane@example.com');
    await press('Tab');
    await type('Jane Doe');
    await press('Tab');
    // Pasted as the order page shows it: the statement says it as it will be sent.
    await type('Order # 123 1234567 1234567');
    // Enter in a field: the statement's own button, on to the review.
    await press('Enter');
    const statement = await until(() => el.shadowRoot!.querySelector('blockquote') ?? undefined);
    expect(statement.textContent!.trim()).to.equal(
      'I hereby withdraw from my contract for order 123-1234567-1234567, placed on Amazon.com\u00a0(US).',
    );
    expect($(el, '[part~=recap]').textContent).to.contain('123-1234567-1234567').and.not.contain('Order #');
    expect(shownFields(el)).to.deep.equal([]);
    const before = Date.now();
    const success = oneEvent(el, 'refund-exchange-success');
    focus(el, '[part~=submit]');
    await press('Enter');
    await success;
    const [sent] = await received(name);
    const body = JSON.parse(sent!.body) as Record<string, string>;
    expect(Object.keys(body).sort()).to.deep.equal(['confirmedAt', 'email', 'kind', 'locale', 'marketplace', 'name', 'orderId']);
    expect(body).to.include({ kind: 'withdrawal', marketplace: 'amazon.com', email: 'jane@example.com', name: 'Jane Doe', locale: 'en-US' });
    const confirmed = Date.parse(body.confirmedAt!);
    expect(confirmed).to.be.within(before - 1000, Date.now());
    const done = await until(() => el.shadowRoot!.querySelector<HTMLElement>('.done') ?? undefined);
    await until(() => active(el) === done);
    expect(done.textContent).to.contain('We have received your withdrawal.');
    expect(done.textContent).to.match(/reference: R-\d{6}/);
    expect(done.textContent).to.contain('Received on ');
    expect(done.textContent).to.contain(new Date().getFullYear().toString());
    expect(done.querySelector('[part~=recap]')!.textContent).to.contain('Confirmed');
    expect($(el, '[part~=print]').textContent!.trim()).to.equal('Print');
    await expect(el).to.be.accessible();
    // Done with: a new start is the request form, with the button, and nothing of the statement.
    focus(el, '[part~=new]');
    await press('Enter');
    await until(() => el.shadowRoot!.querySelector('[part~=withdraw]'));
    expect(el.shadowRoot!.querySelector('blockquote')).to.equal(null);
    expect(shownFields(el)).to.include.members(['email', 'productName']);
    expect($<HTMLInputElement>(el, '#email').value).to.equal('');
  });

  it('shows the statement’s own problems, and only those, when it is not complete', async () => {
    const { el } = await withdrawalForm('en');
    await open(el);
    focus(el, '[part~=submit]');
    await press('Enter');
    const summary = await until(() => el.shadowRoot!.querySelector<HTMLElement>('[part=summary]') ?? undefined);
    await until(() => active(el) === summary);
    const links = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.deep.equal(['#email', '#name', '#orderId']);
    expect(el.shadowRoot!.querySelector('blockquote')).to.equal(null);
  });

  it('goes back to the request form, whose rules are its own again', async () => {
    const { el } = await withdrawalForm('en', PREFILL);
    await open(el);
    focus(el, '[part~=button]:not([part~=submit])');
    await press('Enter');
    await until(() => active(el)?.matches('[part~=withdraw]'));
    expect(shownFields(el)).to.include.members(['productName', 'reason']);
    $(el, '[part~=submit]').click();
    const summary = await until(() => el.shadowRoot!.querySelector<HTMLElement>('[part=summary]') ?? undefined);
    const links = [...summary.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).to.include.members(['#productName', '#reason']);
  });

  it('never waits for a captcha that cannot run: the statement goes without it', async () => {
    const name = uniqueName();
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form
        withdrawal
        lang="en"
        sitekey="FCTEST"
        puzzle-endpoint="/puzzles/${name}/failTimes=99"
        endpoint=${`/receiver/${name}?validate=1&captcha=1`}
        .prefill=${PREFILL}
      ></refund-exchange-form>`,
    );
    await open(el);
    focus(el, '#orderId');
    await press('Enter');
    await until(() => el.shadowRoot!.querySelector('blockquote'));
    const success = oneEvent(el, 'refund-exchange-success');
    focus(el, '[part~=submit]');
    await press('Enter');
    await success;
    const [sent] = await received(name);
    const body = JSON.parse(sent!.body) as Record<string, unknown>;
    expect(body['kind']).to.equal('withdrawal');
    expect(body).not.to.have.property('captcha');
  });

  it('shows no button without the attribute, and one once it is set', async () => {
    const el = await fixture<RefundExchangeForm>(html`<refund-exchange-form lang="en" endpoint="/x"></refund-exchange-form>`);
    expect(el.shadowRoot!.querySelector('[part~=withdraw]')).to.equal(null);
    el.withdrawal = true;
    const button = await until(() => el.shadowRoot!.querySelector('[part~=withdraw]') ?? undefined);
    expect(button.textContent!.trim()).to.equal('Withdraw from contract here');
  });
});
