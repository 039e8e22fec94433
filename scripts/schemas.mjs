// Writes lib/request.schema.json (JSON Schema 2020-12 of the request body) and lib/openapi.json
// (OpenAPI 3.1 of the receiving endpoint) from the compiled zod schema; run after tsc.
//
// zod's generator sees lengths, patterns and enums, but not what zod does before checking them
// (trimming, full-width to ASCII, the serial number's clean-up) nor its refinements. Those are
// patched in below as patterns over the raw string, derived by running the very functions the
// schema runs, so that a validator and zod agree; test/node/json-schema.test.ts holds them to it.
import { readFileSync, writeFileSync } from 'node:fs';
import * as z from 'zod/mini';
import {
  LIMITS,
  createRequestSchema,
  createWithdrawalSchema,
  normalizeOrderId,
  normalizeSerial,
  toHalfWidth,
} from '../lib/schema.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const lib = (name) => new URL(`../lib/${name}`, import.meta.url);

// ---- Character classes, computed from the functions zod runs ----------------------------------

const BMP = Array.from({ length: 0x10000 }, (_, i) => i).filter((i) => i < 0xd800 || i > 0xdfff);
/**
 * One character as a class member: itself, so that no regex dialect's escapes are needed (the
 * JSON files spell it \uXXXX). Astral ones would need the u flag to stay one character.
 */
const member = (code) => {
  if (code > 0xffff) throw new Error(`U+${code.toString(16)} cannot go in a class`);
  const char = String.fromCharCode(code);
  return /[-\\[\]^]/.test(char) ? `\\${char}` : char;
};
/** A class body for a set of code points, runs of three or more as ranges. */
function classBody(codes) {
  const sorted = [...new Set(codes)].sort((a, b) => a - b);
  const parts = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (sorted[j + 1] === sorted[j] + 1) j++;
    parts.push(j - i >= 2 ? `${member(sorted[i])}-${member(sorted[j])}` : sorted.slice(i, j + 1).map(member).join(''));
    i = j + 1;
  }
  return parts.join('');
}

// What String.prototype.trim (zod's z.trim()) removes. normalizeSerial removes \s: the same set
// in ECMAScript, but not in every regex dialect, hence spelt out.
const SPACES = BMP.filter((code) => String.fromCharCode(code).trim() === '');
if (BMP.some((code) => /\s/.test(String.fromCharCode(code)) !== SPACES.includes(code))) {
  throw new Error('\\s and trim() disagree in this engine');
}
const WS = `[${classBody(SPACES)}]`;
const NOT_WS = `[^${classBody(SPACES)}]`;
const ANY = '[\\s\\S]';

/** Every character toHalfWidth turns into one of `ascii` (each of them included). */
const halfWidthOf = (ascii) => BMP.filter((code) => ascii.includes(toHalfWidth(String.fromCharCode(code))));

const ASCII_CLASS = /(\\d)|(\\.|[^\\])(?:-(\\.|[^\\]))?/gy;
/** The ASCII characters a class body (`A-Za-z0-9_'+\-`) lists. */
function classChars(body) {
  const chars = [];
  const unescape = (item) => (item.length === 2 && /^\\[^\w\s]$/.test(item) ? item[1] : item);
  ASCII_CLASS.lastIndex = 0;
  for (let m; ASCII_CLASS.lastIndex < body.length && (m = ASCII_CLASS.exec(body)); ) {
    const [, digits, from, to] = m;
    if (digits) chars.push(...'0123456789');
    else {
      const [a, b] = [unescape(from), unescape(to ?? from)];
      if (a.length !== 1 || b.length !== 1) throw new Error(`unsupported class item ${m[0]}`);
      for (let c = a.charCodeAt(0); c <= b.charCodeAt(0); c++) chars.push(String.fromCharCode(c));
    }
  }
  if (ASCII_CLASS.lastIndex !== body.length) throw new Error(`unsupported class [${body}]`);
  return chars;
}

