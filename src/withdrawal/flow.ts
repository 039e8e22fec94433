/**
 * The withdrawal function of Article 11a of Directive 2011/83/EU, for a form with the
 * `withdrawal` attribute: a button labelled in the law's words opens the withdrawal statement,
 * which asks only for the name, the purchase site and order ID, and the email address for the
 * acknowledgement; a review shows the statement as it will be sent, with the confirmation
 * button in the law's words; the receipt names the reference and the time of receipt, ready to
 * print. The statement's fields are the form's own (values, prefill, drafts, errors); while it
 * is open, the rules are a statement's (schema.ts, in the rules' chunk). A chunk only such a
 * form loads, before the render that shows the button.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FormModel } from '../form/model.js';
import type { FormRules, Validation } from '../form/rules.js';
import type { Rules } from '../form/check.js';
import { firstPresent } from '../form/focus.js';
import type { Translation } from '../i18n/index.js';
import type { EndpointBody, SchemaOptions } from '../schema.js';
import type { SubmissionController } from '../submission/controller.js';
import { adopt } from '../refund-exchange-form.styles.js';
import { withdrawalWording } from './wording.js';
import { withdrawalWords } from './words.js';

type Host = ReactiveControllerHost &
  HTMLElement & { renderRoot: HTMLElement | DocumentFragment; withdrawal: boolean };

/** Where the statement is: being filled in, or shown for confirmation. */
export type Step = 'statement' | 'review';

/** Stands in for the moment of confirmation while the statement is checked: the send sets it. */
const UNCONFIRMED = '1970-01-01T00:00:00Z';

let statement: ((options: SchemaOptions) => Rules<EndpointBody>) | undefined;
/** The statement's rules for a form's settings: the form's values checked as a statement. One builder, so that schemaFor keeps what it builds. */
const statementRules = ({ createWithdrawalSchema }: Validation) =>
  (statement ??= (options) => {
    const schema = createWithdrawalSchema(options);
    return {
      safeParse: (input, params) => schema.safeParse({ ...(input as object), kind: 'withdrawal', confirmedAt: UNCONFIRMED }, params),
    };
  });

export class WithdrawalFlow implements ReactiveController {
  /** Open at which step; undefined while the request form shows, with the button. */
  step?: Step | undefined;
  /** The statement's rules could not load (offline): said by the button. */
  failed = false;

  constructor(
    private readonly host: Host,
    private readonly model: FormModel,
    private readonly rules: FormRules,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    adopt(this.host.renderRoot as ShadowRoot, styles);
    // The attribute removed while the statement is open: the request form, with its own rules.
    if (!this.host.withdrawal && this.step) this.close();
  }

  /** The statement step's Submit moves on to the review, once the fields pass; true when it did. */
  next(): boolean {
    if (this.step !== 'statement') return false;
    this.model.startSubmit();
    void Promise.resolve(this.rules.load()).then(() => {
      if (!this.rules.check().errors.length) {
        this.set('review', 'h2');
      } else this.focus('.summary');
    }, () => this.focus('.summary'));
    return true;
  }

  /**
   * What the form shows above its fields: the button, or the statement's heading and what it
   * asks for, or at the review the statement as it will be sent.
   */
  head(t: Translation, site: string): TemplateResult {
    const words = withdrawalWords(t.locale);
    if (!this.step) {
      return html`<div class="withdraw">
        <button type="button" part="button withdraw" @click=${this.handleOpen}>${withdrawalWording(t.locale).withdraw}</button>
        ${this.failed ? html`<p class="error" role="alert">${t.errNetwork} ${t.tryAgain}</p>` : nothing}
      </div>`;
    }
    // As it will be sent: the checked statement, its order ID tidied ("Order # 123 …" → 3-7-7).
    const checked = this.rules.check().request;
    const { name, email, orderId } = checked?.kind === 'withdrawal' ? checked : this.model.values;
    return html`<h2 class="withdrawing ${this.step}" tabindex="-1">${words.heading}</h2>
      ${this.step === 'statement'
        ? html`<p>${words.statementIntro}</p>`
        : html`<p>${words.reviewIntro}</p>
            <blockquote class="statement">${words.statement(orderId, site)}</blockquote>
            <dl class="recap" part="recap">
              ${[
                [t.name, name],
                [t.marketplace, site],
                [t.orderId, orderId],
                [t.email, email],
              ].map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}
            </dl>`}`;
  }

