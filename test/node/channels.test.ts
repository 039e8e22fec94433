/**
 * The shop's own channels on the server side: which definitions are offered, the schema's
 * per-site order-ID rule and its messages, and a receiver given the same definitions as the form.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkChannels, orderIdRule, type Channel } from '../../src/channels.js';
import { localize } from '../../src/i18n/localize.js';
import { createRequestSchema } from '../../src/schema.js';
import { schemaFor } from '../../src/form/validation.js';
import { createReceiver, functionStore, parseRequest } from '../../src/server/index.js';
import type { ReceivedRequest } from '../../src/server/index.js';
import { en } from '../../src/i18n/en.js';
import ja from '../../src/i18n/ja.js';
import { issueMessage } from '../../src/i18n/issue-message.js';
import { VALID } from './samples.js';

const SHOP: Channel = {
  id: 'shop.kestrel.example',
  names: { en: 'Kestrel web shop', de: 'Kestrel-Webshop', 'fr-CA': 'Boutique Kestrel' },
  orderIdPattern: 'KK-\\d{6}',
  orderIdExample: 'KK-104233',
  orderHistoryUrl: 'https://shop.kestrel.example/account/orders',
};
const RETAILER: Channel = { id: 'retailer', names: 'Hardware Hall', orderIdPattern: /hh\d{8}/gi, orderIdExample: 'HH12345678' };
const CHANNELS = [SHOP, RETAILER];

describe('checkChannels', () => {
  it('offers good definitions in their order and names each one it drops', () => {
    const { channels, problems } = checkChannels([
      SHOP,
      { ...SHOP },
      { ...SHOP, id: 'amazon.co.jp' },
      { ...SHOP, id: '-x' },
      { ...SHOP, id: 'a', names: {} },
      { ...SHOP, id: 'b', names: { en: ' ' } },
      { ...SHOP, id: 'c', tip: 42 },
      { ...SHOP, id: 'd', orderHistoryUrl: 'javascript:alert(1)' },
      { ...SHOP, id: 'e', orderHistoryUrl: '//shop.example/orders' },
      { ...SHOP, id: 'f', orderIdPattern: '[' },
      { ...SHOP, id: 'g', orderIdExample: 'KK-1' },
      { ...SHOP, id: 'h', orderIdExample: 'xKK-104233' },
      null,
      RETAILER,
    ]);
    assert.deepEqual(channels, [SHOP, RETAILER]);
    assert.deepEqual(
      problems.map((p) => p.replace(/^channel \d+ \([^)]*\): /, '')),
      ['id', 'id', 'id', 'names', 'names', 'tip', 'orderHistoryUrl', 'orderHistoryUrl', 'orderIdPattern', 'orderIdExample', 'orderIdExample', 'channel'],
    );
  });

  it('takes nothing, or one channel, as well as a list', () => {
    assert.deepEqual(checkChannels(undefined), { channels: [], problems: [] });
    assert.deepEqual(checkChannels(SHOP).channels, [SHOP]);
    assert.deepEqual(checkChannels('shop').problems, ['channel 1 (undefined): channel']);
  });

  it('anchors a pattern to the whole ID, and a RegExp keeps its flags but g and y', () => {
    assert.equal(orderIdRule(SHOP).test('KK-104233'), true);
    assert.equal(orderIdRule(SHOP).test('xKK-104233x'), false);
    // Alternation stays inside the anchors.
    assert.equal(orderIdRule({ ...SHOP, orderIdPattern: 'A\\d|B\\d' }).test('B1x'), false);
    const rule = orderIdRule(RETAILER);
    assert.equal(rule.flags, 'i');
    // Without g, the same answer every time.
    assert.deepEqual([rule.test('hh12345678'), rule.test('hh12345678')], [true, true]);
  });

  it('names a channel in the locale, its language, English, or the first given', () => {
    assert.equal(localize(SHOP.names, 'fr-CA'), 'Boutique Kestrel');
    assert.equal(localize(SHOP.names, 'de-AT'), 'Kestrel-Webshop');
    assert.equal(localize(SHOP.names, 'ja'), 'Kestrel web shop');
    assert.equal(localize({ it: 'Negozio' }, 'ja'), 'Negozio');
    assert.equal(localize('Hardware Hall', 'ja'), 'Hardware Hall');
    assert.equal(localize(undefined, 'ja'), undefined);
  });

  it('accepts the example of every channel it offers (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Z]{1,3}-?\d{1,8}$/), fc.boolean(), (example, asRegExp) => {
        const pattern = example.replace(/\d/g, '\\d');
        const channel = { ...SHOP, orderIdPattern: asRegExp ? new RegExp(pattern) : pattern, orderIdExample: example };
        const [offered] = checkChannels([channel]).channels;
        assert.ok(offered);
        const result = createRequestSchema({ channels: [offered] }).safeParse({ ...VALID, marketplace: SHOP.id, orderId: example });
        assert.equal(result.success, true);
      }),
    );
  });
});

describe('the schema with channels', () => {
  const schema = createRequestSchema({ channels: CHANNELS });
  const parse = (marketplace: string, orderId: string) => schema.safeParse({ ...VALID, marketplace, orderId }, { reportInput: true });
  const message = (marketplace: string, orderId: string, t = en) => {
    const result = parse(marketplace, orderId);
    assert.equal(result.success, false);
    return issueMessage(result.error!.issues.find((i) => i.path[0] === 'orderId')!, t);
  };

  it('offers the channels with the Amazon sites', () => {
    for (const site of [SHOP.id, RETAILER.id, 'amazon.de']) assert.ok(schema.safeParse({ ...VALID, marketplace: site, orderId: site === SHOP.id ? 'KK-104233' : site === 'retailer' ? 'HH00000000' : VALID.orderId }).success, site);
    assert.equal(parse('elsewhere', 'KK-104233').success, false);
  });

  it('checks each site’s order ID with its own rule, after full width becomes ASCII and spaces are trimmed', () => {
    assert.equal(parse(SHOP.id, ' ＫＫ－１０４２３３ ').data?.orderId, 'KK-104233');
    assert.equal(parse(RETAILER.id, 'hh12345678').success, true);
    assert.equal(parse('amazon.de', 'KK-104233').success, false);
    assert.equal(parse(SHOP.id, VALID.orderId).success, false);
  });

  it('says what the chosen site’s order IDs look like', () => {
    assert.equal(message(SHOP.id, '123'), en.errOrderIdShop('KK\u2011104233'));
    assert.equal(message(SHOP.id, ''), en.errOrderIdShopMissing);
    assert.equal(message(RETAILER.id, 'x', ja), ja.errOrderIdShop('HH12345678'));
    assert.equal(message('amazon.de', 'KK-104233'), en.errOrderIdDigits(6));
    assert.equal(message('amazon.de', 'KK104233'), en.errOrderIdLetters);
    // Amazon's IDs are read out of a paste there too, and sent as 3-7-7.
    assert.equal(parse('amazon.de', 'Order # 123 1234567 1234567').data?.orderId, '123-1234567-1234567');
    assert.equal(message('amazon.de', ''), en.errOrderIdMissing);
    // Longer than any order ID, whatever the pattern allows.
    const loose = createRequestSchema({ channels: [{ ...SHOP, orderIdPattern: '.+' }] });
    assert.equal(loose.safeParse({ ...VALID, marketplace: SHOP.id, orderId: 'K'.repeat(64) }).success, true);
    const long = loose.safeParse({ ...VALID, marketplace: SHOP.id, orderId: 'K'.repeat(65) });
    assert.equal(issueMessage(long.error!.issues[0]!, en), en.errOrderIdShop('KK\u2011104233'));
  });

  it('leaves the order ID alone while the purchase site is not offered', () => {
    const result = parse('elsewhere', 'anything');
    assert.deepEqual(result.error?.issues.map((i) => i.path[0]), ['marketplace']);
  });

  it('reports a channel’s order-ID error in the form’s order, with the other fields', () => {
    const result = parseRequest({ ...VALID, marketplace: SHOP.id, orderId: '1', productName: '', reason: 'other' }, { channels: CHANNELS });
    assert.equal(result.ok, false);
    assert.deepEqual(
      !result.ok && result.errors.map((e) => e.field),
      ['orderId', 'productName', 'details'],
    );
  });
});

describe('a receiver with channels', () => {
  const post = (body: unknown) =>
    new Request('http://shop.test/api/requests', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  it('stores a request from a channel, and refuses one the channel’s rule does not allow', async () => {
    const stored: ReceivedRequest[] = [];
    const handler = createReceiver({
      store: functionStore(async (request) => {
        stored.push(request);
        return 'RX-1';
      }),
      schema: { channels: CHANNELS },
    });
    const ok = await handler(post({ ...VALID, marketplace: SHOP.id, orderId: 'KK-104233' }));
    assert.equal(ok.status, 201);
    assert.equal(stored[0]?.marketplace, SHOP.id);
    const refused = await handler(post({ ...VALID, marketplace: SHOP.id, orderId: VALID.orderId }));
    assert.equal(refused.status, 422);
    assert.deepEqual(await refused.json(), { errors: [{ field: 'orderId', message: en.errOrderIdShop('KK\u2011104233') }] });
  });

  it('will not start with a definition the form would drop', () => {
    assert.throws(() => createReceiver({ store: async () => 'RX-1', schema: { channels: [SHOP, { ...SHOP, id: 'other', orderIdPattern: '(' }] } }), /channel 2 .*orderIdPattern/);
  });
});

describe('schemaFor (the form’s rules, kept per settings)', () => {
  it('builds the rules once per settings, telling channels apart by their RegExp patterns', () => {
    const hh = () => ({ channels: [{ ...RETAILER, orderIdPattern: /hh\d{8}/i }] });
    const zz = { channels: [{ ...RETAILER, orderIdPattern: /zz\d{8}/i }] };
    assert.equal(schemaFor(hh()), schemaFor(hh()));
    assert.notEqual(schemaFor(hh()), schemaFor(zz));
    const request = { ...VALID, marketplace: RETAILER.id, orderId: 'HH12345678' };
    assert.equal(schemaFor(hh()).safeParse(request).success, true);
    assert.equal(schemaFor(zz).safeParse(request).success, false);
  });
});
