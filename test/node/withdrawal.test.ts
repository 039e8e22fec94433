import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import {
  createPuzzleIssuer,
  createReceiver,
  functionStore,
  openPGliteStore,
  openPostgresStore,
  parseRequest,
} from '../../src/server/index.js';
import type { Receiver, ReceivedRequest, ReceiverOptions, SqlStore } from '../../src/server/index.js';
import { createWithdrawalSchema, requestSchema } from '../../src/schema.js';
import { startPostgres } from '../../scripts/postgres.mjs';
import { solve } from './solve.js';
import { VALID } from './samples.js';

const SECRET = 'a test secret of at least thirty-two bytes';
const FROM = '"Kestrel Kettles" <returns@kestrel.test>';

/** A withdrawal statement as the form sends it. */
const STATEMENT = {
  kind: 'withdrawal',
  marketplace: 'amazon.de',
  email: 'kim@example.com',
  name: 'Kim Lee',
  orderId: '123-1234567-1234567',
  locale: 'de-DE',
  confirmedAt: '2026-12-02T09:15:30.250Z',
};

const post = (body: unknown, key: string = crypto.randomUUID()) =>
  new Request('http://shop.test/api/requests', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });

async function call(handler: Receiver, request: Request) {
  const response = await handler(request);
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

interface Mail {
  to: string;
  subject: string;
  text: string;
  language: string;
}

/**
 * A real SMTP server on loopback (the smtp-server package). `refuse` > 0 answers that many
 * messages with a temporary failure (451) before it takes any.
 */
async function smtpServer(options: { refuse?: number; port?: number } = {}) {
  const mails: Mail[] = [];
  let refuse = options.refuse ?? 0;
  let waiting: (() => void)[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse--;
          return callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
        void simpleParser(Buffer.concat(chunks)).then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to[0] : parsed.to;
          mails.push({
            to: to?.value[0]?.address ?? '',
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            language: String(parsed.headers.get('content-language') ?? ''),
          });
          callback();
          for (const wake of waiting) wake();
          waiting = [];
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    mails,
    port,
    url: `smtp://127.0.0.1:${port}`,
    /** Resolves once `count` mails have arrived, or fails after `ms`. */
    async received(count: number, ms = 10_000) {
      const deadline = Date.now() + ms;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`${mails.length} of ${count} mails arrived within ${ms} ms`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 100);
        });
      }
      return mails;
    },
    /** The mail for `reference`, once it has arrived, or fails after `ms`. */
    async mailFor(reference: unknown, ms = 10_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const mail = mails.find((m) => m.subject.includes(String(reference)));
        if (mail) return mail;
        if (Date.now() > deadline) throw new Error(`no mail for ${String(reference)} within ${ms} ms`);
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          setTimeout(resolve, 100);
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const acknowledgements = (url: string, retryMs = 100): ReceiverOptions['acknowledgements'] => ({
  smtp: url,
  from: FROM,
  timeZone: 'Europe/Berlin',
  retryMs,
});

describe('the withdrawal statement schema', () => {
  it('takes a statement, and reads a body without kind as a request, as before', () => {
    const parsed = parseRequest(STATEMENT);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.request, STATEMENT);
    assert.ok(requestSchema.safeParse(VALID).success);
    assert.ok(requestSchema.safeParse({ ...VALID, kind: 'request' }).success);
    const request = parseRequest(VALID);
    assert.ok(request.ok && !('kind' in request.request));
  });

  it('asks for nothing more than Article 11a allows: name, the order, an address, and the moment', () => {
    const shape = Object.keys(createWithdrawalSchema().shape).sort();
    assert.deepEqual(shape, ['captcha', 'confirmedAt', 'email', 'kind', 'locale', 'marketplace', 'name', 'orderId']);
    const refused = parseRequest({ ...STATEMENT, confirmedAt: undefined, productName: 'Kettle' });
    assert.ok(!refused.ok);
    assert.deepEqual(refused.errors.map((e) => e.field), ['confirmedAt']);
  });

  it('reports a statement’s own problems at its fields, with the form’s words', () => {
    const parsed = parseRequest({ ...STATEMENT, email: 'kim@', orderId: '123', confirmedAt: 'yesterday' });
    assert.ok(!parsed.ok);
    assert.deepEqual(
      parsed.errors.map((e) => e.field),
      ['confirmedAt', 'email', 'orderId'],
    );
    assert.match(parsed.errors[1]!.message, /email address/);
  });

  it('tidies an Amazon order ID as a request’s, and checks a channel’s with its own pattern', () => {
    const parsed = parseRequest({ ...STATEMENT, orderId: 'Order # 123 1234567 1234567' });
    assert.ok(parsed.ok && parsed.request.orderId === '123-1234567-1234567');
    const channels = [{ id: 'shop.test', names: { en: 'Our shop' }, orderIdPattern: 'KK-\\d{6}', orderIdExample: 'KK-104233' }];
    assert.ok(parseRequest({ ...STATEMENT, marketplace: 'shop.test', orderId: 'KK-104233' }, { channels }).ok);
    assert.ok(!parseRequest({ ...STATEMENT, marketplace: 'shop.test', orderId: '123-1234567-1234567' }, { channels }).ok);
  });
});

