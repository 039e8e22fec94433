/**
 * `<bench-lit-form>`: the markup of our element's first render (English, every Amazon purchase
 * site with Amazon.com preselected, no captcha, at most 3 photos) with our stylesheet, in a bare
 * Lit element with no logic at all: no validation, no handlers. What the same markup costs in
 * Lit alone. Bench only, never shipped.
 */
import { LitElement, html, type TemplateResult } from 'lit';
import { styles } from '../../src/refund-exchange-form.styles.js';
import { words as t } from '../../src/i18n/en-words.js';
import { LIMITS, REASONS } from '../../src/fields.js';
import { marketplaceName, MARKETPLACE_IDS, orderHistoryUrl } from '../../src/marketplaces.js';

const MAX_PHOTOS = 3;
type Labelled = 'marketplace' | 'email' | 'name' | 'orderId' | 'productName' | 'reason' | 'serialNumber' | 'details';

const required = html`<span class="req" aria-hidden="true">*</span>`;
const optional = html`<span class="hint" aria-hidden="true">${t.optional}</span>`;

/** A label, the control, its (empty) error and, when given, its tip. */
function field(name: Labelled, control: TemplateResult, tip?: unknown, isOptional = false): TemplateResult {
  return html`<div class="field" part="field">
    <label for=${name} part="label">${t[name]}${isOptional ? optional : required}</label>
    ${control}
    <p id="${name}-error" class="error" part="error" aria-live="polite"></p>
    ${tip
      ? html`<details part="tip">
          <summary>${t.tip}<span class="vh"> ${t[name]}</span></summary>
          <p id="${name}-tip">${tip}</p>
        </details>`
      : ''}
  </div>`;
}

function input(name: Labelled, type: string, autocomplete: string, tip?: unknown, isOptional = false): TemplateResult {
  return field(
    name,
    html`<input
      id=${name}
      name=${name}
      part="control"
      type=${type}
      autocomplete=${autocomplete}
      spellcheck=${name === 'name' || name === 'productName' ? 'true' : 'false'}
      ?required=${!isOptional}
      aria-invalid="false"
      aria-describedby="${name}-error${tip ? ` ${name}-tip` : ''}"
    />`,
    tip,
    isOptional,
  );
}

function select(name: 'marketplace' | 'reason', options: [string, string][], selected?: string): TemplateResult {
  return field(
    name,
    html`<select id=${name} name=${name} part="control" required aria-invalid="false" aria-describedby="${name}-error">
      <option value="" .selected=${!selected}>${t.choose}</option>
      ${options.map(([value, label]) => html`<option value=${value} .selected=${value === selected}>${label}</option>`)}
    </select>`,
  );
}

const orderTip = html`${t.tipOrderId}
  <a href=${orderHistoryUrl('amazon.com')} target="_blank" rel="noopener"
    >${t.orderHistory}<span class="vh"> ${t.newTab}</span></a
  >`;

export class BenchLitForm extends LitElement {
  static override styles = styles;

  // Our element adds its `ready` state after its first render, which ends the room it reserves.
  private readonly internals = this.attachInternals();

  protected override firstUpdated(): void {
    this.internals.states.add('ready');
  }

  override render(): TemplateResult {
    return html`
      <ul class="policies" part="policies" lang=${t.locale} aria-label=${t.policies}>
        <li>${t.policyReturn(30)}</li>
        <li>${t.policyWarranty(18)}</li>
        <li>${t.policySupport}</li>
      </ul>
      <slot name="intro"></slot>
      <form part="form" lang=${t.locale} novalidate>
        <p class="vh" role="status"></p>
        <p class="note">${t.requiredNote}</p>
        ${select(
          'marketplace',
          MARKETPLACE_IDS.map((id) => [id, marketplaceName(id, t.amazonCom)]),
          'amazon.com',
        )}
        ${input('email', 'email', 'email')} ${input('name', 'text', 'name')}
        ${input('orderId', 'text', 'off', orderTip)} ${input('productName', 'text', 'off', t.tipProductName)}
        <fieldset class="field" part="field" aria-describedby="resolution-error">
          <legend part="label">${t.resolution}${required}</legend>
          ${(['refund', 'exchange'] as const).map(
            (value) => html`<label class="choice">
              <input type="radio" name="resolution" value=${value} required aria-invalid="false" />
              ${t[value]}
            </label>`,
          )}
          <p id="resolution-error" class="error" part="error" aria-live="polite"></p>
        </fieldset>
        ${select(
          'reason',
          REASONS.map((reason) => [reason, t[reason]]),
        )}
        ${input('serialNumber', 'text', 'off', t.tipSerialNumber, true)}
        ${field(
          'details',
          html`<textarea
              id="details"
              name="details"
              part="control"
              rows="5"
              aria-invalid="false"
              aria-describedby="details-error details-count"
            ></textarea>
            <span id="details-count" class="hint">${t.charCount(0, LIMITS.details)}</span>`,
          undefined,
          true,
        )}
        <div class="field" part="field">
          <label for="images" part="label">${t.images}${optional}</label>
          <span id="images-hint" class="hint">${t.photosHint(MAX_PHOTOS)}</span>
          <span class="picker">
            <span class="button" aria-hidden="true">${t.addPhotos}</span>
            <input
              id="images"
              name="images"
              part="control"
              type="file"
              accept="image/jpeg,image/png,image/webp"
              multiple
              aria-invalid="false"
              aria-describedby="images-hint images-error"
            />
          </span>
          <div id="images-error" class="error" part="error" aria-live="polite"></div>
          <p class="vh said" aria-live="polite"></p>
        </div>
        <div class="actions">
          <button type="submit" part="button submit" class="primary" aria-disabled="false">${t.submit}</button>
          <button type="button" part="button reset" aria-disabled="false">${t.reset}</button>
        </div>
        <p class="hint" role="status"></p>
      </form>
    `;
  }
}

customElements.define('bench-lit-form', BenchLitForm);

declare global {
  interface HTMLElementTagNameMap {
    'bench-lit-form': BenchLitForm;
  }
}
