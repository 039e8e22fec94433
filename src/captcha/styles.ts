import { css } from 'lit';

/**
 * friendly-challenge puts its CSS into document.head, which never reaches a shadow root, so
 * the widget is created with skipStyleInjection and styled here.
 */
export const captchaStyles = css`
  .frc-captcha {
    max-width: 100%;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--rxf-background, #fff);
    color: var(--rxf-text, #1b1c1f);
  }
  .frc-container {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-height: 2.75rem;
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
  .frc-content {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .frc-button {
    min-height: 2.25rem;
    padding: 0.25rem 0.75rem;
  }
  .frc-progress {
    width: 8rem;
    accent-color: var(--_accent);
  }
  .frc-banner {
    display: block;
    margin-top: 0.25rem;
    text-align: end;
    font-size: 0.75em;
  }
  .frc-banner a {
    color: var(--_muted);
  }
`;
