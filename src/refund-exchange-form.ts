import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { styles } from './refund-exchange-form.styles.js';
import {
  FIELDS,
  LIMITS,
  REASONS,
  createRequestSchema,
  isFieldName,
  type FieldName,
  type ImagePayload,
  type RefundExchangeRequest,
} from './schema.js';
import {
  defaultMarketplace,
  isMarketplaceId,
  marketplaceName,
  orderHistoryUrl,
  parseMarketplaces,
  type MarketplaceId,
} from './marketplaces.js';
import { loadTranslation, sentences, translationFor, type Translation } from './i18n/index.js';
import { resolveLang } from './i18n/resolve.js';
import { issueMessage } from './i18n/issue-message.js';
import {
  RefundExchangeErrorEvent,
  RefundExchangeSubmitEvent,
  RefundExchangeSuccessEvent,
  type FieldError,
} from './events.js';
import { checkEndpoint } from './submission/endpoint.js';
import type { SendResult } from './submission/send.js';
import type { CaptchaController } from './captcha/controller.js';

type TextField = 'marketplace' | 'email' | 'name' | 'orderId' | 'productName' | 'resolution' | 'reason' | 'serialNumber' | 'details';
type Values = Record<TextField, string>;
/** One state for sending: waiting for the captcha's solution, on the wire, or done. */
type Phase = 'idle' | 'solving' | 'sending' | 'sent';
interface Photo {
  key: number;
  image: ImagePayload;
}
/** A message kept as a function of the dictionary, so it follows a change of language. */
type Message = (t: Translation) => string;

/** Elements whose language comes from an ancestor's `lang`, which may change at any time. */
const inheriting = new Set<RefundExchangeForm>();
let langObserver: MutationObserver | undefined;

const EMPTY: Values = {
  marketplace: '',
  email: '',
  name: '',
  orderId: '',
  productName: '',
  resolution: '',
  reason: '',
  serialNumber: '',
  details: '',
};
const OPTIONAL = new Set<FieldName>(['serialNumber', 'details', 'images']);

let photoKeys = 0;

/**
 * The sending code loads when a customer first focuses a form, outside the entry's budget;
 * a failed load is forgotten so the next submit asks again (browsers that cache failed
 * module loads answer from that cache until the page is reloaded).
 */
