import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import {
  IMAGE_TYPES,
  LIMITS,
  MARKETPLACE_IDS,
  REASONS,
  RESOLUTIONS,
  createRequestSchema,
  createWithdrawalSchema,
} from '../../src/schema.js';
import { parseRequest } from '../../src/server/parse.js';
import { createReceiver } from '../../src/server/receiver.js';
import { PNG, VALID } from './samples.js';

type Json = Record<string, unknown>;

/** A file scripts/schemas.mjs writes; `npm test` builds it before the Node tests run. */
function built(name: string): Json {
  let text: string;
  try {
    text = readFileSync(new URL(`../../lib/${name}`, import.meta.url), 'utf8');
  } catch {
    throw new Error(`lib/${name} is missing: run npm run build:lib && node scripts/schemas.mjs first`);
  }
  return JSON.parse(text) as Json;
}

const requestJsonSchema = built('request.schema.json');
const openapi = built('openapi.json');

// The pattern beside `date-time` holds zod's own rule: the format is a name for readers, checked by it.
const ajv = new Ajv2020({ strict: true, allErrors: true, formats: { 'date-time': true } });
ajv.addSchema(requestJsonSchema);
const id = requestJsonSchema['$id'] as string;
const compiled = (pointer = ''): ValidateFunction => {
  const validate = ajv.getSchema(`${id}#${pointer}`);
  assert.ok(validate, `no schema at ${pointer}`);
  return validate;
};
const validateRequest = compiled();
const zodRequest = createRequestSchema();
const definitions = requestJsonSchema['$defs'] as Record<string, Json>;
const requestDefinition = definitions['RefundExchangeRequest'] as Json;
const withdrawalDefinition = definitions['WithdrawalStatement'] as Json;

/** The request's zod schema or one of its fields'. */
interface Zod {
  safeParse(value: unknown): { success: boolean };
}

/** Both verdicts on a JSON value (round-tripped, so it is what a body would carry). */
function verdicts(sample: unknown, validate = validateRequest, zod: Zod = zodRequest) {
  const json: unknown = JSON.parse(JSON.stringify(sample));
  return { zod: zod.safeParse(json).success, jsonSchema: validate(json), errors: validate.errors };
}

/** Asserts ajv's verdict equals zod's, and zod's equals `expected` when given. */
function agree(sample: unknown, expected?: boolean, validate?: ValidateFunction, zod?: Zod) {
  const v = verdicts(sample, validate, zod);
  if (v.zod === (expected ?? v.zod) && v.jsonSchema === v.zod) return;
  const shown = `zod ${v.zod ? 'accepts' : 'refuses'} ${JSON.stringify(sample).slice(0, 200)}`;
  assert.equal(v.zod, expected ?? v.zod, shown);
  assert.equal(v.jsonSchema, v.zod, `${shown}; ajv: ${JSON.stringify(v.errors)}`);
}

/** The valid request with some keys changed (`undefined` leaves a key out). */
const request = (patch: Json) => ({ ...VALID, ...patch });

const image = (patch: Json = {}) => ({ name: 'box.png', type: 'image/png', width: 640, height: 480, data: PNG, ...patch });

/** Full width, as a Japanese keyboard types it: ASCII 0x21–0x7E moved up by 0xFEE0. */
const fullWidth = (text: string) =>
  text.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** An address of exactly `length` characters that is otherwise well-formed. */
