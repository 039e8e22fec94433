/**
 * Runs a submit for the element: the whole-form check, waiting for the captcha, the cancelable
 * submit event, sending with one Idempotency-Key per submission (also across going offline),
 * and turning the answer into events, field errors or a message. Owns the phase, so the
 * element only asks what to show. Sending code: it loads with send.ts and the success view
 * (sending.ts) on a form's first interaction, and SubmissionSlot answers for it until then.
 */
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import { RefundExchangeErrorEvent, type FieldError } from '../events.js';
import { RefundExchangeSubmitEvent, RefundExchangeSuccessEvent } from './events.js';
import type { FormModel } from '../form/model.js';
import { sentences, type Message, type Translation } from '../i18n/index.js';
import type { EndpointBody, RefundExchangeRequest, WithdrawalStatement } from '../schema.js';
import { newIdempotencyKey, send, type SendResult } from './send.js';
import { showServerErrors } from './server-errors.js';
import { done } from './receipt.js';

/** One state for sending: waiting for the captcha, on the wire, waiting for a connection, done. */
export type Phase = 'idle' | 'solving' | 'sending' | 'offline' | 'sent';

/** What the success view recaps of what was sent: a request's photos counted rather than kept. */
export interface Receipt {
  request: Omit<RefundExchangeRequest, 'images' | 'captcha'> | Omit<WithdrawalStatement, 'captcha'>;
  reference: string;
  /** When the endpoint says it stored it (ISO 8601), if it does. */
  receivedAt?: string | undefined;
  photos: number;
  /** After the Copy button: whether the reference reached the clipboard. */
  copied?: boolean;
}

export interface Submission {
  /** The endpoint, or why there is none. */
  target: { url: string } | { problem: string };
  /** What has to load before the form can be checked; undefined when it is there. */
  ready?: () => Promise<unknown> | undefined;
  /** The whole form checked: the request (or withdrawal statement), or each field's problem. */
  check(): { request?: EndpointBody; errors: FieldError[] };
  /** With a captcha: settles once its solution is there; rejects when it failed. */
  solved?: () => Promise<unknown>;
}

/** What the element does when the answer concerns more than this controller. */
/** One key per submission: kept while the request stays the same apart from its captcha. */
export interface Idempotency {
  key: string;
  fingerprint: string;
}

/** A view of its own for what it sent (the withdrawal function's receipt); undefined leaves it to the request's. */
export interface ReceiptView {
  done(t: Translation, sent: SubmissionController, site: (id: string) => string, onNew: () => void): TemplateResult | undefined;
}

export interface SubmissionHooks {
  /** The endpoint took the request: the captcha solution is used up, the draft done with. */
  sent(): void;
  /** The server refused the captcha solution: a new puzzle is needed. */
  captchaRefused(): void;
  /** Moves focus to what tells the outcome, as the outcome is told (not a task later). */
  focus(selector: string): void;
}

const offline = () => navigator.onLine === false;

const receiptOf = (sent: EndpointBody, reference: string, response: unknown): Receipt => {
  const { receivedAt } = (response ?? {}) as { receivedAt?: unknown };
  const request = { ...sent };
  delete request.captcha;
  let photos = 0;
  if ('images' in request) {
    photos = request.images?.length ?? 0;
    delete request.images;
  }
  return { request, reference, receivedAt: typeof receivedAt === 'string' ? receivedAt : undefined, photos };
};

/** Resolves at the browser's next `online` event; rejects when `signal` aborts. */
const whenOnline = (signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const done = () => {
      removeEventListener('online', done);
      signal.removeEventListener('abort', done);
      if (signal.aborted) reject(signal.reason);
      else resolve();
    };
    addEventListener('online', done);
    signal.addEventListener('abort', done);
  });

export class SubmissionController implements ReactiveController {
  phase: Phase = 'idle';
  /** A message about the whole form: configuration, network, server. */
  failure?: Message;
  /** Once sent: what the endpoint took, and its reference. */
  receipt?: Receipt;

