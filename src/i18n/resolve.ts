/** Which language an element should speak, from the page around it. */

/**
 * Its own `lang`, the closest `[lang]` ancestor (across shadow roots, up to `<html lang>`),
 * then the browser's language.
 */
export function resolveLang(host: Element): string {
  for (let node: Element | null = host; node; ) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return navigator.language || 'en';
}
