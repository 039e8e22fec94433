/**
 * Theming: the form follows the color-scheme its host inherits from the page (not the system's),
 * every text and control boundary meets WCAG AA there, custom properties override the palette,
 * and a reader who asks for reduced motion gets none.
 *
 * Contrast is measured, not assumed: each rendered text's computed colour against the colour
 * actually behind it (ancestors' backgrounds through the shadow root to the page and its canvas,
 * translucent ones composited), every colour normalised by painting it on a 1×1 canvas, so
 * oklch() or color(srgb …) serialisations count the same as rgb().
 */
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { css, nothing, type CSSResult } from 'lit';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/define.js';
import type { RefundExchangeForm } from '../src/refund-exchange-form.js';
import { adopt } from '../src/refund-exchange-form.styles.js';
import { $, fillValid, focus, judged, lookLikeAPerson, type, uniqueName, until } from './helpers.js';

// The captcha widget solves only for what looks like a person (NOTES).
lookLikeAPerson();

/**
 * Emulating media features needs CDP: only Chromium here. Firefox runs under WebDriver BiDi and
 * WebKit under classic WebDriver, where @web/test-runner-commands cannot emulate media.
 */
const canEmulate = /Chrome\//.test(navigator.userAgent);

type RGBA = [r: number, g: number, b: number, a: number];

const paint = (() => {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  return canvas.getContext('2d', { willReadFrequently: true })!;
})();

