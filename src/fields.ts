/**
 * The request's vocabulary: its keys in the form's order, the closed choices, the limits, and
 * characters counted as the limits count them. No zod, so the element can name fields and
 * limits without loading the rules; `schema.ts` builds the rules from these.
 */

export const RESOLUTIONS = ['refund', 'exchange'] as const;
export type Resolution = (typeof RESOLUTIONS)[number];

export const REASONS = [
  'damaged_on_arrival',
  'defective',
  'wrong_item_sent',
  'ordered_wrong_item',
  'no_longer_needed',
  'other',
] as const;
export type Reason = (typeof REASONS)[number];

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

export const LIMITS = {
  email: 254,
  name: 100,
  productName: 200,
  /** A channel's order ID (an Amazon one is 19 characters). */
  orderId: 64,
  details: 2000,
  serialMin: 4,
  serialMax: 32,
  maxImages: 5,
  imageName: 255,
  /** Base64 characters of one image: about 6 MB of bytes. */
  imageData: 8_000_000,
  /** A captcha solution: a self-hosted one of 255 solutions is about 2,950 characters. */
  captcha: 4096,
} as const;

/** The JSON keys of the request, in the order the form shows them. */
export const FIELDS = [
  'marketplace',
  'email',
  'name',
  'orderId',
  'productName',
  'resolution',
  'reason',
  'serialNumber',
  'details',
  'images',
  'captcha',
] as const;
export type FieldName = (typeof FIELDS)[number];

export const isFieldName = (key: unknown): key is FieldName =>
  (FIELDS as readonly unknown[]).includes(key);

/** The last values counted: a render asks about the same ones (the counter's, the rules' trimmed one). */
let counted: [string, number][] = [];

/**
 * Characters as the limits count them: Unicode code points, as zod's length checks do, so an
 * emoji is one. A loop rather than `[...value].length`, which builds an array the size of a
 * pasted megabyte; remembered for the last two values, so a render walks a megabyte once.
 */
export function chars(value: string): number {
  const known = counted.find(([text]) => text === value);
  if (known) return known[1];
  let count = value.length;
  for (let i = 1; i < value.length; i++) {
    const code = value.charCodeAt(i);
    // A low surrogate after a high one: the pair was counted twice.
    if (code >= 0xdc00 && code <= 0xdfff) {
      const before = value.charCodeAt(i - 1);
      if (before >= 0xd800 && before <= 0xdbff) count--;
    }
  }
  counted = [[value, count], ...counted.slice(0, 1)];
  return count;
}

/** One entry of a 400/422 answer's `errors`. */
export interface FieldError {
  /** A JSON key of the request; anything else (or `''`) belongs to the form as a whole. */
  field: FieldName | (string & {});
  message: string;
}

/** The endpoint's JSON answers (the contract's): a success may name the request's reference. */
export interface SuccessResponse {
  reference?: string;
  /** ISO 8601: when the receiver stored it (`createReceiver` always says; a withdrawal's success view shows it). */
  receivedAt?: string;
}
/** A 400 or 422 answer: each error shown at its field. */
export interface ErrorResponse {
  errors: FieldError[];
}
export type RefundExchangeResponse = SuccessResponse | ErrorResponse;