const emailOfLength = (length: number) => {
  const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.example.com`;
  return `${'l'.repeat(length - domain.length - 1)}@${domain}`;
};

/** [sample patch, zod's verdict]: every one must also be ajv's. */
type Case = [patch: Json, valid: boolean];
const cases = (field: string, values: [unknown, boolean][]): Case[] =>
  values.map(([value, valid]) => [{ [field]: value }, valid]);

/** Upper-cased into two or three letters by zod; the JSON Schema cannot count them. */
const EXPANDING = ['ß', 'ﬀ', 'ﬁ', 'ﬂ', 'ﬃ', 'ﬄ', 'ﬅ', 'ﬆ'];

const EDGE_CASES: Record<string, Case[]> = {
  marketplace: cases('marketplace', [
    ...MARKETPLACE_IDS.map((id): [unknown, boolean] => [id, true]),
    ['amazon.nl', false],
    ['Amazon.de', false],
    ['amazon.de ', false],
    ['', false],
    [7, false],
    [undefined, false],
  ]),
  email: cases('email', [
    ['first.last+returns@mail.example.co.uk', true],
    ['  kim@example.com \n', true],
    ['\u3000kim@example.com\u00a0\ufeff', true],
    [fullWidth('kim@example.com'), true],
    ['ｋｉｍ@example．com', true],
    ['kim@ex\u2010ample.com', true],
    [emailOfLength(254), true],
    [` ${emailOfLength(254)}\t`, true],
    [emailOfLength(255), false],
    [fullWidth(emailOfLength(254)), true],
    ['kim', false],
    ['kim@example', false],
    ['kim lee@example.com', false],
    ['kim\u3000lee@example.com', false],
    ['kim.@example.com', false],
    ['kim@@example.com', false],
    ['kim@example.com\u200b', false],
    ['', false],
    ['   ', false],
    [42, false],
    [null, false],
  ]),
  name: cases('name', [
    ['K', true],
    ['  Kim Lee \t', true],
    ['Kim\nLee', true],
    ['n'.repeat(100), true],
    [` ${'n'.repeat(100)}\u3000`, true],
    ['n'.repeat(101), false],
    ['😀'.repeat(100), true],
    ['😀'.repeat(101), false],
    ['\u200b', true],
    ['\ud800', true],
    ['', false],
    [' \t\n\u00a0\u2028\ufeff', false],
    [12, false],
    [undefined, false],
  ]),
  orderId: cases('orderId', [
    ['  028-9876543-2100000 ', true],
    [fullWidth('123-1234567-1234567'), true],
    ['\u3000１２３－１２３４５６７－１２３４５６７\u3000', true],
    ['123\u20101234567\u22121234567', true],
    ['123ー1234567ｰ1234567', true],
    // Pasted with words, signs, spaces or no dashes: the receiver takes the 17 digits.
    ['Order # 123-1234567-1234567', true],
    ['#123-1234567-1234567', true],
    ['Bestellnr. 123 1234567 1234567.', true],
    ['注文番号：１２３－１２３４５６７－１２３４５６７', true],
    ['12312345671234567', true],
    ['123 1234567 1234567', true],
    ['123-1234567-\n1234567', true],
    ['123 - 1234567 -- 1234567 (gift)', true],
    ['12-1234567-1234567', false],
    ['123-123456-1234567', false],
    ['123-1234567-123456a', false],
    ['A123-1234567-1234567', false],
    ['Ｏrder123-1234567-1234567', false],
    ['123 and 1234567-1234567', false],
    ['123.1234567.1234567', false],
    ['123-1234567-1234567-1', false],
    ['１２３', false],
    ['١٢٣-1234567-1234567', false],
    ['', false],
    ['  ', false],
    [123, false],
  ]),
  productName: cases('productName', [
    [' Kettle ', true],
    ['p'.repeat(200), true],
    [`\n${'p'.repeat(200)}\n`, true],
    ['p'.repeat(201), false],
    ['', false],
    [' ', false],
  ]),
  resolution: cases('resolution', [
    ...RESOLUTIONS.map((r): [unknown, boolean] => [r, true]),
    ['Refund', false],
    ['', false],
    [undefined, false],
  ]),
  reason: [
    ...REASONS.map((reason): Case => [{ reason, details: 'It hums.' }, true]),
    [{ reason: 'broken' }, false],
    [{ reason: undefined }, false],
  ],
  serialNumber: cases('serialNumber', [
    ['SN: a123', true],
    ['sn a123', true],
    ['SN :a123', true],
    ['SN\t1234', true],
    ['ＳＮ：ａ１２３', true],
    ['SN\u30001234', true],
    ['SN1234', true],
    ['SNSN 1234', true],
    ['SN SN 1234', true],
    ['  a 1 2 3  ', true],
    ['ı234', true],
    ['ſN 1234', true],
    ['a'.repeat(32), true],
    [`SN: ${'a'.repeat(32)}`, true],
    ['a'.repeat(33), false],
    ['SN 123', false],
    ['SN1', false],
    ['SN:a1', false],
    ['SN:: 1234', false],
    ['SN: SN: 1234', false],
    ['A12-345', false],
    ['A12:345', false],
    ['é1234', false],
    ['SN:', false],
    ['', false],
    ['   ', false],
    [1234, false],
    [null, false],
  ]),
  details: [
    [{ reason: 'other', details: 'It hums.' }, true],
    [{ reason: 'other', details: '  x  ' }, true],
    [{ reason: 'other', details: '\u200b' }, true],
    [{ reason: 'other', details: ' \n\t ' }, false],
    [{ reason: 'other', details: '\u3000' }, false],
    [{ reason: 'other', details: '' }, false],
    [{ reason: 'other', details: undefined }, false],
    [{ reason: 'defective', details: '   ' }, true],
    [{ reason: 'defective', details: '' }, true],
    [{ details: 'd'.repeat(2000) }, true],
    [{ details: `  ${'d'.repeat(2000)}\n` }, true],
    [{ details: 'd'.repeat(2001) }, false],
    [{ reason: 'other', details: 5 }, false],
    [{ details: null }, false],
  ],
  images: cases('images', [
    [[], true],
    [[image()], true],
    [Array.from({ length: LIMITS.maxImages }, () => image()), true],
    [Array.from({ length: LIMITS.maxImages + 1 }, () => image()), false],
    [[image({ data: 'ab==' })], true],
    [[image({ data: 'abc=' })], true],
    [[image({ data: 'abcd' })], true],
    [[image({ data: 'abc' })], false],
    [[image({ data: 'abcde' })], false],
    [[image({ data: 'a===' })], false],
    [[image({ data: '====' })], false],
    [[image({ data: 'ab=c' })], false],
    [[image({ data: '!!!!' })], false],
    [[image({ data: 'ab\ncd==' })], false],
    [[image({ data: `data:image/png;base64,${PNG}` })], false],
    [[image({ width: 1.5 })], false],
    [[image({ width: 0 })], false],
    [[image({ height: -480 })], false],
    [[image({ width: '640' })], false],
    [[image({ width: 1e3, height: 2.0 })], true],
    [[image({ name: '' })], false],
    [[image({ name: 'n'.repeat(LIMITS.imageName) })], true],
    [[image({ name: 'n'.repeat(LIMITS.imageName + 1) })], false],
    [[image({ type: 'image/gif' })], false],
    [[image({ data: undefined })], false],
    [[image({ exif: 'dropped' })], true],
    [[null], false],
    [image(), false],
  ]),
  captcha: cases('captcha', [
    ['solution', true],
    ['c'.repeat(LIMITS.captcha), true],
    ['c'.repeat(LIMITS.captcha + 1), false],
    ['', false],
    [5, false],
  ]),
  locale: cases('locale', [
    ['de-DE', true],
    ['zh-Hant-TW', true],
    ['x', false],
    ['de_DE', false],
    [`de${'-abcdefgh'.repeat(4)}`, false],
    [undefined, false],
  ]),
};

describe('request.schema.json: what it is', () => {
  it('is draft 2020-12 with an absolute, versioned $id', () => {
    assert.equal(requestJsonSchema['$schema'], 'https://json-schema.org/draft/2020-12/schema');
    const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    assert.equal(id, `https://unpkg.com/refund-exchange-form@${version}/lib/request.schema.json`);
    assert.equal(typeof requestJsonSchema['title'], 'string');
  });

  it('describes every field of a request and of a withdrawal statement', () => {
    for (const [definition, zod] of [
      [requestDefinition, zodRequest],
      [withdrawalDefinition, createWithdrawalSchema()],
    ] as const) {
      const properties = definition['properties'] as Record<string, Json>;
      assert.deepEqual(Object.keys(properties), Object.keys(zod.shape));
      for (const [key, property] of Object.entries(properties)) {
        assert.equal(typeof property['description'], 'string', key);
      }
    }
  });

  it('leaves captcha optional but limits its length', () => {
    for (const definition of [requestDefinition, withdrawalDefinition]) {
      assert.ok(!(definition['required'] as string[]).includes('captcha'));
      assert.equal((definition['properties'] as Record<string, Json>)['captcha']?.['maxLength'], LIMITS.captcha);
    }
  });
});