  /**
   * The statement's buttons, after its fields: on to the review, or confirm it; and the way
   * back. The form's other fields and buttons, after them, are hidden meanwhile (styles below):
   * their values stay, and the captcha among them runs but never holds the statement up.
   */
  actions(t: Translation, busy: boolean, status: string | undefined): TemplateResult | typeof nothing {
    if (!this.step) return nothing;
    const words = withdrawalWords(t.locale);
    const review = this.step === 'review';
    return html`<div class="withdrawal-actions">
      <div class="actions">
        <button type="submit" part="button submit" class="primary" aria-disabled=${busy}>
          ${review ? withdrawalWording(t.locale).confirm : words.review}
        </button>
        <button type="button" part="button" aria-disabled=${busy} @click=${review ? this.handleChange : this.handleBack}>
          ${review ? words.change : words.back}
        </button>
      </div>
      <p class="hint" role="status">${status ?? nothing}</p>
    </div>`;
  }

  /**
   * The receipt once a statement was sent: undefined for a request's. It says when the endpoint
   * received it (or, if it does not say, when the customer confirmed it), and prints alone.
   */
  done(t: Translation, sent: SubmissionController, site: (id: string) => string, onNew: () => void): TemplateResult | undefined {
    const receipt = sent.receipt;
    const statement = receipt?.request;
    if (!receipt || statement?.kind !== 'withdrawal') return undefined;
    const words = withdrawalWords(t.locale);
    const when = new Intl.DateTimeFormat(t.locale, { dateStyle: 'long', timeStyle: 'long' });
    const at = (iso: string) => when.format(new Date(iso));
    const name = site(statement.marketplace);
    return html`<div class="done" part="status" role="status" tabindex="-1" lang=${t.locale}>
      <p>${words.received}</p>
      ${receipt.reference
        ? html`<p class="ref">
            ${t.reference(receipt.reference)}
            <button type="button" part="button copy" @click=${() => void sent.copyReference()}>${t.copy}</button>
            <span class="hint">${receipt.copied === undefined ? nothing : receipt.copied ? t.copied : t.copyFailed}</span>
          </p>`
        : nothing}
      <p>${words.receivedAt(at(receipt.receivedAt ?? statement.confirmedAt))}</p>
      <p>${words.emailed(statement.email)}</p>
      <blockquote class="statement">${words.statement(statement.orderId, name)}</blockquote>
      <dl class="recap" part="recap" aria-label=${words.heading}>
        ${[
          [t.name, statement.name],
          [t.marketplace, name],
          [t.orderId, statement.orderId],
          [t.email, statement.email],
          [words.confirmed, at(statement.confirmedAt)],
        ].map(([term, value]) => html`<div><dt>${term}</dt><dd>${value}</dd></div>`)}
      </dl>
      <button type="button" part="button print" @click=${() => print()}>${words.print}</button>
      <button type="button" part="button new" class="link" @click=${onNew}>${t.newRequest}</button>
    </div>`;
  }

  /** Opens the statement once its rules are here (the form's chunk, which a press loads anyway). */
  private readonly handleOpen = (): void => {
    this.failed = false;
    Promise.resolve(this.rules.load()).then(
      () => {
        this.rules.override = (options, loaded) => loaded.schemaFor(options, statementRules(loaded));
        // Errors show again only once the statement's fields are changed, or it is submitted.
        this.model.submitted = false;
        this.set('statement', 'h2');
      },
      () => {
        this.failed = true;
        this.host.requestUpdate();
      },
    );
  };

  private readonly handleChange = (): void => this.set('statement', '[part~=control]');

  private readonly handleBack = (): void => {
    this.close();
    this.focus('[part~=withdraw]');
  };

  /** Back to the request form: the statement was sent, or the customer went back. */
  close(): void {
    this.rules.override = undefined;
    this.model.submitted = false;
    this.set(undefined);
  }

  private set(step: Step | undefined, focus?: string): void {
    this.step = step;
    this.host.requestUpdate();
    if (focus) this.focus(focus);
  }

  private focus(selector: string): void {
    void (this.host as Host & { updateComplete: Promise<unknown> }).updateComplete.then(() =>
      firstPresent(this.host.renderRoot, selector)?.focus(),
    );
  }
}

const styles = css`
  .withdraw {
    display: grid;
    gap: 0.5rem;
  }
  [part~='withdraw'] {
    justify-self: start;
    font-weight: 600;
    border-width: 2px;
  }
  /* While the statement is open, only its fields show; at the review, the statement in their place. */
  .withdrawal-actions ~ *,
  form:has(> .review) > :is(.note, .field) {
    display: none;
  }
  .withdrawal-actions {
    display: grid;
    gap: 0.5rem;
  }
  .withdrawing {
    margin: 0;
    font-size: 1.25em;
  }
  .statement {
    margin: 0;
    padding-inline-start: 1rem;
    border-inline-start: 4px solid var(--_accent);
  }
  @media print {
    button,
    .hint {
      display: none;
    }
  }
`;
