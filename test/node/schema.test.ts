import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  FIELDS,
  IMAGE_TYPES,
  LIMITS,
  MARKETPLACE_IDS,
  REASONS,
  createRequestSchema,
  isFieldName,
  normalizeOrderId,
  normalizeSerial,
  requestSchema,
} from '../../src/schema.js';
import type { SchemaOptions } from '../../src/schema.js';
import { en } from '../../src/i18n/en.js';
import { issueMessage } from '../../src/i18n/issue-message.js';
import { PNG, VALID } from './samples.js';


/** A 1×1 PNG, base64. */
const image = (patch: Record<string, unknown> = {}) => ({
  name: 'box.png',
  type: 'image/png',
  width: 640,
  height: 480,
  data: PNG,
  ...patch,
});
const images = (n: number) => Array.from({ length: n }, (_, i) => image({ name: `photo-${i}.png` }));

/** The valid request with some keys changed (`undefined` leaves a key out). */
const request = (patch: Record<string, unknown>) => ({ ...VALID, ...patch });

function accepts(patch: Record<string, unknown>, options?: SchemaOptions) {
  const result = createRequestSchema(options).safeParse(request(patch));
  assert.ok(result.success, `expected ${JSON.stringify(patch)} to pass: ${JSON.stringify(result.error?.issues)}`);
  return result.data;
}

/** The English message of the first issue on `field`, asserting there is one. */
function rejects(field: string, patch: Record<string, unknown>, options?: SchemaOptions): string {
  // As the form and parseRequest do: messages about length need the input.
  const result = createRequestSchema(options).safeParse(request(patch), { reportInput: true });
  assert.ok(!result.success, `expected ${JSON.stringify(patch).slice(0, 200)} to fail`);
  const issue = result.error.issues.find((i) => i.path[0] === field);
  assert.ok(issue, `expected an issue on ${field}, got ${JSON.stringify(result.error.issues)}`);
  return issueMessage(issue, en);
}

/** An address of exactly `length` characters that is otherwise well-formed. */
function emailOfLength(length: number): string {
  const domain = `${'d'.repeat(60)}.${'e'.repeat(60)}.example.com`;
  const local = 'l'.repeat(length - domain.length - 1);
  const address = `${local}@${domain}`;
  assert.equal(address.length, length);
  return address;
}

