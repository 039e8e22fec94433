/**
 * The rules of a refund or exchange request: one zod schema, used by the widget while the
 * customer types and by the receiving server. No DOM, no Lit.
 */
import * as z from 'zod/mini';
import { AMAZON_ORDER_ID, MARKETPLACE_IDS, type MarketplaceId } from './marketplaces.js';
import { IMAGE_TYPES, LIMITS, REASONS, RESOLUTIONS } from './fields.js';
import { checkChannels, orderIdRule, type Channel } from './channels.js';
import { normalizeOrderId, normalizeSerial, toHalfWidth } from './normalize.js';

export { MARKETPLACE_IDS, type MarketplaceId } from './marketplaces.js';
export { checkChannels, type Channel, type Localized } from './channels.js';
export { normalizeOrderId, normalizeSerial, toHalfWidth } from './normalize.js';
export * from './fields.js';

const text = () => z.string().check(z.trim());
/** Text typed in ASCII formats (email, order ID), accepted in full width too. */
const ascii = () => z.string().check(z.overwrite(toHalfWidth), z.trim());
const required = (max: number) => text().check(z.minLength(1), z.maxLength(max));

/** A whole number of pixels; a refine rather than z.int(), whose number format costs bytes. */
const pixels = () => z.number().check(z.refine((n) => Number.isInteger(n) && n > 0));

const image = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(LIMITS.imageName)),
  type: z.enum(IMAGE_TYPES),
  width: pixels(),
  height: pixels(),
  data: z.string().check(
    z.minLength(4),
    z.maxLength(LIMITS.imageData),
    z.regex(/^[A-Za-z0-9+/]+={0,2}$/),
    z.refine((data) => data.length % 4 === 0),
  ),
});
export type ImagePayload = z.infer<typeof image>;

export interface SchemaOptions {
  /** The purchase sites offered; every Amazon marketplace when left out. */
  marketplaces?: readonly MarketplaceId[];
  /** Most photos allowed (the `max-images` attribute). */
  maxImages?: number;
  /** Whether a captcha solution must be present (the `sitekey` attribute is set). */
  captcha?: boolean;
  /**
   * The shop's own sales channels (the `channels` property), offered with the marketplaces and
   * checked with their own order-ID patterns. Definitions `checkChannels` refuses are left out.
   */
  channels?: readonly Channel[];
}

/** A purchase site: an Amazon marketplace or the id of one of the shop's channels. */
export type Site = MarketplaceId | (string & {});

/** Run also while other fields are wrong, so the customer sees every problem at once. */
const always = { when: ({ value }: { value: unknown }) => typeof value === 'object' && value !== null };

/** What a request and a withdrawal statement both name: the purchase, and whom to answer. */
interface Purchase {
  marketplace: Site;
  orderId: string;
}

/**
 * The rules a request and a withdrawal statement share, for one form's settings: the purchase
 * site, the contact, the order ID and the locale.
 */
