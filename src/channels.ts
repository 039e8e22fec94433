/**
 * The shop's own sales channels (its web shop, other retailers), offered with the Amazon
 * sites: checked the same way in the browser and on the server, so both accept the same
 * definitions and the same order IDs. A form loads this with its rules, or before its first
 * render when it has channels (form/limits.ts). No DOM, no Lit.
 */
import { isMarketplaceId } from './marketplaces.js';
import type { Localized } from './i18n/localize.js';

export type { Localized } from './i18n/localize.js';

/** One of the shop's own sales channels, listed with the Amazon sites. */
export interface Channel {
  /** Sent as the request's `marketplace`, e.g. `shop.example`: letters, digits, `.`, `_` and `-`, not an Amazon site's id. */
  id: string;
  /** The name a customer knows it by, per language, e.g. `{ en: 'Our web shop', de: 'Unser Webshop' }`. */
  names: Localized;
  /**
   * What an order ID looks like, checked after full-width characters become ASCII and spaces
   * around are trimmed. The whole ID must match, as with the HTML `pattern` attribute; a string
   * is compiled as a RegExp without flags, a RegExp keeps its flags (`i` for any case).
   */
  orderIdPattern: string | RegExp;
  /** An order ID that matches, shown in the tip and the error, e.g. `KK-104233`. */
  orderIdExample: string;
  /** An `https:` (or `http:`) page where customers find their orders. */
  orderHistoryUrl?: string;
  /** Where a customer finds the order ID, in place of the general words. */
  tip?: Localized;
}

const ID = /^[A-Za-z0-9][\w.-]{0,63}$/;

/** The pattern a whole order ID must match; throws on a pattern that does not compile. */
export const orderIdRule = ({ orderIdPattern: p }: Channel): RegExp =>
  typeof p === 'string' ? new RegExp(`^(?:${p})$`) : new RegExp(`^(?:${p.source})$`, p.flags.replace(/[gy]/g, ''));

const isText = (value: unknown): value is string => typeof value === 'string' && !!value.trim();

const isLocalized = (value: unknown): value is Localized =>
  isText(value) ||
  (typeof value === 'object' && !!value && Object.values(value).length > 0 && Object.values(value).every(isText));

/** Why `channel` cannot be offered, or undefined when it can. */
function problem(channel: Partial<Channel>, seen: Set<string>): string | undefined {
  const { id, orderIdExample: example, orderHistoryUrl: url } = channel;
  if (typeof id !== 'string' || !ID.test(id) || isMarketplaceId(id) || seen.has(id)) return 'id';
  if (!isLocalized(channel.names)) return 'names';
  if (channel.tip !== undefined && !isLocalized(channel.tip)) return 'tip';
  if (url !== undefined && !/^https?:\/\/[^/?#\s]/i.test(url)) return 'orderHistoryUrl';
  let pattern: RegExp;
  try {
    pattern = orderIdRule(channel as Channel);
  } catch {
    return 'orderIdPattern';
  }
  return isText(example) && pattern.test(example) ? undefined : 'orderIdExample';
}

/**
 * The channels that can be offered, in the given order, and a line for each one dropped: an
 * id that is missing, taken or an Amazon site's, names or tip without text, a pattern that
 * does not compile, an example it refuses, a history link that is not http(s).
 */
export function checkChannels(input: unknown): { channels: Channel[]; problems: string[] } {
  const channels: Channel[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const [i, channel] of (Array.isArray(input) ? input : input == null ? [] : [input]).entries()) {
    const why = typeof channel === 'object' && channel ? problem(channel as Partial<Channel>, seen) : 'channel';
    if (why) problems.push(`channel ${i + 1} (${String((channel as Partial<Channel> | null)?.id)}): ${why}`);
    else {
      seen.add((channel as Channel).id);
      channels.push(channel as Channel);
    }
  }
  return { channels, problems };
}
