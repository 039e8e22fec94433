/**
 * Text a host gives in several languages (a channel's name and tip), and picking the one for
 * the form's language. No DOM, no Lit.
 */

/** Text in several languages, keyed by BCP 47 tag (`en`, `fr-CA`), or one text for all. */
export type Localized = string | { readonly [locale: string]: string };

/** `text` in `locale`, else its language, else English, else the first one given. */
export function localize(text: Localized | undefined, locale: string): string | undefined {
  if (typeof text !== 'object') return text;
  return text[locale] ?? text[locale.split('-')[0] ?? ''] ?? text.en ?? Object.values(text)[0];
}
