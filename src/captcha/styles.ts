import { css } from 'lit';

/**
 * friendly-challenge puts its CSS into document.head, which never reaches a shadow root, so
 * the widget is created with skipStyleInjection and styled here.
 */
export const captchaStyles = css`
  /* Fills the box the form reserved for it (.captcha), so nothing moves when it appears, and
     fits every state it shows into that box. */
  .frc-captcha {
    display: flex;
    flex-direction: column;
    height: 100%;
    overflow: hidden;
    padding: 0.5em 0.75em;
    /* The form's palette (set on its host), light or dark. */
    color: var(--_text);
  }
  .frc-container {
    display: flex;
    flex: 1;
    align-items: center;
    gap: 0.75em;
    min-height: 0;
  }
  .frc-icon {
    flex: none;
    fill: var(--_muted);
    stroke: var(--_muted);
  }
  .frc-success .frc-icon {
    fill: var(--_accent);
    stroke: none;
  }
  /* The spinner turns by SMIL, which CSS cannot stop: undashed, it shows still. */
  @media (prefers-reduced-motion: reduce) {
    .frc-icon circle {
      stroke-dasharray: none;
    }
  }
  .frc-content {
    display: flex;
    flex: 1;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }
  .frc-text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 2;
    overflow: hidden;
    line-height: 1.25;
    overflow-wrap: anywhere;
  }
  /* The form's own retry sits below the box; the widget's buttons would restart it behind the
     form's back. */
  .frc-button {
    display: none;
  }
  .frc-progress {
    width: 100%;
    height: 0.25em;
    accent-color: var(--_accent);
  }
  .frc-banner {
    flex: none;
    margin-top: 0.25em;
    text-align: end;
    font-size: 0.75em;
    line-height: 1.5;
  }
  .frc-banner a {
    color: var(--_muted);
  }
`;
