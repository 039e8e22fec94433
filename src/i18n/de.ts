/** German (Germany): Sie-form, as on the brand's German storefront; Amazon.de wording. */
import type { Translation } from './en.js';
import { AMAZON_EXAMPLE, counting, type Counts } from './typography.js';

export const counts: Counts = { one: (n) => n === 1, group: '.' };
const { number, count } = counting('de-DE', counts);
const photos = (n: number) => count(n, 'Foto', 'Fotos');

const de: Translation = {
  locale: 'de-DE',

  marketplace: 'Gekauft bei',
  amazonCom: 'Amazon.com\u00a0(USA)',
  email: 'E-Mail-Adresse',
  name: 'Ihr Name',
  orderId: 'Bestellnummer',
  productName: 'Produktname',
  resolution: 'Rückerstattung oder Umtausch',
  refund: 'Rückerstattung',
  exchange: 'Umtausch',
  reason: 'Grund Ihrer Anfrage',
  damaged_on_arrival: 'Beschädigt angekommen',
  defective: 'Defekt',
  wrong_item_sent: 'Falschen Artikel erhalten',
  ordered_wrong_item: 'Versehentlich bestellt',
  no_longer_needed: 'Nicht mehr benötigt',
  other: 'Sonstiges',
  serialNumber: 'Seriennummer',
  details: 'Beschreibung des Problems',
  images: 'Fotos',
  choose: 'Bitte wählen…',
  optional: '(optional)',
  requiredNote: 'Pflichtfelder sind mit * gekennzeichnet.',
  charCount: (n: number, max: number) => `${number(n)}\u00a0von ${number(max)}\u00a0Zeichen`,

  policies: 'Unser Versprechen',
  policyReturn: (days: number) => `${count(days, 'Tag', 'Tage')} Rückgaberecht ohne Angabe von Gründen`,
  policyWarranty: (months: number) => `${count(months, 'Monat', 'Monate')} Garantie`,
  policySupport: 'Lebenslanger technischer Support',

  tip: 'Wo finde ich das?',
  tipOrderId:
    `In Ihrem Amazon-Konto unter „Meine Bestellungen“. Die Bestellnummer hat das Format ${AMAZON_EXAMPLE}.`,
  tipOrderIdShop: 'In Ihrer Bestellbestätigung per E-Mail oder in Ihrem Bestellverlauf.',
  orderIdLooksLike: (example: string) => `Die Bestellnummer hat das Format ${example}.`,
  orderHistoryShop: 'Bestellverlauf öffnen',
  orderHistory: '„Meine Bestellungen“ öffnen',
  newTab: '(öffnet sich in einem neuen Tab)',
  tipProductName:
    'Der Modellname, wie er auf der Verpackung, auf dem Typenschild des Produkts oder in Ihrer Bestellung steht.',
  tipSerialNumber:
    'Auf dem Typenschild des Produkts (meist an der Unterseite) oder auf der Verpackung. Die Seriennummer beginnt mit „SN: A“.',
  photosHint: (max: number) => `Bis zu ${photos(max)}: JPEG, PNG oder WebP.`,
  addPhotos: 'Fotos hinzufügen',
  removePhoto: (name: string) => `${name} entfernen`,
  readingPhotos: 'Fotos werden vorbereitet…',

  submit: 'Absenden',
  reset: 'Zurücksetzen',
  sending: 'Ihre Anfrage wird gesendet…',
  resetConfirm: 'Alle Eingaben löschen?',
  resetYes: 'Formular leeren',
  resetNo: 'Eingaben behalten',

  summary: (n: number) => `Bitte korrigieren Sie vor dem Absenden ${count(n, 'Angabe', 'Angaben')}:`,

  errMarketplace: 'Wählen Sie aus, wo Sie das Produkt gekauft haben.',
  errEmailMissing: 'Geben Sie Ihre E-Mail-Adresse ein, damit wir Ihnen antworten können.',
  errNameMissing: 'Geben Sie Ihren Namen ein.',
  errOrderIdMissing: 'Geben Sie die Bestellnummer aus „Meine Bestellungen“ bei Amazon ein.',
  errProductNameMissing: 'Geben Sie den Produktnamen ein.',
  errReason: 'Wählen Sie einen Grund für Ihre Anfrage aus.',
  errEmail: 'Geben Sie eine E-Mail-Adresse im Format name@example.com ein.',
  errTooLong: (max: number, over: number) =>
    `${number(over)}\u00a0Zeichen zu viel. Kürzen Sie Ihre Eingabe auf höchstens ${number(max)}\u00a0Zeichen.`,
  errOrderId:
    `Geben Sie die Bestellnummer aus „Meine Bestellungen“ bei Amazon ein, z.\u00a0B. ${AMAZON_EXAMPLE}.`,
  errOrderIdShopMissing: 'Geben Sie die Bestellnummer aus Ihrer Bestellbestätigung ein.',
  errOrderIdShop: (example: string) =>
    `Geben Sie die Bestellnummer so ein, wie sie in Ihrer Bestellbestätigung steht, z.\u00a0B. ${example}.`,
  errOrderIdDigits: (digits: number) =>
    `Eine Amazon-Bestellnummer hat 17\u00a0Ziffern, z.\u00a0B. ${AMAZON_EXAMPLE}. Ihre Eingabe hat ${count(digits, 'Ziffer', 'Ziffern')}.`,
  errOrderIdLetters:
    `Eine Amazon-Bestellnummer besteht nur aus Ziffern, z.\u00a0B. ${AMAZON_EXAMPLE}. Prüfen Sie, ob statt einer 0\u00a0oder 1\u00a0ein O oder I eingegeben wurde.`,
  errSerialShort: (min: number) =>
    `Diese Seriennummer ist zu kurz. Eine Seriennummer hat mindestens ${number(min)}\u00a0Zeichen (Buchstaben und Ziffern), z.\u00a0B. A1234567.`,
  errResolution: 'Wählen Sie, ob Sie eine Rückerstattung oder einen Umtausch wünschen.',
  errSerial:
    'Geben Sie die Seriennummer so ein, wie sie nach „SN:“ aufgedruckt ist, z.\u00a0B. A1234567 (Buchstaben und Ziffern).',
  errDetailsOther: 'Sie haben „Sonstiges“ gewählt – bitte beschreiben Sie kurz, was passiert ist.',
  errImages: (max: number) => `Hängen Sie höchstens ${photos(max)} an.`,
  errCaptcha: 'Bitte warten Sie, bis die Sicherheitsprüfung abgeschlossen ist.',
  errCaptchaFetch: 'Die Sicherheitsprüfung konnte nicht starten. Prüfen Sie Ihre Internetverbindung und versuchen Sie es dann erneut.',
  errCaptchaBrowser:
    'Die Sicherheitsprüfung lässt diesen Browser nicht zu, daher kann das Formular damit nicht gesendet werden. Öffnen Sie diese Seite in einem anderen, aktuellen Browser oder deaktivieren Sie Erweiterungen, die verändern, wie sich Ihr Browser ausweist.',
  errCaptchaRefused: 'Die Sicherheitsprüfung ist abgelaufen oder konnte nicht bestätigt werden. Eine neue Prüfung läuft; bitte senden Sie das Formular erneut ab, sobald sie abgeschlossen ist.',
  captcha: 'Sicherheitsprüfung',
  captchaWaiting: 'Sicherheitsprüfung wird abgeschlossen…',
  captchaRetry: 'Prüfung erneut starten',
  captchaRunning: 'Sicherheitsprüfung läuft…',
  captchaDone: 'Sicherheitsprüfung abgeschlossen',
  captchaExpired: 'Sicherheitsprüfung abgelaufen',
  captchaFailed: 'Sicherheitsprüfung fehlgeschlagen',
  errInvalid: 'Bitte überprüfen Sie diese Angabe.',

  photoNotImage: (name: string) => `${name} ist kein Bild. Hängen Sie ein Foto im Format JPEG, PNG oder WebP an.`,
  photoDamaged: (name: string) =>
    `${name} ist beschädigt und lässt sich nicht öffnen. Nehmen Sie das Foto bitte noch einmal auf.`,
  photoHeic: (name: string) =>
    `${name} ist ein HEIC-Foto, das Browser nicht öffnen können. Exportieren Sie es als JPEG (auf dem iPhone: Einstellungen › Kamera › Formate › Maximale Kompatibilität) und hängen Sie es erneut an.`,
  photoTooBig: (name: string) =>
    `${name} hat zu viele Pixel und kann nicht verarbeitet werden. Hängen Sie ein kleineres Foto an.`,
  photoNoRoom: (name: string, room: number, max: number) =>
    room > 0
      ? `${name} wurde nicht hinzugefügt: Es war nur noch Platz für ${photos(room)} (höchstens ${photos(max)}).`
      : `${name} wurde nicht hinzugefügt: Sie haben bereits die Höchstzahl von ${photos(max)} angehängt.`,
  photosAttached: (n: number, max: number) => `Angehängte Fotos: ${number(n)}\u00a0von ${number(max)}.`,
  photoRemoved: (name: string) => `${name} wurde entfernt.`,
  photoUnavailable:
    'Fotos können gerade nicht hinzugefügt werden. Prüfen Sie Ihre Internetverbindung und versuchen Sie es erneut.',

  sent: 'Vielen Dank! Wir haben Ihre Anfrage erhalten.',
  reference: (ref: string) => `Ihre Vorgangsnummer: ${ref}`,
  copy: 'Kopieren',
  copied: 'Vorgangsnummer kopiert.',
  copyFailed: 'Kopieren nicht möglich. Markieren und kopieren Sie die Vorgangsnummer bitte selbst.',
  nextSteps: (email: string) => `Wir beantworten jede Anfrage innerhalb von zwei Werktagen per E-Mail an ${email}.`,
  recap: 'Ihre Anfrage',
  recapPhotos: (n: number) => (n ? number(n) : 'Keine'),
  newRequest: 'Neue Anfrage stellen',

  kept: 'Ihre Eingaben bleiben erhalten.',
  errServer: 'Bei uns ist ein Fehler aufgetreten.',
  errNetwork: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Internetverbindung.',
  errTimeout: 'Der Server hat nicht rechtzeitig geantwortet.',
  errTooLarge: 'Ihre Anfrage ist zu groß zum Senden. Entfernen Sie ein Foto und versuchen Sie es erneut.',
  errRateLimited: (seconds: number) =>
    seconds > 0
      ? `Zu viele Anfragen. Bitte versuchen Sie es in ${count(seconds, 'Sekunde', 'Sekunden')} erneut.`
      : 'Zu viele Anfragen. Bitte versuchen Sie es gleich noch einmal.',
  errRefused: (status: number) => `Der Server hat die Anfrage abgelehnt (Fehler ${status}).`,
  tryAgain: 'Bitte versuchen Sie es erneut.',
  errConfig:
    'Dieses Formular ist nicht richtig eingerichtet und kann keine Anfragen senden. Bitte wenden Sie sich an den Betreiber der Website.',

  offlineWaiting: 'Sie sind offline. Ihre Anfrage wird gesendet, sobald Ihre Verbindung wieder besteht.',
  errOffline: 'Sie sind offline, daher wurde Ihre Anfrage nicht gesendet. Senden Sie sie erneut, sobald Ihre Verbindung wieder besteht.',
  draftRestored: 'Wir haben Ihre früheren Eingaben wiederhergestellt.',
  startOver: 'Neu beginnen',
  errCaptchaBlocked: (directive: string) =>
    `Die Sicherheitseinstellungen dieser Seite blockieren die Sicherheitsprüfung, daher kann das Formular nicht gesendet werden. Bitte informieren Sie den Betreiber der Website: Er muss „${directive}“ in die Content-Security-Policy der Seite aufnehmen.`,
};

export default de;
