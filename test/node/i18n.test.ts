import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { en, type Translation } from '../../src/i18n/en.js';
import { counts as enCounts } from '../../src/i18n/en-words.js';
import enGB from '../../src/i18n/en-GB.js';
import enCA from '../../src/i18n/en-CA.js';
import fr, { counts as frCounts } from '../../src/i18n/fr.js';
import frCA, { counts as frCACounts } from '../../src/i18n/fr-CA.js';
import de, { counts as deCounts } from '../../src/i18n/de.js';
import es, { counts as esCounts } from '../../src/i18n/es.js';
import it_, { counts as itCounts } from '../../src/i18n/it.js';
import ja, { counts as jaCounts } from '../../src/i18n/ja.js';
import { supportedLocale } from '../../src/i18n/index.js';
import { captchaTexts } from '../../src/captcha/language.js';
import { GLOSSARIES, type Concept } from '../../src/i18n/glossary.js';
import { AMAZON_EXAMPLE, counting, nobreak, numbers, type Counts } from '../../src/i18n/typography.js';

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
const SAME_AS_ENGLISH: Record<string, (keyof Translation)[]> = {
  fr: ['images'],
  'fr-CA': ['images'],
  // German UI copy writes "(optional)", as English does.
  de: ['optional'],
};

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
    assert.equal(en.summary(1), 'Please fix 1\u00a0problem before sending:');
    assert.equal(en.summary(2), 'Please fix 2\u00a0problems before sending:');
    assert.notEqual(de.summary(1), de.summary(2).replace('2', '1'));
    // French counts 0 and 1 as singular.
    assert.notEqual(fr.errImages(1), fr.errImages(2).replace('2', '1'));
    assert.equal(en.policyReturn(30), '30\u2011day return for any reason');
    assert.equal(en.policyWarranty(18), '18\u2011month warranty');
  });
});

/** Every string of a dictionary, each function term rendered with its sample arguments. */
const strings = (t: Translation): [string, string][] =>
  (Object.keys(en) as (keyof Translation)[]).filter((key) => key !== 'locale').map((key) => [key, text(t, key)]);

const has = (text: string, term: string) => text.toLowerCase().includes(term.toLowerCase());
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** Whether `text` uses `word` as a word (a Japanese word, which spaces do not set off: anywhere). */
const mentions = (text: string, word: string) =>
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u.test(word)
    ? text.includes(word)
    : new RegExp(`(?<![\\p{L}\\p{N}-])${escape(word)}(?![\\p{L}\\p{N}])`, 'iu').test(text);

/** The string that names each concept: its term must be there. */
const NAMED_IN: Record<Concept, keyof Translation> = {
  orderId: 'orderId',
  orderHistory: 'tipOrderId',
  serialNumber: 'serialNumber',
  refund: 'refund',
  exchange: 'exchange',
  email: 'email',
  photo: 'images',
  captcha: 'captcha',
  request: 'recap',
  reference: 'copied',
};

describe('glossaries', () => {
  it('exist for every locale, with every concept', () => {
    assert.deepEqual(Object.keys(GLOSSARIES).sort(), Object.keys(all).sort());
    for (const glossary of Object.values(GLOSSARIES)) assert.deepEqual(Object.keys(glossary).sort(), Object.keys(NAMED_IN).sort());
  });

  it('are followed: each concept is named by its term, and no string uses a word the glossary rules out', () => {
    for (const [locale, t] of Object.entries(all)) {
      for (const [concept, { term, avoid }] of Object.entries(GLOSSARIES[locale]!)) {
        const where = NAMED_IN[concept as Concept];
        assert.ok(has(text(t, where), term), `${locale}.${where} should say “${term}”: ${text(t, where)}`);
        for (const [key, value] of strings(t)) {
          for (const word of avoid) assert.ok(!mentions(value, word), `${locale}.${key} says “${word}”, not “${term}”: ${value}`);
        }
      }
    }
  });

  it('give the check one name, in every message about it', () => {
    for (const [locale, t] of Object.entries(all)) {
      const { term } = GLOSSARIES[locale]!.captcha;
      for (const [key, value] of strings(t)) {
        if (/^(errC|c)aptcha/.test(key) && key !== 'captchaRetry') assert.ok(has(value, term), `${locale}.${key}: ${value}`);
      }
    }
  });
});

/**
 * Each dictionary's locale with the counts it writes with (English's serve en-GB and en-CA,
 * whose number terms are English's), and a locale without any: Intl alone.
 */
const COUNTS: [string, Counts | undefined][] = [
  ['en-US', enCounts],
  ['en-GB', enCounts],
  ['en-CA', enCounts],
  ['fr-FR', frCounts],
  ['fr-CA', frCACounts],
  ['de-DE', deCounts],
  ['es-ES', esCounts],
  ['it-IT', itCounts],
  ['ja-JP', jaCounts],
  ['sv-SE', undefined],
];

