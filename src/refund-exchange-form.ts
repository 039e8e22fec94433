import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { adopt, styles } from './refund-exchange-form.styles.js';
import { REASONS, RESOLUTIONS, type FieldName } from './fields.js';
import { defaultMarketplace } from './marketplaces.js';
import type { Channel } from './channels.js';
import { loadMessages, translationFor, type Translation } from './i18n/index.js';
import { LanguageController } from './i18n/controller.js';
import { recheckEndpoint, type Endpoint } from './submission/endpoint.js';
import { SubmissionSlot } from './submission/slot.js';
import { PhotosController } from './photos/controller.js';
import { DraftSlot } from './drafts/slot.js';
import { LazyPart } from './lazy.js';
import type { DraftMode } from './drafts/storage.js';
import { FormModel, type TextField } from './form/model.js';
import type { RequestContext } from './form/check.js';
import type { Prefill } from './form/prefill.js';
import { PrefillSlot } from './form/prefill-slot.js';
import { FormRules } from './form/rules.js';
import { PressController } from './form/press.js';
import { FormStart, nextTask } from './form/start.js';
import { firstPresent } from './form/focus.js';
import { FormLimits } from './form/limits.js';
import * as fields from './form/templates.js';
import * as sections from './form/sections.js';

/**
 * A refund or exchange request form for a brand's storefront: validates as the customer
 * types and posts the request as JSON to `endpoint`.
 *
 * @tag refund-exchange-form
 *
 * @fires {RefundExchangeSubmitEvent} refund-exchange-submit - Valid and about to send; cancelable. `detail: { payload }`.
 * @fires {RefundExchangeSuccessEvent} refund-exchange-success - The endpoint answered 2xx. `detail: { status, reference?, response }`.
 * @fires {RefundExchangeErrorEvent} refund-exchange-error - Validation, captcha, config, network or server failure. `detail: { kind, status?, errors? }`.
 *
 * @csspart form - The form.
 * @csspart field - Each field's wrapper.
 * @csspart label - Each field's label or legend.
 * @csspart control - Each input, select and textarea.
 * @csspart tip - Each "where do I find this?" tip.
 * @csspart error - Each field's error message.
 * @csspart summary - The error summary shown after a failed submit.
 * @csspart alert - A message about the whole form (configuration, network, server).
 * @csspart button - Every button.
 * @csspart submit - The Submit button.
 * @csspart reset - The Reset button.
 * @csspart status - The success view.
 * @csspart recap - The success view's recap of the request.
 * @csspart copy - The button that copies the reference (also `button`).
 * @csspart new - The quiet "Start a new request" button after a send (also `button`).
 * @csspart withdraw - With `withdrawal`, the button that opens the withdrawal statement (also `button`).
 * @csspart print - The button that prints a withdrawal's receipt (also `button`).
 * @csspart policies - The list of promises above the form.
 * @csspart draft - The notice that what the customer entered earlier was restored.
 *
 * @cssprop [--rxf-accent=light-dark(#0b57d0, #a8c7fa)] - Links, tips, button outlines and text, the Submit button.
 * @cssprop [--rxf-accent-text=light-dark(#fff, #062e6f)] - Text on accent-coloured buttons.
 * @cssprop [--rxf-text=inherit] - Text colour; unset, the page's, and in controls light-dark(#1b1c1f, #e3e3e3).
 * @cssprop [--rxf-muted=light-dark(#4a4f57, #b9bdc4)] - Hints, tips and counters.
 * @cssprop [--rxf-background=light-dark(#fff, #1e1f22)] - Background of controls, buttons and the captcha.
 * @cssprop [--rxf-border=light-dark(#6b7079, #8f949c)] - Control borders.
 * @cssprop [--rxf-error=light-dark(#b3261e, #f2b8b5)] - Error text and borders.
 * @cssprop [--rxf-focus-ring=var(--rxf-accent)] - Colour of the 3px focus outline.
 * @cssprop [--rxf-radius=0.375rem] - Corner radius of controls, buttons and notices.
 * @cssprop [--rxf-gap=1.25rem] - Space between fields.
 * @cssprop [--rxf-reserve=min(100vh, 96rem)] - Height kept for the form until it is rendered whole, so nothing below it moves.
 * @cssprop [--rxf-font=inherit] - Font family; unset, the page's.
 * @cssprop [--rxf-font-ja='Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Yu Gothic UI', 'Yu Gothic', Meiryo, 'Noto Sans CJK JP', 'Noto Sans JP', sans-serif] - Font stack for Japanese.
 *
 * @slot intro - Text above the fields, e.g. what the shop does with a request.
 * @slot success - What happens next, in the success view, in place of its default sentence (which names the reply address).
 */
