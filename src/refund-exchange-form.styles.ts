import { css, type CSSResult } from 'lit';

export const styles = css`
  /* Dark or light as the page's color-scheme makes the host (it inherits; light-dark() reads
     it), not as the system's. Without light-dark() (Safari < 17.5, Chrome < 123) the colours
     are invalid: text inherits, borders and rings take currentColor, all still readable. */
  :host {
    --_accent: var(--rxf-accent, light-dark(#0b57d0, #a8c7fa));
    --_text: var(--rxf-text, light-dark(#1b1c1f, #e3e3e3));
    --_muted: var(--rxf-muted, light-dark(#4a4f57, #b9bdc4));
    --_bg: var(--rxf-background, light-dark(#fff, #1e1f22));
    --_border: var(--rxf-border, light-dark(#6b7079, #8f949c));
    --_error: var(--rxf-error, light-dark(#b3261e, #f2b8b5));
    --_radius: var(--rxf-radius, 0.375rem);
    display: block;
    /* Unset, these are invalid at computed time and the host's colour and font are inherited. */
    color: var(--rxf-text);
    font-family: var(--rxf-font);
    line-height: 1.5;
  }
  /* Room for the form until it is rendered whole (start.ts); its first render may wait for a
     language or a draft: nothing below the form moves when it appears. At least the viewport's
     height keeps what follows out of view, before and after, wherever the form is taller. */
  :host(:not(:state(ready))) {
    min-height: var(--rxf-reserve, min(100vh, 96rem));
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
      transition: none !important;
    }
  }
  :host([hidden]) {
    display: none;
  }
  *,
  ::before,
  ::after {
    box-sizing: border-box;
  }
  form {
    display: grid;
    gap: var(--rxf-gap, 1.25rem);
  }
  .policies {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1.5rem;
    list-style: none;
    padding: 0;
    margin: 0 0 var(--rxf-gap, 1.25rem);
    font-weight: 600;
  }
  .policies li::before {
    content: '✓' / '';
    color: var(--_accent);
    margin-inline-end: 0.4em;
  }
  p,
  ul {
    margin: 0;
  }
  .field {
    display: grid;
    gap: 0.25rem;
    min-width: 0;
    margin: 0;
    padding: 0;
    border: 0;
  }
  label,
  legend {
    font-weight: 600;
    padding: 0;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
    max-width: 100%;
  }
  input:not([type='radio']),
  select,
  textarea {
    width: 100%;
    min-height: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid;
    border-color: var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_text);
  }
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
  :focus-visible,
  summary:focus-visible,
  .picker:focus-within .button {
    outline: 3px solid;
    outline-color: var(--rxf-focus-ring, var(--_accent));
    outline-offset: 2px;
  }
  .choice {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    margin-inline-end: 1.5rem;
    min-height: 2.75rem;
    font-weight: 400;
  }
  .choice input {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .hint,
  .note {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 400;
  }
  .req,
  .error {
    color: var(--_error);
  }
  /* Margins, not spaces: template whitespace is minified away. */
  :is(label, legend) > span {
    margin-inline-start: 0.3em;
  }
  .error:empty {
    /* Kept in the page so its live region is there before a message arrives. */
    margin-top: -0.25rem;
  }
  details {
    font-size: 0.875em;
    color: var(--_muted);
  }
  summary {
    cursor: pointer;
    color: var(--_accent);
    width: fit-content;
  }
  a {
    color: var(--_accent);
  }
  .alert {
    padding: 1rem;
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 1px solid;
    border-color: var(--_accent);
    border-radius: var(--_radius);
    background: var(--_bg);
    color: var(--_accent);
    cursor: pointer;
  }
  .primary {
    background: var(--_accent);
    color: var(--rxf-accent-text, light-dark(#fff, #062e6f));
  }
  [aria-disabled='true'] {
    opacity: 0.6;
    cursor: not-allowed;
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

/**
 * Adds styles that came later, with what they style (the captcha's box and widget, the photo
 * list, the draft notice, Japanese text; what only the rules show, once they are here), to a
 * form's shadow root, once; nothing while they have not come.
 */
export function adopt(root: ShadowRoot, later: CSSResult | undefined): void {
  if (!later) return;
  const sheet = later.styleSheet;
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  } else if (![...root.querySelectorAll('style')].some((style) => style.textContent === later.cssText)) {
    // No constructable sheets (Safari < 16.4): a <style>, with the page's nonce, as Lit adds its
    // own then; after them, where Lit renders nothing.
    const style = document.createElement('style');
    const { litNonce } = globalThis as { litNonce?: string };
    if (litNonce) style.setAttribute('nonce', litNonce);
    style.textContent = later.cssText;
    root.append(style);
  }
}
