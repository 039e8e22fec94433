/**
 * The captcha on pages that enforce Trusted Types: friendly-challenge's markup built without an
 * HTML sink, its workers made through the widget's own policy, and whole forms in test pages
 * (test/pages.mjs) served under such a CSP, sending to the real demo receiver (test/demo.mjs).
 */
import { expect, oneEvent } from '@open-wc/testing';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import type { RefundExchangeErrorEvent } from '../src/events.js';
import { en } from '../src/i18n/en.js';
import { markupToDOM, trustedWidget } from '../src/captcha/trusted-types.js';
import { scriptURL, TRUSTED_TYPES_DIRECTIVE, withTrustedWorkers } from '../src/trusted-workers.js';
import { $, description, focus, lookLikeAPerson, openPage, pickPhoto, type PageWindow, type, uniqueName, until } from './helpers.js';

// friendly-challenge reads the user agent when it loads: the library is imported in the tests.
lookLikeAPerson();

/** A form that sends to the demo's receiver, which wants a solution of its own puzzles. */
const demoForm = () => ({ lang: 'en', sitekey: 'FCTEST', 'puzzle-endpoint': '/api/puzzle', endpoint: '/api/requests' });

/** Sets a control's value the way a choice would, in the page's own realm. */
function choose(win: PageWindow, el: RefundExchangeForm, selector: string, value: string) {
  const control = $<HTMLSelectElement>(el, selector);
  control.value = value;
  control.dispatchEvent(new win.Event('change', { bubbles: true, composed: true }));
}

/** Resolves once the captcha is solved; a violation on the way fails at once, naming it. */
async function solved(win: PageWindow, el: RefundExchangeForm) {
  await until(() => win.violations.length || el.shadowRoot!.querySelector('.frc-success'), 20000);
  expect(win.violations).to.deep.equal([]);
}

/** The markup friendly-challenge wrote into `node`, kept instead of parsed. */
function recordMarkup(node: HTMLElement): string[] {
  const written: string[] = [];
  Object.defineProperty(node, 'innerHTML', { set: (markup: string) => written.push(markup) });
  return written;
}

/** What the HTML parser makes of `markup`: `innerHTML` on a page that does not enforce. */
function parsed(markup: string): DocumentFragment {
  const template = document.createElement('template');
  template.innerHTML = markup;
  return template.content;
}

