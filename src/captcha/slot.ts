/**
 * The captcha as the element sees it: its field (field.ts, with what loads the widget) is a
 * chunk only a form with a site key loads, before the render that shows it, so a form without
 * one carries none of it.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CaptchaField, CaptchaSetup } from './field.js';
import { lazily } from '../lazy.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment; hasUpdated: boolean };

export class CaptchaSlot implements ReactiveController {
  /** The field, once its chunk is here. */
  field?: CaptchaField;
  /** The field's chunk, once; a failed load (offline) is asked for again by the next render or submit. */
  readonly load = lazily(() =>
    import('./field.js').then(({ CaptchaField }) => (this.field = new CaptchaField(this.host, this.setup))),
  );

  constructor(
    private readonly host: Host,
    private readonly setup: () => CaptchaSetup,
  ) {
    host.addController(this);
  }

  /** A site key set after the first render: the field shows once its chunk is here. */
  hostUpdate(): void {
    if (this.host.hasUpdated && !this.field && this.setup().sitekey) {
      this.load().then(() => this.host.requestUpdate(), () => undefined);
    }
  }

  /** Settles once a form with a site key can show its field, or its chunk could not load. */
  ready(): Promise<unknown> | undefined {
    return this.setup().sitekey ? this.load().catch(() => undefined) : undefined;
  }
}