function shared(options: SchemaOptions) {
  const marketplaces = options.marketplaces?.length ? options.marketplaces : MARKETPLACE_IDS;
  // Each channel's order-ID rule and example, compiled once.
  const channels = new Map(
    checkChannels(options.channels).channels.map((c) => [c.id, [orderIdRule(c), c.orderIdExample] as const]),
  );
  const sites = [...channels.keys(), ...marketplaces] as [Site, ...Site[]];
  const captcha = z.string().check(z.minLength(1), z.maxLength(LIMITS.captcha));
  return {
    fields: {
      marketplace: z.enum(sites),
      // zod's own email pattern, as a plain regex check: the full email format costs bytes.
      email: ascii().check(z.minLength(1), z.maxLength(LIMITS.email), z.regex(z.regexes.email)),
      name: required(LIMITS.name),
      // With channels, which pattern applies depends on the purchase site: checked below.
      orderId: channels.size
        ? ascii()
        : z.string().check(z.overwrite(normalizeOrderId), z.minLength(1), z.regex(AMAZON_ORDER_ID)),
      locale: z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/), z.maxLength(35)),
    },
    captcha,
    /** The order ID against its purchase site's rule, then an Amazon one sent as 3-7-7. */
    purchase: <T extends Purchase>() => [
      z.superRefine<T>((r, ctx) => {
        const channel = channels.get(r.marketplace);
        // A purchase site that is not offered has its own error; its rule is unknown.
        if (!channels.size || typeof r.orderId !== 'string' || (!channel && !sites.includes(r.marketplace))) return;
        const missing = !r.orderId;
        const id = channel ? r.orderId : normalizeOrderId(r.orderId);
        if (missing || id.length > LIMITS.orderId || !(channel?.[0] ?? AMAZON_ORDER_ID).test(id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['orderId'],
            input: id,
            params: { rule: missing ? 'missing' : 'pattern', ...(channel && { example: channel[1] }) },
          });
        }
      }, always),
      // Only once everything passed: an Amazon order ID is sent as 3-7-7 however it was pasted.
      z.overwrite<T>((r) => (!channels.size || channels.has(r.marketplace) ? r : { ...r, orderId: normalizeOrderId(r.orderId) })),
    ],
  };
}

/** Builds the request schema for one form's settings; the server uses the same builder. */
export function createRequestSchema(options: SchemaOptions = {}) {
  const { fields, captcha, purchase } = shared(options);
  const maxImages = options.maxImages ?? LIMITS.maxImages;
  const { locale, ...contact } = fields;
  return z
    .object({
      // Left out by the form: a body without `kind` is a request, as before withdrawals.
      kind: z.optional(z.enum(['request'])),
      ...contact,
      productName: required(LIMITS.productName),
      resolution: z.enum(RESOLUTIONS),
      reason: z.enum(REASONS),
      serialNumber: z.optional(
        z.string().check(
          z.overwrite(normalizeSerial),
          z.minLength(LIMITS.serialMin),
          z.maxLength(LIMITS.serialMax),
          z.regex(/^[A-Z0-9]+$/),
        ),
      ),
      details: z.optional(text().check(z.maxLength(LIMITS.details))),
      images: z.optional(z.array(image).check(z.maxLength(maxImages))),
      captcha: options.captcha ? captcha : z.optional(captcha),
      locale,
    })
    .check(
      z.refine((r) => r.reason !== 'other' || !!r.details, {
        path: ['details'],
        params: { rule: 'detailsForOther' },
        ...always,
      }),
      ...purchase<{ marketplace: Site; orderId: string; reason: string }>(),
    );
}

/**
 * Builds the schema of an online withdrawal statement (Article 11a of Directive 2011/83/EU)
 * for one form's settings: who withdraws, from which order, where the acknowledgement goes,
 * and when the customer confirmed. The captcha is never required: a statement is accepted
 * without it, and the receiver marks it unverified.
 */
export function createWithdrawalSchema(options: SchemaOptions = {}) {
  const { fields, captcha, purchase } = shared(options);
  return z
    .object({
      kind: z.enum(['withdrawal']),
      ...fields,
      // The moment the customer pressed "Confirm withdrawal", by their device's clock.
      confirmedAt: z.iso.datetime({ offset: true }),
      captcha: z.optional(captcha),
    })
    .check(...purchase<Purchase>());
}

export const requestSchema = /* @__PURE__ */ createRequestSchema();
export type RefundExchangeRequest = z.output<typeof requestSchema>;

/** What the endpoint receives: a request, or (with `kind: "withdrawal"`) a withdrawal statement. */
export type EndpointBody = RefundExchangeRequest | WithdrawalStatement;

export type RequestInput = z.input<typeof requestSchema>;
export type WithdrawalStatement = z.output<ReturnType<typeof createWithdrawalSchema>>;
export type WithdrawalInput = z.input<ReturnType<typeof createWithdrawalSchema>>;
export type RequestIssue = z.core.$ZodIssue;
