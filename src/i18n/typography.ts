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
  const number = new Intl.NumberFormat(locale).format;
  const plural = new Intl.PluralRules(locale);
  const count = (n: number, one: string, other: string): string => {
    const form = plural.select(n);
    return `${number(n)}\u00a0${form === 'one' ? one : form === 'many' && manyOf ? `${manyOf} ${other}` : other}`;
  };
  return { number, count };
}
