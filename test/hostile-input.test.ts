/**
 * Hostile input, as properties (fast-check): markup, script URLs, bidi overrides, zero-width and
 * combining characters, lone surrogates, NUL, CR/LF, line separators, spreadsheet formulas and
 * 1 MB pastes, in every text field. None of it may become markup, throw, get lost, or be sent
 * other than as the schema normalises it; the server's schema (Node) must read it alike.
 */
import { expect, fixture, html } from '@open-wc/testing';
import fc from 'fast-check';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import type { RefundExchangeSubmitEvent } from '../src/events.js';
import { createRequestSchema } from '../src/schema.js';
import { chars, LIMITS } from '../src/fields.js';
import { en } from '../src/i18n/en.js';
import { $, catchErrors, fillValid, received, uniqueName, until } from './helpers.js';

const FIELDS = ['email', 'name', 'orderId', 'productName', 'serialNumber', 'details'] as const;
type Field = (typeof FIELDS)[number];
const MAX: Partial<Record<Field, number>> = {
  email: LIMITS.email,
  name: LIMITS.name,
  productName: LIMITS.productName,
  details: LIMITS.details,
};
const RUNS = 1000;

/** A valid request, for checking one field at a time. */
const BASE = {
  marketplace: 'amazon.com',
  email: 'jane@example.com',
  name: 'Jane Doe',
  orderId: '123-1234567-1234567',
  productName: 'Kettle',
  resolution: 'refund',
  reason: 'defective',
  locale: 'en-US',
};

const PIECES = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><b>bold</b>",
  '</textarea><p>',
  '<!--',
  '${7*7}{{7*7}}',
  '&lt;b&gt;&#x3C;&amp;',
  'javascript:alert(1)',
  'JaVaScRiPt:void(0)',
  'data:text/html,<b>',
  '\u202e\u202d\u2066\u2067\u2068\u2069\u200e\u200f',
  '\u200b\u200c\u200d\u2060\ufeff',
  'e\u0301\u0308\u20dd',
  '\u0000',
  '\r\n',
  '\n',
  '\r',
  '\t',
  '\u2028\u2029\u0085',
  '=cmd|\' /C calc\'!A0',
  '+SUM(1+1)',
  '-2+3',
  '@SUM(1)',
  '\t=1',
  'SN: ',
  '３０２－１２３４５６７－１２３４５６７',
  'ー－—',
  'jane@example.com',
  '123-1234567-1234567',
  'A1234567',
  '😀👩‍👩‍👧',
  ' ',
  '\u3000',
];

/** Any code unit at all, a lone surrogate included. */
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 2, arbitrary: codeUnit },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
);
const small = fc.string({ unit, maxLength: 12 });
/** A paste of a megabyte, hostile pieces in it. */
const paste = fc.tuple(small, small).map(([a, b]) => `${a}${'x'.repeat(1 << 20)}${b}`);
/** Long enough to pass a field's limit: the message must say by how much. */
const long = fc.tuple(small, fc.integer({ min: 10, max: 400 })).map(([text, times]) => text.repeat(times));
const hostile = fc.oneof(
  { weight: 150, arbitrary: small },
  { weight: 40, arbitrary: long },
  { weight: 1, arbitrary: paste },
);

/** Records every element added and every attribute changed, in the page and in the form. */
function watch(el: RefundExchangeForm) {
  const found: string[] = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.ELEMENT_NODE) found.push(`<${(node as Element).localName}> in ${record.target.nodeName}`);
      }
      // The one attribute a value changes: whether the control is invalid.
      if (record.type === 'attributes' && record.attributeName !== 'aria-invalid') {
        found.push(`${record.attributeName} on ${record.target.nodeName}`);
      }
    }
  });
  for (const root of [document.body, el.shadowRoot!]) {
    observer.observe(root, { subtree: true, childList: true, attributes: true });
  }
  return { found, stop: () => observer.disconnect() };
}

/** Puts `text` into the control as a paste does; what the control accepted of it. */
async function enter(el: RefundExchangeForm, field: Field, text: string): Promise<string> {
  const control = $<HTMLInputElement>(el, `#${field}`);
  control.value = text;
  // A text input drops line breaks (and an email input surrounding spaces) itself.
  const accepted = control.value;
  control.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste' }));
  await el.updateComplete;
  return accepted;
}

