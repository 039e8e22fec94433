/**
 * Lets friendly-challenge run on pages that enforce Trusted Types
 * (`require-trusted-types-for 'script'`). It writes two kinds of strings into sinks: blob: URLs
 * for its solver workers (`new Worker(url)`, through trusted-workers.ts) and markup for each
 * state it shows (`element.innerHTML = …`). Both are handled here at run time rather than by
 * patching its code in our rollup build, since npm consumers bundle lib/ themselves and would
 * miss such a patch.
 */
import { withTrustedWorkers } from '../trusted-workers.js';

/**
 * A friendly-challenge WidgetInstance made by `create`, whose workers, now and whenever it
 * makes new ones (reset, start after a failure or a solution), go through the policy.
 */
export function trustedWidget<W>(create: () => W): W {
  const widget = withTrustedWorkers(create);
  // Its WorkerGroup.init() is where workers are made; the constructor above called it once.
  const group = (widget as { workerGroup: { init(): void } }).workerGroup;
  const init = group.init.bind(group);
  group.init = () => withTrustedWorkers(init);
  return widget;
}

/**
 * Gives `node` an own `innerHTML` setter that builds friendly-challenge's markup with DOM
 * calls, none of them a Trusted Types sink, so the prototype's (a sink) is never reached.
 * `adapt` may change the markup before it is shown.
 */
export function withoutMarkupSink(node: HTMLElement, adapt: (markup: DocumentFragment) => void): void {
  Object.defineProperty(node, 'innerHTML', {
    configurable: true,
    get: Object.getOwnPropertyDescriptor(Element.prototype, 'innerHTML')?.get,
    set: (markup: string) => {
      const dom = markupToDOM(markup);
      adapt(dom);
      node.replaceChildren(dom);
    },
  });
}

const SVG = 'http://www.w3.org/2000/svg';
/** The tags getTemplate() writes. Not `input`: the solution travels in the JSON body. */
const TAGS = new Set('div span b br button progress a svg path circle animateTransform title'.split(' '));
const ATTRIBUTES = new Set(
  [
    'class role aria-hidden lang rel target type value href data-debug xmlns',
    'height width viewBox d cx cy r fill stroke-width stroke-dasharray stroke-linecap transform',
    'attributeName repeatCount dur values',
  ]
    .join(' ')
    .split(' '),
);
/** A tag (attribute values in double quotes, as getTemplate() writes them), text, or a lone `<`. */
const TOKEN = /<(\/?)([a-zA-Z][\w-]*)((?:[^<>"]|"[^"]*")*?)(\/?)>|[^<]+|</g;
const ATTRIBUTE = /([^\s="/]+)(?:="([^"]*)")?/g;
const ENTITY = /&(#x[\da-f]+|#\d+|amp|lt|gt|quot);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"' };

const decode = (text: string) =>
  text.replace(ENTITY, (_, entity: string) => {
    if (entity[0] !== '#') return NAMED[entity.toLowerCase()] ?? '';
    const code = entity[1] === 'x' || entity[1] === 'X' ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });

/** Whether an attribute may be set: no handlers or styles (not listed), links to web pages only. */
function safe(name: string, value: string): boolean {
  if (!ATTRIBUTES.has(name)) return false;
  if (name === 'href') {
    try {
      return /^https?:$/.test(new URL(value, document.baseURI).protocol);
    } catch {
      return false;
    }
  }
  // Animating anything but the loader's rotation could rewrite a link.
  return name !== 'attributeName' || value === 'transform';
}

/**
 * The DOM that parsing friendly-challenge's markup would give, for its tags and attributes only:
 * anything else is left out (an unknown tag's text stays, as text).
 */
export function markupToDOM(markup: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  /** The elements open at this point, innermost last. */
  const open: Element[] = [];
  for (const [token, closing, tag, attributes = '', selfClosing] of markup.matchAll(TOKEN)) {
    const parent = open.at(-1) ?? fragment;
    if (!tag) {
      parent.append(decode(token));
    } else if (closing) {
      // Closes the innermost open element of that name; a stray end tag is ignored.
      const at = open.map((element) => element.localName).lastIndexOf(tag);
      if (at >= 0) open.length = at;
    } else if (TAGS.has(tag)) {
      const inSvg = tag === 'svg' || open.at(-1)?.namespaceURI === SVG;
      const element = inSvg ? document.createElementNS(SVG, tag) : document.createElement(tag);
      for (const [, name = '', raw = ''] of attributes.matchAll(ATTRIBUTE)) {
        const value = decode(raw);
        if (!safe(name, value)) continue;
        // As the parser does: the namespace declaration is an attribute in the XMLNS namespace.
        if (name === 'xmlns') element.setAttributeNS('http://www.w3.org/2000/xmlns/', name, value);
        else element.setAttribute(name, value);
      }
      parent.append(element);
      if (!selfClosing && tag !== 'br') open.push(element);
    }
  }
  return fragment;
}
