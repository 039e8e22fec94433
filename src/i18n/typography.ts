/**
 * What every dictionary writes the same way: numbers kept with their nouns, and an order-ID
 * example that never breaks at its hyphens. No DOM, no Lit.
 */

/** Amazon's order-ID shape, with non-breaking hyphens (U+2011): the field reads them as "-". */
export const AMAZON_EXAMPLE = '123\u20111234567\u20111234567';

/** A host's example kept on one line: hyphens made non-breaking, spaces no-break. */
export const nobreak = (text: string): string => text.replace(/-/g, '\u2011').replace(/ /g, '\u00a0');

/**
 * How a language writes and counts the integers a form shows while it starts (character limits,
 * photo counts, days), as CLDR 48 does: each dictionary gives its own, and
 * test/node/i18n.test.ts holds them to Intl. Building the first Intl.NumberFormat or
 * Intl.PluralRules of a page costs up to some 60 ms of ICU set-up, a long task while the form
 * starts; with these none is built then, and the same is written in every browser, whatever its
 * own CLDR. Intl is built for anything else.
 */
export interface Counts {
  /** Which integers below 10,000 are "one"; every other one is "other". */
  one: (n: number) => boolean;
  /** What parts the thousands of a four-digit integer: none in Spanish and Italian, which group from five digits on. */
  group: string;
  /** The word Spanish and Italian put between a million and its noun ("1.000.000 de fotos"). */
  manyOf?: string;
}

/**
 * A language's number format and its "1 photo", "2 photos": the noun by the language's plural
 * rules, after a no-break space so a line never ends between them.
 */
export function counting(locale: string, counts?: Counts) {
  const number = numbers(locale, counts?.group);
  let plural: Intl.PluralRules | undefined;
  const count = (n: number, singular: string, other: string): string => {
    const form = counts && small(n) ? (counts.one(n) ? 'one' : 'other') : (plural ??= new Intl.PluralRules(locale)).select(n);
    const many = form === 'many' && counts?.manyOf;
    return `${number(n)}\u00a0${form === 'one' ? singular : many ? `${many} ${other}` : other}`;
  };
  return { number, count };
}

/** The numbers `Counts` answers for: the integers a form shows while it starts. */
const small = (n: number): boolean => Number.isInteger(n) && n >= 0 && n < 10_000;

/** `locale`'s number format, with `group` (see Counts) for the integers below 10,000. */
export function numbers(locale: string, group?: string): (n: number) => string {
  let format: ((n: number) => string) | undefined;
  return (n) => {
    if (group !== undefined && small(n)) {
      return n < 1000 ? String(n) : `${Math.floor(n / 1000)}${group}${String(n % 1000).padStart(3, '0')}`;
    }
    return (format ??= new Intl.NumberFormat(locale).format)(n);
  };
}
