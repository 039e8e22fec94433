/**
 * The language a form speaks: its own `lang`, else the closest ancestor's, else the browser's,
 * with the dictionary (and Japanese's styles) loaded before a render needs it, and a re-render
 * whenever a `lang` changes anywhere above the form (one observer for all forms on the page).
 */
import type { CSSResult, ReactiveController, ReactiveControllerHost } from 'lit';
import { loadMessages, loadTranslation, supportedLocale } from './index.js';
import { resolveLang } from './resolve.js';
import { lazily } from '../lazy.js';
import { adopt } from '../refund-exchange-form.styles.js';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/** Japanese's font stack and line breaking (ja.styles.ts), loaded with its dictionary. */
let japanese: CSSResult | undefined;
const loadJapanese = lazily(() => import('./ja.styles.js').then((module) => (japanese = module.japanese)));

const watching = new Set<Host>();
let observer: MutationObserver | undefined;

export class LanguageController implements ReactiveController {
  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    watching.add(this.host);
    observer ??= new MutationObserver(() => watching.forEach((host) => host.requestUpdate()));
    observer.observe(document.documentElement, { subtree: true, attributeFilter: ['lang'] });
  }

  /** A language's own styles, once one the form spoke has them. */
  hostUpdate(): void {
    adopt(this.host.renderRoot as ShadowRoot, japanese);
  }

  hostDisconnected(): void {
    watching.delete(this.host);
    if (watching.size) return;
    observer?.disconnect();
    observer = undefined;
  }

  /** The BCP 47 tag the form speaks now. */
  get tag(): string {
    return this.host.lang || resolveLang(this.host);
  }

  /**
   * Settles once the dictionary of the language shown is loaded; again if it changed meanwhile.
   * With `messages`, for a view that may show one (any once the whole form was shown, or one with
   * a restored draft or prefill), English's messages too where they are needed: English's first
   * view comes with the entry, its messages do not, and they stand in for a language that could
   * not load.
   */
  async ready(messages: boolean): Promise<void> {
    for (let lang = ''; lang !== this.tag; ) {
      lang = this.tag;
      // Styles that could not load leave the host's font, which may still have the glyphs.
      await Promise.all([loadTranslation(lang), supportedLocale(lang) === 'ja' && loadJapanese().catch(() => undefined)]);
      if (messages) await loadMessages(lang);
    }
  }
}