const TOKEN = /\[(\^?)((?:\\.|[^\\\]])*)\]|(\\d)|\\([^\w\s])|(\{\d+(?:,\d*)?\}|\(\?:|[()^$*+?|])|(.)/gsy;
/**
 * Rewrites an ASCII pattern (zod's email regex, the order ID's) so that each character also
 * matches what toHalfWidth turns into it: the pattern then holds before normalising exactly
 * when zod's holds after. Throws on any construct it does not know, rather than guess.
 */
function widen(pattern) {
  let out = '';
  TOKEN.lastIndex = 0;
  for (let m; TOKEN.lastIndex < pattern.length && (m = TOKEN.exec(pattern)); ) {
    const [token, negated, body, digit, escaped, syntax, literal] = m;
    if (syntax) out += syntax;
    else {
      const chars = body !== undefined ? classChars(body) : digit ? classChars('0-9') : [escaped ?? literal];
      // Spaces and non-ASCII would meet trim() and toHalfWidth in ways a class cannot say.
      if (negated || (literal !== undefined && '.[]{}\\'.includes(literal)) || chars.some((c) => !/^[\x21-\x7e]$/.test(c))) {
        throw new Error(`cannot widen ${token} in ${pattern}`);
      }
      out += `[${classBody(halfWidthOf(chars))}]`;
    }
  }
  return out;
}

// ---- The request schema --------------------------------------------------------------------

const generated = z.toJSONSchema(createRequestSchema({ captcha: false }), {
  target: 'draft-2020-12',
  // Trims and overwrites make input and output differ; a client validates what it sends.
  io: 'input',
});
const { properties } = generated;
const assume = (what, actual, expected) => {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${what}: the patch below expects ${JSON.stringify(expected)}, zod gave ${JSON.stringify(actual)}`);
  }
};

// The patterns spell out the spaces rather than use \s, whose meaning varies between regex
// dialects, and use no lookaround, which some dialects lack: allOf, anyOf and not say the rest.

/** Between spaces, text of 1 (or 0) to `maxLength` characters: a length checked after trim(). */
function trimmedLength(minLength, maxLength) {
  if (minLength > 1 || maxLength < 2) throw new Error(`unsupported lengths ${minLength}..${maxLength}`);
  const value = `${NOT_WS}(?:${ANY}{0,${maxLength - 2}}${NOT_WS})?`;
  return `^${WS}*${minLength ? value : `(?:${value})?`}${WS}*$`;
}

const trimmed = ({ minLength = 0, maxLength, ...rest }) => ({ ...rest, pattern: trimmedLength(minLength, maxLength) });

/** ASCII text, accepted in full width and between spaces (toHalfWidth, then trim, then checks). */
function asciiTrimmed({ minLength, maxLength, pattern, ...rest }) {
  if (!pattern.startsWith('^') || !pattern.endsWith('$')) throw new Error(`unanchored ${pattern}`);
  const value = widen(pattern.slice(1, -1));
  // minLength 1 is then implied: the value's pattern matches no empty string.
  if (minLength > 1 || new RegExp(`^(?:${value})$`).test('')) throw new Error(`unsupported ${value}`);
  const form = `^${WS}*(?:${value})${WS}*$`;
  return maxLength === undefined
    ? { ...rest, pattern: form }
    : { ...rest, allOf: [{ pattern: trimmedLength(1, maxLength) }, { pattern: form }] };
}

/**
 * The serial number as normalizeSerial leaves it: full width to ASCII, a leading "SN:" or
 * "SN " dropped, every space removed, upper case. Each remaining character must turn into one
 * allowed character; the few that upper-case into two or three letters are left out.
 */
function serial({ minLength, maxLength, pattern, ...rest }) {
  const allowed = new RegExp(pattern);
  const single = [];
  const expanding = [];
  for (let code = 0; code <= 0x10ffff; code++) {
    if (code >= 0xd800 && code <= 0xdfff) continue;
    const normalized = normalizeSerial(String.fromCodePoint(code));
    if (allowed.test(normalized)) (normalized.length === 1 ? single : expanding).push(code);
  }
  const [S, N, colon] = ['Ss', 'Nn', ':'].map((c) => `[${classBody(halfWidthOf([...c]))}]`);
  const number = `(?:${WS}*[${classBody(single)}]){${minLength},${maxLength}}${WS}*$`;
  return {
    ...rest,
    // normalizeSerial's /^\s*SN(\s*:|\s+)\s*/i: where it matches, the number is what follows;
    // elsewhere the whole text is, and a colon in it fails as any other character would.
    anyOf: [
      { pattern: `^${WS}*${S}${N}(?:${WS}*${colon}|${WS}+)${number}` },
      { pattern: `^${number}`, not: { pattern: `^${WS}*${S}${N}${WS}` } },
    ],
    ...(expanding.length && {
      $comment:
        `Stricter than the receiver in one respect: ${expanding.map((c) => String.fromCodePoint(c)).join(' ')} ` +
        'upper-case into two or three letters there (ß → SS), which a pattern cannot count; it refuses them.',
    }),
  };
}

/**
 * The order ID as normalizeOrderId reads a paste: one run of 17 digits with spaces or dashes
 * between them, and words around it that do not touch it with a letter ("Order # 123 1234567
 * 1234567", "注文番号：１２３…"). Digits, letters and dashes in any width; the spaces are trim()'s.
 */
function pastedOrderId({ minLength, pattern, ...rest }) {
  assume('order ID', [minLength, pattern], [1, '^\\d{3}-\\d{7}-\\d{7}$']);
  const digits = halfWidthOf([...'0123456789']);
  const letters = halfWidthOf([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz']);
  const D = `[${classBody(digits)}]`;
  const notD = `[^${classBody(digits)}]`;
  const word = `[^${classBody([...digits, ...letters])}]`;
  const S = `[${classBody([...SPACES, ...halfWidthOf(['-'])])}]`;
  const form = `^(?:${notD}*${word})?${D}(?:${S}*${D}){16}(?:${word}${notD}*)?$`;
  // The pattern and the function must agree; test/node/json-schema.test.ts probes them further.
  for (const [text, valid] of [['Order # 123 1234567 1234567', true], ['A123-1234567-1234567', false]]) {
    if (new RegExp(form, 'u').test(text) !== valid || /^\d{3}-\d{7}-\d{7}$/.test(normalizeOrderId(text)) !== valid) {
      throw new Error(`order ID pattern and normalizeOrderId disagree on ${text}`);
    }
  }
  return { ...rest, pattern: form };
}

/** The fields a request and a withdrawal statement share, described once. */
const purchase = (p) => ({
  marketplace: { ...p.marketplace, description: "The purchase site: an Amazon marketplace id, or one of the shop's channels where the receiver has them." },
  email: {
    ...asciiTrimmed(p.email),
    description: `The customer's email address, at most ${LIMITS.email} characters. Full-width characters count as ASCII; spaces around it are ignored.`,
  },
  name: {
    ...trimmed(p.name),
    description: `Contact name: 1 to ${LIMITS.name} characters after trimming.`,
  },
  orderId: {
    ...pastedOrderId(p.orderId),
    description:
      'Order ID: the 17 digits of an Amazon order ID, 123-1234567-1234567 on every marketplace. The receiver takes them from a paste ("Order # 123 1234567 1234567", "注文番号：１２３…"): spaces and dashes of any kind between the digits, full-width digits, and words around them that do not touch them with a letter; it stores them as 3-7-7 with dashes.',
  },
});

