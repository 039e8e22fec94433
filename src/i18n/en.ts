/**
 * English (US): the complete dictionary, the words of the first view (en-words.ts) and every
 * message. Every other locale is typed against it, so a key missing there fails the build.
 * Terms with parameters or plurals are functions. Its words follow the English glossary
 * (glossary.ts), as each dictionary follows its own. The messages load as a chunk of their own
 * on a form's first interaction (i18n/index.ts).
 */
import { AMAZON_EXAMPLE } from './typography.js';
import { count, number, photos, words } from './en-words.js';

export const en = {
  ...words,

  resetConfirm: 'Clear everything you entered?',
  resetYes: 'Clear form',
  resetNo: 'Keep my entries',

  summary: (n: number) => `Please fix ${count(n, 'problem', 'problems')} before sending:`,

  errMarketplace: 'Choose the site where you bought the product.',
  errEmailMissing: 'Enter your email address so we can reply.',
  errNameMissing: 'Enter your name.',
  errOrderIdMissing: 'Enter the order ID from “Your Orders” on Amazon.',
  errProductNameMissing: 'Enter the product name.',
  errReason: 'Choose a reason for your request.',
  errEmail: 'Enter an email address like name@example.com.',
  errTooLong: (max: number, over: number) =>
    `${count(over, 'character', 'characters')} too many. Shorten this to at most ${number(max)}.`,
  errOrderId: `Enter the order ID from “Your Orders” on Amazon, like ${AMAZON_EXAMPLE}.`,
  errOrderIdShopMissing: 'Enter the order ID from your order confirmation.',
  errOrderIdShop: (example: string) => `Enter the order ID as it appears on your order confirmation, like ${example}.`,
  errOrderIdDigits: (digits: number) =>
    `An Amazon order ID has 17\u00a0digits, like ${AMAZON_EXAMPLE}. This one has ${number(digits)}.`,
  errOrderIdLetters:
    `An Amazon order ID has digits only, like ${AMAZON_EXAMPLE}. Check for a letter O or I typed instead of 0\u00a0or 1.`,
  errSerialShort: (min: number) =>
    `This serial number is too short. A serial number has at least ${count(min, 'letter or digit', 'letters and digits')}, like A1234567.`,
  errResolution: 'Choose whether you want a refund or an exchange.',
  errSerial: 'Enter the serial number as printed after “SN:”, like A1234567 (letters and digits).',
  errDetailsOther: 'Since you chose “Other”, tell us what happened.',
  errImages: (max: number) => `Attach at most ${photos(max)}.`,
  errCaptcha: 'Please wait until the anti-robot check is complete.',
  errCaptchaBrowser:
    'The anti-robot check does not accept this browser, so the form cannot be sent from it. Open this page in another up-to-date browser, or turn off any extension that changes how your browser identifies itself.',
  errCaptchaRefused: 'The anti-robot check expired or could not be confirmed. A new check is running; please submit again when it has finished.',
  captchaRunning: 'Anti-robot check running…',
  captchaDone: 'Anti-robot check complete',
  captchaExpired: 'Anti-robot check expired',
  captchaFailed: 'Anti-robot check failed',
  errInvalid: 'Check this entry.',

  photoNotImage: (name: string) => `${name} is not an image. Attach a JPEG, PNG or WebP photo.`,
  photoDamaged: (name: string) => `${name} is damaged and cannot be opened. Try taking the photo again.`,
  photoHeic: (name: string) =>
    `${name} is a HEIC photo, which browsers cannot open. Export it as JPEG (on iPhone: Settings › Camera › Formats › Most Compatible) and attach it again.`,
  photoTooBig: (name: string) => `${name} has too many pixels to process. Attach a smaller photo.`,
  photoNoRoom: (name: string, room: number, max: number) =>
    room > 0
      ? `${name} was not added: there was room for ${count(room, 'more photo', 'more photos')}, ${photos(max)} at most.`
      : `${name} was not added: you have already attached the most photos allowed, ${number(max)}.`,
  photosAttached: (n: number, max: number) => `Photos attached: ${number(n)}\u00a0of ${number(max)}.`,
  photoRemoved: (name: string) => `${name} removed.`,

  sent: 'Thank you! We have received your request.',
  reference: (ref: string) => `Your reference: ${ref}`,
  copy: 'Copy',
  copied: 'Reference copied.',
  copyFailed: 'Could not copy. Select the reference and copy it yourself.',
  nextSteps: (email: string) => `We answer every request within two business days, by email to ${email}.`,
  recap: 'Your request',
  recapPhotos: (n: number) => (n ? number(n) : 'None'),
  newRequest: 'Start a new request',

  errServer: 'Something went wrong on our side.',
  errTimeout: 'The server took too long to answer.',
  errTooLarge: 'Your request is too large to send. Remove a photo and try again.',
  errRateLimited: (seconds: number) =>
    seconds > 0
      ? `Too many requests. Please try again in ${count(seconds, 'second', 'seconds')}.`
      : 'Too many requests. Please try again in a moment.',
  errRefused: (status: number) => `The server refused the request (error ${status}).`,

  draftRestored: 'We have restored what you entered earlier.',
  startOver: 'Start over',
  errCaptchaBlocked: (directive: string) =>
    `This page’s security settings block the anti-robot check, so the form cannot be sent. Please ask the site owner to add “${directive}” to the page’s Content-Security-Policy.`,
};

export type Translation = typeof en;

export default en;