const schema = createRequestSchema();
/** What the browser's schema makes of the field: the normalised value, or undefined when refused. */
function normalised(field: Field, value: string): { ok: boolean; value?: unknown } {
  const result = schema.safeParse({ ...BASE, [field]: value });
  return result.success ? { ok: true, value: (result.data as Record<string, unknown>)[field] ?? null } : { ok: false };
}

describe('hostile input', () => {
  it('leaves the form accessible', async () => {
    const el = await fixture<RefundExchangeForm>(html`<refund-exchange-form lang="en" endpoint="/x"></refund-exchange-form>`);
    for (const field of FIELDS) await enter(el, field, '<img src=x onerror=alert(1)>\u202e\u0000');
    await expect(el).to.be.accessible();
  });

  for (const field of FIELDS) {
    it(`${field}: never markup, never a throw, nothing lost, and too long said at once`, async function () {
      this.timeout(180_000);
      const el = await fixture<RefundExchangeForm>(html`<refund-exchange-form lang="en" endpoint="/x"></refund-exchange-form>`);
      const control = $<HTMLInputElement>(el, `#${field}`);
      control.focus();
      // The first change loads the draft code, whose (empty) live region the next render adds:
      // here before watching.
      await enter(el, field, '');
      await until(() => {
        el.requestUpdate();
        return el.shadowRoot!.querySelector('.vh[role=status]') ?? undefined;
      });
      const mutations = watch(el);
      const thrown = catchErrors();
      try {
        await fc.assert(
          fc.asyncProperty(hostile, async (text) => {
            const accepted = await enter(el, field, text);
            expect(mutations.found, 'elements or attributes appeared').to.deep.equal([]);
            expect(thrown.errors, 'something threw').to.deep.equal([]);
            // The render never rewrote what the customer entered.
            expect(control.value).to.equal(accepted);
            const max = MAX[field];
            const value = normalised(field, accepted).value;
            const length = typeof value === 'string' ? chars(value) : 0;
            if (max && length > max) {
              expect($(el, `#${field}-error`).textContent).to.equal(en.errTooLong(max, length - max));
            }
          }),
          { numRuns: RUNS },
        );
      } finally {
        mutations.stop();
        thrown.stop();
      }
    });
  }

  it('sends each value as the schema normalises it, and the server’s schema agrees', async function () {
    this.timeout(180_000);
    const name = uniqueName();
    const el = await fixture<RefundExchangeForm>(
      html`<refund-exchange-form lang="en" endpoint="/receiver/${name}?status=201" draft="off"></refund-exchange-form>`,
    );
    await fillValid(el);
    let payload: Record<string, unknown> = {};
    // The host takes the request over: what it gets is exactly what the form would send.
    const take = (e: RefundExchangeSubmitEvent) => {
      payload = e.detail.payload as unknown as Record<string, unknown>;
      e.preventDefault();
    };
    el.addEventListener('refund-exchange-submit', take);
    for (const field of FIELDS) {
      const values = fc.sample(hostile, { numRuns: 150 });
      const accepted: string[] = [];
      for (const text of values) {
        const value = await enter(el, field, text);
        accepted.push(value);
        const browser = normalised(field, value);
        if (!browser.ok) continue;
        payload = {};
        $(el, '[part~=submit]').click();
        await el.updateComplete;
        // An optional field left blank is left out.
        const expected = field === 'serialNumber' || field === 'details' ? (value.trim() ? browser.value : undefined) : browser.value;
        expect(payload[field], JSON.stringify(value).slice(0, 80)).to.equal(expected);
      }
      const answer = await fetch('/schema-oracle', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ base: BASE, field, values: accepted }),
      });
      const server = (await answer.json()) as { ok: boolean; value?: unknown }[];
      expect(server, field).to.deep.equal(accepted.map((value) => normalised(field, value)));
      await enter(el, field, (BASE as Record<string, string>)[field] ?? '');
    }
    // And on the wire: a request full of it arrives exactly as normalised.
    el.removeEventListener('refund-exchange-submit', take);
    const text = `<img src=x onerror=alert(1)>\u202e\u0000\ud800 =SUM(1) ${'\u2028'} e\u0301`;
    const details = await enter(el, 'details', text);
    const customer = await enter(el, 'name', text.slice(0, 40));
    const sent = new Promise((resolve) => el.addEventListener('refund-exchange-success', resolve, { once: true }));
    $(el, '[part~=submit]').click();
    await sent;
    const [request] = await received(name);
    const body = JSON.parse(request!.body);
    expect(body.details).to.equal(normalised('details', details).value);
    expect(body.name).to.equal(normalised('name', customer).value);
  });
});