const image = properties.images.items;
assume('image data', image.properties.data, {
  type: 'string',
  minLength: 4,
  maxLength: LIMITS.imageData,
  pattern: '^[A-Za-z0-9+/]+={0,2}$',
});
assume('pixels', [image.properties.width, image.properties.height], [{ type: 'number' }, { type: 'number' }]);

const B64 = '[A-Za-z0-9+/]';
const describedImage = {
  ...image,
  description: 'A photo as the form prepared it: upright, scaled down, re-encoded without EXIF or GPS data.',
  properties: {
    name: { ...image.properties.name, description: 'The file name the customer chose.' },
    type: image.properties.type,
    width: { type: 'integer', minimum: 1, description: 'Width in pixels.' },
    height: { type: 'integer', minimum: 1, description: 'Height in pixels.' },
    data: {
      ...image.properties.data,
      // zod's "base64 characters, then up to two =" and "a multiple of 4 long" in one pattern.
      // Quads spelt out, not {4}: V8 then loops without stacking a backtrack entry per quad,
      // which an 8 MB photo would overflow.
      pattern: `^(?:${B64.repeat(4)})*(?:${B64.repeat(4)}|${B64.repeat(3)}=|${B64.repeat(2)}==)$`,
      description: 'The picture, base64 without a data: prefix.',
    },
  },
};

