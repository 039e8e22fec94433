/**
 * The field templates the element renders: a label, the control, its error and its tip, wired
 * together with `aria-describedby` inside the one shadow root. Views only: they read the model
 * and call the element's handlers.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { chars, LIMITS, type FieldName } from '../fields.js';
import type { Message, Translation } from '../i18n/index.js';
import { isOptional, isTextField, type FormModel, type TextField } from './model.js';
import type { Problems } from './rules.js';

export interface FieldContext {
  t: Translation;
  model: FormModel;
  /** The message each field shows now. */
  shown: Partial<Record<FieldName, string>>;
  /** Errors are announced as they appear, but not after a submit, when the summary reads them. */
  live: 'polite' | 'off';
  /** Fields shown read-only: the shop filled them in and they are not the customer's to change. */
  locked: ReadonlySet<TextField>;
  /** The element's input and change handler. */
  onInput: (e: Event) => void;
}

/**
 * What the field templates need for one render: each field's message (none before the rules are
 * here: a form is touched before it has any), and the locked fields that have a value; a locked
 * field without one stays editable, or the form could not be sent.
 */
export function context(
  t: Translation,
  model: FormModel,
  { shown }: Pick<Problems, 'shown'>,
  lock: string,
  onInput: (e: Event) => void,
): FieldContext {
  const locked = new Set(lock.split(/\s+/).filter((f): f is TextField => isTextField(f) && !!model.values[f]));
  // After a submit the focused summary reads the errors; live regions would read them twice.
  return { t, model, shown, live: model.submitted ? 'off' : 'polite', locked, onInput };
}

/** A label, `control`, the field's error and, when given, its "where do I find this?" tip. */
export function field(c: FieldContext, name: FieldName, control: TemplateResult, tip?: unknown): TemplateResult {
  const label = c.t[name as TextField];
  return html`<div class="field" part="field">
    <label for=${name} part="label">${label}${marker(c, name)}</label>
    ${control}
    <p id="${name}-error" class="error" part="error" aria-live=${c.live}>${c.shown[name] ?? nothing}</p>
    ${tip
      ? html`<details part="tip">
          <summary>${c.t.tip}<span class="vh"> ${label}</span></summary>
          <p id="${name}-tip">${tip}</p>
        </details>`
      : nothing}
  </div>`;
}

/** Hidden from the accessible name, which is the label alone; `required` tells the rest. */
export function marker(c: FieldContext, name: FieldName): TemplateResult {
  return isOptional(name, c.model.values)
    ? html`<span class="hint" aria-hidden="true">${c.t.optional}</span>`
    : html`<span class="req" aria-hidden="true">*</span>`;
}

export function input(
  c: FieldContext,
  name: TextField,
  type: string,
  autocomplete: string,
  tip?: unknown,
): TemplateResult {
  return field(
    c,
    name,
    html`<input
      id=${name}
      name=${name}
      part="control"
      type=${type}
      autocomplete=${autocomplete}
      spellcheck=${name === 'name' || name === 'productName'}
      ?required=${!isOptional(name, c.model.values)}
      ?readonly=${c.locked.has(name)}
      aria-invalid=${!!c.shown[name]}
      aria-describedby="${name}-error${tip ? ` ${name}-tip` : ''}"
      .value=${c.model.values[name]}
      @input=${c.onInput}
    />`,
    tip,
  );
}

/** A locked choice: its label as read-only text, as a locked text field shows its value. */
function lockedChoice(c: FieldContext, name: TextField, label: string): TemplateResult {
  return field(
    c,
    name,
    html`<input id=${name} part="control" type="text" readonly aria-describedby="${name}-error" .value=${label} />`,
  );
}

export function select(
  c: FieldContext,
  name: 'marketplace' | 'reason',
  options: [string, string][],
  selected: string | undefined,
): TemplateResult {
  if (c.locked.has(name)) return lockedChoice(c, name, options.find(([value]) => value === selected)?.[1] ?? '');
  return field(
    c,
    name,
    html`<select
      id=${name}
      name=${name}
      part="control"
      required
      aria-invalid=${!!c.shown[name]}
      aria-describedby="${name}-error"
      @change=${c.onInput}
    >
      <option value="" .selected=${!selected}>${c.t.choose}</option>
      ${options.map(([value, label]) => html`<option value=${value} .selected=${value === selected}>${label}</option>`)}
    </select>`,
  );
}

export function choices(c: FieldContext): TemplateResult {
  const { resolution } = c.model.values;
  if (c.locked.has('resolution')) return lockedChoice(c, 'resolution', c.t[resolution as 'refund' | 'exchange']);
  const error = c.shown.resolution;
  return html`<fieldset class="field" part="field" aria-describedby="resolution-error">
    <legend part="label">${c.t.resolution}${marker(c, 'resolution')}</legend>
    ${(['refund', 'exchange'] as const).map(
      (value) => html`<label class="choice">
        <input
          type="radio"
          name="resolution"
          value=${value}
          required
          aria-invalid=${!!error}
          .checked=${c.model.values.resolution === value}
          @change=${c.onInput}
        />
        ${c.t[value]}
      </label>`,
    )}
    <p id="resolution-error" class="error" part="error" aria-live=${c.live}>${error ?? nothing}</p>
  </fieldset>`;
}

export function details(c: FieldContext): TemplateResult {
  const { values } = c.model;
  return field(
    c,
    'details',
    html`<textarea
        id="details"
        name="details"
        part="control"
        rows="5"
        ?required=${!isOptional('details', values)}
        ?readonly=${c.locked.has('details')}
        aria-invalid=${!!c.shown.details}
        aria-describedby="details-error details-count"
        .value=${values.details}
        @input=${c.onInput}
      ></textarea>
      <span id="details-count" class="hint">${c.t.charCount(chars(values.details), LIMITS.details)}</span>`,
  );
}

export interface PhotosView {
  preparing: boolean;
  /** Why files picked last were not all taken. */
  problems: Message[];
  /** What a screen reader is told of the last change to the photos. */
  said?: Message | undefined;
  /** The list's template, once its chunk is here: it is before any photo is. */
  list?: { photoList(c: FieldContext, onRemove: (id: string) => void): unknown } | undefined;
}

/**
 * The photo picker for at most `limit` photos, its messages, and the thumbnails with their Remove
 * buttons; no field where no photo may be attached.
 */
export function photos(
  c: FieldContext,
  view: PhotosView,
  limit: number,
  onPick: (e: Event) => void,
  onRemove: (id: string) => void,
): TemplateResult | typeof nothing {
  if (limit <= 0) return nothing;
  const { t } = c;
  const problems = [c.shown.images, ...view.problems.map((problem) => problem(t))].filter(Boolean);
  return html`<div class="field" part="field">
    <label for="images" part="label">${t.images}${marker(c, 'images')}</label>
    <span id="images-hint" class="hint">${t.photosHint(limit)}</span>
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
        @change=${onPick}
      />
    </span>
    <div id="images-error" class="error" part="error" aria-live=${c.live}>${problems.map((p) => html`<p>${p}</p>`)}</div>
    ${view.preparing ? html`<p class="hint" role="status">${t.readingPhotos}</p>` : nothing}
    <p class="vh said" aria-live="polite">${view.said?.(t) ?? nothing}</p>
    ${view.list?.photoList(c, onRemove)}
  </div>`;
}