describe('typography', () => {
  it('knows the locale of every dictionary', () => {
    assert.deepEqual(
      [...new Set(Object.values(all).map((t) => t.locale))].sort(),
      COUNTS.map(([locale]) => locale).filter((l) => l !== 'sv-SE').sort(),
    );
  });

  it('writes numbers exactly as Intl.NumberFormat does, in the locale of every dictionary', () => {
    const samples = [...Array.from({ length: 12_001 }, (_, n) => n), 99_999, 1_000_000, 1234.5, -3, 0.25];
    for (const [locale, counts] of COUNTS) {
      const intl = new Intl.NumberFormat(locale).format;
      const number = numbers(locale, counts?.group);
      for (const n of samples) assert.equal(number(n), intl(n), `${locale} ${n}`);
    }
  });

  it('chooses the noun exactly as Intl.PluralRules does, in the locale of every dictionary', () => {
    const samples = [...Array.from({ length: 12_001 }, (_, n) => n), 1_000_000, 2_000_000, 1.5, 0.5, -1];
    for (const [locale, counts] of COUNTS) {
      const rules = new Intl.PluralRules(locale);
      const { number, count } = counting(locale, counts);
      for (const n of samples) {
        const form = rules.select(n);
        const noun = form === 'one' ? 'one' : form === 'many' && counts?.manyOf ? `${counts.manyOf} other` : 'other';
        assert.equal(count(n, 'one', 'other'), `${number(n)}\u00a0${noun}`, `${locale} ${n}`);
      }
    }
  });

  it('keeps every number with the word after it (a no-break space), in every locale', () => {
    for (const [locale, t] of Object.entries(all)) {
      for (const [key, value] of strings(t)) assert.doesNotMatch(value, /\d[ \t][\p{L}]/u, `${locale}.${key}`);
    }
  });

  it('writes the order-ID example with non-breaking hyphens, which the field reads as hyphens', () => {
    for (const [locale, t] of Object.entries(all)) {
      assert.ok(t.tipOrderId.includes(AMAZON_EXAMPLE), locale);
      for (const [key, value] of strings(t)) assert.doesNotMatch(value, /\d{3}-\d{7}-\d{7}/, `${locale}.${key}`);
    }
    assert.equal(nobreak('KK 104-233'), 'KK\u00a0104\u2011233');
  });

  it('uses typographic quotes and ellipses, with no space before an ellipsis', () => {
    for (const [locale, t] of Object.entries(all)) {
      for (const [key, value] of strings(t)) {
        assert.doesNotMatch(value, /['"]|\.\.\.|\s…/u, `${locale}.${key}: ${value}`);
      }
    }
  });

  it('spaces French as France and Québec do: « » and : with a no-break space; ; ! ? with a narrow one in France, none in Québec', () => {
    for (const [locale, t, before] of [
      ['fr', fr, /(?<!\u202f)[;!?]|(?<!\d)\u202f(?![;!?])/u],
      ['fr-CA', frCA, /\s[;!?]/u],
    ] as const) {
      for (const [key, value] of strings(t)) {
        // "SN:" is printed on the product as it is.
        assert.doesNotMatch(value, /(?<!\u00a0|SN):|«(?!\u00a0)|(?<!\u00a0)»/u, `${locale}.${key}: ${value}`);
        assert.doesNotMatch(value, before, `${locale}.${key}: ${value}`);
      }
    }
  });

  it('writes Japanese with full-width punctuation and no spaces', () => {
    const args = new Set(Object.values(ARGS).flat().filter((arg) => typeof arg === 'string'));
    for (const [key, value] of strings(ja)) {
      let rest = value;
      for (const arg of args) rest = rest.replaceAll(arg, '');
      // What stays as printed: the label's "SN:", menu paths, a CSP header's name, numbers, addresses.
      rest = rest.replace(/SN: A|SN:| › |Content-Security-Policy|Amazon\.com|[\w.-]+@[\w.-]+|\d[\d,]*/g, '');
      assert.doesNotMatch(rest, /[ ,.!?:;()]/, `ja.${key}: ${value}`);
    }
  });

  it('spells British and Canadian English their own way', () => {
    const american = ['color', 'center', 'favorite', 'honor', 'behavior', 'catalog', 'canceled', 'gray'];
    for (const [locale, t, words] of [
      ['en-GB', enGB, [...american, 'organize', 'analyze', 'business day', 'zip code', 'cell phone', 'defective']],
      ['en-CA', enCA, american],
    ] as const) {
      for (const [key, value] of strings(t)) {
        for (const word of words) assert.ok(!value.toLowerCase().includes(word), `${locale}.${key} says “${word}”`);
      }
    }
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

describe('captchaTexts', () => {
  it('name the check in each of its states as the form’s label does', () => {
    for (const [locale, t] of Object.entries(all)) {
      const { term } = GLOSSARIES[locale]!.captcha;
      const texts = captchaTexts(t);
      for (const key of ['text_ready', 'text_solving', 'text_completed', 'text_completed_sr', 'text_expired', 'text_error'] as const) {
        assert.ok(has(texts[key], term), `${locale} ${key}: ${texts[key]}`);
      }
    }
  });
});