const body = {
  title: 'Refund or exchange request',
  description:
    'The JSON body <refund-exchange-form> POSTs to its endpoint. Optional text fields that are empty are left out; keys not listed here are ignored by the receiver.',
  $comment: [
    'Generated from the zod schema the receiver checks with (scripts/schemas.mjs).',
    'The receiver trims text, reads full-width characters as ASCII and cleans up serial numbers before checking; the patterns state the same rules on the raw text.',
    'They are ECMAScript regexes; lengths in them are code points, as with the u flag (ajv uses it): an engine without it counts a character outside the BMP twice, and is stricter.',
    'Where this schema differs from the receiver, it is stricter: see serialNumber.',
    'marketplace and images hold the defaults; a receiver set up with fewer marketplaces or another max-images checks its own, and one with a captcha requires captcha.',
  ].join(' '),
  type: 'object',
  properties: {
    kind: { ...properties.kind, description: 'Left out, or "request": a refund or exchange request.' },
    ...purchase(properties),
    productName: {
      ...trimmed(properties.productName),
      description: `Product name: 1 to ${LIMITS.productName} characters after trimming.`,
    },
    resolution: { ...properties.resolution, description: 'Refund or exchange.' },
    reason: {
      ...properties.reason,
      description:
        'Reason for the request: damaged upon arrival, defective, sent wrong item, ordered wrong item, no longer needed, other.',
    },
    serialNumber: {
      ...serial(properties.serialNumber),
      description: `Serial number: a leading "SN:" is dropped, spaces are removed, letters are upper-cased; ${LIMITS.serialMin} to ${LIMITS.serialMax} letters and digits remain.`,
    },
    details: {
      ...trimmed(properties.details),
      description: `Issue details, at most ${LIMITS.details} characters after trimming; required when the reason is "other".`,
    },
    images: {
      ...properties.images,
      items: describedImage,
      description: 'Photos: at most max-images of them (5 unless the form says otherwise).',
    },
    captcha: { ...properties.captcha, description: 'The Friendly Captcha solution, present when the form has a sitekey.' },
    locale: { ...properties.locale, description: 'The locale the form was shown in, e.g. de-DE.' },
  },
  required: generated.required,
  // zod's refinement: with the reason "other", details must hold more than spaces.
  if: { properties: { reason: { const: 'other' } }, required: ['reason'] },
  then: { properties: { details: { type: 'string', pattern: NOT_WS } }, required: ['details'] },
};
assume('request keys', Object.keys(body.properties), Object.keys(properties));

// ---- The withdrawal statement ----------------------------------------------------------------