export class RefundExchangeForm extends LitElement {
  static override styles = styles;

  /** Registers the element under `tag`; safe to call more than once. */
  static define(tag = 'refund-exchange-form'): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  private readonly formModel = new FormModel();
  private readonly language = new LanguageController(this);
  private readonly press = new PressController(this);
  private readonly submission = new SubmissionSlot(this, this.formModel, {
    sent: () => {
      this.captchaField.part?.destroy();
      // Delivered: nothing of it stays in the page or in storage.
      this.clearEntries();
    },
    captchaRefused: () => this.captchaField.part?.restart(),
    focus: (selector) => this.focusLater(selector),
  });
  private readonly formStart = new FormStart(this);
  private readonly photoField = new PhotosController(this, this.formModel, () => this.limits.photos);
  /** The closed lists a restored or prefilled value must come from; asked before the first render. */
  private readonly choices = () => ({ marketplace: this.limits.update(this).offered, resolution: RESOLUTIONS, reason: REASONS });
  private readonly drafts = new DraftSlot(this, this.formModel, this.submission, this.choices, () => this.limits.ready(this));
  private readonly formRules = new FormRules(this.formModel, () => ({ options: this.limits.options(!!this.sitekey), context: this.context, lang: this.tag }),
    () => this.requestUpdate());
  private readonly prefiller = new PrefillSlot(this, this.formModel, () =>
    ({ choices: this.choices(), rules: () => this.formRules.load(), issues: () => this.formRules.problems().issues }));
  /** The captcha's field (its box, its messages, what loads the widget), for a form with a site key. */
  private readonly captchaField = new LazyPart(this, () => this.sitekey, () => import('./captcha/field.js').then(({ CaptchaField }) =>
    new CaptchaField(this, () => ({ sitekey: this.sitekey, puzzleEndpoint: this.puzzleEndpoint, t: this.t, active: this.interacted }))));
  /** The withdrawal function (its button, the statement, its review and receipt), for a form that offers it. */
  private readonly withdrawing = new LazyPart(this, () => this.withdrawal, () => import('./withdrawal/flow.js').then(({ WithdrawalFlow }) =>
    new WithdrawalFlow(this, this.formModel, this.formRules)));

  /** URL the request is POSTed to. */
  @property() endpoint?: string;

  /** BCP 47 locale; unset, the closest `[lang]` ancestor or the browser's language decides. */
  @property() override lang = '';

  /** Space-separated purchase sites offered, e.g. `amazon.de amazon.fr`. Unset: all. */
  @property() marketplaces?: string;

  /**
   * The shop's own sales channels, listed before the Amazon sites, each checked with its own
   * order-ID pattern; as an attribute, JSON. One that cannot be offered is left out with a
   * console warning. Give the receiver the same definitions.
   */
  @property({ type: Array }) channels?: Channel[];

  /** Friendly Captcha site key: with it, the captcha is shown and its solution required. */
  @property() sitekey?: string;

  /** Where captcha puzzles come from (a self-hosted issuer, or the EU endpoint). */
  @property({ attribute: 'puzzle-endpoint' }) puzzleEndpoint?: string;

  /** Most photos a customer may attach. */
  @property({ attribute: 'max-images', type: Number }) maxImages = 5;

  /** Days of the "return for any reason" promise shown above the form. */
  @property({ attribute: 'return-days', type: Number }) returnDays = 30;

  /** Months of warranty shown above the form. */
  @property({ attribute: 'warranty-months', type: Number }) warrantyMonths = 18;

  /** Hides the promises (returns, warranty, support) above the form. */
  @property({ attribute: 'hide-policies', type: Boolean }) hidePolicies = false;

  /**
   * Where the form keeps what the customer entered, so a reload loses nothing: `session` (this
   * tab), `local` (this browser, for 24 hours) or `off`. Photos go to IndexedDB.
   */
  @property() draft: DraftMode = 'session';

  /**
   * Values to open the form with: any of the request's text fields, e.g. `{ orderId, email,
   * productName }`. What the customer typed, now or in a restored draft, wins; values the
   * rules refuse are dropped with a console warning.
   */
  @property({ attribute: false }) prefill?: Prefill;

  /**
   * Also prefills from the page's query string: `order_id`, `email`, `name`, `product`,
   * `marketplace`, `resolution`, `reason` and `serial`. They override `prefill`.
   */
  @property({ attribute: 'prefill-from-url', type: Boolean }) prefillFromUrl = false;

  /**
   * Space-separated fields shown read-only, e.g. `marketplace orderId`: the shop already knows
   * them. A locked field without a value stays editable.
   */
  @property() lock = '';