let sender: Promise<typeof import('./submission/send.js')> | undefined;
const loadSender = () => (sender ??= import('./submission/send.js').catch((error: unknown) => {
  sender = undefined;
  throw error;
}));

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
 * @csspart status - The success message.
 * @csspart policies - The list of promises above the form.
 *
 * @cssprop --rxf-accent - Buttons and focus ring (default: #0b57d0).
 * @cssprop --rxf-accent-text - Text on accent-coloured buttons (default: #fff).
 * @cssprop --rxf-text - Text colour (default: inherited).
 * @cssprop --rxf-muted - Secondary text colour (default: #4a4f57).
 * @cssprop --rxf-background - Control background (default: #fff).
 * @cssprop --rxf-border - Control border colour (default: #6b7079).
 * @cssprop --rxf-error - Error text and borders (default: #b3261e).
 * @cssprop --rxf-radius - Corner radius of controls (default: 0.375rem).
 * @cssprop --rxf-gap - Space between fields (default: 1.25rem).
 * @cssprop --rxf-font-ja - Font stack for Japanese (default: Hiragino Sans, Yu Gothic, Meiryo, Noto Sans JP…).
 */
export class RefundExchangeForm extends LitElement {
  static override styles = styles;

  /** Registers the element under `tag`; safe to call more than once. */
  static define(tag = 'refund-exchange-form'): void {
    if (!customElements.get(tag)) customElements.define(tag, this);
  }

  /** URL the request is POSTed to. */
  @property() endpoint?: string;

  /** BCP 47 locale; unset, the closest `[lang]` ancestor or the browser's language decides. */
  @property() override lang = '';

  /** Space-separated purchase sites offered, e.g. `amazon.de amazon.fr`. Unset: all. */
  @property() marketplaces?: string;

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

  @state() private values: Values = { ...EMPTY };
  @state() private photos: Photo[] = [];
  @state() private photoProblems: Message[] = [];
  @state() private preparingPhotos = false;
  /** Fields the customer changed, and fields they left after changing: errors show for both. */
  @state() private changed = new Set<FieldName>();
  @state() private left = new Set<FieldName>();
  @state() private submitted = false;
  @state() private serverErrors: Partial<Record<FieldName, string>> = {};
  @state() private topErrors: string[] = [];
  @state() private failure?: Message;
  @state() private phase: Phase = 'idle';
  @state() private reference = '';
  @state() private confirmingReset = false;
  /** Set on the first focus or touch: the captcha starts solving then, not on page load. */
  @state() private interacted = false;

  // Settings derived from the attributes before each render (see willUpdate).
  private tag = '';
  private t: Translation = translationFor('en');
  private offered: MarketplaceId[] = [];
  private limit: number = LIMITS.maxImages;
  private schema = createRequestSchema();
  private target: ReturnType<typeof checkEndpoint> = { problem: '' };

  /** Loaded with friendly-challenge on the first interaction with a form that has a site key. */
  private captcha?: CaptchaController;
  private captchaLoad?: Promise<unknown>;
  @state() private captchaUnavailable = false;

  private idempotency?: { key: string; body: string };
  private sending?: AbortController;
  /** Bumped by reset(), so photos still being prepared for the old form are dropped. */
  private generation = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    inheriting.add(this);
    // One observer for all instances: a `lang` change anywhere re-renders them in its language.
    langObserver ??= new MutationObserver(() => inheriting.forEach((el) => el.requestUpdate()));
    langObserver.observe(document.documentElement, { subtree: true, attributeFilter: ['lang'] });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    inheriting.delete(this);
    if (!inheriting.size) {
      langObserver?.disconnect();
      langObserver = undefined;
    }
  }

  /** Holds each render until the dictionary of the language it will show is loaded. */
  protected override async scheduleUpdate(): Promise<void> {
    // Again if the language changed while its dictionary was loading.
    for (let lang = ''; lang !== (this.lang || resolveLang(this)); ) {
      lang = this.lang || resolveLang(this);
      await loadTranslation(lang);
    }
    super.scheduleUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!this.hasUpdated || changed.has('marketplaces') || changed.has('maxImages') || changed.has('sitekey')) {
      const { ids, unknown } = parseMarketplaces(this.marketplaces);
      if (unknown.length) console.warn(`refund-exchange-form: unknown marketplaces ignored: ${unknown.join(' ')}`);
      this.offered = ids;
      const max = this.maxImages;
      this.limit = Number.isInteger(max) && max >= 0 ? max : LIMITS.maxImages;
      this.schema = createRequestSchema({ marketplaces: ids, maxImages: this.limit, captcha: !!this.sitekey });
    }
    this.tag = this.lang || resolveLang(this);
    this.t = translationFor(this.tag);
    const before = 'problem' in this.target ? this.target.problem : '';
    this.target = checkEndpoint(this.endpoint, document.baseURI);
    if ('problem' in this.target && this.target.problem !== before) {
      console.error(`refund-exchange-form: not sending anything: ${this.target.problem}.`);
    }
  }

  protected override updated(): void {
    const container = this.renderRoot.querySelector<HTMLElement>('.captcha');
    // Lit still renders a removed element; its captcha is gone and must not come back.
    if (!this.isConnected || !this.sitekey) return this.captcha?.destroy();
    if (!container || !this.interacted || this.captchaUnavailable) return;
    if (!this.captcha) {
      this.captchaLoad ??= import('./captcha/controller.js').then(
        ({ CaptchaController }) => {
          this.captcha = new CaptchaController(this, () => this.handleCaptchaFailure());
          this.requestUpdate();
        },
        () => {
          // Offline, or the chunk was not deployed: the retry button asks for it again.
          this.captchaLoad = undefined;
          this.captchaUnavailable = true;
          this.handleCaptchaFailure();
        },
      );
      return;
    }
    this.captcha.start({
      sitekey: this.sitekey,
      puzzleEndpoint: this.puzzleEndpoint,
      locale: this.t.locale,
      container,
      root: this.renderRoot as ShadowRoot,
    });
  }

  /** Clears everything the customer entered, without asking; a request in flight is abandoned. */
  reset(): void {
    this.sending?.abort();
    this.generation++;
    this.preparingPhotos = false;
    this.values = { ...EMPTY };
    this.photos = [];
    this.photoProblems = [];
    this.changed = new Set();
    this.left = new Set();
    this.submitted = false;
    this.serverErrors = {};
    this.topErrors = [];
    this.failure = undefined;
    this.phase = 'idle';
    this.reference = '';
    this.confirmingReset = false;
    this.idempotency = undefined;
  }

  /** The marketplace shown: the customer's choice once they made one, else the locale region's. */
  private get marketplace(): MarketplaceId | undefined {
    const chosen = this.values.marketplace;
    if (this.changed.has('marketplace')) return isMarketplaceId(chosen) ? chosen : undefined;
    return defaultMarketplace(this.tag, this.offered);
  }

  private get hasInput(): boolean {
    return this.photos.length > 0 || Object.entries(this.values).some(([k, v]) => k !== 'marketplace' && v.trim());
  }

  /** The request as typed: empty optional text left out, as the contract asks. */
  private get draft(): Record<string, unknown> {
    const draft: Record<string, unknown> = { locale: this.t.locale };
    for (const [key, value] of Object.entries({ ...this.values, marketplace: this.marketplace ?? '' })) {
      if (value.trim() || !OPTIONAL.has(key as FieldName)) draft[key] = value;
    }
    if (this.photos.length) draft.images = this.photos.map((p) => p.image);
    if (this.captcha?.solution) draft.captcha = this.captcha.solution;
    return draft;
  }

  /** Validates the whole request with the schema; the first message of each field. */
  private check(): { request?: RefundExchangeRequest; errors: Partial<Record<FieldName, string>> } {
    const result = this.schema.safeParse(this.draft);
    const errors: Partial<Record<FieldName, string>> = {};
    for (const issue of result.error?.issues ?? []) {
      const field = issue.path[0];
      if (isFieldName(field)) errors[field] ??= issueMessage(issue, this.t);
    }
    return { request: result.data, errors };
  }

  private errorFor(field: FieldName, errors: Partial<Record<FieldName, string>>): string | undefined {
    const shown = this.submitted || (this.changed.has(field) && this.left.has(field));
    return this.serverErrors[field] ?? (shown ? errors[field] : undefined);
  }

  private handleInput(e: Event): void {
    const target = e.target as HTMLInputElement;
    const field = target.name as TextField;
    this.values = { ...this.values, [field]: target.value };
    this.changed = new Set(this.changed).add(field);
    if (this.serverErrors[field]) this.serverErrors = { ...this.serverErrors, [field]: undefined };
    if (e.type === 'change') this.handleLeave(e);
  }

  private handleLeave(e: Event): void {
    const field = (e.target as HTMLInputElement).name as FieldName;
    if (this.changed.has(field) && !this.left.has(field)) this.left = new Set(this.left).add(field);
  }

  private async handlePhotos(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const files = [...(input.files ?? [])];
    // Clear the picker so the same file can be chosen again after removing it.
    input.value = '';
    const room = this.limit - this.photos.length;
    const generation = this.generation;
    const limit = this.limit;
    const problems: Message[] = files.length > room ? [(t) => t.errImages(limit)] : [];
    this.preparingPhotos = true;
    this.serverErrors = { ...this.serverErrors, images: undefined };
    try {
      const { preparePhoto } = await import('./photos/prepare.js');
      for (const file of files.slice(0, Math.max(room, 0))) {
        const result = await preparePhoto(file);
        if (generation !== this.generation) return;
        if (result.ok) {
          this.photos = [...this.photos, { key: ++photoKeys, image: result.image }];
        } else {
          const term = ({
            empty: 'photoDamaged',
            damaged: 'photoDamaged',
            'not-image': 'photoNotImage',
            heic: 'photoHeic',
            'too-big': 'photoTooBig',
          } as const)[result.problem];
          problems.push((t) => t[term](file.name));
        }
      }
    } catch {
      // The photo code could not be loaded (offline, or its chunk was not deployed).
      problems.push((t) => t.photoUnavailable);
    } finally {
      if (generation === this.generation) {
        this.preparingPhotos = false;
        this.photoProblems = problems;
        this.changed = new Set(this.changed).add('images');
      }
    }
  }

  private handleRemovePhoto(key: number): void {
    this.photos = this.photos.filter((p) => p.key !== key);
    this.photoProblems = [];
    this.serverErrors = { ...this.serverErrors, images: undefined };
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#images')?.focus());
  }

  private async handleSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.phase !== 'idle' || this.preparingPhotos) return;
    this.submitted = true;
    this.topErrors = [];
    this.serverErrors = {};
    this.failure = undefined;
    const target = this.target;
    if ('problem' in target) {
      this.failure = (t) => t.errConfig;
      this.dispatchEvent(new RefundExchangeErrorEvent({ kind: 'config' }));
      return this.focusLater('.alert');
    }
    let { request, errors } = this.check();
    if (!request && this.sitekey && Object.keys(errors).join() === 'captcha') {
      // Everything else is fine: wait for the solution, which is usually on its way.
      const generation = this.generation;
      this.phase = 'solving';
      try {
        await this.captchaLoad;
        if (!this.captcha) throw new Error('no captcha');
        await this.captcha.solved();
      } catch {
        // The captcha failed while we waited; its own message and retry are on screen.
        this.phase = 'idle';
        return this.focusLater('#captcha-retry');
      }
      if (generation !== this.generation) return;
      this.phase = 'idle';
      ({ request, errors } = this.check());
    }
    if (!request) {
      this.dispatchEvent(new RefundExchangeErrorEvent({ kind: 'validation', errors: toList(errors) }));
      return this.focusLater('.summary');
    }
    if (!this.dispatchEvent(new RefundExchangeSubmitEvent({ payload: request }))) return;

    this.phase = 'sending';
    const sending = (this.sending = new AbortController());
    let result: SendResult;
    try {
      const { newIdempotencyKey, send } = await loadSender();
      const body = JSON.stringify(request);
      // A second try of the same request keeps its key, so the server can tell it is a repeat.
      if (this.idempotency?.body !== body) this.idempotency = { key: newIdempotencyKey(), body };
      result = await send({ url: target.url, body: request, idempotencyKey: this.idempotency.key, signal: sending.signal });
    } catch {
      // reset() abandoned the request and has cleared the form; or the sending code did not load.
      if (sending.signal.aborted) return;
      result = { kind: 'failure', reason: 'network' };
    }
    this.phase = 'idle';
    this.handleResult(result);
  }

  private handleResult(result: SendResult): void {
    if (result.kind === 'success') {
      this.phase = 'sent';
      this.reference = result.reference ?? '';
      this.idempotency = undefined;
      // A solution is good for one request; the next form gets a new puzzle.
      this.captcha?.destroy();
      const { status, reference, response } = result;
      this.dispatchEvent(new RefundExchangeSuccessEvent(reference ? { status, reference, response } : { status, response }));
      return this.focusLater('.done');
    }
    if (result.kind === 'fields') {
      const serverErrors: Partial<Record<FieldName, string>> = {};
      const top: string[] = [];
      for (const { field, message } of result.errors) {
        if (isFieldName(field)) serverErrors[field] ??= message;
        else top.push(message);
      }
      this.serverErrors = serverErrors;
      this.topErrors = top;
      // Refused, expired or already used: solve a new puzzle for the next try.
      if (serverErrors.captcha) this.captcha?.restart();
      this.dispatchEvent(
        new RefundExchangeErrorEvent({ kind: 'validation', status: result.status, errors: result.errors }),
      );
      return this.focusLater('.summary');
    }
    const { reason, status, retryAfter = 0 } = result;
    this.failure = (t) => {
      const message = {
        server: t.errServer,
        network: t.errNetwork,
        timeout: t.errTimeout,
        'too-large': t.errTooLarge,
        'rate-limited': t.errRateLimited(retryAfter),
        refused: status ? t.errRefused(status) : t.errServer,
      }[reason];
      const again = reason === 'too-large' || reason === 'rate-limited' ? '' : t.tryAgain;
      return sentences(t, [message, again, t.kept]);
    };
    const kind = reason === 'network' || reason === 'timeout' ? 'network' : 'server';
    this.dispatchEvent(new RefundExchangeErrorEvent(status ? { kind, status } : { kind }));
    this.focusLater('.alert');
  }

  private handleReset(): void {
    if (this.phase !== 'idle' || this.preparingPhotos) return;
    if (!this.hasInput) return this.reset();
    this.confirmingReset = true;
    this.focusLater('.confirm [data-keep]');
  }

  private handleConfirmReset(clear: boolean): void {
    this.confirmingReset = false;
    if (clear) {
      this.reset();
      this.focusLater('select');
    } else {
      this.focusLater('[part~=reset]');
    }
  }

  private handleInteraction(): void {
    this.interacted = true;
    void loadSender();
  }

  private handleCaptchaFailure(): void {
    this.dispatchEvent(new RefundExchangeErrorEvent({ kind: 'captcha' }));
  }

  private handleCaptchaRetry(): void {
    this.serverErrors = { ...this.serverErrors, captcha: undefined };
    this.captchaUnavailable = false;
    this.captcha?.restart();
  }

  private handleNewRequest(): void {
    this.reset();
    this.focusLater('select');
  }

  private handleSummaryLink(e: Event, field: FieldName): void {
    e.preventDefault();
    this.focusLater(`[name=${field}], #${field}`);
  }

  /**
   * Field errors are announced as they appear while the customer moves on; after a submit the
   * focused summary reads them all, and live regions would read them a second time.
   */
  private get live(): 'polite' | 'off' {
    return this.submitted ? 'off' : 'polite';
  }

  /** Moves focus once the next render is on screen. */
  private focusLater(selector: string): void {
    this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  override render(): TemplateResult {
    const t = this.t;
    if (this.phase === 'sent') return this.renderDone(t);
    const { errors } = this.check();
    const shown: Partial<Record<FieldName, string>> = {};
    for (const field of FIELDS) {
      // A solution still on its way is not the customer's problem to fix.
      if (field === 'captcha' && !this.serverErrors.captcha) continue;
      const message = this.errorFor(field, errors);
      if (message) shown[field] = message;
    }
    const summary = toList(shown);
    const configProblem = 'problem' in this.target;
    const field = (name: TextField, control: TemplateResult, tip?: unknown) =>
      this.renderField(name, t, shown[name], control, tip);
    return html`
      ${this.renderPolicies(t)}
      <form
        part="form"
        lang=${t.locale}
        novalidate
        @submit=${this.handleSubmit}
        @focusin=${this.handleInteraction}
        @pointerdown=${this.handleInteraction}
        @focusout=${this.handleLeave}
      >
        ${configProblem || this.failure
          ? html`<p class="alert" part="alert" role="alert" tabindex="-1">${this.failure?.(t) ?? t.errConfig}</p>`
          : nothing}
        ${this.submitted && (summary.length || this.topErrors.length)
          ? this.renderSummary(t, summary)
          : nothing}
        <p class="note">${t.requiredNote}</p>
        ${this.renderSelect(
          'marketplace',
          t,
          shown.marketplace,
          this.offered.map((id) => [id, marketplaceName(id)]),
          this.marketplace,
        )}
        ${this.renderInput('email', t, shown, 'email', 'email')}
        ${this.renderInput('name', t, shown, 'text', 'name')}
        ${this.renderInput(
          'orderId',
          t,
          shown,
          'text',
          'off',
          html`${t.tipOrderId}
            ${this.marketplace
              ? html`<a href=${orderHistoryUrl(this.marketplace)} target="_blank" rel="noopener"
                  >${t.orderHistory}<span class="vh"> ${t.newTab}</span></a
                >`
              : nothing}`,
        )}
        ${this.renderInput('productName', t, shown, 'text', 'off', t.tipProductName)}
        ${this.renderChoices(t, shown.resolution)}
        ${this.renderSelect(
          'reason',
          t,
          shown.reason,
          REASONS.map((r) => [r, t[r]]),
          this.values.reason,
        )}
        ${this.renderInput('serialNumber', t, shown, 'text', 'off', t.tipSerialNumber)}
        ${field(
          'details',
          html`<textarea
            id="details"
            name="details"
            part="control"
            rows="5"
            ?required=${this.values.reason === 'other'}
            aria-invalid=${!!shown.details}
            aria-describedby="details-error details-count"
            .value=${this.values.details}
            @input=${this.handleInput}
          ></textarea>
          <span id="details-count" class="hint">${t.charCount([...this.values.details].length, LIMITS.details)}</span>`,
        )}
        ${this.limit > 0 ? this.renderPhotos(t, shown.images) : nothing}
        ${this.sitekey ? this.renderCaptcha(t) : nothing}
        ${this.renderActions(t, configProblem)}
      </form>
    `;
  }

  private renderField(
    name: FieldName,
    t: Translation,
    error: string | undefined,
    control: TemplateResult,
    tip?: unknown,
  ): TemplateResult {
    const label = t[name as TextField];
    return html`<div class="field" part="field">
      <label for=${name} part="label">${label}${this.renderMarker(name, t)}</label>
      ${control}
      <p id="${name}-error" class="error" part="error" aria-live=${this.live}>${error ?? nothing}</p>
      ${tip
        ? html`<details part="tip">
            <summary>${t.tip}<span class="vh"> ${label}</span></summary>
            <p id="${name}-tip">${tip}</p>
          </details>`
        : nothing}
    </div>`;
  }

  private renderSelect(
    name: 'marketplace' | 'reason',
    t: Translation,
    error: string | undefined,
    options: [string, string][],
    selected: string | undefined,
  ): TemplateResult {
    return this.renderField(
      name,
      t,
      error,
      html`<select
        id=${name}
        name=${name}
        part="control"
        required
        aria-invalid=${!!error}
        aria-describedby="${name}-error"
        @change=${this.handleInput}
      >
        <option value="" .selected=${!selected}>${t.choose}</option>
        ${options.map(([value, label]) => html`<option value=${value} .selected=${value === selected}>${label}</option>`)}
      </select>`,
    );
  }

  /** Hidden from the accessible name, which is the label alone; `required` tells the rest. */
  private renderMarker(name: FieldName, t: Translation) {
    const optional = OPTIONAL.has(name) && !(name === 'details' && this.values.reason === 'other');
    return optional
      ? html`<span class="hint" aria-hidden="true">${t.optional}</span>`
      : html`<span class="req" aria-hidden="true">*</span>`;
  }

  private renderInput(
    name: TextField,
    t: Translation,
    shown: Partial<Record<FieldName, string>>,
    type: string,
    autocomplete: string,
    tip?: unknown,
  ): TemplateResult {
    return this.renderField(
      name,
      t,
      shown[name],
      html`<input
        id=${name}
        name=${name}
        part="control"
        type=${type}
        autocomplete=${autocomplete}
        spellcheck=${name === 'name' || name === 'productName' ? 'true' : 'false'}
        ?required=${!OPTIONAL.has(name)}
        aria-invalid=${!!shown[name]}
        aria-describedby="${name}-error${tip ? ` ${name}-tip` : ''}"
        .value=${this.values[name]}
        @input=${this.handleInput}
      />`,
      tip,
    );
  }

  private renderChoices(t: Translation, error: string | undefined): TemplateResult {
    return html`<fieldset class="field" part="field" aria-describedby="resolution-error">
      <legend part="label">${t.resolution}${this.renderMarker('resolution', t)}</legend>
      ${(['refund', 'exchange'] as const).map(
        (value) => html`<label class="choice">
          <input
            type="radio"
            name="resolution"
            value=${value}
            required
            aria-invalid=${!!error}
            .checked=${this.values.resolution === value}
            @change=${this.handleInput}
          />
          ${t[value]}
        </label>`,
      )}
      <p id="resolution-error" class="error" part="error" aria-live=${this.live}>${error ?? nothing}</p>
    </fieldset>`;
  }

  private renderPhotos(t: Translation, error: string | undefined): TemplateResult {
    const problems = [error, ...this.photoProblems.map((problem) => problem(t))].filter(Boolean);
    return html`<div class="field" part="field">
      <label for="images" part="label">${t.images}${this.renderMarker('images', t)}</label>
      <span id="images-hint" class="hint">${t.photosHint(this.limit)}</span>
      <!-- The native picker's own words ("Choose Files") come in the browser's language, so
        it sits invisible over a button drawn in the form's language; it keeps focus and name. -->
      <span class="picker">
        <span class="button" aria-hidden="true">${t.addPhotos}</span>
        <input
          id="images"
          name="images"
          part="control"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          multiple
          aria-invalid=${problems.length > 0}
          aria-describedby="images-hint images-error"
          @change=${this.handlePhotos}
        />
      </span>
      <div id="images-error" class="error" part="error" aria-live=${this.live}>${problems.map((p) => html`<p>${p}</p>`)}</div>
      ${this.preparingPhotos ? html`<p class="hint" role="status">${t.readingPhotos}</p>` : nothing}
      ${this.photos.length
        ? html`<ul class="photos">
            ${this.photos.map(
              ({ key, image }) => html`<li>
                <span>${image.name} (${image.width}×${image.height})</span>
                <button type="button" part="button" @click=${() => this.handleRemovePhoto(key)}>
                  ${t.removePhoto(image.name)}
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  private renderPolicies(t: Translation) {
    if (this.hidePolicies) return nothing;
    const days = this.returnDays;
    const months = this.warrantyMonths;
    return html`<ul class="policies" part="policies" lang=${t.locale} aria-label=${t.policies}>
      ${days > 0 ? html`<li>${t.policyReturn(days)}</li>` : nothing}
      ${months > 0 ? html`<li>${t.policyWarranty(months)}</li>` : nothing}
      <li>${t.policySupport}</li>
    </ul>`;
  }

  private renderCaptcha(t: Translation): TemplateResult {
    const failed = this.captchaUnavailable || this.captcha?.state === 'failed';
    // The server's reason (expired, used, failed) is in its language; the remedy is the same.
    const error = this.serverErrors.captcha ? t.errCaptchaRefused : failed ? t.errCaptchaFetch : undefined;
    return html`<div class="field" part="field">
      <span id="captcha-label" class="label" part="label">${t.captcha}</span>
      <div
        id="captcha"
        class="captcha"
        role="group"
        tabindex="-1"
        aria-labelledby="captcha-label"
        aria-describedby="captcha-error"
      ></div>
      <p id="captcha-error" class="error" part="error" aria-live=${this.live}>${error ?? nothing}</p>
      ${failed || this.serverErrors.captcha
        ? html`<button id="captcha-retry" type="button" part="button" @click=${this.handleCaptchaRetry}>
            ${t.captchaRetry}
          </button>`
        : nothing}
    </div>`;
  }

  private renderSummary(t: Translation, errors: FieldError[]): TemplateResult {
    return html`<div class="summary" part="summary" tabindex="-1" role="group" aria-labelledby="summary-title">
      <p id="summary-title">${t.summary(errors.length + this.topErrors.length)}</p>
      <ul>
        ${this.topErrors.map((message) => html`<li>${message}</li>`)}
        ${errors.map(
          ({ field, message }) =>
            html`<li><a href="#${field}" @click=${(e: Event) => this.handleSummaryLink(e, field as FieldName)}>${message}</a></li>`,
        )}
      </ul>
    </div>`;
  }

  private renderActions(t: Translation, configProblem: boolean): TemplateResult {
    const sending = this.phase === 'sending';
    const busy = this.phase !== 'idle' || this.preparingPhotos;
    return html`<div class="actions">
        <button
          type="submit"
          part="button submit"
          class="primary"
          aria-disabled=${busy || configProblem}
        >
          ${t.submit}
        </button>
        <button
          type="button"
          part="button reset"
          aria-disabled=${busy}
          @click=${this.handleReset}
        >
          ${t.reset}
        </button>
      </div>
      <p class="hint" role="status">
        ${sending ? t.sending : this.phase === 'solving' ? t.captchaWaiting : nothing}
      </p>
      ${this.confirmingReset
        ? html`<div class="confirm" role="group" aria-labelledby="confirm-title">
            <p id="confirm-title">${t.resetConfirm}</p>
            <button type="button" part="button" @click=${() => this.handleConfirmReset(true)}>${t.resetYes}</button>
            <button type="button" part="button" data-keep @click=${() => this.handleConfirmReset(false)}>
              ${t.resetNo}
            </button>
          </div>`
        : nothing}`;
  }

  private renderDone(t: Translation): TemplateResult {
    return html`<div class="done" part="status" role="status" tabindex="-1" lang=${t.locale}>
      <p>${t.sent}</p>
      ${this.reference ? html`<p class="ref">${t.reference(this.reference)}</p>` : nothing}
      <button type="button" part="button" class="primary" @click=${this.handleNewRequest}>${t.newRequest}</button>
    </div>`;
  }
}

const toList = (errors: Partial<Record<FieldName, string>>): FieldError[] =>
  Object.entries(errors).map(([field, message]) => ({ field, message: message as string }));