describe('trusted types', () => {
  describe('a page that enforces them', () => {
    it('says which directive is missing when the page does not allow the policy', async () => {
      const { win, elements } = await openPage('trusted-types-without-policy', [demoForm()]);
      const el = elements[0]!;
      const logged: unknown[][] = [];
      win.console.error = (...args: unknown[]) => logged.push(args);
      const error = oneEvent(el, 'refund-exchange-error') as Promise<RefundExchangeErrorEvent>;
      $(el, '#email').focus();
      expect((await error).detail).to.deep.equal({ kind: 'captcha' });
      await el.updateComplete;
      expect($(el, '#captcha-error').textContent).to.equal(en.errCaptchaBlocked(TRUSTED_TYPES_DIRECTIVE));
      expect(TRUSTED_TYPES_DIRECTIVE).to.equal('trusted-types refund-exchange-form');
      expect(logged).to.have.length(1);
      expect(String(logged[0]![0])).to.contain('"trusted-types lit-html refund-exchange-form"');
      // The page's CSP refused the policy itself, nothing else (reported in a task of its own).
      await until(() => win.violations.length);
      expect(win.violations.map((v) => v.directive)).to.deep.equal(['trusted-types']);
      // Not `to.be.accessible()`: axe runs in this page's realm and refuses another document's
      // nodes, and loading it into the page would need a policy of its own. The message is the
      // captcha's description, which captcha.test.ts checks with axe for its other errors.
      expect(description(el, $(el, '#captcha'))).to.equal(en.errCaptchaBlocked(TRUSTED_TYPES_DIRECTIVE));
    });

    it('sends a request with a photo and a solved captcha without a single violation', async function () {
      this.timeout(60000);
      const { win, elements } = await openPage('trusted-types', [demoForm()]);
      const el = elements[0]!;
      const email = `${uniqueName()}@example.com`;
      choose(win, el, '#marketplace', 'amazon.com');
      focus(el, '#email');
      await type(email);
      focus(el, '#name');
      await type('Jane Doe');
      focus(el, '#orderId');
      await type('123-1234567-1234567');
      focus(el, '#productName');
      await type('Wireless Earbuds X2');
      $<HTMLInputElement>(el, 'input[value=exchange]').click();
      choose(win, el, '#reason', 'defective');
      focus(el, '#details');
      await type('The left earbud does not charge.');

      await pickPhoto(el, 'label.webp', win);
      await until(() => el.shadowRoot!.querySelectorAll('.photos li').length === 1, 10000);

      await solved(win, el);
      $(el, '[part~=submit]').click();
      const status = await until(() => el.shadowRoot!.querySelector('[part=status]') ?? undefined, 20000);

      type Stored = { reference: string; request: { email: string; images: unknown[] } };
      const stored: Stored[] = await (await fetch('/demo-store')).json();
      const entry = stored.find((e) => e.request.email === email);
      expect(entry, 'the demo stored the request').to.not.equal(undefined);
      expect(status.textContent).to.contain(entry!.reference);
      expect(entry!.request.images).to.have.length(1);
      // Violations are reported in a task of their own.
      await new Promise((r) => setTimeout(r, 50));
      expect(win.violations).to.deep.equal([]);
    });

    it('makes one policy for all forms, and only once the captcha starts', async function () {
      this.timeout(40000);
      const { win, elements } = await openPage('trusted-types', [demoForm(), demoForm()]);
      const names: string[] = [];
      const factory = win.trustedTypes;
      const createPolicy = factory.createPolicy.bind(factory);
      factory.createPolicy = ((name: string, rules: object) => {
        names.push(name);
        return createPolicy(name, rules);
      }) as typeof factory.createPolicy;
      await new Promise((r) => setTimeout(r, 200));
      expect(names, 'before anyone touched a form').to.deep.equal([]);
      const [a, b] = elements as [RefundExchangeForm, RefundExchangeForm];
      $(a, '#email').focus();
      await solved(win, a);
      $(b, '#email').focus();
      await solved(win, b);
      expect(names).to.deep.equal(['refund-exchange-form']);
      expect(win.violations).to.deep.equal([]);
    });
  });

  describe('markup without an HTML sink', () => {
    it('builds the DOM the parser would for every state friendly-challenge shows', async function () {
      this.timeout(30000);
      const { WidgetInstance } = await import('friendly-challenge');
      const name = uniqueName();
      const options = { sitekey: 'FCTEST', startMode: 'none', solutionFieldName: '-', skipStyleInjection: true } as const;
      const node = document.createElement('div');
      const written = recordMarkup(node);
      // It shows "expired" only while in a document.
      document.body.append(node);
      let ready!: () => void;
      let done!: () => void;
      const isReady = new Promise<void>((resolve) => (ready = resolve));
      const isDone = new Promise<void>((resolve) => (done = resolve));
      const widget = new WidgetInstance(node, {
        ...options,
        puzzleEndpoint: `/puzzles/${name}`,
        readyCallback: () => ready(),
        doneCallback: () => done(),
      });
      await isReady;
      await widget.start();
      await isDone;
      const internals = widget as unknown as { expire(): void; onWorkerError(e: Error): void };
      internals.expire();
      internals.onWorkerError(new Error('out of memory'));
      widget.destroy();
      expect(written.map((markup) => markupToDOM(markup).querySelector('.frc-text')!.textContent)).to.deep.equal([
        'Anti-Robot Verification',
        'Fetching Challenge',
        'Verifying you are human...',
        'I am human',
        'Anti-Robot verification expired',
        'Verification failedBackground worker error out of memory',
      ]);
      // A puzzle that cannot be fetched, right to left: its error links to the (relative) endpoint.
      const failing = document.createElement('div');
      const failed = recordMarkup(failing);
      const endpoint = `/puzzles/${name}-f/failTimes=1`;
      const broken = new WidgetInstance(failing, { ...options, puzzleEndpoint: endpoint, language: 'he' });
      await broken.start();
      broken.destroy();
      const fetchError = markupToDOM(failed.at(-1)!);
      expect(fetchError.querySelector('.frc-err-url')!.getAttribute('href')).to.equal(endpoint);
      expect(fetchError.querySelector('.frc-rtl')).to.not.equal(null);

      for (const markup of [...written, ...failed]) {
        expect(markupToDOM(markup).isEqualNode(parsed(markup)), markup).to.equal(true);
      }
    });

    it('leaves out handlers, styles, script links, unknown tags and inputs, keeping their text', () => {
      const built = markupToDOM(
        '<div class="a" onclick="x()" style="color:red">one<img src=x onerror="y()"><script>z()</script>' +
          '<a href="javascript:alert(1)">two</a><a href="https://example.com/">three</a>' +
          '<svg><animateTransform attributeName="href" values="javascript:x"/></svg>' +
          '<input name="frc-captcha-solution" type="hidden" value=".UNSTARTED"></div>',
      );
      const div = built.firstElementChild!;
      expect([...div.attributes].map((a) => a.name)).to.deep.equal(['class']);
      expect(div.querySelector('img, script, input')).to.equal(null);
      expect(div.textContent).to.equal('onez()twothree');
      const [unsafe, safe] = [...div.querySelectorAll('a')];
      expect(unsafe!.hasAttribute('href')).to.equal(false);
      expect(safe!.getAttribute('href')).to.equal('https://example.com/');
      expect(div.querySelector('animateTransform')!.hasAttribute('attributeName')).to.equal(false);
    });

    it('decodes the entities friendly-challenge’s texts may hold', () => {
      const built = markupToDOM('<span title="x" data-debug="a&quot;b">&amp; &lt;b&gt; &#39; &#x21D7; &#8663;</span>');
      expect(built.textContent).to.equal('& <b> \' ⇗ ⇗');
      expect(built.querySelector('span')!.dataset['debug']).to.equal('a"b');
      // Not on the list.
      expect(built.querySelector('span')!.hasAttribute('title')).to.equal(false);
    });
  });

  // Chromium and Firefox 153 both implement Trusted Types, and the page tests above show both
  // enforce them. An engine without them would pass URLs as they are, by design.
  describe('worker URLs', () => {
    const blob = new Blob(['postMessage("up")'], { type: 'text/javascript' });

    it('passes only blob: URLs made during the call, and puts Worker and createObjectURL back', async () => {
      const { Worker: before } = window;
      const { createObjectURL } = URL;
      const worker = withTrustedWorkers(() => new Worker(URL.createObjectURL(blob)));
      expect(await new Promise((resolve) => (worker.onmessage = (e) => resolve(e.data)))).to.equal('up');
      worker.terminate();
      expect(window.Worker).to.equal(before);
      expect(URL.createObjectURL).to.equal(createObjectURL);

      const foreign = URL.createObjectURL(blob);
      expect(() => withTrustedWorkers(() => new Worker(foreign))).to.throw(TypeError, /refused worker script/);
      expect(() => withTrustedWorkers(() => new Worker('https://example.com/solver.js'))).to.throw(TypeError);
      // Not even one made inside an earlier call.
      let earlier = '';
      withTrustedWorkers(() => (earlier = URL.createObjectURL(blob)));
      expect(() => withTrustedWorkers(() => new Worker(earlier))).to.throw(TypeError);
      expect(window.Worker).to.equal(before);
      expect(URL.createObjectURL).to.equal(createObjectURL);
    });

    it('refuses any URL outside such a call', () => {
      expect(() => scriptURL(URL.createObjectURL(blob))).to.throw(TypeError);
      expect(() => scriptURL('https://example.com/solver.js')).to.throw(TypeError);
    });

    it('makes the workers of a reset widget through the policy too', async () => {
      const { WidgetInstance } = await import('friendly-challenge');
      const made: string[] = [];
      const RealWorker = window.Worker;
      // Records what the policy handed over: TrustedScriptURL objects, not strings.
      window.Worker = function (url: unknown) {
        made.push(Object.prototype.toString.call(url));
        return new RealWorker(url as string);
      } as unknown as typeof Worker;
      try {
        const widget = trustedWidget(
          () =>
            new WidgetInstance(document.createElement('div'), {
              sitekey: 'x',
              startMode: 'none',
              solutionFieldName: '-',
              skipStyleInjection: true,
            }),
        );
        widget.reset();
        widget.destroy();
      } finally {
        window.Worker = RealWorker;
      }
      expect(made).to.deep.equal(Array(8).fill('[object TrustedScriptURL]'));
    });
  });
});