  /** The EU withdrawal function (Article 11a): a button in the law's words opens a withdrawal statement, sent as `kind: "withdrawal"`. */
  @property({ type: Boolean }) withdrawal = false;

  @state() private confirmingReset = false;
  /** Set on the first focus or touch: the captcha starts solving then, not on page load. */
  @state() private interacted = false;

  // Settings derived from the attributes before each render (see willUpdate).
  private tag = '';
  private t: Translation = translationFor('en');
  private readonly limits = new FormLimits(() => this.requestUpdate());
  private endpointCheck: Endpoint = { problem: '' };

  constructor() {
    super();
    this.formModel.subscribe(() => this.requestUpdate());
  }

  /**
   * Holds each render until the dictionary of the language it shows is loaded, and the first (a
   * task later: FormStart) until the channels can be checked, the captcha's field is here, and a
   * restored draft is back with its photos and the rules for its errors; none happens during a
   * press in the form (PressController).
   */
  protected override async scheduleUpdate(): Promise<void> {
    while (this.press.released) await this.press.released;
    if (!this.hasUpdated) {
      await nextTask();
      await Promise.all([this.drafts.ready, this.limits.ready(this), this.captchaField.ready(), this.withdrawing.ready()]);
      // The prefill, after the draft (what the customer typed wins), checked in the page's language.
      this.limits.update(this);
      this.tag = this.language.tag;
      this.prefiller.apply();
      await this.prefiller.ready;
      if (this.formModel.hasInput) await this.formRules.load()?.catch(() => undefined);
    }
    await this.language.ready(this.formStart.shown || this.formModel.hasInput);
    super.scheduleUpdate();
  }

  /** Settles once the whole form is rendered, not just its first fields (FormStart). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    return this.formStart.complete ? done : this.formStart.whole.then(() => super.getUpdateComplete());
  }

  protected override willUpdate(): void {
    this.limits.update(this);
    this.tag = this.language.tag;
    this.t = translationFor(this.tag);
    this.endpointCheck = recheckEndpoint(this.endpointCheck, this.endpoint, document.baseURI);
    adopt(this.renderRoot as ShadowRoot, this.formRules.shows?.checkedStyles);
  }

  /** Validates and sends, as the Submit button does. */
  submit(): void {
    void this.handleSubmit();
  }

  /**
   * Whether the entries pass the rules now, the captcha (which solves itself) aside. False while
   * the rules load, from the first touch: an untouched form is empty, so not valid anyway.
   */
  checkValidity(): boolean {
    return this.formRules.valid();
  }

  /** As `checkValidity()`, and shows every problem with the summary once the rules are here, without sending. */
  reportValidity(): boolean {
    this.formModel.startSubmit();
    const valid = this.checkValidity();
    if (!valid) void Promise.resolve(this.formRules.load()).then(() => this.focusLater('.summary'), () => undefined);
    return valid;
  }

  /** Clears everything the customer entered, without asking; a request in flight is abandoned. */
  reset(): void {
    this.submission.reset();
    this.clearEntries();
  }

  /** Forgets what the customer entered: values, photos on their way, the draft, an open statement. */
  private clearEntries(): void {
    this.withdrawing.part?.close();
    this.drafts.clear();
    this.photoField.reset();
    this.formModel.reset();
    this.confirmingReset = false;
  }

  /** What the form adds to the values to make the request. */
  private get context(): RequestContext {
    return {
      locale: this.t.locale,
      marketplace: this.formModel.marketplace(defaultMarketplace(this.tag, this.limits.offered), this.limits.offered),
      captcha: this.captchaField.part?.solution ?? '',
    };
  }

  private get busy(): boolean {
    return this.submission.busy || this.photoField.preparing || this.drafts.restoring;
  }

  private handleInput(e: Event): void {
    const target = e.target as HTMLInputElement;
    const field = target.name as TextField;
    this.formModel.set(field, target.value);
    if (e.type === 'change') this.formModel.leave(field);
  }

  private handleLeave(e: Event): void {
    const field = (e.target as HTMLInputElement).name;
    this.formModel.leave(field as FieldName, this.formRules.tidier(field, !!this.limits.channel(this.context.marketplace)));
  }

  private handleRemovePhoto(id: string): void {
    this.photoField.remove(id);
    this.focusLater('#images');
  }

