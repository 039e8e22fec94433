/**
 * Dictionaries: the words of English's first view built in, everything else loaded when first
 * needed. No DOM, no Lit.
 */
import type { Translation } from './en.js';
import { words } from './en-words.js';

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

/** The complete English dictionary: the messages every view after the first may show. */
const ENGLISH = () => import('./en.js');

const loaded: Record<string, Translation> = {};
const loading = new Map<string, Promise<unknown>>();

/** The supported locale for a tag: `fr-CA` itself, `de-AT` → `de`, anything else → `en`. */
export function supportedLocale(lang: string): string {
  const tag = lang.toLowerCase();
  const language = tag.split('-')[0] ?? '';
  return tag in LOADERS ? tag : language in LOADERS ? language : 'en';
}

/**
 * The dictionary for a tag if it is loaded; English until then, or when loading failed. Before
 * English's messages are loaded that is its first view's words only: LanguageController makes
 * every render after the first, the only ones that can show a message, wait for them.
 */
export function translationFor(lang: string): Translation {
  return loaded[supportedLocale(lang)] ?? loaded['en'] ?? (words as Translation);
}

/** Whether the messages for `lang` are there: its own dictionary's, or English's in its place. */
export const hasMessages = (lang: string): boolean => !!(loaded[supportedLocale(lang)] ?? loaded['en']);

/**
 * What a view that may show a message needs beyond `lang`'s own dictionary: English's messages,
 * where `lang` is English or its dictionary could not load. Never rejects.
 */
export const loadMessages = (lang: string): Promise<unknown> =>
  loaded[supportedLocale(lang)] ? Promise.resolve() : load('en', ENGLISH);

/** Loads the dictionary for a tag once; never rejects (a failed load keeps English). */
export function loadTranslation(lang: string): Promise<unknown> {
  const locale = supportedLocale(lang);
  const loader = LOADERS[locale];
  return loader ? load(locale, loader) : Promise.resolve();
}

function load(locale: string, loader: () => Promise<{ default: Translation }>): Promise<unknown> {
  if (loaded[locale]) return Promise.resolve();
  let promise = loading.get(locale);
  if (!promise) {
    promise = loader().then(
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