  private sending?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly model: FormModel,
    private readonly hooks: SubmissionHooks,
    /** Where the submission's Idempotency-Key is kept: the slot, which drafts save and restore. */
    private readonly keys: { idempotency?: Idempotency | undefined },
  ) {
    host.addController(this);
    // A customer who changes the form while it waits for a connection is not done with it.
    model.subscribe(() => {
      if (this.phase !== 'offline') return;
      this.abort();
      this.failure = (t) => sentences(t, [t.errOffline, t.kept]);
    });
  }

  /** Removed mid-send: the request is abandoned, and everything entered stays for next time. */
  hostDisconnected(): void {
    this.abort();
  }

  /** Whether a submit is under way, so that Submit and Reset wait. */
  get busy(): boolean {
    return this.phase !== 'idle' && this.phase !== 'sent';
  }

  /** Checks, waits for the captcha, asks the host, sends, and tells the outcome. */
  async submit(submission: Submission): Promise<void> {
    this.failure = undefined;
    this.model.startSubmit();
    const { target } = submission;
    if ('problem' in target) {
      this.failure = (t) => t.errConfig;
      this.host.dispatchEvent(new RefundExchangeErrorEvent({ kind: 'config' }));
      return this.hooks.focus('.alert');
    }
    const loading = submission.ready?.();
    if (loading) {
      try {
        await loading;
      } catch {
        return this.handleResult({ kind: 'failure', reason: 'network' });
      }
    }
    let { request, errors } = submission.check();
    if (!request && submission.solved && errors.every((e) => e.field === 'captcha')) {
      // Everything else is fine: wait for the solution, which is usually on its way.
      const waiting = this.start('solving');
      try {
        await submission.solved();
      } catch {
        // The captcha failed while we waited; its own message, and a retry where one helps, are on screen.
        if (this.sending === waiting) this.set('idle');
        return this.hooks.focus('#captcha-retry, #captcha');
      }
      if (this.sending !== waiting) return;
      this.set('idle');
      ({ request, errors } = submission.check());
    }
    if (!request) {
      this.host.dispatchEvent(new RefundExchangeErrorEvent({ kind: 'validation', errors }));
      return this.hooks.focus('.summary');
    }
    // A withdrawal statement is dated by its confirmation: this press.
    if (request.kind === 'withdrawal') request = { ...request, confirmedAt: new Date().toISOString() };
    if (!this.host.dispatchEvent(new RefundExchangeSubmitEvent({ payload: request }))) return;
    return this.send(target.url, request);
  }

  /** Back to the start: a request in flight or waiting is abandoned. */
  reset(): void {
    this.abort();
    this.failure = undefined;
    this.receipt = undefined;
    this.keys.idempotency = undefined;
    this.set('idle');
  }

  private async send(url: string, request: EndpointBody): Promise<void> {
    const sending = this.start('sending');
    const { signal } = sending;
    // The photos by identity, not by their megabytes of data; the captcha changes on its own.
    const fingerprint = JSON.stringify({ ...request, captcha: '', images: this.model.photos.map((p) => p.id) });
    let result: SendResult;
    for (;;) {
      try {
        if (offline()) {
          this.set('offline');
          await whenOnline(signal);
          this.set('sending');
        }
        const { keys } = this;
        if (keys.idempotency?.fingerprint !== fingerprint) keys.idempotency = { key: newIdempotencyKey(), fingerprint };
        result = await send({ url, body: request, idempotencyKey: keys.idempotency.key, signal });
      } catch {
        // Abandoned by reset(), a removal or an edit.
        if (signal.aborted) return;
        result = { kind: 'failure', reason: 'network' };
      }
      // The connection went on the way: wait for it rather than give up.
      if (!(result.kind === 'failure' && result.reason === 'network' && offline())) break;
    }
    this.sending = undefined;
    this.set('idle');
    return this.handleResult(result, request);
  }

  /** The success view, once sent; `site` names a purchase site as the form's list did. */
  view(t: Translation, site: (id: string) => string, onNew: () => void, other?: ReceiptView): TemplateResult {
    const { receipt } = this;
    return (
      other?.done(t, this, site, onNew) ??
      done(t, { receipt, site: site(receipt?.request.marketplace ?? ''), onCopy: () => void this.copyReference(), onNew })
    );
  }

  /** Puts the reference on the clipboard for the customer, and says whether it worked. */
  async copyReference(): Promise<void> {
    const { receipt } = this;
    if (!receipt) return;
    receipt.copied = await navigator.clipboard?.writeText(receipt.reference).then(
      () => true,
      () => false,
    ) ?? false;
    this.host.requestUpdate();
  }

  private handleResult(result: SendResult, request?: EndpointBody): void {
    if (result.kind === 'success') {
      // Only a sent request succeeds, and so comes with one.
      if (request) this.receipt = receiptOf(request, result.reference ?? '', result.response);
      this.keys.idempotency = undefined;
      this.set('sent');
      this.hooks.sent();
      const { status, reference, response } = result;
      this.host.dispatchEvent(
        new RefundExchangeSuccessEvent(reference ? { status, reference, response } : { status, response }),
      );
      return this.hooks.focus('.done');
    }
    if (result.kind === 'fields') {
      showServerErrors(this.model, result.errors);
      // Refused, expired or already used: solve a new puzzle for the next try.
      if (this.model.serverErrors.captcha) this.hooks.captchaRefused();
      this.host.dispatchEvent(
        new RefundExchangeErrorEvent({ kind: 'validation', status: result.status, errors: result.errors }),
      );
      return this.hooks.focus('.summary');
    }
    const { reason, status, retryAfter = 0 } = result;
    this.failure = (t) => {
      const message = {
        server: t.errServer,
        network: t.errNetwork,
        timeout: t.errTimeout,
        'too-large': t.errTooLarge,
        'rate-limited': t.errRateLimited(retryAfter),
        refused: status ? t.errRefused(status) : t.errServer,
      }[reason];
      const again = reason === 'too-large' || reason === 'rate-limited' ? '' : t.tryAgain;
      return sentences(t, [message, again, t.kept]);
    };
    const kind = reason === 'network' || reason === 'timeout' ? 'network' : 'server';
    this.host.dispatchEvent(new RefundExchangeErrorEvent(status ? { kind, status } : { kind }));
    this.hooks.focus('.alert');
  }

  /** A new run of this controller's work; the one before it is abandoned. */
  private start(phase: Phase): AbortController {
    this.sending?.abort();
    const controller = (this.sending = new AbortController());
    this.set(phase);
    return controller;
  }

  private abort(): void {
    this.sending?.abort();
    this.sending = undefined;
    if (this.busy) this.set('idle');
  }

  private set(phase: Phase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }
}