describe('request.schema.json: the same verdicts as zod', () => {
  it('on the minimal valid request, unknown keys and __proto__ included', () => {
    agree(VALID, true);
    agree(request({ extra: { deep: [1] } }), true);
    agree(JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(VALID).slice(1)}`), true);
  });

  it('on bodies that are not an object', () => {
    for (const body of [null, [], [VALID], 'request', 42, true]) agree(body, false);
  });

  it('on a request missing each required key', () => {
    for (const key of Object.keys(VALID)) agree(request({ [key]: undefined }), false);
  });

  for (const [field, fieldCases] of Object.entries(EDGE_CASES)) {
    it(`on edge cases of ${field}`, () => {
      for (const [patch, valid] of fieldCases) agree(request(patch), valid);
    });
  }

  it('on every BMP character where trimming, full width and serial numbers meet it', () => {
    const field = (key: keyof typeof zodRequest.shape) => [compiled(`/$defs/RefundExchangeRequest/properties/${key}`), zodRequest.shape[key]] as const;
    const probes = [
      [field('name'), (c: string) => `${c}K${c}`],
      [field('email'), (c: string) => `k${c}m@example.com`],
      [field('orderId'), (c: string) => `${c}12${c}1234567-1234567`],
      [field('serialNumber'), (c: string) => `S${c} a1${c}2`],
    ] as const;
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      // The documented difference, tested on its own below.
      if (EXPANDING.includes(c)) continue;
      for (const [[validate, zod], text] of probes) agree(text(c), undefined, validate, zod);
    }
  });
});

describe('request.schema.json: where it is stricter than zod', () => {
  it('refuses serial numbers with letters that upper-case into several', () => {
    for (const c of EXPANDING) {
      const v = verdicts(request({ serialNumber: `${c}123` }));
      assert.deepEqual([v.zod, v.jsonSchema], [true, false], c);
    }
    const comment = (requestDefinition['properties'] as Record<string, Json>)['serialNumber']?.['$comment'];
    for (const c of EXPANDING) assert.ok(String(comment).includes(c), `the $comment names ${c}`);
  });
});

// ---- Property-based: valid and near-valid values ------------------------------------------

/** Characters trim() removes, and a few that look alike but stay. */
const SPACE_LIKE = [' ', '\t', '\n', '\r', '\v', '\f', '\u00a0', '\u1680', '\u2007', '\u2028', '\u202f', '\u3000', '\ufeff'];
const NOT_SPACES = ['\u200b', '\u180e', '\u0085', '\u001c'];
const mostly = <T>(usual: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: usual, weight: 20 }, { arbitrary: odd, weight: 1 });
const spaces = fc.string({ unit: mostly(fc.constantFrom(...SPACE_LIKE), fc.constantFrom(...NOT_SPACES)), maxLength: 3 });
const padded = (value: fc.Arbitrary<string>) => fc.tuple(spaces, value, spaces).map(([a, b, c]) => a + b + c);
/** Some of the ASCII characters in full width, as a Japanese keyboard may mix them. */
const mixedWidth = (value: fc.Arbitrary<string>) =>
  fc
    .tuple(value, fc.array(fc.boolean(), { maxLength: 40 }))
    .map(([text, wide]) => [...text].map((c, i) => (wide[i] ? fullWidth(c) : c)).join(''));
/** Strings of exactly `min`…`max` units drawn from `units`, every length equally likely. */
const stringOf = (units: fc.Arbitrary<string>, min: number, max: number) =>
  fc.integer({ min, max }).chain((n) => fc.string({ unit: units, minLength: n, maxLength: n }));

/** Free text around a trimmed length limit, or short and mostly blank. */
const text = (max: number) =>
  padded(
    fc.oneof(
      fc.string({ unit: fc.constantFrom('a', 'é', '😀', ...SPACE_LIKE, ...NOT_SPACES), maxLength: 6 }),
      stringOf(fc.constantFrom('a', '😀', ' ', '\u00a0', '\u3000'), max - 2, max + 2),
    ),
  );

/** `n` digits, now and then one more or one fewer. */
const digits = (n: number) =>
  mostly(fc.constant(n), fc.constantFrom(n - 1, n + 1)).chain((length) =>
    fc.string({
      unit: mostly(fc.constantFrom(...'0123456789', '０', '５', '９'), fc.constantFrom('a', '٣', ' ')),
      minLength: length,
      maxLength: length,
    }),
  );
const dash = mostly(fc.constantFrom('-', '－', '‐', '―', '−', 'ー', 'ｰ'), fc.constantFrom('_', ' ', '.', '~'));

const base64 = fc
  .tuple(stringOf(mostly(fc.constantFrom('A', 'z', '0', '+', '/'), fc.constantFrom('-', '_', ' ')), 0, 13), fc.constantFrom('', '=', '==', '==='))
  .map(([body, pad]) => body + pad);
const pixels = fc.oneof(fc.integer({ min: -1, max: 5000 }), fc.double({ min: -1, max: 10 }), fc.constantFrom(0.5, 1e21));

const ARBITRARIES = {
  marketplace: fc.constantFrom(...MARKETPLACE_IDS, 'amazon.nl', 'AMAZON.DE'),
  email: padded(
    mixedWidth(
      fc.oneof(
        fc.constantFrom('kim@example.com', "o'neil+returns@mail.example.co.uk"),
        fc.emailAddress(),
        fc.integer({ min: 250, max: 256 }).map(emailOfLength),
        fc
          .tuple(
            fc.string({ unit: fc.constantFrom('k', '.', '+', "'", '_', '-', ' '), minLength: 1, maxLength: 5 }),
            fc.constantFrom('@', '@@', ''),
            fc.constantFrom('example.com', 'ex-ample.co.uk', 'example', '.example.com', 'example.c0m', '-x.com'),
          )
          .map((parts) => parts.join('')),
      ),
    ),
  ),
  name: text(LIMITS.name),
  orderId: padded(
    fc.tuple(digits(3), dash, digits(7), dash, digits(7)).map((parts) => parts.join('')),
  ),
  productName: text(LIMITS.productName),
  resolution: fc.constantFrom(...RESOLUTIONS, 'Refund'),
  serialNumber: fc.option(
    fc
      .tuple(
        fc.constantFrom('', 'SN', 'SN:', 'sn ', 'SN :', ' SN: ', 'ＳＮ：', 'Sn\u3000', 'SNSN ', 'ſN ', 'SN::'),
        stringOf(
          mostly(fc.constantFrom('a', 'Z', '0', '9', 'ａ', 'Ｚ', '０', 'ı', 'ſ', ' ', '\u3000'), fc.constantFrom('-', ':', 'é', '_')),
          0,
          LIMITS.serialMax + 3,
        ),
      )
      .map(([label, serial]) => label + serial),
    { nil: undefined },
  ),
  images: fc.option(
    fc.array(
      fc.record(
        {
          name: fc.oneof(fc.constant('photo.png'), fc.string({ maxLength: 2 }), stringOf(fc.constant('n'), 254, 256)),
          type: fc.constantFrom(...IMAGE_TYPES, 'image/gif'),
          width: pixels,
          height: pixels,
          data: base64,
        },
        { requiredKeys: ['name', 'type', 'width', 'height'] },
      ),
      { maxLength: LIMITS.maxImages + 1 },
    ),
    { nil: undefined },
  ),
  captcha: fc.option(fc.oneof(fc.string({ maxLength: 3 }), stringOf(fc.constant('c'), LIMITS.captcha - 1, LIMITS.captcha + 1)), {
    nil: undefined,
  }),
  locale: fc.constantFrom('de-DE', 'en', 'ja-JP', 'zh-Hant-TW', 'x', 'de_DE', '', `de${'-abcdefgh'.repeat(4)}`),
};
/** The reason and the details together: the refinement ties them. */
const reasonAndDetails = fc.record({
  reason: fc.constantFrom(...REASONS, 'other', 'other', 'Other'),
  details: fc.option(text(LIMITS.details), { nil: undefined }),
});

const SEED = 20_260_101;

describe('request.schema.json: the same verdicts as zod, property-based', () => {
  for (const [field, arbitrary] of Object.entries(ARBITRARIES)) {
    it(`on generated values of ${field}`, () => {
      fc.assert(
        fc.property(arbitrary as fc.Arbitrary<unknown>, (value) => agree(request({ [field]: value }))),
        { seed: SEED, numRuns: 300 },
      );
    });
  }

  it('on generated reasons and details', () => {
    fc.assert(
      fc.property(reasonAndDetails, (patch) => agree(request(patch))),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('on requests with several generated fields, and keys missing, wrong or unknown', () => {
    const values = fc.record({ ...ARBITRARIES, extra: fc.jsonValue() });
    // A few fields at a time, the rest valid: most requests would fail on some field otherwise.
    const chosen = fc.subarray([...Object.keys(ARBITRARIES), 'extra'], { maxLength: 4 });
    const damage = fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 2 },
      { arbitrary: fc.tuple(fc.constantFrom(...Object.keys(VALID), 'details'), fc.jsonValue()), weight: 1 },
    );
    fc.assert(
      fc.property(values, chosen, reasonAndDetails, damage, (generated, keys, patch, broken) => {
        const picked = Object.fromEntries(keys.map((key) => [key, (generated as Json)[key]]));
        agree({ ...request(picked), ...patch, ...(broken && { [broken[0]]: broken[1] }) });
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

// ---- Withdrawal statements -----------------------------------------------------------------

/** The receiver's verdict on a whole body: a withdrawal statement's rules by its kind, else a request's. */
const receiverVerdict: Zod = { safeParse: (value) => ({ success: parseRequest(value).ok }) };
const STATEMENT = {
  kind: 'withdrawal',
  marketplace: 'amazon.fr',
  email: 'kim@example.com',
  name: 'Kim Lee',
  orderId: '123-1234567-1234567',
  locale: 'fr-FR',
  confirmedAt: '2026-12-02T09:15:30.250Z',
};
const statement = (patch: Json) => ({ ...STATEMENT, ...patch });
const agreeOnBody = (sample: unknown, expected?: boolean) => agree(sample, expected, validateRequest, receiverVerdict);

describe('request.schema.json: withdrawal statements, with the receiver’s verdicts', () => {
  it('on a statement, one missing each key, a request with its kind, and a kind of neither', () => {
    agreeOnBody(STATEMENT, true);
    agreeOnBody(statement({ captcha: 'x'.repeat(LIMITS.captcha) }), true);
    for (const key of Object.keys(STATEMENT)) agreeOnBody(statement({ [key]: undefined }), false);
    agreeOnBody(request({ kind: 'request' }), true);
    agreeOnBody(request({ kind: 'withdrawal' }), false);
    for (const kind of ['Withdrawal', 'refund', '', null, 1]) agreeOnBody(statement({ kind }), false);
  });

  it('on moments of confirmation', () => {
    const cases: [unknown, boolean][] = [
      ['2026-12-02T09:15:30Z', true],
      ['2026-12-02T10:15:30.123456+01:00', true],
      ['2028-02-29T23:59:59-05:00', true],
      ['2026-02-29T09:15:30Z', false],
      ['2026-12-02T24:00:00Z', false],
      ['2026-12-02 09:15:30Z', false],
      ['2026-12-02T09:15:30', false],
      ['2026-12-02', false],
      [Date.UTC(2026, 11, 2), false],
    ];
    for (const [confirmedAt, valid] of cases) agreeOnBody(statement({ confirmedAt }), valid);
  });

  it('on generated statements, with fields missing, wrong or unknown', () => {
    const values = fc.record({
      marketplace: ARBITRARIES.marketplace,
      email: ARBITRARIES.email,
      name: ARBITRARIES.name,
      orderId: ARBITRARIES.orderId,
      confirmedAt: fc.oneof(
        fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString()),
        fc.string({ maxLength: 30 }),
      ),
      extra: fc.jsonValue(),
    });
    const chosen = fc.subarray(['marketplace', 'email', 'name', 'orderId', 'confirmedAt', 'extra'], { maxLength: 3 });
    const damage = fc.option(fc.tuple(fc.constantFrom(...Object.keys(STATEMENT), 'productName'), fc.jsonValue()), { freq: 3 });
    fc.assert(
      fc.property(values, chosen, damage, (generated, keys, broken) => {
        const picked = Object.fromEntries(keys.map((key) => [key, (generated as Json)[key]]));
        agreeOnBody({ ...statement(picked), ...(broken && { [broken[0]]: broken[1] }) });
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});

// ---- openapi.json -------------------------------------------------------------------------

/** Follows a JSON pointer (`/paths/~1x/post`) from the document's root. */
function resolve(pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((node, key) => {
      assert.ok(node && typeof node === 'object' && key in node, `openapi.json has nothing at ${pointer}`);
      return (node as Json)[key];
    }, openapi);
}
/** The object itself, or what its local $ref points at. */
const deref = (node: unknown): Json => {
  const ref = (node as Json)['$ref'];
  return (typeof ref === 'string' ? resolve(ref.slice(1)) : node) as Json;
};

const ERROR_STATUSES = ['400', '403', '409', '413', '415', '422', '429', '503'];

describe('openapi.json', () => {
  const paths = openapi['paths'] as Record<string, Json>;
  const [path, operations] = Object.entries(paths)[0] ?? [];
  const post = deref(operations?.['post'] ?? {});
  const responses = post['responses'] as Record<string, Json>;

  it('is OpenAPI 3.1 with one path, POST and the CORS preflight', () => {
    assert.equal(openapi['openapi'], '3.1.0');
    assert.equal(typeof (openapi['info'] as Json)['version'], 'string');
    assert.equal(Object.keys(paths).length, 1);
    assert.equal(path, '/refund-exchange-requests');
    assert.deepEqual(Object.keys(deref(deref(operations?.['options'] ?? {})['responses'])), ['204']);
  });

  it('resolves every $ref', () => {
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const ref = (node as Json)['$ref'];
      if (typeof ref === 'string') {
        assert.ok(ref.startsWith('#/'), `${ref} is not local`);
        resolve(ref.slice(1));
      }
      Object.values(node).forEach(walk);
    };
    walk(openapi);
  });

  it('takes the request schema as its JSON body: a request, or a withdrawal statement by its kind', () => {
    const body = deref(post['requestBody']);
    const schema = deref((body['content'] as Record<string, Json>)['application/json']?.['schema']);
    // Embedded whole, each definition under its own name.
    assert.deepEqual(deref(schema['then']), withdrawalDefinition);
    assert.deepEqual(deref(schema['else']), requestDefinition);
    assert.deepEqual([schema['type'], schema['if']], [requestJsonSchema['type'], requestJsonSchema['if']]);
  });

  it("describes the Idempotency-Key header as createReceiver reads it", async () => {
    const parameters = (post['parameters'] as unknown[]).map(deref);
    const key = parameters.find((p) => p['name'] === 'Idempotency-Key');
    assert.ok(key);
    assert.equal(key['in'], 'header');
    assert.equal(key['required'], false);
    const pattern = new RegExp((key['schema'] as Json)['pattern'] as string, 'u');
    const receiver = createReceiver({ store: async () => 'R-1' });
    const samples: [string, boolean][] = [
      [randomUUID(), true],
      [`"${randomUUID()}"`, true],
      ['k', true],
      ['~'.repeat(255), true],
      [`"${'k'.repeat(255)}"`, true],
      ['with space', false],
      ['clé', false],
      ['k'.repeat(256), false],
      [`"${'k'.repeat(256)}"`, false],
      ['"unclosed', false],
      ['a"b', false],
      ['""', false],
    ];
    for (const [value, valid] of samples) {
      assert.equal(pattern.test(value), valid, value);
      const response = await receiver(
        new Request('http://localhost/', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': value },
          body: JSON.stringify(VALID),
        }),
      );
      assert.equal(response.status, valid ? 201 : 400, value);
    }
  });

  it('answers 201 with a reference and says when it is a replay', () => {
    const created = deref(responses['201']);
    const schema = (created['content'] as Record<string, Json>)['application/json']?.['schema'];
    const validate = ajv.compile(deref(schema));
    assert.ok(validate({ reference: 'R-1', receivedAt: '2026-12-02T09:15:30.250Z' }));
    assert.ok(!validate({ reference: 'R-1' }));
    assert.ok(!validate({}));
    assert.ok((created['headers'] as Json)['Idempotent-Replayed']);
  });

  it('answers every error with the errors body', () => {
    assert.deepEqual(Object.keys(responses).sort(), ['201', ...ERROR_STATUSES]);
    const errors = ajv.compile(deref({ $ref: '#/components/schemas/Errors' }));
    assert.ok(errors({ errors: [{ field: 'email', message: 'Enter your email address so we can reply.' }] }));
    assert.ok(errors({ errors: [{ field: '', message: 'Send the request as one JSON object.' }] }));
    assert.ok(!errors({ errors: [{ field: 'email' }] }));
    for (const status of ERROR_STATUSES) {
      const response = deref(responses[status]);
      assert.equal(typeof response['description'], 'string', status);
      const content = response['content'] as Record<string, Json>;
      assert.deepEqual(content['application/json']?.['schema'], { $ref: '#/components/schemas/Errors' }, status);
    }
  });

  it('sends Retry-After with 409, 429 and 503', () => {
    for (const status of ['409', '429', '503']) {
      const headers = deref(responses[status])['headers'] as Json | undefined;
      assert.ok(headers && deref(headers['Retry-After']), status);
    }
  });
});
