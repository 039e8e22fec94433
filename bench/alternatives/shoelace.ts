/**
 * `<bench-shoelace-form>`: the same form built from Shoelace 2.20 components (cherry-picked),
 * with Shoelace's light theme, and our rules, words and behaviour (logic.ts). Bench only, never
 * shipped.
 *
 * A problem shows in the control's help text, with its invalid state (`setCustomValidity`, a
 * danger border); the required marker is ours (aria-hidden, outside the accessible name), so
 * Shoelace's own asterisk, which screen readers read as part of the label, is turned off.
 */
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import '@shoelace-style/shoelace/dist/components/button/button.js';
import '@shoelace-style/shoelace/dist/components/input/input.js';
import '@shoelace-style/shoelace/dist/components/option/option.js';
import '@shoelace-style/shoelace/dist/components/radio/radio.js';
import '@shoelace-style/shoelace/dist/components/radio-group/radio-group.js';
import '@shoelace-style/shoelace/dist/components/select/select.js';
import '@shoelace-style/shoelace/dist/components/textarea/textarea.js';
import lightTheme from '@shoelace-style/shoelace/dist/themes/light.css';
import {
  BenchForm,
  MAX_PHOTOS,
  PHOTO_TYPES,
  REASON_OPTIONS,
  RESOLUTION_OPTIONS,
  RETURN_DAYS,
  SITES,
  WARRANTY_MONTHS,
  t,
  type FieldName,
  type TextField,
} from './logic.js';

// The theme's tokens, on the document as its docs' stylesheet would put them.
const theme = new CSSStyleSheet();
theme.replaceSync(lightTheme);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, theme];

/** The Shoelace form controls: each takes a custom validity message once it has rendered. */
interface Validated extends Element {
  updateComplete: Promise<unknown>;
  setCustomValidity(message: string): void;
}

export class BenchShoelaceForm extends BenchForm {
  static override styles = css`
    :host {
      display: block;
      font-family: var(--sl-font-sans);
      font-size: var(--sl-font-size-medium);
      line-height: var(--sl-line-height-normal);
      color: var(--sl-color-neutral-900);
      /* The marker is ours, aria-hidden: Shoelace's ::after asterisk would be in the name. */
      --sl-input-required-content: none;
    }
    *,
    ::before,
    ::after {
      box-sizing: border-box;
    }
    p,
    ul {
      margin: 0;
    }
    form {
      display: grid;
      gap: var(--sl-spacing-large);
    }
    .policies {
      display: flex;
      flex-wrap: wrap;
      gap: var(--sl-spacing-x-small) var(--sl-spacing-large);
      list-style: none;
      padding: 0;
      margin-bottom: var(--sl-spacing-large);
      font-weight: var(--sl-font-weight-semibold);
    }
    .policies li::before {
      content: '✓' / '';
      color: var(--sl-color-primary-600);
      margin-inline-end: 0.4em;
    }
    .field {
      display: grid;
      gap: var(--sl-spacing-2x-small);
      min-width: 0;
    }
    .req {
      color: var(--sl-color-danger-600);
      margin-inline-start: 0.2em;
    }
    .hint,
    .note {
      color: var(--sl-color-neutral-600);
      font-size: var(--sl-font-size-small);
    }
    [slot='label'] .hint {
      margin-inline-start: 0.3em;
    }
    .invalid::part(base),
    .invalid::part(combobox) {
      border-color: var(--sl-color-danger-600);
    }
    .invalid::part(form-control-help-text),
    .error {
      color: var(--sl-color-danger-700);
    }
    .error {
      font-size: var(--sl-input-help-text-font-size-medium);
    }
    .count {
      color: var(--sl-input-help-text-color);
    }
    details {
      color: var(--sl-color-neutral-600);
      font-size: var(--sl-font-size-small);
    }
    summary {
      cursor: pointer;
      width: fit-content;
      color: var(--sl-color-primary-600);
    }
    a {
      color: var(--sl-color-primary-600);
    }
    label {
      font-size: var(--sl-input-label-font-size-medium);
      color: var(--sl-input-label-color);
    }
    sl-radio {
      margin-inline-end: var(--sl-spacing-large);
    }
    sl-radio-group::part(form-control-input) {
      display: flex;
      flex-wrap: wrap;
      padding-block: var(--sl-spacing-2x-small);
    }
    /* The native picker's words come in the browser's language: it sits invisible over a
       button drawn in the form's, as in ours. */
    .picker {
      position: relative;
      width: fit-content;
    }
    .picker input {
      position: absolute;
      inset: 0;
      opacity: 0;
      cursor: pointer;
    }
    .button {
      display: inline-flex;
      align-items: center;
      height: var(--sl-input-height-medium);
      padding: 0 var(--sl-spacing-medium);
      border: solid var(--sl-input-border-width) var(--sl-input-border-color);
      border-radius: var(--sl-input-border-radius-medium);
      background: var(--sl-color-neutral-0);
      font-size: var(--sl-button-font-size-medium);
      font-weight: var(--sl-font-weight-semibold);
    }
    .picker:focus-within .button {
      outline: var(--sl-focus-ring);
      outline-offset: var(--sl-focus-ring-offset);
    }
    .photos {
      padding-inline-start: 1.25rem;
    }
    .summary,
    .confirm {
      padding: var(--sl-spacing-large);
      border: solid var(--sl-panel-border-width) var(--sl-color-danger-200);
      border-top: solid 3px var(--sl-color-danger-600);
      border-radius: var(--sl-border-radius-medium);
      background: var(--sl-color-neutral-0);
    }
    .summary:focus-visible {
      outline: var(--sl-focus-ring);
      outline-offset: var(--sl-focus-ring-offset);
    }
    .summary ul {
      padding-inline-start: 1.25rem;
      margin-top: var(--sl-spacing-x-small);
    }
    .summary a {
      color: var(--sl-color-danger-700);
    }
    .actions,
    .confirm {
      display: flex;
      flex-wrap: wrap;
      gap: var(--sl-spacing-small);
      align-items: center;
    }
    .confirm p {
      flex-basis: 100%;
    }
    .vh {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  `;