const generatedWithdrawal = z.toJSONSchema(createWithdrawalSchema({ captcha: false }), {
  target: 'draft-2020-12',
  io: 'input',
});
const w = generatedWithdrawal.properties;
assume('confirmedAt', [w.confirmedAt.type, w.confirmedAt.format], ['string', 'date-time']);
const withdrawal = {
  title: 'Withdrawal statement',
  description:
    'An online withdrawal statement (Article 11a of Directive 2011/83/EU), sent by the form with the withdrawal attribute once the customer confirmed it. The receiver stores it whatever its captcha says, and acknowledges it by email.',
  type: 'object',
  properties: {
    kind: { ...w.kind, description: 'Always "withdrawal".' },
    ...purchase(w),
    locale: { ...w.locale, description: 'The locale the form was shown in: the acknowledgement is written in its language.' },
    confirmedAt: {
      ...w.confirmedAt,
      description: 'When the customer pressed "Confirm withdrawal", by their device\'s clock: ISO 8601 with a time zone offset or Z.',
    },
    captcha: {
      ...w.captcha,
      description: 'The Friendly Captcha solution, when the form has a sitekey and the check finished in time; never required.',
    },
  },
  required: generatedWithdrawal.required,
};
assume('withdrawal keys', Object.keys(withdrawal.properties), Object.keys(w));

assume('image keys', Object.keys(describedImage.properties), Object.keys(image.properties));
const DIALECT = 'https://json-schema.org/draft/2020-12/schema';
const request = {
  $schema: DIALECT,
  // Absolute, as 2020-12 asks of a root $id; versioned, so that two releases' schemas never
  // share an id; and once published, it is where this very file can be fetched.
  $id: `https://unpkg.com/refund-exchange-form@${version}/lib/request.schema.json`,
  title: 'Endpoint body',
  description:
    'What <refund-exchange-form> POSTs to its endpoint: a refund or exchange request, or with "kind": "withdrawal" a withdrawal statement.',
  type: 'object',
  // As the receiver decides: by kind alone, so that a wrong statement is judged as one.
  if: { properties: { kind: { const: 'withdrawal' } }, required: ['kind'] },
  then: { $ref: '#/$defs/WithdrawalStatement' },
  else: { $ref: '#/$defs/RefundExchangeRequest' },
  $defs: { RefundExchangeRequest: body, WithdrawalStatement: withdrawal },
};

// ---- The endpoint --------------------------------------------------------------------------

const json = (schema) => ({ 'application/json': { schema } });
const ERRORS = { $ref: '#/components/schemas/Errors' };
const retryAfter = { 'Retry-After': { $ref: '#/components/headers/Retry-After' } };
const failure = (description, headers) => ({ description, ...(headers && { headers }), content: json(ERRORS) });
const cors = (description, schema) => ({ description, schema: { type: 'string', ...schema } });

