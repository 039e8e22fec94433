/**
 * The captcha's field: its box, its error and retry, and the real controller with
 * friendly-challenge (one chunk), loaded on the customer's first interaction and started in the
 * box after each render; it answers for the controller while that is not there yet. This module
 * loads only for a form with a site key (slot.ts), before the render that shows it.
 */
import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { CaptchaController } from './controller.js';
import type { Translation } from '../i18n/index.js';
import type { FieldContext } from '../form/templates.js';
import { adopt } from '../refund-exchange-form.styles.js';
import { RefundExchangeErrorEvent } from '../events.js';

/**
 * The captcha's box, at the size its widget will fill, from the first render: the widget arrives
 * on the first press or focus, and a Submit moving away from under a press would lose the click.
 */
const boxStyles = css`
  .captcha {
    box-sizing: border-box;
    height: calc(5.125em + 2px);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_bg);
  }
`;

export interface CaptchaSetup {
  sitekey?: string;
  puzzleEndpoint?: string;
  /** The form's dictionary, for the widget's words. */
  t: Translation;
  /** Set on the first focus or touch: solving starts then, not on page load. */
  active: boolean;
}

export class CaptchaField implements ReactiveController {
  /** The chunk could not be loaded (offline, or not deployed); the retry asks again. */
  unavailable = false;

  private controller?: CaptchaController;
  private loading?: Promise<unknown>;
  private readonly onFailure = () => this.host.dispatchEvent(new RefundExchangeErrorEvent({ kind: 'captcha' }));

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly setup: () => CaptchaSetup,
  ) {
    host.addController(this);
  }

  /** The box's styles, before the first render that shows it. */
  hostUpdate(): void {
    adopt(this.host.renderRoot as ShadowRoot, boxStyles);
  }

  hostUpdated(): void {
    const { sitekey, puzzleEndpoint, t, active } = this.setup();
    // Lit still renders a removed element; its captcha is gone and must not come back.
    if (!this.host.isConnected || !sitekey) return this.destroy();
    const container = this.host.renderRoot.querySelector<HTMLElement>('.captcha');
    if (!container || !active || this.unavailable) return;
    if (!this.controller) {
      this.loading ??= import('./controller.js').then(
        ({ CaptchaController }) => {
          this.controller = new CaptchaController(this.host, this.onFailure);
          this.host.requestUpdate();
        },
        () => {
          this.loading = undefined;
          this.unavailable = true;
          this.onFailure();
          this.host.requestUpdate();
        },
      );
      return;
    }
    this.controller.start({ sitekey, puzzleEndpoint, t, container, root: this.host.renderRoot as ShadowRoot });
  }

  /** Whether the captcha cannot go on without the customer's retry. */
  get failed(): boolean {
    return this.unavailable || this.controller?.state === 'failed';
  }

  /** Set when the page's CSP refused the captcha: the directive the page must add. */
  get blocked(): string | undefined {
    return this.controller?.blocked;
  }

  /** Whether the widget's browser check refused this browser: no retry will help. */
  get refusedBrowser(): boolean {
    return !!this.controller?.refusedBrowser;
  }

  get solution(): string {
    return this.controller?.solution ?? '';
  }

  /** The solution once there; rejects when the captcha failed meanwhile. */
  async solved(): Promise<string> {
    await this.loading;
    if (!this.controller) throw new Error('no captcha');
    return this.controller.solved();
  }

  /** The customer asked to try again, or the server refused the solution: a new puzzle. */
  restart(): void {
    this.unavailable = false;
    this.controller?.restart();
    this.host.requestUpdate();
  }

  /** A solution is good for one request: the next one gets a new puzzle. */
  destroy(): void {
    this.controller?.destroy();
  }

  /**
   * An empty box the controller fills (a Lit template must not own the widget's node), its
   * error, and a retry once it failed or the server refused it, which starts a new check.
   */
  render(c: FieldContext): TemplateResult {
    const { t } = c;
    const refused = !!c.model.serverErrors.captcha;
    // The server's reason (expired, used, failed) is in its language; the remedy is the same.
    // A page that blocks the captcha needs its owner, and a refused browser another browser, to act.
    const failure = this.refusedBrowser
      ? t.errCaptchaBrowser
      : this.blocked
        ? t.errCaptchaBlocked(this.blocked)
        : t.errCaptchaFetch;
    const error = refused ? t.errCaptchaRefused : this.failed ? failure : undefined;
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
      <p id="captcha-error" class="error" part="error" aria-live=${c.live}>${error ?? nothing}</p>
      ${(this.failed && !this.refusedBrowser) || refused
        ? html`<button
            id="captcha-retry"
            type="button"
            part="button"
            @click=${() => {
              c.model.clearServerError('captcha');
              this.restart();
            }}
          >
            ${t.captchaRetry}
          </button>`
        : nothing}
    </div>`;
  }
}
