/** Purchase sites: ids, order-history links and the region each serves. No DOM, no Lit. */

export const MARKETPLACE_IDS = [
  'amazon.com',
  'amazon.ca',
  'amazon.co.uk',
  'amazon.de',
  'amazon.fr',
  'amazon.es',
  'amazon.it',
  'amazon.co.jp',
] as const;

export type MarketplaceId = (typeof MARKETPLACE_IDS)[number];

/**
 * The name a customer knows the site by: "Amazon.de"; the one site without a country in its
 * name is `com`, which names it in the customer's language: "Amazon.com (États-Unis)".
 */
export const marketplaceName = (id: MarketplaceId, com: string): string =>
  id === 'amazon.com' ? com : `A${id.slice(1)}`;

/** Every Amazon marketplace writes order IDs as 3-7-7 digits. */
export const AMAZON_ORDER_ID = /^\d{3}-\d{7}-\d{7}$/;

export const isMarketplaceId = (id: string): id is MarketplaceId =>
  (MARKETPLACE_IDS as readonly string[]).includes(id);

/** Where a customer finds their order IDs. */
export const orderHistoryUrl = (id: MarketplaceId): string =>
  `https://www.${id}/gp/css/order-history`;

const BY_REGION: Record<string, MarketplaceId> = {
  US: 'amazon.com',
  CA: 'amazon.ca',
  GB: 'amazon.co.uk',
  UK: 'amazon.co.uk',
  DE: 'amazon.de',
  AT: 'amazon.de',
  FR: 'amazon.fr',
  ES: 'amazon.es',
  IT: 'amazon.it',
  JP: 'amazon.co.jp',
};

const BY_LANGUAGE: Record<string, MarketplaceId> = {
  en: 'amazon.com',
  de: 'amazon.de',
  fr: 'amazon.fr',
  es: 'amazon.es',
  it: 'amazon.it',
  ja: 'amazon.co.jp',
};

/**
 * The purchase site to preselect: the only one offered, else the marketplace a locale's
 * customers most likely bought from, if it is offered.
 */
export function defaultMarketplace(locale: string, offered: readonly string[]): string | undefined {
  if (offered.length === 1) return offered[0];
  const [language = '', region = ''] = locale.split('-');
  const guess = BY_REGION[region.toUpperCase()] ?? BY_LANGUAGE[language.toLowerCase()];
  return guess && offered.includes(guess) ? guess : undefined;
}

/**
 * Reads the `marketplaces` attribute: known ids in the given order, duplicates dropped.
 * Returns the unknown ids too, so the caller can warn about them.
 */
export function parseMarketplaces(value: string | undefined | null): {
  ids: MarketplaceId[];
  unknown: string[];
} {
  const tokens = (value ?? '').trim().split(/\s+/).filter(Boolean);
  const ids = [...new Set(tokens.filter(isMarketplaceId))];
  const unknown = tokens.filter((t) => !isMarketplaceId(t));
  return { ids: ids.length ? ids : [...MARKETPLACE_IDS], unknown };
}
