/**
 * The acknowledgement of receipt a withdrawal statement is owed (Article 11a(4) of Directive
 * 2011/83/EU): an email, over SMTP through nodemailer, in the customer's language, stating the
 * statement's content and the date and time of its submission. Sent at once after the
 * statement is stored, and from the store's own list of those due, so that a failed attempt is
 * tried again, by this process or another, until one succeeds. Node only.
 */
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import { localize } from '../i18n/localize.js';
import { isMarketplaceId, marketplaceName } from '../marketplaces.js';
import type { Channel } from '../channels.js';
import { withdrawalWords } from '../withdrawal/words.js';
import { acknowledgementWords } from './acknowledgement-words.js';
import type { DueAcknowledgement, RequestStore } from './store.js';

export interface AcknowledgementOptions {
  /**
   * The SMTP server, as nodemailer takes it: a URL such as `smtps://user:pass@mail.example.com`
   * or `smtp://localhost:2525` (the demo's `SMTP_URL`), or nodemailer's SMTP transport options.
   */
  smtp: string | SMTPTransport.Options;
  /** The sender, e.g. `"Kettle Co." <returns@kettle.example>`. */
  from: string;
  /** The trader who signs the mail; default: the sender's display name, or its address. */
  trader?: string;
  /** The IANA time zone of the dates and times in the mail. Default `UTC`. */
  timeZone?: string;
  /** Milliseconds before a failed acknowledgement is tried again, doubled after each failure up to an hour. Default 60 000. */
  retryMs?: number;
}

/** Sends the acknowledgements a store has due; `kick()` after storing a statement. */
export interface Acknowledger {
  /** Sends what is due now; a pass already running runs once more after it. */
  kick(): void;
  /** Resolves once no pass is running or asked for: the acknowledgements due so far have had their attempt. */
  idle(): Promise<void>;
  /** Stops trying; waits for the attempt under way. */
  close(): Promise<void>;
}

/** Statements claimed in one go; the rest wait for the next pass, which follows at once. */
const BATCH = 10;
/** How long a claimed acknowledgement is left to its sender before another may try: longer than any SMTP timeout. */
const LEASE_MS = 5 * 60 * 1000;
const MAX_RETRY_MS = 60 * 60 * 1000;

/**
 * Starts sending `store`'s acknowledgements: every `retryMs`, and whenever `kick()` says a
 * statement was stored. Failures are recorded in the store and reported to `onError`.
 */
export function startAcknowledger(
  store: RequestStore,
  options: AcknowledgementOptions,
  channels: readonly Channel[],
  onError: (error: unknown) => void,
): Acknowledger {
  const retryMs = options.retryMs ?? 60_000;
  let transport: Promise<Transporter> | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;

  const transporter = () =>
    (transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(options.smtp)));

  async function send(due: DueAcknowledgement): Promise<void> {
    try {
      const info = (await (await transporter()).sendMail(message(due, options, channels))) as { messageId?: string };
      await store.recordAcknowledgement(due.reference, { sentAt: new Date(), messageId: info.messageId });
    } catch (error) {
      const wait = Math.min(retryMs * 2 ** due.attempts, MAX_RETRY_MS);
      onError(new Error(`acknowledgement of ${due.reference} not sent (attempt ${due.attempts + 1}; next in ${Math.round(wait / 1000)} s)`, { cause: error }));
      await store.recordAcknowledgement(due.reference, { error: String(error instanceof Error ? error.message : error), retryAt: new Date(Date.now() + wait) });
    }
  }

  async function pass(): Promise<void> {
    do {
      again = false;
      const due = await store.dueAcknowledgements(BATCH, LEASE_MS);
      for (const entry of due) await send(entry);
      if (due.length === BATCH) again = true;
    } while (again && !closed);
  }

  function kick(): void {
    if (closed) return;
    if (running) {
      again = true;
      return;
    }
    running = pass()
      .catch(onError)
      .finally(() => (running = undefined));
  }

  const timer = setInterval(kick, retryMs);
  // A server that is done does not wait for the next retry.
  timer.unref();
  kick();

  return {
    kick,
    async idle() {
      while (running) await running;
    },
    async close() {
      closed = true;
      clearInterval(timer);
      while (running) await running;
      (await transport)?.close();
    },
  };
}

/** The mail for one statement, in its locale, plain text: any mail program shows and keeps it as sent. */
export function message(due: DueAcknowledgement, options: AcknowledgementOptions, channels: readonly Channel[]) {
  const { statement, reference } = due;
  const words = acknowledgementWords(statement.locale);
  const said = withdrawalWords(statement.locale);
  const when = new Intl.DateTimeFormat(statement.locale, {
    dateStyle: 'full',
    timeStyle: 'long',
    timeZone: options.timeZone ?? 'UTC',
  });
  const site = siteName(statement.marketplace, statement.locale, channels);
  const trader = options.trader ?? (/^\s*"?([^"<]*?)"?\s*</.exec(options.from)?.[1] || options.from);
  const lines = [
    words.greeting(statement.name),
    '',
    words.received,
    '',
    `${said.heading}:`,
    said.statement(statement.orderId, site),
    '',
    `${words.name}: ${statement.name}`,
    `${words.site}: ${site}`,
    `${words.orderId}: ${statement.orderId}`,
    `${words.email}: ${statement.email}`,
    `${words.confirmedAt}: ${when.format(new Date(statement.confirmedAt))}`,
    `${words.receivedAt}: ${when.format(new Date(due.receivedAt))}`,
    `${words.reference}: ${reference}`,
    '',
    words.keep,
    '',
    words.signature(trader),
  ];
  return {
    from: options.from,
    to: statement.email,
    subject: words.subject(reference),
    text: `${lines.join('\n')}\n`,
    headers: { 'Content-Language': statement.locale },
  };
}

function siteName(id: string, locale: string, channels: readonly Channel[]): string {
  const channel = channels.find((c) => c.id === id);
  if (channel) return localize(channel.names, locale) ?? id;
  return isMarketplaceId(id) ? marketplaceName(id, 'Amazon.com') : id;
}