  private async handleSubmit(e?: Event): Promise<void> {
    e?.preventDefault();
    if (this.busy || (this.withdrawal && this.withdrawing.part?.next())) return;
    await this.submission.submit({
      target: this.endpointCheck,
      ready: () => Promise.all([this.formRules.load(), this.sitekey && this.captchaField.load()]),
      check: () => this.formRules.check(),
      ...(this.sitekey ? { solved: () => this.captchaField.load().then((field) => field.solved()) } : {}),
    });
  }

  private handleReset(): void {
    if (this.busy) return;
    if (!this.formModel.hasInput) return this.reset();
    // The question comes with the rules, which a form with entries has, or is getting; without
    // them (offline), Reset says so and clears nothing.
    void Promise.resolve(this.formRules.load()).then(() => {
      this.confirmingReset = true;
      this.focusLater('.confirm [data-keep]');
    }, () => this.submission.cannotLoad());
  }

  private handleConfirmReset(clear: boolean): void {
    this.confirmingReset = false;
    if (clear) this.handleStartOver();
    else this.focusLater('[part~=reset]');
  }

  private handlePress(): void {
    this.press.press();
    this.handleInteraction();
  }

  private handleInteraction(): void {
    this.interacted = true;
    // What the customer will need next; a failure here is met again, and told, on submit.
    void this.formRules.load()?.catch(() => undefined);
    this.submission.load().catch(() => undefined);
    this.drafts.prepare();
    void loadMessages(this.tag);
  }

  private handleStartOver(): void {
    this.reset();
    this.focusLater('[part~=control]');
  }

  private handleSummaryLink(e: Event, field: FieldName): void {
    e.preventDefault();
    this.focusLater(`[name=${field}], #${field}`);
  }

  /** Moves focus once the next render is on screen. */
  private focusLater(selector: string): void {
    this.updateComplete.then(() => firstPresent(this.renderRoot, selector)?.focus());
  }

  override render(): TemplateResult {
    const t = this.t;
    const { sent } = this.submission;
    const flow = this.withdrawal ? this.withdrawing.part : undefined;
    const site = (id = '') => this.limits.name(id, this.tag, t);
    if (sent) return sent.view(t, site, this.handleStartOver, flow);
    const c = fields.context(t, this.formModel, this.formRules.problems(), this.lock, this.handleInput);
    const marketplace = this.context.marketplace;
    return html`
      ${this.hidePolicies ? nothing : sections.policies(t, this.returnDays, this.warrantyMonths)}
      <slot name="intro"></slot>
      <form
        part="form"
        lang=${t.locale}
        novalidate
        @submit=${this.handleSubmit}
        @focusin=${this.handleInteraction}
        @pointerdown=${this.handlePress}
        @focusout=${this.handleLeave}
      >
        ${sections.alert(this.submission.failure?.(t) ?? ('problem' in this.endpointCheck ? t.errConfig : undefined))}
        ${this.formRules.shows?.summary(c, (e, field) => this.handleSummaryLink(e, field))}
        ${this.drafts.notice(t, this.handleStartOver)}
        ${flow?.head(t, site(marketplace))}
        <p class="note">${t.requiredNote}</p>
        ${this.limits.offered.length > 1 ? fields.select(c, 'marketplace', this.limits.names(this.tag, t), marketplace) : nothing}
        ${fields.input(c, 'email', 'email', 'email')}
        ${fields.input(c, 'name', 'text', 'name')}
        ${fields.input(c, 'orderId', 'text', 'off', sections.orderTip(t, marketplace, this.limits.channel(marketplace), this.tag))}
        ${flow?.actions(t, this.busy, this.submission.status(t))}
        ${fields.input(c, 'productName', 'text', 'off', t.tipProductName)}
        ${this.formStart.complete ? this.renderRest(c, t) : nothing}
      </form>
    `;
  }

  /** The fields after the product, and the buttons: a frame after the first ones (FormStart). */
  private renderRest(c: fields.FieldContext, t: Translation): TemplateResult {
    return html`
      ${fields.choices(c)}
      ${fields.select(c, 'reason', REASONS.map((r) => [r, t[r]]), this.formModel.values.reason)}
      ${fields.input(c, 'serialNumber', 'text', 'off', t.tipSerialNumber)}
      ${fields.details(c)}
      ${fields.photos(c, this.photoField, this.limits.photos, this.photoField.pick, (id) => this.handleRemovePhoto(id))}
      ${this.sitekey ? this.captchaField.part?.render(c) : nothing}
      ${sections.actions(t, {
        status: this.submission.status(t),
        busy: this.busy,
        unusable: 'problem' in this.endpointCheck,
        question: this.confirmingReset ? this.formRules.shows?.resetQuestion(t, (clear) => this.handleConfirmReset(clear)) : nothing,
        onReset: this.handleReset,
      })}
    `;
  }
}
