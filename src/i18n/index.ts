/** Dictionaries: English built in, the others loaded when first needed. No DOM, no Lit. */
import { en, type Translation } from './en.js';

export type { Translation } from './en.js';

/** A message kept as a function of the dictionary, so it follows a change of language. */
export type Message = (t: Translation) => string;

/** The locales the widget speaks, lower-cased. Each but English is its own chunk. */
const LOADERS: Record<string, () => Promise<{ default: Translation }>> = {
  'en-gb': () => import('./en-GB.js'),
  'en-ca': () => import('./en-CA.js'),
  fr: () => import('./fr.js'),
  'fr-ca': () => import('./fr-CA.js'),
  de: () => import('./de.js'),
  es: () => import('./es.js'),
  it: () => import('./it.js'),
  ja: () => import('./ja.js'),
};

const loaded: Record<string, Translation> = { en };
const loading = new Map<string, Promise<unknown>>();

/** The supported locale for a tag: `fr-CA` itself, `de-AT` → `de`, anything else → `en`. */
export function supportedLocale(lang: string): string {
  const tag = lang.toLowerCase();
  const language = tag.split('-')[0] ?? '';
  return tag in LOADERS ? tag : language in LOADERS ? language : 'en';
}

/** The dictionary for a tag if it is loaded; English until then, or when loading failed. */
export function translationFor(lang: string): Translation {
  return loaded[supportedLocale(lang)] ?? en;
}

/** Loads the dictionary for a tag once; never rejects (a failed load keeps English). */
export function loadTranslation(lang: string): Promise<unknown> {
  const locale = supportedLocale(lang);
  const load = LOADERS[locale];
  if (loaded[locale] || !load) return Promise.resolve();
  let promise = loading.get(locale);
  if (!promise) {
    promise = load().then(
      (module) => (loaded[locale] = module.default),
      () => {
        // Forgotten, so a later render asks again (the network may be back).
        loading.delete(locale);
        console.warn(`refund-exchange-form: could not load the "${locale}" texts; showing English.`);
      },
    );
    loading.set(locale, promise);
  }
  return promise;
}

/** Joins sentences the way the language writes them: Japanese needs no space after 。 */
export const sentences = (t: Translation, parts: string[]): string =>
  parts.filter(Boolean).join(t.locale.startsWith('ja') ? '' : ' ');
