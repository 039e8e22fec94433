import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { en, type Translation } from '../../src/i18n/en.js';
import enGB from '../../src/i18n/en-GB.js';
import enCA from '../../src/i18n/en-CA.js';
import fr from '../../src/i18n/fr.js';
import frCA from '../../src/i18n/fr-CA.js';
import de from '../../src/i18n/de.js';
import es from '../../src/i18n/es.js';
import it_ from '../../src/i18n/it.js';
import ja from '../../src/i18n/ja.js';
import { supportedLocale } from '../../src/i18n/index.js';
import { captchaLanguage } from '../../src/captcha/language.js';

const others: Record<string, Translation> = { fr, 'fr-CA': frCA, de, es, it: it_, ja };
const all: Record<string, Translation> = { en, 'en-GB': enGB, 'en-CA': enCA, ...others };

/** Sample arguments for every function term, so their output can be compared too. */
const ARGS: Record<string, unknown[]> = {
  charCount: [12, 2000],
  policyReturn: [30],
  policyWarranty: [18],
  photosHint: [5],
  removePhoto: ['box.jpg'],
  summary: [3],
  errTooLong: [100, 5],
  errImages: [5],
  photoNotImage: ['box.jpg'],
  photoDamaged: ['box.jpg'],
  photoHeic: ['box.jpg'],
  photoTooBig: ['box.jpg'],
  reference: ['RX-1'],
  errRateLimited: [30],
  errRefused: [403],
  errCaptchaBlocked: ['trusted-types refund-exchange-form'],
  errOrderIdDigits: [16],
  errOrderIdShop: ['KK-104233'],
  orderIdLooksLike: ['KK-104233'],
  errSerialShort: [4],
  photoNoRoom: ['box.jpg', 1, 5],
  photosAttached: [2, 5],
  photoRemoved: ['box.jpg'],
  nextSteps: ['jane@example.com'],
  recapPhotos: [0],
};

const text = (t: Translation, key: keyof Translation): string => {
  const term = t[key] as unknown;
  return typeof term === 'function' ? (term as (...a: unknown[]) => string)(...(ARGS[key] ?? [])) : String(term);
};

/**
 * Values that really are the same in a language as in English. Kept short on purpose: every
 * entry is a decision, not an oversight.
 */
const SAME_AS_ENGLISH: Record<string, (keyof Translation)[]> = {};

describe('dictionaries', () => {
  it('say where the serial number and the model name are: the rating label or the box, not a cable or a watermark', () => {
    for (const [locale, t] of Object.entries(all)) {
      assert.match(t.tipSerialNumber, /SN: A/, locale);
      assert.doesNotMatch(
        `${t.tipSerialNumber} ${t.tipProductName}`,
        /cable|câble|kabel|cavo|ケーブル|watermark|filigran|wasserzeichen|marca de agua|透かし/i,
        locale,
      );
    }
  });

  it('have every key of English with the same kind of value', () => {
    for (const [locale, t] of Object.entries(all)) {
      assert.deepEqual(Object.keys(t).sort(), Object.keys(en).sort(), locale);
      for (const key of Object.keys(en) as (keyof Translation)[]) {
        assert.equal(typeof t[key], typeof en[key], `${locale}.${key}`);
        if (typeof en[key] === 'function') {
          assert.equal((t[key] as () => string).length, (en[key] as () => string).length, `${locale}.${key} arity`);
        }
        assert.ok(text(t, key).trim(), `${locale}.${key} is empty`);
      }
    }
  });

  it('leave nothing in English outside the allow-list', () => {
    for (const [locale, t] of Object.entries(others)) {
      const same = (Object.keys(en) as (keyof Translation)[]).filter(
        (key) => key !== 'locale' && text(t, key) === text(en, key),
      );
      assert.deepEqual(same, SAME_AS_ENGLISH[locale] ?? [], locale);
    }
  });

  it('name the regional locale they are shown in', () => {
    assert.deepEqual(
      Object.fromEntries(Object.entries(all).map(([k, t]) => [k, t.locale])),
      {
        en: 'en-US',
        'en-GB': 'en-GB',
        'en-CA': 'en-CA',
        fr: 'fr-FR',
        'fr-CA': 'fr-CA',
        de: 'de-DE',
        es: 'es-ES',
        it: 'it-IT',
        ja: 'ja-JP',
      },
    );
  });

  it('format numbers and plurals the way each language does', () => {
    assert.match(de.charCount(12, 2000), /2\.000/);
    assert.match(fr.charCount(12, 2000), /2\u202f000/);
    assert.match(en.charCount(12, 2000), /2,000/);
    assert.equal(en.summary(1), 'Please fix 1 problem before sending:');
    assert.equal(en.summary(2), 'Please fix 2 problems before sending:');
    assert.notEqual(de.summary(1), de.summary(2).replace('2', '1'));
    // French counts 0 and 1 as singular.
    assert.notEqual(fr.errImages(1), fr.errImages(2).replace('2', '1'));
    assert.equal(en.policyReturn(30), '30-day return for any reason');
    assert.equal(en.policyWarranty(18), '18-month warranty');
  });
});

describe('supportedLocale', () => {
  it('picks the region, then the language, then English', () => {
    const cases: [string, string][] = [
      ['en', 'en'],
      ['en-US', 'en'],
      ['en-GB', 'en-gb'],
      ['EN-gb', 'en-gb'],
      ['en-AU', 'en'],
      ['fr-CA', 'fr-ca'],
      ['fr-BE', 'fr'],
      ['de-AT', 'de'],
      ['es-MX', 'es'],
      ['it-CH', 'it'],
      ['ja-JP', 'ja'],
      ['pt-BR', 'en'],
      ['', 'en'],
    ];
    for (const [tag, expected] of cases) assert.equal(supportedLocale(tag), expected, tag);
  });
});

describe('captchaLanguage', () => {
  it('gives friendly-challenge the language the form is shown in', () => {
    for (const t of Object.values(all)) {
      assert.equal(captchaLanguage(t.locale), t.locale.slice(0, 2), t.locale);
    }
    assert.equal(captchaLanguage('ko-KR'), 'kr');
    assert.equal(captchaLanguage('zh-TW'), 'zh_tw');
    assert.equal(captchaLanguage('zh-CN'), 'zh');
    assert.equal(captchaLanguage('xx'), 'en');
  });
});
