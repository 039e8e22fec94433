/**
 * The captcha as the element sees it: loads the real controller and friendly-challenge (one
 * chunk) on the customer's first interaction, starts it in the template's container after each
 * render, and answers for it while it is not there yet.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CaptchaController } from './controller.js';
import type { Translation } from '../i18n/index.js';

export interface CaptchaSetup {
  sitekey?: string;
  puzzleEndpoint?: string;
  /** The form's dictionary, for the widget's words. */
  t: Translation;
  /** Set on the first focus or touch: solving starts then, not on page load. */
  active: boolean;
}

export class CaptchaSlot implements ReactiveController {
  /** The chunk could not be loaded (offline, or not deployed); the retry asks again. */
  unavailable = false;

  private controller?: CaptchaController;
  private loading?: Promise<unknown>;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment },
    private readonly setup: () => CaptchaSetup,
    private readonly onFailure: () => void,
  ) {
    host.addController(this);
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
}
