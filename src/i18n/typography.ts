/**
 * What every dictionary writes the same way: numbers kept with their nouns, and an order-ID
 * example that never breaks at its hyphens. No DOM, no Lit.
 */

/** Amazon's order-ID shape, with non-breaking hyphens (U+2011): the field reads them as "-". */
export const AMAZON_EXAMPLE = '123\u20111234567\u20111234567';

/** A host's example kept on one line: hyphens made non-breaking, spaces no-break. */
export const nobreak = (text: string): string => text.replace(/-/g, '\u2011').replace(/ /g, '\u00a0');

/**
 * A language's number format and its "1 photo", "2 photos": the noun by the language's plural
 * rules, after a no-break space so a line never ends between them. `manyOf` is the word Spanish
 * and Italian put between a million and its noun ("1.000.000 de fotos").
 */
export function counting(locale: string, manyOf = '') {
  const number = numbers(locale);
  const one = ONE[locale.split('-')[0] ?? ''];
  let plural: Intl.PluralRules | undefined;
  const count = (n: number, singular: string, other: string): string => {
    // As for numbers: no ICU set-up while the form starts, for the counts it shows then.
    const form = one && small(n) ? (one(n) ? 'one' : 'other') : (plural ??= new Intl.PluralRules(locale)).select(n);
    return `${number(n)}\u00a0${form === 'one' ? singular : form === 'many' && manyOf ? `${manyOf} ${other}` : other}`;
  };
  return { number, count };
}

/** The numbers the tables below answer for: the integers a form shows while it starts. */
const small = (n: number): boolean => Number.isInteger(n) && n >= 0 && n < 10_000;

/**
 * Which integers below 10,000 each of the form's languages counts as "one" (CLDR 48); every
 * other one is "other" there. test/node/i18n.test.ts holds this to Intl.PluralRules.
 */
const ONE: Record<string, (n: number) => boolean> = {
  en: (n) => n === 1,
  de: (n) => n === 1,
  es: (n) => n === 1,
  it: (n) => n === 1,
  fr: (n) => n < 2,
  ja: () => false,
};

/**
 * How the form's locales group an integer of four digits, as Intl.NumberFormat writes it (CLDR
 * 48): Spanish and Italian only group from five digits on. test/node/i18n.test.ts holds this to
 * Intl.
 */
const GROUP: Record<string, string> = {
  'en-US': ',',
  'ja-JP': ',',
  'de-DE': '.',
  'it-IT': '',
  'es-ES': '',
  'fr-FR': '\u202f',
  'fr-CA': '\u00a0',
};

/**
 * `locale`'s number format. Building the first Intl.NumberFormat of a page costs some 60 ms of
 * ICU set-up, a long task while the form starts; the integers below 10,000 that the form shows
 * then (character limits, photo counts, days) are written here as CLDR 48 writes them (so the
 * same in every browser, whatever its own CLDR), and Intl is built for anything else.
 */
export function numbers(locale: string): (n: number) => string {
  let format: ((n: number) => string) | undefined;
  const group = GROUP[locale];
  return (n) => {
    if (group !== undefined && small(n)) {
      return n < 1000 ? String(n) : `${Math.floor(n / 1000)}${group}${String(n % 1000).padStart(3, '0')}`;
    }
    return (format ??= new Intl.NumberFormat(locale).format)(n);
  };
}