  private shown: Partial<Record<FieldName, string>> = {};

  /** The label: the field's name, then our required marker or "(optional)", both aria-hidden. */
  private label(name: FieldName): TemplateResult {
    return html`<span slot="label"
      >${t[name]}${this.form.optional(name)
        ? html`<span class="hint" aria-hidden="true">${t.optional}</span>`
        : html`<span class="req" aria-hidden="true">*</span>`}</span
    >`;
  }

  /** The problem, in the help text: an element of ours, so its text has a box (the attribute's is in a slot). */
  private help(error: string | undefined): TemplateResult | typeof nothing {
    return error ? html`<div slot="help-text">${error}</div>` : nothing;
  }

  private tip(name: FieldName, tip: unknown): TemplateResult {
    return html`<details>
      <summary>${t.tip}<span class="vh"> ${t[name]}</span></summary>
      <p>${tip}</p>
    </details>`;
  }

  private input(name: TextField, type: string, autocomplete: string, tip?: unknown): TemplateResult {
    const error = this.shown[name];
    return html`<div class="field">
      <sl-input
        id=${name}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        spellcheck=${name === 'name' || name === 'productName' ? 'true' : 'false'}
        ?required=${!this.form.optional(name)}
        class=${error ? 'invalid' : ''}
        .value=${this.form.values[name]}
        @sl-input=${this.onInput}
        >${this.label(name)}${this.help(error)}</sl-input
      >
      ${tip ? this.tip(name, tip) : nothing}
    </div>`;
  }

  private select(name: 'marketplace' | 'reason', options: readonly [string, string][], value: string): TemplateResult {
    const error = this.shown[name];
    return html`<sl-select
      id=${name}
      name=${name}
      placeholder=${t.choose}
      required
      class=${error ? 'invalid' : ''}
      .value=${value}
      @sl-change=${this.onChoose}
    >
      ${this.label(name)} ${this.help(error)} ${options.map(([option, label]) => html`<sl-option value=${option}>${label}</sl-option>`)}
    </sl-select>`;
  }

  private summary(): TemplateResult | typeof nothing {
    const summary = this.form.summary(this.shown);
    if (!summary) return nothing;
    return html`<div class="summary" tabindex="-1" role="group" aria-labelledby="summary-title">
      <p id="summary-title">${summary.title}</p>
      <ul>
        ${summary.errors.map(
          ([field, message]) => html`<li><a href="#${field}" @click=${this.onSummaryLink}>${message}</a></li>`,
        )}
      </ul>
    </div>`;
  }

