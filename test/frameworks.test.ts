/**
 * The element in the hosts sites are built with (test/frameworks.mjs): React 18 through the
 * wrapper, React 19, Preact, Vue 3 and Svelte 5 without one, and plain HTML with the script-tag build.
 * Each sets properties a string attribute would lose, gets the three events, and sends a
 * request the test receiver checks with the project's schema.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import { en } from '../src/i18n/en.js';
import { received, type, uniqueName, until } from './helpers.js';

interface HostWindow extends Window {
  host: { events: { type: string; detail: Record<string, unknown> }[]; framework: string };
}

const HOSTS = [
  ['react18', /^React 18\./],
  ['react19', /^React 19\./],
  ['preact', /^Preact 1\d\./],
  ['vue', /^Vue 3\./],
  ['svelte', /^Svelte 5\./],
  ['plain', /^HTML$/],
] as const;

async function open(app: string, endpoint: string) {
  const iframe = await fixture<HTMLIFrameElement>(
    html`<iframe title=${`${app} host`} style="width: 800px; height: 1400px; border: 0"></iframe>`,
  );
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = `/frameworks/${app}.html?endpoint=${encodeURIComponent(endpoint)}`;
  await loaded;
  const win = iframe.contentWindow as HostWindow & typeof globalThis;
  await win.customElements.whenDefined('refund-exchange-form');
  const el = await until(() => win.document.querySelector<RefundExchangeForm>('refund-exchange-form') ?? undefined, 10000);
  await until(() => el.shadowRoot?.querySelector('#name'));
  await el.updateComplete;
  return { win, el, $: <T extends HTMLElement>(selector: string) => el.shadowRoot!.querySelector<T>(selector)! };
}

describe('frameworks', () => {
  for (const [app, framework] of HOSTS) {
    it(`works in ${app}: properties, the three events, and a request sent`, async () => {
      const name = uniqueName();
      const { win, el, $ } = await open(app, `/receiver/${name}?validate=1&maxImages=2`);
      expect(win.host.framework).to.match(framework);

      // Set as properties: a number, a boolean and an object, which attributes would garble.
      expect(el.maxImages).to.equal(2);
      expect(el.hasAttribute('maximages')).to.equal(false);
      expect(el.hidePolicies).to.equal(true);
      expect(el.shadowRoot!.querySelector('[part~=policies]')).to.equal(null);
      expect($<HTMLElement>('#images-hint').textContent).to.contain(en.photosHint(2));
      // Given as an object; a host that sets it after the element is up waits a moment for it.
      await until(() => $<HTMLInputElement>('#name').value === 'Jane Doe');
      expect($<HTMLSelectElement>('#reason').value).to.equal('defective');

      // The product name is missing: the error event.
      $('[part~=submit]').click();
      const error = await until(() => win.host.events.find((e) => e.type === 'refund-exchange-error'));
      expect(error.detail.kind).to.equal('validation');
      // The summary takes focus once the form has rendered the errors.
      await el.updateComplete;
      await until(() => el.shadowRoot!.activeElement?.matches('.summary'));

      $('#productName').focus();
      await type('Kestrel K2 kettle');
      $('[part~=submit]').click();
      const success = await until(() => win.host.events.find((e) => e.type === 'refund-exchange-success'), 10000);
      expect(success.detail.status).to.equal(201);
      expect(success.detail.reference).to.match(/^R-\d{6}$/);
      expect(win.host.events.map((e) => e.type)).to.deep.equal([
        'refund-exchange-error',
        'refund-exchange-submit',
        'refund-exchange-success',
      ]);
      const submitted = win.host.events[1]!.detail.payload as Record<string, unknown>;
      const [sent] = await received(name);
      expect(JSON.parse(sent!.body)).to.deep.include({ ...submitted, productName: 'Kestrel K2 kettle', name: 'Jane Doe' });
    });
  }
});