/** Any CSS colour as sRGB 0–255 and alpha 0–1, as the browser paints it. */
function rgba(color: string): RGBA {
  const sentinel = '#010203';
  paint.fillStyle = sentinel;
  paint.fillStyle = color;
  if (paint.fillStyle === sentinel && !/^(rgb\(1, 2, 3\)|#010203)$/i.test(color)) {
    throw new Error(`the canvas cannot read the colour ${color}`);
  }
  paint.clearRect(0, 0, 1, 1);
  paint.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = paint.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

const over = (top: RGBA, below: RGBA): RGBA => {
  const a = top[3];
  return [0, 1, 2].map((i) => top[i]! * a + below[i]! * (1 - a)).concat(1) as RGBA;
};

const luminance = ([r, g, b]: RGBA) => {
  const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};

/** WCAG 2 contrast ratio of two opaque colours. */
const ratio = (a: RGBA, b: RGBA) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

/** The parent in the flat tree: out of a shadow root to its host. */
const parentOf = (el: Element): Element | null =>
  el.parentElement ?? (el.parentNode as ShadowRoot | null)?.host ?? null;

/** What the page's canvas shows where nothing paints: `Canvas` in the root's colour scheme. */
function canvasColor(): RGBA {
  const probe = document.createElement('div');
  probe.style.background = 'Canvas';
  document.documentElement.append(probe);
  const color = rgba(getComputedStyle(probe).backgroundColor);
  probe.remove();
  return color;
}

/** The opaque colour behind `el`: its and its ancestors' backgrounds, composited. */
function backgroundOf(el: Element | null): RGBA {
  const layers: RGBA[] = [];
  for (let e = el; e; e = parentOf(e)) {
    const color = rgba(getComputedStyle(e).backgroundColor);
    if (color[3] > 0) layers.push(color);
    if (color[3] >= 1) break;
  }
  let base = layers.at(-1)?.[3] === 1 ? layers.pop()! : canvasColor();
  for (const layer of layers.reverse()) base = over(layer, base);
  return base;
}

const name = (el: Element) =>
  `${el.localName}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`;

interface Measure {
  kind: 'text' | 'border' | 'focus ring';
  what: string;
  ratio: number;
}

const CONTROLS = 'input:not([type=radio]):not([type=file]), select, textarea';

/** WCAG 1.4.3 exempts inactive controls; visually hidden and collapsed text is not shown. */
function shown(el: Element): boolean {
  if (el.closest('.vh, [aria-disabled=true], option')) return false;
  const details = el.closest('details');
  if (details && !details.open && !el.closest('summary')) return false;
  return el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** Every rendered text and control value in the form, against what is behind it. */
function textContrasts(el: RefundExchangeForm): Measure[] {
  const elements = new Set<Element>(el.shadowRoot!.querySelectorAll(CONTROLS));
  const walker = document.createTreeWalker(el.shadowRoot!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.textContent!.trim() && node.parentElement) elements.add(node.parentElement);
  }
  return [...elements].filter(shown).map((e) => {
    const behind = backgroundOf(e);
    const text = over(rgba(getComputedStyle(e).color), behind);
    const label = (e.textContent ?? '').trim().slice(0, 24) || (e as HTMLInputElement).value;
    return { kind: 'text', what: `${name(e)} “${label}”`, ratio: ratio(text, behind) };
  });
}

/** Control borders against the page around them and their own background. */
function borderContrasts(el: RefundExchangeForm): Measure[] {
  return [...el.shadowRoot!.querySelectorAll(CONTROLS)].filter(shown).map((control) => {
    const border = rgba(getComputedStyle(control).borderTopColor);
    const outside = backgroundOf(parentOf(control));
    const inside = backgroundOf(control);
    return {
      kind: 'border',
      what: name(control),
      ratio: Math.min(ratio(over(border, outside), outside), ratio(over(border, inside), inside)),
    };
  });
}

/** The focus outline of every focusable thing, against what surrounds it (it is offset). */
async function ringContrasts(el: RefundExchangeForm): Promise<Measure[]> {
  const focusables = [
    ...el.shadowRoot!.querySelectorAll<HTMLElement>(
      `${CONTROLS}, input[type=radio], input[type=file], button, summary, a[href]`,
    ),
  ].filter((e) => e.matches('input[type=file]') || shown(e));
  // Keyboard use makes programmatic focus :focus-visible, as it shows after a Tab.
  await sendKeys({ press: 'Shift' });
  const measures: Measure[] = [];
  for (const target of focusables) {
    target.focus();
    await new Promise(requestAnimationFrame);
    // The photo input is invisible over the button it draws its ring on.
    const picker = target instanceof HTMLInputElement && target.type === 'file';
    const ringed = picker ? target.parentElement!.querySelector('.button')! : target;
    const style = getComputedStyle(ringed);
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
      measures.push({ kind: 'focus ring', what: `${name(target)} (no ring)`, ratio: 0 });
      continue;
    }
    const around = backgroundOf(parentOf(ringed));
    const ring = over(rgba(style.outlineColor), around);
    measures.push({ kind: 'focus ring', what: name(target), ratio: ratio(ring, around) });
  }
  (el.shadowRoot!.activeElement as HTMLElement | null)?.blur();
  return measures;
}

const worst = (measures: Measure[], kind: Measure['kind']) =>
  measures.filter((m) => m.kind === kind).sort((a, b) => a.ratio - b.ratio)[0];

/** Fails with every measure under its minimum, and logs the worst of each kind. */
function check(page: string, measures: Measure[]): void {
  const min = { text: 4.5, border: 3, 'focus ring': 3 };
  const report = (['text', 'border', 'focus ring'] as const)
    .map((kind) => worst(measures, kind))
    .filter(Boolean)
    .map((m) => `${m!.kind} ${m!.ratio.toFixed(2)} (${m!.what})`);
  console.log(`contrast on the ${page}, worst: ${report.join('; ')}; ${measures.length} measured`);
  const failing = measures
    .filter((m) => m.ratio < min[m.kind])
    .map((m) => `${m.kind} ${m.what}: ${m.ratio.toFixed(2)}`);
  expect(failing, `${page}: under WCAG AA`).to.deep.equal([]);
}

/**
 * The pages the form is measured on: the default light page, a dark section of a light page
 * (its own background and text colour, as a site gives it), and a page dark as a whole by its
 * root's color-scheme, with the browser's own Canvas and CanvasText.
 */
const PAGES = [
  { page: 'light page', style: 'background: #fff', root: '' },
  { page: 'dark section', style: 'color-scheme: dark; background: #121212; color: #e3e3e3', root: '' },
  { page: 'dark page', style: '', root: 'dark' },
] as const;

const render = async (style: string, endpoint: string | undefined, puzzles?: string) => {
  const wrapper = await fixture<HTMLElement>(html`<div style=${style}>
    <refund-exchange-form
      lang="en"
      endpoint=${endpoint ?? ''}
      sitekey=${puzzles ? 'FCTEST' : nothing}
      puzzle-endpoint=${puzzles ?? nothing}
    ></refund-exchange-form>
  </div>`);
  const el = wrapper.querySelector('refund-exchange-form')!;
  if (endpoint === undefined) el.removeAttribute('endpoint');
  await el.updateComplete;
  return el;
};

const draftSaved = () => Object.keys(sessionStorage).some((key) => key.startsWith('refund-exchange-form:draft:'));

describe('theme', () => {
  afterEach(() => {
    document.documentElement.style.colorScheme = '';
  });

  it('is accessible on a dark page', async () => {
    const el = await render(PAGES[1].style, '/receiver/unused');
    await expect(el).to.be.accessible();
  });

  it('follows the color-scheme of its host, native controls too, and custom properties override it', async () => {
    const light = await render('', '/receiver/unused');
    const dark = await render('color-scheme: dark', '/receiver/unused');
    for (const [el, scheme, background] of [
      [light, 'normal', 'rgb(255, 255, 255)'],
      [dark, 'dark', 'rgb(30, 31, 34)'],
    ] as const) {
      expect(getComputedStyle($(el, '#reason')).colorScheme).to.equal(scheme);
      expect(getComputedStyle($(el, '#reason')).backgroundColor).to.equal(background);
      expect(getComputedStyle($(el, '#email')).backgroundColor).to.equal(background);
    }

    const custom = await render(
      'color-scheme: dark; --rxf-accent: rgb(1, 2, 3); --rxf-background: rgb(4, 5, 6); --rxf-text: rgb(7, 8, 9); ' +
        '--rxf-border: rgb(10, 11, 12); --rxf-focus-ring: rgb(13, 14, 15); --rxf-font: Georgia, serif; ' +
        '--rxf-radius: 0px; --rxf-muted: light-dark(rgb(20, 20, 20), rgb(21, 21, 21))',
      '/receiver/unused',
    );
    const email = getComputedStyle($(custom, '#email'));
    expect([email.backgroundColor, email.color, email.borderTopColor, email.borderTopLeftRadius]).to.deep.equal([
      'rgb(4, 5, 6)',
      'rgb(7, 8, 9)',
      'rgb(10, 11, 12)',
      '0px',
    ]);
    expect(email.fontFamily).to.contain('Georgia');
    expect(getComputedStyle($(custom, '[part~=submit]')).backgroundColor).to.equal('rgb(1, 2, 3)');
    // A light-dark() pair of the page's own follows the scheme too.
    expect(getComputedStyle($(custom, '.note')).color).to.equal('rgb(21, 21, 21)');
    focus(custom, '#email');
    expect(getComputedStyle($(custom, '#email')).outlineColor).to.equal('rgb(13, 14, 15)');
  });

  it('styles what only the rules show, an invalid field and the success view, once their chunk is here', async () => {
    const sent = `/receiver/${uniqueName()}?status=201&body=${encodeURIComponent('{"reference":"R-000043"}')}`;
    const el = await render('', sent);
    await judged(el);
    const email = getComputedStyle($(el, '#email'));
    expect([email.borderTopWidth, email.borderTopColor]).to.deep.equal(['2px', 'rgb(179, 38, 30)']);
    expect(getComputedStyle($(el, '.summary a')).color).to.equal('rgb(179, 38, 30)');

    // Each form adopts them, here a second one (test/dist.test.ts: a form styled once they arrive).
    const second = await render('', '/receiver/unused');
    await judged(second);
    expect(getComputedStyle($(second, '#name')).borderTopWidth).to.equal('2px');

    await fillValid(el);
    const success = oneEvent(el, 'refund-exchange-success');
    $(el, '[part~=submit]').click();
    await success;
    await el.updateComplete;
    const done = getComputedStyle($(el, '[part=status]'));
    expect([done.display, done.borderTopWidth, done.borderTopColor]).to.deep.equal(['grid', '2px', 'rgb(11, 87, 208)']);
    expect(getComputedStyle($(el, '.ref')).display).to.equal('flex');
    expect(getComputedStyle($(el, '[part~=new]')).borderTopStyle).to.equal('none');
  });

  it('adds later styles to a shadow root once, as a <style> with the page’s nonce where sheets cannot be adopted', async () => {
    const el = await render('', '/receiver/unused');
    const root = el.shadowRoot!;
    const later = css`
      .later {
        color: red;
      }
    `;
    const sheets = root.adoptedStyleSheets.length;
    adopt(root, later);
    adopt(root, later);
    expect(root.adoptedStyleSheets.length).to.equal(sheets + 1);

    // As Lit's own styles come where the browser has no constructable sheets (Safari < 16.4).
    const unadoptable = { cssText: later.cssText, styleSheet: undefined } as unknown as CSSResult;
    const global = globalThis as { litNonce?: string };
    global.litNonce = 'n0nce';
    try {
      adopt(root, unadoptable);
      adopt(root, unadoptable);
    } finally {
      delete global.litNonce;
    }
    const added = [...root.querySelectorAll('style')].filter((style) => style.textContent === later.cssText);
    expect(added.map((style) => style.nonce)).to.deep.equal(['n0nce']);
    // Last: where Lit has styles of its own, its render stays before them, and so before this one.
    expect(root.lastChild).to.equal(added[0]);
    added[0]!.remove();
  });

  for (const { page, style, root } of PAGES) {
    it(`meets WCAG AA contrast on a ${page}: text 4.5:1, borders and focus rings 3:1`, async function () {
      this.timeout(60000);
      document.documentElement.style.colorScheme = root;
      const measures: Measure[] = [];

      // A restored draft, then a failed submit: errors, their summary, an open tip, the
      // character count, and the question Reset asks.
      const endpoint = `/receiver/${uniqueName()}`;
      let el = await render(style, endpoint);
      focus(el, '#name');
      await type('Jane');
      await until(draftSaved);
      el.parentElement!.remove();
      el = await render(style, endpoint);
      expect(el.shadowRoot!.querySelector('[part=draft]'), 'draft notice').not.to.equal(null);
      await judged(el);
      expect(el.shadowRoot!.querySelectorAll('.summary li').length).to.be.greaterThan(3);
      $<HTMLDetailsElement>(el, '#orderId ~ details').open = true;
      $(el, '[part~=reset]').click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.confirm')).not.to.equal(null);
      measures.push(...textContrasts(el), ...borderContrasts(el), ...(await ringContrasts(el)));
      el.parentElement!.remove();

      // A form that cannot send: its alert.
      el = await render(style, undefined);
      expect(el.shadowRoot!.querySelector('[part=alert]')).not.to.equal(null);
      measures.push(...textContrasts(el));
      el.parentElement!.remove();

      // The captcha widget, solved: its text and its link, in the box the form draws.
      el = await render(style, '/receiver/unused', `/puzzles/${uniqueName()}`);
      focus(el, '#email');
      await until(() => el.shadowRoot!.querySelector('.frc-success'), 20000);
      measures.push(...textContrasts(el));
      el.parentElement!.remove();

      // Sent: the status with its reference.
      const sent = `/receiver/${uniqueName()}?status=201&body=${encodeURIComponent('{"reference":"R-000042"}')}`;
      el = await render(style, sent);
      await fillValid(el);
      const success = oneEvent(el, 'refund-exchange-success');
      $(el, '[part~=submit]').click();
      await success;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part=status] .ref')).not.to.equal(null);
      measures.push(...textContrasts(el), ...(await ringContrasts(el)));

      const measured = measures.map((m) => m.what).join(' ');
      const kinds = ['label', 'span.req', '.error', '.hint', 'summary', 'p#orderId-tip', 'a “', 'p#summary-title'];
      for (const kind of [...kinds, '.alert', '.ref', 'p#confirm-title', 'button.primary', 'textarea#details', '.frc-text', 'a “Friendly']) {
        expect(measured, 'measured').to.contain(kind);
      }
      check(page, measures);
    });
  }

  it('turns motion off for a reader who asks for less', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <style>
        refund-exchange-form::part(button) {
          transition: background-color 2s;
        }
      </style>
      <refund-exchange-form
        lang="en"
        endpoint="/receiver/unused"
        sitekey="FCTEST"
        puzzle-endpoint=${`/puzzles/${uniqueName()}/delay=20000`}
      ></refund-exchange-form>
    </div>`);
    const el = wrapper.querySelector('refund-exchange-form')!;
    await el.updateComplete;
    // The captcha widget's spinner, which turns by SMIL, while its puzzle is slow to come.
    focus(el, '#email');
    const circle = await until(() => el.shadowRoot!.querySelector('.frc-icon circle') ?? undefined, 10000);
    const submit = $(el, '[part~=submit]');

    // Everywhere: the widget's own CSS turns every transition and animation off under reduce.
    const rules = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
    const reduce = rules.find(
      (rule): rule is CSSMediaRule =>
        rule instanceof CSSMediaRule && /prefers-reduced-motion:\s*reduce/.test(rule.conditionText),
    );
    expect(reduce, 'a prefers-reduced-motion: reduce rule').not.to.equal(undefined);
    const inside = [...reduce!.cssRules] as CSSStyleRule[];
    const all = inside.find((rule) => rule.selectorText.split(',')[0]!.trim() === '*')!;
    expect(all.style.getPropertyValue('transition-duration')).to.match(/^0s/);
    expect(all.style.getPropertyPriority('transition-duration')).to.equal('important');
    expect(all.style.getPropertyValue('animation-name')).to.equal('none');

    // Emulated, the preference applies: only where it can be emulated (see canEmulate).
    if (!canEmulate) return;
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
      expect(getComputedStyle(submit).transitionDuration).to.equal('0s');
      expect(getComputedStyle(circle).strokeDasharray).to.equal('none');
      for (const e of el.shadowRoot!.querySelectorAll('*')) {
        const style = getComputedStyle(e);
        expect([style.animationName, style.transitionDuration], name(e)).to.deep.equal(['none', '0s']);
      }
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    expect(getComputedStyle(submit).transitionDuration).to.equal('2s');
    expect(getComputedStyle(circle).strokeDasharray).not.to.equal('none');
  });

  it('stays light on a light page when only the system is dark, and follows a page that offers both', async () => {
    // Chromium only: the others cannot emulate prefers-color-scheme here (see canEmulate).
    if (!canEmulate) return;
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const light = await render('', '/receiver/unused');
      expect(getComputedStyle($(light, '#email')).backgroundColor).to.equal('rgb(255, 255, 255)');
      const both = await render('color-scheme: light dark', '/receiver/unused');
      expect(getComputedStyle($(both, '#email')).backgroundColor).to.equal('rgb(30, 31, 34)');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });
});