describe('schema: the contract', () => {
  it('lists the JSON keys in the form order', () => {
    assert.deepEqual(FIELDS, [
      'marketplace',
      'email',
      'name',
      'orderId',
      'productName',
      'resolution',
      'reason',
      'serialNumber',
      'details',
      'images',
      'captcha',
    ]);
    assert.ok(isFieldName('orderId'));
    assert.ok(!isFieldName('locale'));
    assert.ok(!isFieldName(undefined));
  });

  it('has the contract limits', () => {
    assert.equal(LIMITS.email, 254);
    assert.equal(LIMITS.name, 100);
    assert.equal(LIMITS.productName, 200);
    assert.equal(LIMITS.details, 2000);
    assert.equal(LIMITS.serialMin, 4);
    assert.equal(LIMITS.serialMax, 32);
    assert.equal(LIMITS.maxImages, 5);
  });

  it('accepts the minimal valid request as it is', () => {
    assert.deepEqual(requestSchema.parse(VALID), VALID);
  });

  it('drops keys it does not know, __proto__ included', () => {
    assert.deepEqual(accepts({ extra: 'x' }), VALID);
    const parsed = requestSchema.parse(JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(VALID).slice(1)}`));
    assert.deepEqual(parsed, VALID);
    assert.equal(Object.getPrototypeOf(parsed), Object.prototype);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });

  it('refuses a body that is not an object', () => {
    for (const body of [null, [], 'request', 42]) {
      const result = requestSchema.safeParse(body);
      assert.ok(!result.success);
      assert.deepEqual(result.error.issues[0]?.path, []);
    }
  });

  it('reports every wrong field at once, in form order', () => {
    const result = requestSchema.safeParse({ reason: 'other' });
    assert.ok(!result.success);
    const fields = result.error.issues.map((i) => i.path[0]);
    assert.deepEqual(fields, [
      'marketplace',
      'email',
      'name',
      'orderId',
      'productName',
      'resolution',
      'locale',
      'details',
    ]);
  });
});

describe('schema: marketplace', () => {
  it('accepts every Amazon marketplace by default', () => {
    assert.deepEqual(MARKETPLACE_IDS, [
      'amazon.com',
      'amazon.ca',
      'amazon.co.uk',
      'amazon.de',
      'amazon.fr',
      'amazon.es',
      'amazon.it',
      'amazon.co.jp',
    ]);
    for (const marketplace of MARKETPLACE_IDS) assert.equal(accepts({ marketplace }).marketplace, marketplace);
  });

  it('refuses unknown, differently written or missing ids', () => {
    for (const marketplace of ['amazon.nl', 'ebay.de', 'Amazon.de', 'amazon.de ', '', 7, undefined]) {
      assert.equal(rejects('marketplace', { marketplace }), 'Choose the site where you bought the product.');
    }
  });

  it('accepts only the offered subset when one is given', () => {
    const options = { marketplaces: ['amazon.de', 'amazon.fr'] as const };
    assert.equal(accepts({ marketplace: 'amazon.fr' }, options).marketplace, 'amazon.fr');
    assert.equal(
      rejects('marketplace', { marketplace: 'amazon.com' }, options),
      'Choose the site where you bought the product.',
    );
  });

  it('treats an empty subset as every marketplace', () => {
    assert.equal(accepts({ marketplace: 'amazon.co.jp' }, { marketplaces: [] }).marketplace, 'amazon.co.jp');
  });
});

describe('schema: email', () => {
  it('accepts ordinary addresses and trims around them', () => {
    assert.equal(accepts({ email: 'first.last+returns@mail.example.co.uk' }).email, 'first.last+returns@mail.example.co.uk');
    assert.equal(accepts({ email: '  kim@example.com \n' }).email, 'kim@example.com');
  });

  it('refuses what is not an address', () => {
    for (const email of ['kim', 'kim@', '@example.com', 'kim@example', 'kim lee@example.com', 'kim@@example.com']) {
      assert.equal(rejects('email', { email }), 'Enter an email address like name@example.com.');
    }
  });

  it('asks for a missing or blank address', () => {
    for (const email of [undefined, '', '   ']) {
      assert.equal(rejects('email', { email }), 'Enter your email address so we can reply.');
    }
  });

  it('takes 254 characters and refuses 255', () => {
    assert.equal(accepts({ email: emailOfLength(254) }).email.length, 254);
    assert.equal(rejects('email', { email: emailOfLength(255) }), '1\u00a0character too many. Shorten this to at most 254.');
  });
});

describe('schema: name', () => {
  it('trims the name', () => {
    assert.equal(accepts({ name: '  Kim Lee \t' }).name, 'Kim Lee');
  });

  it('asks for a missing, empty or blank name', () => {
    for (const name of [undefined, '', '    ', 12]) assert.equal(rejects('name', { name }), 'Enter your name.');
  });

  it('takes 100 characters after trimming and refuses 101', () => {
    assert.equal(accepts({ name: 'n'.repeat(100) }).name.length, 100);
    assert.equal(accepts({ name: ` ${'n'.repeat(100)} ` }).name.length, 100);
    assert.equal(rejects('name', { name: 'n'.repeat(101) }), '1\u00a0character too many. Shorten this to at most 100.');
  });

  it('counts characters, not UTF-16 units', () => {
    assert.equal(accepts({ name: '😀'.repeat(100) }).name, '😀'.repeat(100));
    assert.equal(rejects('name', { name: '😀'.repeat(101) }), '1\u00a0character too many. Shorten this to at most 100.');
  });
});

describe('schema: orderId', () => {
  const wrong = 'Enter the order ID from “Your Orders” on Amazon, like 123\u20111234567\u20111234567.';

  it('accepts 3-7-7 digits, trimmed', () => {
    assert.equal(accepts({ orderId: '123-1234567-1234567' }).orderId, '123-1234567-1234567');
    assert.equal(accepts({ orderId: '  028-9876543-2100000 ' }).orderId, '028-9876543-2100000');
  });

  it('takes the 17 digits out of a paste, and sends them as 3-7-7', () => {
    for (const orderId of [
      'Order # 123-1234567-1234567',
      '#123-1234567-1234567',
      'Bestellnr. 123-1234567-1234567',
      'N° de commande : 123 1234567 1234567',
      '注文番号：１２３－１２３４５６７－１２３４５６７',
      '12312345671234567',
      '123 1234567 1234567',
      '123–1234567—1234567',
      '123-1234567-\n1234567',
    ]) {
      assert.equal(accepts({ orderId }).orderId, '123-1234567-1234567', orderId);
      assert.equal(normalizeOrderId(orderId), '123-1234567-1234567', orderId);
    }
  });

  it('says how many digits there are when they are not 17', () => {
    for (const [orderId, digits] of [
      ['12-1234567-1234567', 16],
      ['1234-1234567-12345678', 19],
      ['123-123456-1234567', 16],
      ['123-1234567-1234567-1', 18],
      ['Order 123 and 1234567-1234567', 17],
    ] as const) {
      const message = rejects('orderId', { orderId });
      assert.equal(message, digits === 17 ? wrong : en.errOrderIdDigits(digits), orderId);
    }
  });

  it('says when there are letters in it', () => {
    for (const orderId of ['123-1234567-123456a', 'D01-1234567-1234567', '1O3-1234567-1234567', 'abc']) {
      assert.equal(rejects('orderId', { orderId }), en.errOrderIdLetters, orderId);
    }
  });

  it('asks for a missing order ID', () => {
    for (const orderId of [undefined, '', '  ']) {
      assert.equal(rejects('orderId', { orderId }), 'Enter the order ID from “Your Orders” on Amazon.');
    }
  });
});

describe('schema: productName', () => {
  it('trims, takes 200 characters and refuses 201', () => {
    assert.equal(accepts({ productName: ' Kettle ' }).productName, 'Kettle');
    assert.equal(accepts({ productName: 'p'.repeat(200) }).productName.length, 200);
    assert.equal(rejects('productName', { productName: 'p'.repeat(201) }), '1\u00a0character too many. Shorten this to at most 200.');
  });

  it('asks for a missing product name', () => {
    for (const productName of [undefined, '', ' ']) {
      assert.equal(rejects('productName', { productName }), 'Enter the product name.');
    }
  });
});

describe('schema: resolution', () => {
  it('accepts refund and exchange', () => {
    assert.equal(accepts({ resolution: 'refund' }).resolution, 'refund');
    assert.equal(accepts({ resolution: 'exchange' }).resolution, 'exchange');
  });

  it('refuses anything else', () => {
    for (const resolution of ['Refund', 'return', 'both', '', undefined]) {
      assert.equal(rejects('resolution', { resolution }), 'Choose whether you want a refund or an exchange.');
    }
  });
});

describe('schema: reason', () => {
  it('accepts the six reason codes', () => {
    assert.deepEqual(REASONS, [
      'damaged_on_arrival',
      'defective',
      'wrong_item_sent',
      'ordered_wrong_item',
      'no_longer_needed',
      'other',
    ]);
    for (const reason of REASONS) assert.equal(accepts({ reason, details: 'It hums.' }).reason, reason);
  });

  it('refuses unknown codes and labels', () => {
    for (const reason of ['Defective', 'broken', 'damaged', '', undefined]) {
      assert.equal(rejects('reason', { reason }), 'Choose a reason for your request.');
    }
  });
});

describe('schema: serialNumber', () => {
  const wrong = 'Enter the serial number as printed after “SN:”, like A1234567 (letters and digits).';

  it('is optional', () => {
    assert.equal(accepts({ serialNumber: undefined }).serialNumber, undefined);
  });

  it('drops the SN: label and spacing, upper-cases the rest', () => {
    assert.equal(accepts({ serialNumber: 'SN: a1234567' }).serialNumber, 'A1234567');
    assert.equal(accepts({ serialNumber: 'sn:a12 345 67' }).serialNumber, 'A1234567');
    assert.equal(accepts({ serialNumber: '  SN：kx9z ' }).serialNumber, 'KX9Z');
    assert.equal(accepts({ serialNumber: 'b7c8d9' }).serialNumber, 'B7C8D9');
    assert.equal(accepts({ serialNumber: 'SN A1234567' }).serialNumber, 'A1234567');
    assert.equal(accepts({ serialNumber: 'sn a123 4567' }).serialNumber, 'A1234567');
  });

  it('keeps a serial that merely starts with SN', () => {
    assert.equal(accepts({ serialNumber: 'SN1234567' }).serialNumber, 'SN1234567');
    assert.equal(accepts({ serialNumber: 'snx9k2' }).serialNumber, 'SNX9K2');
  });

  it('normalizes the same way outside the schema', () => {
    assert.equal(normalizeSerial('SN: a1234567'), 'A1234567');
    assert.equal(normalizeSerial(' Sn : x1 y2 '), 'X1Y2');
  });

  it('takes 4 to 32 characters', () => {
    assert.equal(accepts({ serialNumber: 'A123' }).serialNumber, 'A123');
    assert.equal(accepts({ serialNumber: 'A'.repeat(32) }).serialNumber, 'A'.repeat(32));
    assert.equal(accepts({ serialNumber: `SN: ${'a'.repeat(32)}` }).serialNumber, 'A'.repeat(32));
    // Too short says so, too long by how much.
    for (const serialNumber of ['A12', 'SN: A12', 'sn a 1 2', '', 'SN:']) {
      assert.equal(rejects('serialNumber', { serialNumber }), en.errSerialShort(4), serialNumber);
    }
    assert.equal(rejects('serialNumber', { serialNumber: 'A'.repeat(33) }), en.errTooLong(32, 1));
  });

  it('refuses punctuation and other scripts', () => {
    for (const serialNumber of ['A123-4567', 'A123.4567', 'A123/4567', 'A123_4567', 'Ä1234567', '#A1234567']) {
      assert.equal(rejects('serialNumber', { serialNumber }), wrong, serialNumber);
    }
  });
});

describe('schema: details', () => {
  it('is optional, trimmed and takes 2000 characters', () => {
    assert.equal(accepts({ details: undefined }).details, undefined);
    assert.equal(accepts({ details: '  The lid sticks.\n' }).details, 'The lid sticks.');
    assert.equal(accepts({ details: 'd'.repeat(2000) }).details?.length, 2000);
  });

  it('refuses 2001 characters', () => {
    assert.equal(rejects('details', { details: 'd'.repeat(2001) }), '1\u00a0character too many. Shorten this to at most 2,000.');
  });

  it('is required when the reason is other', () => {
    const message = 'Since you chose “Other”, tell us what happened.';
    for (const details of [undefined, '', '   \n ']) {
      assert.equal(rejects('details', { reason: 'other', details }), message);
    }
    assert.equal(accepts({ reason: 'other', details: 'It smells of smoke.' }).details, 'It smells of smoke.');
  });

  it('is asked for alongside the other problems', () => {
    assert.equal(
      rejects('details', { reason: 'other', name: '', orderId: 'x' }),
      'Since you chose “Other”, tell us what happened.',
    );
  });
});

describe('schema: images', () => {
  it('is optional and may be empty', () => {
    assert.equal(accepts({ images: undefined }).images, undefined);
    assert.deepEqual(accepts({ images: [] }).images, []);
  });

  it('accepts JPEG, PNG and WebP', () => {
    assert.deepEqual(IMAGE_TYPES, ['image/jpeg', 'image/png', 'image/webp']);
    for (const type of IMAGE_TYPES) assert.equal(accepts({ images: [image({ type })] }).images?.[0]?.type, type);
  });

  it('takes at most 5 photos by default', () => {
    assert.equal(accepts({ images: images(5) }).images?.length, 5);
    assert.equal(rejects('images', { images: images(6) }), 'Attach at most 5\u00a0photos.');
  });

  it('takes at most max-images photos when set', () => {
    assert.equal(accepts({ images: images(2) }, { maxImages: 2 }).images?.length, 2);
    assert.equal(rejects('images', { images: images(3) }, { maxImages: 2 }), 'Attach at most 2\u00a0photos.');
    assert.equal(rejects('images', { images: images(2) }, { maxImages: 1 }), 'Attach at most 1\u00a0photo.');
    assert.equal(accepts({ images: images(8) }, { maxImages: 8 }).images?.length, 8);
  });

  it('refuses other picture types', () => {
    for (const type of ['image/gif', 'image/heic', 'image/svg+xml', 'IMAGE/PNG', '']) {
      assert.equal(rejects('images', { images: [image({ type })] }), 'Check this entry.', type);
    }
  });

  it('refuses data that is not bare base64', () => {
    for (const data of [
      'not base64!',
      `data:image/png;base64,${PNG}`,
      'AAA',
      'AAAA===',
      'AAAAA',
      `${PNG}\n`,
      '',
    ]) {
      assert.equal(rejects('images', { images: [image({ data })] }), 'Check this entry.', data);
    }
  });

  it('refuses sizes that are not positive whole numbers', () => {
    for (const size of [{ width: 1.5 }, { height: 0 }, { width: -4 }, { height: '480' }, { width: undefined }]) {
      assert.equal(rejects('images', { images: [image(size)] }), 'Check this entry.', JSON.stringify(size));
    }
  });

  it('needs a file name of at most 255 characters', () => {
    assert.equal(accepts({ images: [image({ name: 'n'.repeat(255) })] }).images?.[0]?.name.length, 255);
    assert.equal(rejects('images', { images: [image({ name: '' })] }), 'Check this entry.');
    assert.equal(rejects('images', { images: [image({ name: 'n'.repeat(256) })] }), 'Check this entry.');
  });

  it('refuses a list that is not an array', () => {
    assert.equal(rejects('images', { images: image() }), 'Check this entry.');
  });
});

describe('schema: captcha', () => {
  it('is optional without a site key', () => {
    assert.equal(accepts({}).captcha, undefined);
    assert.equal(accepts({ captcha: 'sig.puzzle.solutions.diag' }).captcha, 'sig.puzzle.solutions.diag');
  });

  it('is required with a site key', () => {
    const message = 'Please wait until the anti-robot check is complete.';
    assert.equal(rejects('captcha', {}, { captcha: true }), message);
    assert.equal(rejects('captcha', { captcha: '' }, { captcha: true }), message);
    assert.equal(accepts({ captcha: 'sig.puzzle.solutions.diag' }, { captcha: true }).captcha, 'sig.puzzle.solutions.diag');
  });
});

describe('schema: locale', () => {
  it('accepts BCP 47 tags', () => {
    for (const locale of ['en', 'de-DE', 'zh-Hant-TW', 'es-419', 'fil-PH']) assert.equal(accepts({ locale }).locale, locale);
  });

  it('is required and refuses what is not a tag', () => {
    for (const locale of [undefined, '', 'de_DE', 'english!', '1234', 'd', `en-${'a'.repeat(8)}-${'b'.repeat(8)}-${'c'.repeat(8)}-${'d'.repeat(8)}`]) {
      assert.equal(rejects('locale', { locale }), 'Check this entry.', String(locale));
    }
  });
});
