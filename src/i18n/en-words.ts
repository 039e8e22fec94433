/**
 * English words of the form's first view: labels, options, tips, promises and buttons, all it
 * shows before the customer first interacts. They come with the entry; the messages (en.ts)
 * load on the first interaction, so the entry carries no word it may never show.
 */
import { AMAZON_EXAMPLE, counting, type Counts } from './typography.js';

/** English's number format and plurals, which its messages (en.ts) use too. */
export const counts: Counts = { one: (n) => n === 1, group: ',' };
export const { number, count } = counting('en-US', counts);
export const photos = (n: number) => count(n, 'photo', 'photos');

export const words = {
  locale: 'en-US',

  marketplace: 'Purchase site',
  /** Amazon.com with its country, the one site whose name does not say it. */
  amazonCom: 'Amazon.com\u00a0(US)',
  email: 'Email address',
  name: 'Contact name',
  orderId: 'Order ID',
  productName: 'Product name',
  resolution: 'Refund or exchange',
  refund: 'Refund',
  exchange: 'Exchange',
  reason: 'Reason for request',
  damaged_on_arrival: 'Damaged upon arrival',
  defective: 'Defective',
  wrong_item_sent: 'Sent wrong item',
  ordered_wrong_item: 'Ordered wrong item',
  no_longer_needed: 'No longer needed',
  other: 'Other',
  serialNumber: 'Serial number',
  details: 'Issue details',
  images: 'Photos',
  choose: 'Choose…',
  optional: '(optional)',
  requiredNote: 'Fields marked * are required.',
  charCount: (n: number, max: number) => `${number(n)}\u00a0of ${count(max, 'character', 'characters')}`,

  policies: 'Our promise',
  policyReturn: (days: number) => `${number(days)}\u2011day return for any reason`,
  policyWarranty: (months: number) => `${number(months)}\u2011month warranty`,
  policySupport: 'Lifetime technical support',

  tip: 'Where do I find this?',
  tipOrderId: `In your Amazon account, under “Your Orders”. It looks like ${AMAZON_EXAMPLE}.`,
  tipOrderIdShop: 'In your order confirmation email or in your order history.',
  orderIdLooksLike: (example: string) => `It looks like ${example}.`,
  orderHistoryShop: 'Open your order history',
  orderHistory: 'Open “Your Orders”',
  newTab: '(opens in a new tab)',
  tipProductName:
    'The model name as it appears on the box, on the rating label on the product, or in your order.',
  tipSerialNumber:
    'On the rating label on the product (often underneath) or on the box. It starts with “SN: A”.',
  photosHint: (max: number) => `Up to ${photos(max)}: JPEG, PNG or WebP.`,
  addPhotos: 'Add photos',

  submit: 'Submit',
  reset: 'Reset',

  captcha: 'Anti-robot check',
  errConfig: 'This form is not set up correctly and cannot send requests. Please contact the site owner.',

  // Said when the other messages could not load either (offline since the page loaded): the
  // network, the states a submit or the photos go through, the captcha's failure and retry.
  kept: 'Everything you entered is still here.',
  errNetwork: 'We could not reach the server. Check your internet connection.',
  tryAgain: 'Please try again.',
  offlineWaiting: 'You are offline. Your request will be sent as soon as your connection is back.',
  errOffline: 'You are offline, so your request has not been sent. Submit it again once your connection is back.',
  sending: 'Sending your request…',
  captchaWaiting: 'Finishing the anti-robot check…',
  readingPhotos: 'Preparing photos…',
  removePhoto: (name: string) => `Remove ${name}`,
  photoUnavailable: 'Photos cannot be added right now. Check your connection and try again.',
  errCaptchaFetch: 'The anti-robot check could not start. Check your internet connection, then try again.',
  captchaRetry: 'Try the check again',
};
