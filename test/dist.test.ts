/**
 * The script-tag build as a site maintainer uses it: dist/refund-exchange-form.js on a page,
 * filled in with the keyboard, sent to an endpoint that checks it with the schema.
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import type { RefundExchangeSuccessEvent } from '../src/events.js';
import { $, fillValid, focus, press, received, type, uniqueName, until } from './helpers.js';

const load = (query = '') => import(/* @vite-ignore */ `/dist/refund-exchange-form.js${query}`);
/** The project's modules each chunk fetched so far holds, by its source map (chunks are named by their hash alone). */
const maps = new Map<string, Promise<string[]>>();
const modulesOf = (url: string) => {
  let modules = maps.get(url);
  if (!modules) {
    modules = fetch(`${url}.map`)
      .then((response) => response.json() as Promise<{ sources: string[] }>)
      .then(({ sources }) => sources.filter((s) => s.includes('/lib/')).map((s) => s.replace(/^.*\/lib\/|\.js$/g, '')));
    maps.set(url, modules);
  }
  return modules;
};
/**
 * The chunks fetched so far, each by the module it is loaded for: `i18n/en` is English's
 * messages, `drafts/controller` the draft code.
 */
const fetched = async () => {
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => /\/dist\/chunks\/[\w-]+\.js$/.test(name));
  const named = await Promise.all(urls.map(async (url) => (await modulesOf(url)).find((m) => LOADED_FOR.includes(m)) ?? url));
  return named.sort();
};
/** The modules our chunks are loaded for. */
const LOADED_FOR = ['i18n/fr', 'i18n/en', 'channels', 'drafts/controller', 'submission/controller', 'form/snapshot', 'form/validation'];

describe('dist/refund-exchange-form.js', () => {
  before(() => load());

  it('defines the element, and loading a second copy does not throw', async () => {
    const defined = customElements.get('refund-exchange-form');
    expect(defined).to.be.a('function');
    await load('?copy');
    expect(customElements.get('refund-exchange-form')).to.equal(defined);
  });

  it('loads the rules (zod, and the channels’ check they use), the sending code and the draft code only once the customer touches the form, and a French form no English', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="fr" endpoint="/receiver/x"></refund-exchange-form>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Only its language, which the first render waits for.
    expect(await fetched()).to.deep.equal(['i18n/fr']);
    focus(el, '#email');
    await until(async () => (await fetched()).length === 6);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The draft code comes with what takes a draft into the form (snapshot).
    expect(await fetched()).to.deep.equal([
      'channels',
      'drafts/controller',
      'form/snapshot',
      'form/validation',
      'i18n/fr',
      'submission/controller',
    ]);
    // The rules' chunk brings the styles of what only they show: an invalid field's border.
    await type('jane@');
    await press('Tab');
    await until(() => $(el, '#email').getAttribute('aria-invalid') === 'true');
    const email = getComputedStyle($(el, '#email'));
    expect([email.borderTopWidth, email.borderTopColor]).to.deep.equal(['2px', 'rgb(179, 38, 30)']);
    // And the error summary, whose template comes with them.
    $(el, '[part~=submit]').click();
    const summary = await until(() => el.shadowRoot!.querySelector<HTMLElement>('[part=summary]') ?? undefined);
    expect(summary.querySelector('a[href="#email"]')).not.to.equal(null);
    expect(getComputedStyle(summary).borderTopColor).to.equal('rgb(179, 38, 30)');
  });

  it('loads English’s messages only once the customer touches an English form', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en" endpoint="/receiver/x"></refund-exchange-form>`,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await fetched()).not.to.include('i18n/en');
    // The first view is whole without them.
    expect($(el, 'label[for=email]').textContent).to.contain('Email address');
    expect(el.shadowRoot!.textContent).not.to.contain('undefined');
    focus(el, '#email');
    await until(async () => (await fetched()).includes('i18n/en'));
    // The messages are there when a field is left wrong.
    await type('jane@');
    await press('Tab');
    await el.updateComplete;
    expect($(el, '#email-error').textContent).to.equal('Enter an email address like name@example.com.');
  });

  it('is accessible', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en" endpoint="/receiver/x"></refund-exchange-form>`,
    );
    await expect(el).to.be.accessible();
    // What minifying the templates may not change: boolean attributes, and spellcheck's words.
    const root = el.shadowRoot!;
    expect(root.querySelector<HTMLInputElement>('#images')!.multiple).to.equal(true);
    const spellcheck = ['email', 'name', 'orderId', 'productName'].map((id) => root.querySelector(`#${id}`)!.getAttribute('spellcheck'));
    expect(spellcheck).to.deep.equal(['false', 'true', 'false', 'true']);
  });

  it('sends a request the schema accepts, and shows the reference', async () => {
    const name = uniqueName();
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en" endpoint="/receiver/${name}?validate=1"></refund-exchange-form>`,
    );
    await fillValid(el);
    const success = oneEvent(el, 'refund-exchange-success') as Promise<RefundExchangeSuccessEvent>;
    focus(el, '[part~=submit]');
    await press('Enter');
    const { detail } = await success;
    expect(detail.status).to.equal(201);
    expect(detail.reference).to.match(/^R-/);
    await el.updateComplete;
    expect($(el, '[role=status]').textContent).to.contain(`Your reference: ${detail.reference}`);
    const [request] = await received(name);
    expect(JSON.parse(request!.body)).to.include({ orderId: '123-1234567-1234567', locale: 'en-US' });
    // Start over, from the quiet button: an empty form, its first field focused.
    $(el, '[part~=new]').click();
    await until(() => el.shadowRoot!.activeElement?.id === 'marketplace');
    expect($<HTMLInputElement>(el, '#name').value).to.equal('');
  });

  // The build renames the element's private members (rollup.config.mjs): each handler, driven.
  it('asks before Reset clears, and a summary link takes the customer to the field', async () => {
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en" endpoint="/receiver/x"></refund-exchange-form>`,
    );
    focus(el, '#name');
    await type('Jane');
    $(el, '[part~=reset]').click();
    const keep = await until(() => el.shadowRoot!.querySelector<HTMLElement>('.confirm [data-keep]') ?? undefined);
    await until(() => el.shadowRoot!.activeElement === keep);
    keep.click();
    await until(() => el.shadowRoot!.activeElement === $(el, '[part~=reset]'));
    expect($<HTMLInputElement>(el, '#name').value).to.equal('Jane');
    $(el, '[part~=submit]').click();
    const link = await until(() => el.shadowRoot!.querySelector<HTMLElement>('[part=summary] a[href="#email"]') ?? undefined);
    link.click();
    await until(() => el.shadowRoot!.activeElement?.id === 'email');
    $(el, '[part~=reset]').click();
    (await until(() => el.shadowRoot!.querySelector<HTMLElement>('.confirm button:not([data-keep])') ?? undefined)).click();
    await until(() => $<HTMLInputElement>(el, '#name').value === '');
  });
});
