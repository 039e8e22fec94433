/**
 * Values as customers type and paste them, made into what the rules check: the same functions
 * in the browser (when a field is left) and in the schema (browser and server). No zod, no DOM.
 */

/**
 * Full-width digits, letters and punctuation as Japanese keyboards type them, the ideographic
 * space, and the dashes people use for hyphens, turned into plain ASCII: ３０２－１２３ →
 * 302-123. A fixed table rather than NFKC, whose results follow each engine's Unicode version:
 * the browser and the server must normalise every string alike.
 */
export const toHalfWidth = (value: string): string =>
  value
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .replace(/[\u2010-\u2015\u2212\u30fc\uff70]/g, '-');

/** "SN: a12 345" → "A12345": the label's prefix and spacing are not part of the number. */
export const normalizeSerial = (value: string): string =>
  // "SN" only counts as the label when a colon or a space follows: SN1234567 is a serial.
  toHalfWidth(value)
    .replace(/^\s*SN(\s*:|\s+)\s*/i, '')
    .replace(/\s+/g, '')
    .toUpperCase();

/**
 * One run of digits, spaces and dashes, with words around it that do not touch it with an
 * ASCII letter: "Order # 123 1234567 1234567", "Bestellnr. 123…", "注文番号：１２３…".
 */
const PASTED = /^(?:[^\d]*[^\dA-Za-z])?(\d(?:[\s-]*\d)*)(?:[^\dA-Za-z][^\d]*)?$/;

/**
 * An Amazon order ID out of whatever was pasted or typed: its 17 digits, as 3-7-7 with dashes.
 * Anything that is not one (too few digits, letters in it) is returned half-width and trimmed,
 * for the rules to refuse and `orderIdProblem` to explain.
 */
export function normalizeOrderId(value: string): string {
  const text = toHalfWidth(value).trim();
  const digits = PASTED.exec(text)?.[1]?.replace(/[\s-]/g, '');
  return digits?.length === 17 ? `${digits.slice(0, 3)}-${digits.slice(3, 10)}-${digits.slice(10)}` : text;
}

/** What is wrong with a value `normalizeOrderId` could not make an order ID of. */
export function orderIdProblem(text: string): { letters: true } | { digits: number } {
  const digits = text.replace(/\D/g, '').length;
  // A letter against a digit is part of what they typed as the ID, not a word around it.
  return /[A-Za-z]\d|\d[A-Za-z]/.test(text) || (!digits && /[A-Za-z]/.test(text)) ? { letters: true } : { digits };
}

/** How a field is tidied when the customer leaves it, if it is: not a channel's own order IDs. */
export const tidier = (field: string, channel: boolean): ((value: string) => string) | undefined =>
  field === 'serialNumber' ? normalizeSerial : field === 'orderId' && !channel ? normalizeOrderId : undefined;