  override render(): TemplateResult {
    const { form } = this;
    const values = form.values;
    this.shown = form.shown();
    const orderHistory = form.orderHistory;
    const detailsError = this.shown.details;
    return html`
      <ul class="policies" lang=${t.locale} aria-label=${t.policies}>
        <li>${t.policyReturn(RETURN_DAYS)}</li>
        <li>${t.policyWarranty(WARRANTY_MONTHS)}</li>
        <li>${t.policySupport}</li>
      </ul>
      <form
        lang=${t.locale}
        novalidate
        @submit=${this.onSubmit}
        @focusout=${this.onLeave}
      >
        ${this.summary()}
        <p class="note">${t.requiredNote}</p>
        ${this.select('marketplace', SITES, form.marketplace)}
        ${this.input('email', 'email', 'email')} ${this.input('name', 'text', 'name')}
        ${this.input(
          'orderId',
          'text',
          'off',
          html`${t.tipOrderId}
          ${orderHistory
            ? html`<a href=${orderHistory} target="_blank" rel="noopener"
                >${t.orderHistory}<span class="vh"> ${t.newTab}</span></a
              >`
            : nothing}`,
        )}
        ${this.input('productName', 'text', 'off', t.tipProductName)}
        <sl-radio-group
          id="resolution"
          name="resolution"
          required
          class=${this.shown.resolution ? 'invalid' : ''}
          .value=${values.resolution}
          @sl-change=${this.onChoose}
        >
          ${this.label('resolution')} ${this.help(this.shown.resolution)}
          ${RESOLUTION_OPTIONS.map(([value, label]) => html`<sl-radio value=${value}>${label}</sl-radio>`)}
        </sl-radio-group>
        ${this.select('reason', REASON_OPTIONS, values.reason)}
        ${this.input('serialNumber', 'text', 'off', t.tipSerialNumber)}
        <sl-textarea
          id="details"
          name="details"
          rows="5"
          ?required=${!form.optional('details')}
          class=${detailsError ? 'invalid' : ''}
          .value=${values.details}
          @sl-input=${this.onInput}
        >
          ${this.label('details')}
          <div slot="help-text">
            <div class="count">${form.detailsCount}</div>
            ${detailsError ? html`<div>${detailsError}</div>` : nothing}
          </div>
        </sl-textarea>
        <div class="field">
          <label for="images"
            >${t.images}<span class="hint" aria-hidden="true"> ${t.optional}</span></label
          >
          <span id="images-hint" class="hint">${t.photosHint(MAX_PHOTOS)}</span>
          <span class="picker">
            <span class="button" aria-hidden="true">${t.addPhotos}</span>
            <input
              id="images"
              name="images"
              type="file"
              accept=${PHOTO_TYPES}
              multiple
              aria-invalid=${!!this.shown.images}
              aria-describedby="images-hint images-error"
              @change=${this.onPhotos}
            />
          </span>
          ${form.files.length
            ? html`<ul class="photos hint" aria-label=${t.images}>
                ${form.files.map((file) => html`<li>${file.name}</li>`)}
              </ul>`
            : nothing}
          <p id="images-error" class="error">${this.shown.images ?? nothing}</p>
        </div>
        <div class="actions">
          <sl-button type="submit" variant="primary">${t.submit}</sl-button>
          <sl-button data-reset @click=${this.onReset}>${t.reset}</sl-button>
        </div>
        ${form.confirmingReset
          ? html`<div class="confirm" role="group" aria-labelledby="confirm-title">
              <p id="confirm-title">${t.resetConfirm}</p>
              <sl-button variant="danger" @click=${this.onConfirmReset}>${t.resetYes}</sl-button>
              <sl-button data-keep @click=${this.onConfirmReset}>${t.resetNo}</sl-button>
            </div>`
          : nothing}
      </form>
    `;
  }

  /** Each control's invalid state follows the message it shows. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    for (const control of this.renderRoot.querySelectorAll<Validated>('sl-input, sl-select, sl-radio-group, sl-textarea')) {
      const message = this.shown[control.id as FieldName] ?? '';
      void control.updateComplete.then(() => control.setCustomValidity(message));
    }
  }
}

customElements.define('bench-shoelace-form', BenchShoelaceForm);

declare global {
  interface HTMLElementTagNameMap {
    'bench-shoelace-form': BenchShoelaceForm;
  }
}