describe('a withdrawal statement at the receiver', () => {
  let dir: string;
  let store: SqlStore;
  let smtp: Awaited<ReturnType<typeof smtpServer>>;
  const receivers: Receiver[] = [];
  const receiver = (options: Partial<ReceiverOptions> = {}) => {
    const handler = createReceiver({ store, acknowledgements: acknowledgements(smtp.url), onError: () => {}, ...options });
    receivers.push(handler);
    return handler;
  };

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rx-withdrawal-'));
    store = await openPGliteStore(dir);
    smtp = await smtpServer();
  });
  after(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    await smtp.close();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('stores it with its own time of receipt and answers with the reference and that time', async () => {
    const before = Date.now();
    const answer = await call(receiver(), post(STATEMENT));
    assert.equal(answer.status, 201);
    const receivedAt = Date.parse(String(answer.json.receivedAt));
    assert.ok(receivedAt >= before - 1000 && receivedAt <= Date.now() + 1000);
    const item = (await store.list({ limit: 100 })).find((r) => r.reference === answer.json.reference);
    assert.ok(item);
    assert.equal(item.receivedAt, answer.json.receivedAt);
    assert.deepEqual(item.request, { ...STATEMENT, verified: true });
  });

  it('emails the acknowledgement at once, in the customer’s language, with the content and the date and time', async () => {
    const handler = receiver();
    const answer = await call(handler, post(STATEMENT));
    const mail = await smtp.mailFor(answer.json.reference);
    assert.equal(mail.to, 'kim@example.com');
    assert.equal(mail.language, 'de-DE');
    assert.equal(mail.subject, `Eingangsbestätigung Ihres Widerrufs (${String(answer.json.reference)})`);
    assert.match(mail.text, /Hiermit widerrufe ich meinen Vertrag über die Bestellung 123-1234567-1234567 bei Amazon\.de\./);
    assert.match(mail.text, /Name: Kim Lee/);
    assert.match(mail.text, /E-Mail-Adresse für diese Bestätigung: kim@example\.com/);
    // The date and time, in German and in the shop's time zone: 09:15:30 UTC is 10:15:30 in Berlin.
    assert.match(mail.text, /Abgegeben \(von Ihnen bestätigt\): Mittwoch, 2\. Dezember 2026 um 10:15:30 MEZ/);
    const received = new Intl.DateTimeFormat('de-DE', { dateStyle: 'full', timeStyle: 'long', timeZone: 'Europe/Berlin' }).format(
      new Date(String(answer.json.receivedAt)),
    );
    assert.ok(mail.text.includes(`Bei uns eingegangen: ${received}`), mail.text);
    await handler.acknowledged();
    const item = (await store.list({ limit: 100 })).find((r) => r.reference === answer.json.reference);
    assert.ok(item?.acknowledgement?.sentAt);
    assert.equal(item.acknowledgement.attempts, 1);
  });

  for (const [locale, subject, words] of [
    ['en-GB', 'Acknowledgement of your withdrawal', 'I hereby withdraw from my contract for order'],
    ['fr-FR', 'Accusé de réception de votre rétractation', 'ma rétractation du contrat portant sur la commande'],
    ['es-ES', 'Acuse de recibo de su desistimiento', 'desisto de mi contrato del pedido'],
    ['it-IT', 'Avviso di ricevimento del tuo recesso', 'il mio recesso dal contratto relativo all’ordine'],
    ['ja-JP', '契約撤回の受領確認', '注文番号 123-1234567-1234567 の契約を撤回します'],
  ] as const) {
    it(`writes it in ${locale}`, async () => {
      const answer = await call(receiver(), post({ ...STATEMENT, locale }));
      const mail = await smtp.mailFor(answer.json.reference);
      assert.ok(mail.subject.startsWith(subject), mail.subject);
      assert.ok(mail.text.includes(words), mail.text);
      assert.ok(mail.text.includes('2026'), mail.text);
    });
  }

  it('takes a statement whose captcha failed or is missing, and marks it unverified', async () => {
    const puzzles = createPuzzleIssuer({ secret: SECRET, difficulty: 40, solutions: 4 });
    const handler = receiver({ captcha: { puzzles } });
    const solution = solve(puzzles.issue().data.puzzle);
    const answers = [
      await call(handler, post({ ...STATEMENT, captcha: solution })),
      // The same puzzle again: used up.
      await call(handler, post({ ...STATEMENT, name: 'Kim Lee-Park', captcha: solution })),
      await call(handler, post(STATEMENT)),
      await call(handler, post({ ...STATEMENT, captcha: 'not a solution' })),
    ];
    assert.deepEqual(answers.map((a) => a.status), [201, 201, 201, 201]);
    const items = await store.list({ limit: 100 });
    const verified = answers.map((a) => (items.find((r) => r.reference === a.json.reference)?.request as { verified?: boolean }).verified);
    assert.deepEqual(verified, [true, false, false, false]);
    // A request is still refused without one.
    assert.equal((await call(handler, post(VALID))).status, 422);
  });

  it('answers a repeat of the same key with the same reference and time, and sends one mail', async () => {
    const handler = receiver();
    const key = crypto.randomUUID();
    const first = await call(handler, post(STATEMENT, key));
    const again = await call(handler, post(STATEMENT, key));
    assert.deepEqual(again.json, first.json);
    await smtp.mailFor(first.json.reference);
    await handler.acknowledged();
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(smtp.mails.filter((m) => m.subject.endsWith(`(${String(first.json.reference)})`)).length, 1);
  });
});

