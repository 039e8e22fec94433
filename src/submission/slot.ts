/**
 * The submission as the element sees it before the sending code is there: loads it (sending.ts)
 * on the customer's first interaction, or on the first submit, and answers for it until then: the
 * form is idle, nothing was sent. A draft's Idempotency-Key is kept here, so a submit after a
 * reload sends the key the draft brought back.
 */
import type { ReactiveControllerHost } from 'lit';
import type { FormModel } from '../form/model.js';
import { RefundExchangeErrorEvent } from '../events.js';
import { lazily } from '../lazy.js';
import { sentences, type Message, type Translation } from '../i18n/index.js';
import type { Idempotency, Phase, Submission, SubmissionController, SubmissionHooks } from './controller.js';

export class SubmissionSlot {
  /** One key per submission, kept while the request stays the same apart from its captcha. */
  idempotency?: Idempotency | undefined;
  /** Loads the sending code once; a failed load is asked for again by the next submit. */
  readonly load = lazily(() =>
    import('./sending.js').then(
      ({ SubmissionController }) => (this.controller = new SubmissionController(this.host, this.model, this.hooks, this)),
    ),
  );

  private controller?: SubmissionController;
  /** The sending code could not load when a submit needed it. */
  private unreachable?: Message;
  /** A submit waits for the sending code: Submit and Reset wait too. */
  private pending = false;
  /** Bumped by reset(), so a submit still waiting for the code is dropped. */
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly model: FormModel,
    private readonly hooks: SubmissionHooks,
  ) {}

  get phase(): Phase {
    return this.controller?.phase ?? 'idle';
  }

  /** What the form is doing, said in its status line; undefined when idle. */
  status(t: Translation): string | undefined {
    return { sending: t.sending, solving: t.captchaWaiting, offline: t.offlineWaiting }[this.phase as string];
  }

  get busy(): boolean {
    return this.pending || !!this.controller?.busy;
  }

  /** A message about the whole form: configuration, network, server. */
  get failure(): Message | undefined {
    return this.unreachable ?? this.controller?.failure;
  }

  /** The sending code, once it has sent: it shows the success view. */
  get sent(): SubmissionController | undefined {
    return this.controller?.phase === 'sent' ? this.controller : undefined;
  }

  /** Checks, waits for the captcha, asks the host, sends, and tells the outcome. */
  async submit(submission: Submission): Promise<void> {
    this.unreachable = undefined;
    // Loaded already, as after the first interaction: the submit starts in this very task.
    let controller = this.controller;
    const generation = this.generation;
    try {
      this.pending = !controller;
      controller ??= await this.load();
    } catch {
      this.pending = false;
      if (generation !== this.generation) return;
      this.host.dispatchEvent(new RefundExchangeErrorEvent({ kind: 'network' }));
      return this.cannotLoad();
    }
    this.pending = false;
    // Reset while the code loaded: nothing is left to send.
    if (generation !== this.generation) return;
    return controller.submit(submission);
  }

  /**
   * Says that code a step needs could not load (offline since the page loaded, most likely),
   * with the words the entry carries.
   */
  cannotLoad(): void {
    this.unreachable = (t) => sentences(t, [t.errNetwork, t.tryAgain, t.kept]);
    this.host.requestUpdate();
    this.hooks.focus('.alert');
  }

  /** Back to the start: a request in flight or waiting is abandoned. */
  reset(): void {
    this.generation++;
    this.pending = false;
    this.unreachable = undefined;
    this.idempotency = undefined;
    this.controller?.reset();
  }
}
