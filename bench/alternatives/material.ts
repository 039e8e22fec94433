/**
 * `<bench-material-form>`: the same form built from Material Web 2.5 components, with Material's
 * typescale styles and default (baseline) tokens, and our rules, words and behaviour (logic.ts).
 * Bench only, never shipped.
 *
 * A problem shows as the control's error text, with its error state (`error`, which sets
 * `aria-invalid` on the inner control). The label of an optional field reads "(optional)" on
 * screen; its accessible name is the field's name alone (`aria-label`), as in ours. Roboto is
 * asked for first but not downloaded: the page may make no other request.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import '@material/web/button/filled-button.js';
import '@material/web/button/outlined-button.js';
import '@material/web/button/text-button.js';
import '@material/web/radio/radio.js';
import '@material/web/select/outlined-select.js';
import '@material/web/select/select-option.js';
import '@material/web/textfield/outlined-text-field.js';
import { styles as typescaleStyles } from '@material/web/typography/md-typescale-styles.js';
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

// As Material's docs set up typography: the typescale classes for the page…
if (typescaleStyles.styleSheet) document.adoptedStyleSheets.push(typescaleStyles.styleSheet);

export class BenchMaterialForm extends BenchForm {
  // …and for this shadow root, whose text uses them too.
  static override styles = [
    typescaleStyles,
    css`
      :host {
        display: block;
        --md-ref-typeface-brand: Roboto, system-ui, sans-serif;
        --md-ref-typeface-plain: Roboto, system-ui, sans-serif;
        --_primary: var(--md-sys-color-primary, #6750a4);
        --_muted: var(--md-sys-color-on-surface-variant, #49454f);
        --_error: var(--md-sys-color-error, #b3261e);
        font-family: var(--md-ref-typeface-plain);
        color: var(--md-sys-color-on-surface, #1d1b20);
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
        gap: 1.25rem;
      }
      .policies {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
        list-style: none;
        padding: 0;
        margin-bottom: 1.25rem;
      }
      .policies li::before {
        content: '✓' / '';
        color: var(--_primary);
        margin-inline-end: 0.4em;
      }
      .field {
        display: grid;
        gap: 0.25rem;
        min-width: 0;
      }
      md-outlined-text-field,
      md-outlined-select {
        width: 100%;
      }
      .hint,
      .note,
      details {
        color: var(--_muted);
      }
      .req,
      .error {
        color: var(--_error);
      }
      .label > span {
        margin-inline-start: 0.3em;
      }
      details {
        padding-inline: 1rem;
      }
      summary {
        cursor: pointer;
        width: fit-content;
        color: var(--_primary);
      }
      a {
        color: var(--_primary);
      }
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
      }
      .choice {
        display: inline-flex;
        align-items: center;
        gap: 0.25rem;
        min-height: 3rem;
        cursor: pointer;
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
        height: 2.5rem;
        padding: 0 1.5rem;
        border: 1px solid var(--md-sys-color-outline, #79747e);
        border-radius: 1.25rem;
        color: var(--_primary);
      }
      .picker:focus-within .button {
        outline: 3px solid var(--md-sys-color-secondary, #625b71);
        outline-offset: 2px;
      }
      .photos {
        padding-inline-start: 1.25rem;
      }
      .summary,
      .confirm {
        padding: 1rem;
        border-radius: 0.75rem;
        background: var(--md-sys-color-error-container, #f9dedc);
        color: var(--md-sys-color-on-error-container, #410e0b);
      }
      .summary:focus-visible {
        outline: 3px solid var(--md-sys-color-secondary, #625b71);
        outline-offset: 2px;
      }
      .summary ul {
        padding-inline-start: 1.25rem;
        margin-top: 0.5rem;
      }
      .summary a {
        color: inherit;
      }
      .actions,
      .confirm {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
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
    `,
  ];

  private shown: Partial<Record<FieldName, string>> = {};

  /** "Serial number (optional)" on screen for an optional field, its name alone otherwise (Material adds *). */
  private label(name: FieldName): string {
    return this.form.optional(name) ? `${t[name]} ${t.optional}` : t[name];
  }

  private tip(name: FieldName, tip: unknown): TemplateResult {
    return html`<details class="md-typescale-body-small">
      <summary>${t.tip}<span class="vh"> ${t[name]}</span></summary>
      <p>${tip}</p>
    </details>`;
  }

  private input(name: TextField, type: string, autocomplete: string, tip?: unknown): TemplateResult {
    const error = this.shown[name];
    return html`<div class="field">
      <md-outlined-text-field
        id=${name}
        name=${name}
        type=${type}
        autocomplete=${autocomplete}
        spellcheck=${name === 'name' || name === 'productName' ? 'true' : 'false'}
        label=${this.label(name)}
        aria-label=${t[name]}
        ?required=${!this.form.optional(name)}
        ?error=${!!error}
        error-text=${error ?? ''}
        .value=${this.form.values[name]}
        @input=${this.onInput}
      ></md-outlined-text-field>
      ${tip ? this.tip(name, tip) : nothing}
    </div>`;
  }

  private select(name: 'marketplace' | 'reason', options: readonly [string, string][], value: string): TemplateResult {
    const error = this.shown[name];
    return html`<md-outlined-select
      id=${name}
      name=${name}
      label=${this.label(name)}
      required
      ?error=${!!error}
      error-text=${error ?? ''}
      .value=${value}
      @change=${this.onChoose}
    >
      <md-select-option value=""><div slot="headline">${t.choose}</div></md-select-option>
      ${options.map(
        ([option, label]) =>
          html`<md-select-option value=${option}><div slot="headline">${label}</div></md-select-option>`,
      )}
    </md-outlined-select>`;
  }

  private summary(): TemplateResult | typeof nothing {
    const summary = this.form.summary(this.shown);
    if (!summary) return nothing;
    return html`<div class="summary" tabindex="-1" role="group" aria-labelledby="summary-title">
      <p id="summary-title" class="md-typescale-title-medium">${summary.title}</p>
      <ul class="md-typescale-body-medium">
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
    const { resolution: resolutionError, details: detailsError, images: imagesError } = this.shown;
    return html`
      <ul class="policies md-typescale-title-small" lang=${t.locale} aria-label=${t.policies}>
        <li>${t.policyReturn(RETURN_DAYS)}</li>
        <li>${t.policyWarranty(WARRANTY_MONTHS)}</li>
        <li>${t.policySupport}</li>
      </ul>
      <form
        class="md-typescale-body-large"
        lang=${t.locale}
        novalidate
        @submit=${this.onSubmit}
        @focusout=${this.onLeave}
      >
        ${this.summary()}
        <p class="note md-typescale-body-small">${t.requiredNote}</p>
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
        <div
          class="field"
          id="resolution"
          role="radiogroup"
          aria-labelledby="resolution-label"
          aria-describedby="resolution-error"
          aria-required="true"
          aria-invalid=${!!resolutionError}
        >
          <span id="resolution-label" class="label md-typescale-title-small"
            >${t.resolution}<span class="req" aria-hidden="true">*</span></span
          >
          <div class="choices">
            ${RESOLUTION_OPTIONS.map(
              ([value, label]) => html`<label class="choice">
                <md-radio
                  name="resolution"
                  value=${value}
                  .checked=${values.resolution === value}
                  @change=${this.onChoose}
                ></md-radio>
                ${label}
              </label>`,
            )}
          </div>
          <p id="resolution-error" class="error md-typescale-body-small">${resolutionError ?? nothing}</p>
        </div>
        ${this.select('reason', REASON_OPTIONS, values.reason)}
        ${this.input('serialNumber', 'text', 'off', t.tipSerialNumber)}
        <md-outlined-text-field
          id="details"
          name="details"
          type="textarea"
          rows="5"
          label=${this.label('details')}
          aria-label=${t.details}
          ?required=${!form.optional('details')}
          supporting-text=${form.detailsCount}
          ?error=${!!detailsError}
          error-text=${detailsError ?? ''}
          .value=${values.details}
          @input=${this.onInput}
        ></md-outlined-text-field>
        <div class="field">
          <label for="images" class="label md-typescale-title-small"
            >${t.images}<span class="hint" aria-hidden="true">${t.optional}</span></label
          >
          <span id="images-hint" class="hint md-typescale-body-small">${t.photosHint(MAX_PHOTOS)}</span>
          <span class="picker md-typescale-label-large">
            <span class="button" aria-hidden="true">${t.addPhotos}</span>
            <input
              id="images"
              name="images"
              type="file"
              accept=${PHOTO_TYPES}
              multiple
              aria-invalid=${!!imagesError}
              aria-describedby="images-hint images-error"
              @change=${this.onPhotos}
            />
          </span>
          ${form.files.length
            ? html`<ul class="photos hint md-typescale-body-medium" aria-label=${t.images}>
                ${form.files.map((file) => html`<li>${file.name}</li>`)}
              </ul>`
            : nothing}
          <p id="images-error" class="error md-typescale-body-small">${imagesError ?? nothing}</p>
        </div>
        <div class="actions">
          <md-filled-button type="submit">${t.submit}</md-filled-button>
          <md-outlined-button type="button" data-reset @click=${this.onReset}>${t.reset}</md-outlined-button>
        </div>
        ${form.confirmingReset
          ? html`<div class="confirm" role="group" aria-labelledby="confirm-title">
              <p id="confirm-title">${t.resetConfirm}</p>
              <md-filled-button type="button" @click=${this.onConfirmReset}>${t.resetYes}</md-filled-button>
              <md-text-button type="button" data-keep @click=${this.onConfirmReset}>${t.resetNo}</md-text-button>
            </div>`
          : nothing}
      </form>
    `;
  }
}

customElements.define('bench-material-form', BenchMaterialForm);

declare global {
  interface HTMLElementTagNameMap {
    'bench-material-form': BenchMaterialForm;
  }
}