describe('an acknowledgement that cannot be sent', () => {
  let dir: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'rx-withdrawal-failing-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('is delayed by an SMTP server that refuses for a while, never lost, and the failures are recorded', async () => {
    const store = await openPGliteStore(join(dir, 'refusing'));
    const smtp = await smtpServer({ refuse: 2 });
    const errors: unknown[] = [];
    const handler = createReceiver({ store, acknowledgements: acknowledgements(smtp.url, 100), onError: (e) => errors.push(e) });
    try {
      const answer = await call(handler, post(STATEMENT));
      assert.equal(answer.status, 201);
      const [mail] = await smtp.received(1);
      assert.equal(mail?.to, 'kim@example.com');
      assert.equal(errors.length, 2);
      await handler.acknowledged();
      const [item] = await store.list({ limit: 10 });
      assert.equal(item?.reference, answer.json.reference);
      assert.equal(item?.acknowledgement?.attempts, 3);
      assert.ok(item?.acknowledgement?.sentAt);
    } finally {
      await handler.close();
      await smtp.close();
      await store.close();
    }
  });

  it('survives a restart while no SMTP server answers, and goes out once one does', async () => {
    const path = join(dir, 'down');
    // A port with nothing behind it: a server started and stopped.
    const probe = await smtpServer();
    const { port } = probe;
    await probe.close();
    let store = await openPGliteStore(path);
    const down = createReceiver({ store, acknowledgements: acknowledgements(`smtp://127.0.0.1:${port}`, 60_000), onError: () => {} });
    const answer = await call(down, post(STATEMENT));
    assert.equal(answer.status, 201);
    await down.acknowledged();
    const [waiting] = await store.list({ limit: 10 });
    assert.equal(waiting?.acknowledgement?.sentAt, undefined);
    assert.equal(waiting?.acknowledgement?.attempts, 1);
    assert.match(String(waiting?.acknowledgement?.lastError), /ECONNREFUSED/);
    await down.close();
    await store.close();

    // The next start finds it due once its retry time has come: here, at once (retryMs 100).
    const smtp = await smtpServer({ port });
    store = await openPGliteStore(path);
    await store.recordAcknowledgement(String(answer.json.reference), { error: 'moved forward by the test', retryAt: new Date() });
    const up = createReceiver({ store, acknowledgements: acknowledgements(smtp.url, 100), onError: () => {} });
    try {
      const [mail] = await smtp.received(1);
      assert.ok(mail?.subject.endsWith(`(${String(answer.json.reference)})`));
      await up.acknowledged();
      const [sent] = await store.list({ limit: 10 });
      assert.ok(sent?.acknowledgement?.sentAt);
      assert.equal(sent?.acknowledgement?.attempts, 3);
    } finally {
      await up.close();
      await smtp.close();
      await store.close();
    }
  });

  it('keeps a statement due with no acknowledgements set up, for the receiver that has them', async () => {
    const path = join(dir, 'unconfigured');
    let store = await openPGliteStore(path);
    const plain = createReceiver({ store });
    const answer = await call(plain, post(STATEMENT));
    assert.equal(answer.status, 201);
    await store.close();
    const smtp = await smtpServer();
    store = await openPGliteStore(path);
    const configured = createReceiver({ store, acknowledgements: acknowledgements(smtp.url) });
    try {
      const [mail] = await smtp.received(1);
      assert.ok(mail?.subject.endsWith(`(${String(answer.json.reference)})`));
    } finally {
      await configured.close();
      await smtp.close();
      await store.close();
    }
  });

  it('with a function store, hands the statement on and retries its acknowledgement in this process', async () => {
    const forwarded: ReceivedRequest[] = [];
    const smtp = await smtpServer({ refuse: 1 });
    const handler = createReceiver({
      store: functionStore(async (request) => (forwarded.push(request), `REF-${forwarded.length}`)),
      acknowledgements: acknowledgements(smtp.url, 100),
      onError: () => {},
    });
    try {
      const answer = await call(handler, post(STATEMENT));
      assert.equal(answer.json.reference, 'REF-1');
      assert.deepEqual(forwarded, [{ ...STATEMENT, verified: true }]);
      const [mail] = await smtp.received(1);
      assert.ok(mail?.subject.endsWith('(REF-1)'));
    } finally {
      await handler.close();
      await smtp.close();
    }
  });
});

describe('acknowledgements from two processes on one PostgreSQL database', () => {
  it('sends each statement’s acknowledgement once', async () => {
    const server = await startPostgres();
    const smtp = await smtpServer();
    const stores = await Promise.all([openPostgresStore(server.url), openPostgresStore(server.url)]);
    const handlers = stores.map((store) => createReceiver({ store, acknowledgements: acknowledgements(smtp.url, 50), onError: () => {} }));
    try {
      const answers = await Promise.all(
        Array.from({ length: 12 }, (_, i) => call(handlers[i % 2]!, post({ ...STATEMENT, name: `Customer ${i}` }))),
      );
      assert.ok(answers.every((a) => a.status === 201));
      await smtp.received(12);
      await Promise.all(handlers.map((h) => h.acknowledged()));
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(smtp.mails.length, 12);
      assert.equal(new Set(smtp.mails.map((m) => m.subject)).size, 12);
    } finally {
      await Promise.all(handlers.map((h) => h.close()));
      await Promise.all(stores.map((s) => s.close()));
      await smtp.close();
      await server.stop();
    }
  });
});
