/**
 * What the attributes allow: the purchase sites offered and the most photos, which the rules
 * check against. Derived again only when those attributes change, so an unknown purchase site
 * is warned about once. No DOM, no Lit.
 */
import { LIMITS } from '../fields.js';
import { parseMarketplaces, type MarketplaceId } from '../marketplaces.js';

export class FormLimits {
  offered: MarketplaceId[] = [];
  photos: number = LIMITS.maxImages;
  private from?: [string | undefined, number];

  update(marketplaces: string | undefined, maxImages: number): void {
    if (this.from && this.from[0] === marketplaces && this.from[1] === maxImages) return;
    this.from = [marketplaces, maxImages];
    const { ids, unknown } = parseMarketplaces(marketplaces);
    if (unknown.length) console.warn(`refund-exchange-form: unknown marketplaces ignored: ${unknown.join(' ')}`);
    this.offered = ids;
    this.photos = Number.isInteger(maxImages) && maxImages >= 0 ? maxImages : LIMITS.maxImages;
  }
}
