import { css } from 'lit';

/**
 * The styles of what shows only once the rules are here: an invalid field, the error summary, the
 * question before Reset, the success view. They load with the rules (validation.ts), not with
 * the entry, and are added to the form's own (adopt) before the render that may need them. The
 * form's custom properties (`--_error`, …) come from its host.
 */
export const checkedStyles = css`
  :is(input, select, textarea)[aria-invalid='true'] {
    border-color: var(--_error);
    border-width: 2px;
  }
  .done {
    padding: 1rem;
    border: 2px solid var(--_accent);
    border-radius: var(--_radius);
    display: grid;
    gap: 1rem;
    justify-items: start;
  }
  .summary {
    padding: 1rem;
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
  }
  /* The question before Reset. */
  .confirm {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    padding: 1rem;
    border: 2px solid var(--_error);
    border-radius: var(--_radius);
  }
  .confirm p {
    flex-basis: 100%;
  }
  .summary ul {
    padding-inline-start: 1.25rem;
  }
  .summary a {
    color: var(--_error);
  }
  .ref {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    font-weight: 600;
  }
  .ref .hint {
    font-weight: 400;
  }
  /* The recap: a term above its value on narrow screens, beside it where there is room. */
  .recap {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: 0.5rem 1.5rem;
    margin: 0;
    width: 100%;
  }
  .recap dt {
    color: var(--_muted);
  }
  .recap dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  /* Start over after a send: a quiet link, not a button that invites a second request. */
  button.link {
    min-height: 2.75rem;
    padding: 0;
    border: 0;
    background: none;
    text-decoration: underline;
  }
`;