const openapi = {
  openapi: '3.1.0',
  info: {
    title: 'refund-exchange-form receiver',
    version,
    description:
      'The endpoint <refund-exchange-form> posts to, as createReceiver() implements it. Hosts mount it at any path: the one below is only a name. Every answer carries Vary: Origin, and Access-Control-Allow-Origin when the origin may post.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  jsonSchemaDialect: DIALECT,
  paths: {
    '/refund-exchange-requests': {
      post: {
        operationId: 'submitRefundExchangeRequest',
        summary: 'Submit a refund or exchange request',
        parameters: [{ $ref: '#/components/parameters/Idempotency-Key' }],
        requestBody: {
          required: true,
          description:
            'UTF-8 JSON (a charset parameter, if any, is utf-8), uncompressed (Content-Encoding absent or identity): a request, or with "kind": "withdrawal" a withdrawal statement.',
          content: json({ $ref: '#/components/schemas/EndpointBody' }),
        },
        responses: {
          201: {
            description:
              'Stored. A repeat of a stored request (same Idempotency-Key and body) gets the same reference and time. A withdrawal statement is stored whatever its captcha says, and its acknowledgement is emailed at once and retried until sent.',
            headers: {
              'Idempotent-Replayed': {
                description: 'Present when this answers a repeat of a stored request.',
                schema: { type: 'string', const: 'true' },
              },
            },
            content: json({ $ref: '#/components/schemas/Reference' }),
          },
          400: failure('The Idempotency-Key is malformed, or the body is not JSON, not UTF-8 or cut off.'),
          403: failure('The Origin is not one the receiver allows.'),
          409: failure('A request with this Idempotency-Key is still being processed; retry after a while.', retryAfter),
          413: failure("The body is larger than the receiver's limit (40 MiB unless set otherwise)."),
          415: failure('The body is not uncompressed UTF-8 application/json.'),
          422: failure(
            "The request breaks the schema's rules (one error per field, field being its JSON key), the captcha was refused or its puzzle used before, or the Idempotency-Key was used before with a different body.",
          ),
          429: failure("Too many requests, from the host's rate limiter in front of the receiver.", retryAfter),
          503: failure(
            'The store, its database or the captcha service is unavailable; nothing was stored, and a retry with the same key is safe.',
            retryAfter,
          ),
        },
      },
      options: {
        operationId: 'preflightRefundExchangeRequest',
        summary: 'CORS preflight',
        responses: {
          204: {
            description: 'The preflight answer; the Access-Control-Allow-* headers come only when the origin may post.',
            headers: {
              'Access-Control-Allow-Origin': cors('The requesting origin, when the receiver allows it.'),
              'Access-Control-Allow-Methods': cors('The method allowed.', { examples: ['POST'] }),
              'Access-Control-Allow-Headers': cors('The request headers allowed.', {
                examples: ['Content-Type, Idempotency-Key'],
              }),
              'Access-Control-Max-Age': cors('Seconds the browser may keep this answer.', { pattern: '^[0-9]+$' }),
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      // Embedded rather than referenced, so the document stands alone.
      EndpointBody: {
        type: 'object',
        if: { properties: { kind: { const: 'withdrawal' } }, required: ['kind'] },
        then: { $ref: '#/components/schemas/WithdrawalStatement' },
        else: { $ref: '#/components/schemas/RefundExchangeRequest' },
      },
      RefundExchangeRequest: body,
      WithdrawalStatement: withdrawal,
      Reference: {
        type: 'object',
        required: ['reference', 'receivedAt'],
        properties: {
          reference: { type: 'string', minLength: 1, description: 'What the customer quotes to find the request.' },
          receivedAt: {
            type: 'string',
            format: 'date-time',
            description: "When the receiver stored it, by the store's clock: a withdrawal's time of receipt.",
          },
        },
      },
      Errors: {
        type: 'object',
        required: ['errors'],
        properties: {
          errors: {
            type: 'array',
            minItems: 1,
            items: {
              type: 'object',
              required: ['field', 'message'],
              properties: {
                field: {
                  type: 'string',
                  description: 'The JSON key of the request the message is about; "" for the request as a whole.',
                },
                message: { type: 'string', description: 'English text, to be shown as text, never as HTML.' },
              },
            },
          },
        },
      },
    },
    parameters: {
      'Idempotency-Key': {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description:
          'Identifies one submission across its retries; the widget sends a UUID v4. 1 to 255 visible ASCII characters other than ", bare or as a quoted structured-field string ("…").',
        schema: { type: 'string', pattern: '^(?:[\\x21\\x23-\\x7E]{1,255}|"[\\x21\\x23-\\x7E]{1,255}")$' },
      },
    },
    headers: {
      'Retry-After': {
        description: 'How long to wait before trying again: seconds, or an HTTP date.',
        schema: { type: 'string' },
      },
    },
  },
};

/** ASCII JSON: the spaces and dashes in patterns are then told apart by their \uXXXX. */
const write = (name, value) =>
  writeFileSync(
    lib(name),
    `${JSON.stringify(value, null, 2).replace(/[^\x20-\x7e\n]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`,
  );
write('request.schema.json', request);
write('openapi.json', openapi);
