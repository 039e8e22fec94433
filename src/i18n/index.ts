/** Locale resolution and dictionary lookup. No Lit. */
import { en, type Translation } from './en.js';

export type { Translation } from './en.js';

const dictionaries: Record<string, Translation> = { en };

/**
 * The language an element should speak: its own `lang`, the closest `[lang]` ancestor (across
 * shadow roots), `<html lang>`, then the browser's.
 */
export function resolveLang(host: Element): string {
  for (let node: Element | null = host; node; ) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return navigator.language || 'en';
}

/** `xx-YY` falls back to `xx`, then to English. */
export function translationFor(lang: string): Translation {
  const tag = lang.toLowerCase();
  return dictionaries[tag] ?? dictionaries[tag.split('-')[0] ?? ''] ?? en;
}
