/**
 * Keeps one Friendly Captcha puzzle solving in the background for a form: started on the
 * customer's first interaction, refreshed before it expires, replaced after it is used.
 * The widget's DOM node is made here, never by a Lit template, because destroy() removes it.
 * This module and friendly-challenge are one chunk, loaded when a form with a site key is
 * first touched.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { WidgetInstance } from 'friendly-challenge';
import { captchaStyles } from './styles.js';
import { adopt } from '../refund-exchange-form.styles.js';
import { captchaTexts } from './language.js';
import type { Translation } from '../i18n/index.js';
import { trustedWidget, withoutMarkupSink } from './trusted-types.js';
import { policyAllowed, TRUSTED_TYPES_DIRECTIVE } from '../trusted-workers.js';

export type CaptchaState = 'idle' | 'solving' | 'done' | 'failed';

export interface CaptchaSettings {
  sitekey: string;
  puzzleEndpoint?: string;
  /** The form's dictionary, for the widget's words. */
  t: Translation;
  /** Where the widget's node goes: an element the template renders and never fills. */
  container: HTMLElement;
  /** The form's shadow root, which gets the widget's styles. */
  root: ShadowRoot;
}

/** Renew a solution this long before the puzzle's own expiry, so a submit never sends a stale one. */
const RENEW_EARLY_MS = 60_000;

export class CaptchaController implements ReactiveController {
  state: CaptchaState = 'idle';
  solution = '';
  /** When the page's CSP refused the captcha: the directive it must add. */
  blocked?: string;
  /** The widget's browser check refused this browser (automated, or hiding its languages). */
  refusedBrowser = false;

