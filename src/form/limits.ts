/**
 * What the attributes allow: the purchase sites offered (the shop's channels, then the Amazon
 * sites) and the most photos, which the rules check against. Derived again only when those
 * change, so a site or channel that cannot be offered is warned about once. The channels'
 * check is a chunk of its own, loaded only by a form that has channels. No DOM, no Lit.
 */
import { LIMITS } from '../fields.js';
import { marketplaceName, parseMarketplaces, type MarketplaceId } from '../marketplaces.js';
import type { Channel } from '../channels.js';
import type { SchemaOptions } from '../schema.js';
import type { Translation } from '../i18n/index.js';
import { localize } from '../i18n/localize.js';

let check: typeof import('../channels.js').checkChannels | undefined;
/**
 * The check on its way, or loaded. One that could not load (offline, not deployed) is not asked
 * for again: until the page is reloaded its forms offer the Amazon sites, as without channels.
 */
let loading: Promise<unknown> | undefined;
let failed = false;
const loadCheck = () =>
  (loading ??= import('../channels.js').then(
    (module) => (check = module.checkChannels),
    () => {
      failed = true;
      console.warn('refund-exchange-form: could not load the channels check; offering the Amazon sites only.');
    },
  ));

/** The attributes the limits come from. */
export interface LimitsHost {
  marketplaces?: string | undefined;
  maxImages: number;
  /** Typed for TypeScript hosts; a script or the attribute's JSON may put anything here. */
  channels?: readonly Channel[] | undefined;
}

export class FormLimits {
  /** Ids of the purchase sites offered, in the order shown. */
  offered: string[] = [];
  photos: number = LIMITS.maxImages;
  private marketplaces: MarketplaceId[] = [];
  private channels: Channel[] = [];
  private from: unknown[] = [];

  /** `changed` is called when the channels' check has loaded and the limits may differ. */
  constructor(private readonly changed: () => void) {}

  /** Settles once the channels given can be checked; the first render and a draft wait for it. */
  ready({ channels }: LimitsHost): Promise<unknown> {
    if (channels == null || check) return Promise.resolve();
    return loadCheck().then(() => {
      if (!check) return;
      this.from = [];
      this.changed();
    });
  }

  update(host: LimitsHost): this {
    const { marketplaces, maxImages, channels } = host;
    if ([marketplaces, maxImages, channels].every((value, i) => value === this.from[i])) return this;
    this.from = [marketplaces, maxImages, channels];
    const { ids, unknown } = parseMarketplaces(marketplaces);
    // Channels set after the first render are offered once their check is here; the warning waits
    // for it too, so it is said once.
    const waiting = channels != null && !check && !failed;
    if (waiting) void this.ready(host);
    const checked = check?.(channels) ?? { channels: [], problems: [] };
    const dropped = [...(unknown.length ? [`unknown marketplaces ${unknown.join(' ')}`] : []), ...checked.problems];
    if (dropped.length && !waiting) console.warn(`refund-exchange-form: ignored: ${dropped.join('; ')}`);
    this.marketplaces = ids;
    this.channels = checked.channels;
    this.offered = [...checked.channels.map((c) => c.id), ...ids];
    this.photos = Number.isInteger(maxImages) && maxImages >= 0 ? maxImages : LIMITS.maxImages;
    return this;
  }

  /** The channel with this id, if it is one. */
  channel(id: string | undefined): Channel | undefined {
    return this.channels.find((c) => c.id === id);
  }

  /** A site's name in `locale`, whose dictionary is `t`. */
  name(id: string, locale: string, t: Translation): string {
    return localize(this.channel(id)?.names, locale) ?? marketplaceName(id as MarketplaceId, t.amazonCom);
  }

  /** Each site offered with its name in `locale`, for the list. */
  names(locale: string, t: Translation): [string, string][] {
    return this.offered.map((id) => [id, this.name(id, locale, t)]);
  }

  /** What the rules need to know of the sites and photos. */
  options(captcha: boolean): SchemaOptions {
    return { marketplaces: this.marketplaces, channels: this.channels, maxImages: this.photos, captcha };
  }
}