  private widget?: WidgetInstance;
  private node?: HTMLElement;
  private renewTimer?: ReturnType<typeof setTimeout>;
  private waiters: { resolve: (solution: string) => void; reject: () => void }[] = [];
  /** The site key and puzzle endpoint the widget was made with. */
  private key = '';
  /** When the current puzzle was asked for: its lifetime counts from then. */
  private started = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onFailure: () => void,
  ) {
    host.addController(this);
  }

  /** Back in the page after a removal: the next render puts a new widget in place. */
  hostConnected(): void {
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.destroy();
  }

  /** Puts a widget into `settings.container` and starts solving, unless one is already there. */
  start(settings: CaptchaSettings): void {
    const key = `${settings.sitekey} ${settings.puzzleEndpoint ?? ''}`;
    if (this.node?.isConnected && this.node.parentElement === settings.container && key === this.key) {
      // Texts already on screen stay; the next state the widget shows is in the new language.
      this.widget?.loadLanguage(captchaTexts(settings.t));
      return;
    }
    // Not destroy(): a submit already waiting keeps waiting for the new widget's solution.
    this.teardown();
    this.key = key;
    const node = (this.node = document.createElement('div'));
    node.className = 'frc-captcha';
    // friendly-challenge shows each state with innerHTML, which Trusted Types would block.
    withoutMarkupSink(node, adapt);
    settings.container.append(node);
    adopt(settings.root, captchaStyles);
    this.set('solving');
    this.started = Date.now();
    if (!policyAllowed()) {
      this.blocked = TRUSTED_TYPES_DIRECTIVE;
      return this.fail();
    }
    try {
      this.widget = this.create(node, settings);
    } catch {
      // Workers refused outright (a host CSP without `worker-src blob:`, say).
      return this.fail();
    }
    const widget = this.widget;
    void widget.start().then(() => {
      // Its "browser check" refuses some browsers on screen only, with no callback.
      const started = (widget as unknown as { hasBeenStarted: boolean }).hasBeenStarted;
      if (!started && widget === this.widget && this.state === 'solving') {
        this.refusedBrowser = true;
        this.fail();
      }
    });
  }

  private create(node: HTMLElement, settings: CaptchaSettings): WidgetInstance {
    const widget = trustedWidget(
      () =>
        new WidgetInstance(node, {
          sitekey: settings.sitekey,
          ...(settings.puzzleEndpoint ? { puzzleEndpoint: settings.puzzleEndpoint } : {}),
          language: captchaTexts(settings.t),
          startMode: 'none',
          skipStyleInjection: true,
          // The solution travels in the JSON body, not in a form field.
          solutionFieldName: '-',
          doneCallback: (solution) => this.done(solution),
          errorCallback: () => this.fail(),
        }),
    );
    // friendly-challenge reports a failing solver worker only on screen, never to
    // errorCallback (NOTES): without this, a submit waiting for the solution would wait forever.
    const internals = widget as unknown as { onWorkerError(error: unknown): void };
    const onWorkerError = internals.onWorkerError.bind(widget);
    internals.onWorkerError = (error) => {
      onWorkerError(error);
      this.fail();
    };
    // Its solver's workers come up while the puzzle is fetched, and say so by showing the state
    // before any start (with a start button that then does nothing) in place of the fetching
    // one: once started, that is left out, and the fetching state stays until the puzzle comes.
    const group = (widget as unknown as { workerGroup: { readyCallback: () => void } }).workerGroup;
    const ready = group.readyCallback;
    group.readyCallback = () => {
      if (!(widget as unknown as { hasBeenStarted: boolean }).hasBeenStarted) ready();
    };
    return widget;
  }

  /** The solution, once solving has finished; rejects when the puzzle could not be fetched. */
  solved(): Promise<string> {
    if (this.state === 'done') return Promise.resolve(this.solution);
    if (this.state === 'failed') return Promise.reject(new Error('captcha failed'));
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  /** A fresh puzzle: after a failure, an expiry, or a solution the server has used or refused. */
  restart(): void {
    clearTimeout(this.renewTimer);
    this.solution = '';
    if (!this.widget) {
      // It never started: the next render builds it afresh.
      this.destroy();
      this.host.requestUpdate();
      return;
    }
    // reset() ends the old puzzle's workers, so no late answer for it can arrive.
    this.widget.reset();
    this.set('solving');
    this.started = Date.now();
    void this.widget.start();
  }

  /** Stops the widget and its workers and removes its node; a waiting submit gives up. */
  destroy(): void {
    this.teardown();
    this.settle();
  }

  private teardown(): void {
    clearTimeout(this.renewTimer);
    this.widget?.destroy();
    this.node?.remove();
    this.widget = undefined;
    this.node = undefined;
    this.solution = '';
    this.state = 'idle';
    this.blocked = undefined;
    this.refusedBrowser = false;
  }

  private done(solution: string): void {
    this.solution = solution;
    this.set('done');
    this.settle();
    // Puzzle byte 13 is its lifetime in 5-minute units, counted from when it was fetched.
    const lifetime = (puzzleBytes(solution)[13] ?? 0) * 300_000;
    const left = lifetime - RENEW_EARLY_MS - (Date.now() - this.started);
    this.renewTimer = setTimeout(() => this.restart(), Math.max(left, 0));
  }

  private fail(): void {
    // Each of the widget's workers may report the same failure.
    if (this.state === 'failed') return;
    this.set('failed');
    this.settle();
    this.onFailure();
  }

  private set(state: CaptchaState): void {
    this.state = state;
    this.host.requestUpdate();
  }

  private settle(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) {
      if (this.state === 'done') w.resolve(this.solution);
      else w.reject();
    }
  }
}

/**
 * Fits each state's markup to the form before it is shown. Its "FriendlyCaptcha" link stays for
 * the pointer but leaves the tab order, between the last field and Submit. An error keeps only
 * its localized headline: the detail is English ("Browser check failed…") and the form's own
 * message below says what happened and what to do, with the form's own retry button.
 */
function adapt(markup: DocumentFragment): void {
  markup.querySelector('.frc-banner a')?.setAttribute('tabindex', '-1');
  const text = markup.querySelector('.frc-text');
  const headline = text?.querySelector('b');
  if (!text || !headline) return;
  text.replaceChildren(headline);
  markup.querySelector('.frc-button')?.remove();
}

/** The puzzle bytes inside a solution string `signature.puzzle.solutions.diagnostics`. */
function puzzleBytes(solution: string): Uint8Array {
  try {
    return Uint8Array.from(atob(solution.split('.')[1] ?? ''), (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
}
