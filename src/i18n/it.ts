/**
 * Italian (Italy): Lei-form, as on the brand's Italian storefront, with lower-case "lei/suo" as in
 * modern web copy; Amazon.it wording for Amazon features. Buttons keep the usual Italian UI labels
 * ("Invia", "Rimuovi"), which read as neutral commands rather than as "tu".
 */
import type { Translation } from './en.js';
import { AMAZON_EXAMPLE, counting, type Counts } from './typography.js';

export const counts: Counts = { one: (n) => n === 1, group: '', manyOf: 'di' };
const { number, count } = counting('it-IT', counts);
const photos = (n: number) => count(n, 'foto', 'foto');

const it: Translation = {
  locale: 'it-IT',

  marketplace: 'Sito di acquisto',
  amazonCom: 'Amazon.com\u00a0(USA)',
  email: 'Indirizzo e-mail',
  name: 'Nome e cognome',
  orderId: 'Numero d’ordine',
  productName: 'Nome del prodotto',
  resolution: 'Rimborso o sostituzione',
  refund: 'Rimborso',
  exchange: 'Sostituzione',
  reason: 'Motivo della richiesta',
  damaged_on_arrival: 'Arrivato danneggiato',
  defective: 'Prodotto difettoso',
  wrong_item_sent: 'Ho ricevuto l’articolo sbagliato',
  ordered_wrong_item: 'Ho ordinato l’articolo sbagliato',
  no_longer_needed: 'Non mi serve più',
  other: 'Altro motivo',
  serialNumber: 'Numero di serie',
  details: 'Descrizione del problema',
  images: 'Foto',
  choose: 'Selezioni…',
  optional: '(facoltativo)',
  requiredNote: 'I campi contrassegnati con * sono obbligatori.',
  charCount: (n: number, max: number) => `${number(n)}\u00a0di ${count(max, 'carattere', 'caratteri')}`,

  policies: 'Il nostro impegno',
  policyReturn: (days: number) => `Reso entro ${count(days, 'giorno', 'giorni')} per qualsiasi motivo`,
  policyWarranty: (months: number) => `Garanzia di ${count(months, 'mese', 'mesi')}`,
  policySupport: 'Assistenza tecnica a vita',

  tip: 'Dove lo trovo?',
  tipOrderId:
    `Nel suo account Amazon, alla voce «I miei ordini». Ha questo formato: ${AMAZON_EXAMPLE}.`,
  tipOrderIdShop: 'Nell’e-mail di conferma dell’ordine o nello storico dei suoi ordini.',
  orderIdLooksLike: (example: string) => `Ad esempio: ${example}.`,
  orderHistoryShop: 'Apri lo storico degli ordini',
  orderHistory: 'Apri «I miei ordini»',
  newTab: '(si apre in una nuova scheda)',
  tipProductName:
    'Il nome del modello come appare sulla confezione, sulla targhetta del prodotto o nel suo ordine.',
  tipSerialNumber:
    'Sulla targhetta del prodotto (di solito sotto) o sulla confezione. Inizia con «SN: A».',
  photosHint: (max: number) => `Massimo ${photos(max)} in formato JPEG, PNG o WebP.`,
  addPhotos: 'Aggiungi foto',
  removePhoto: (name: string) => `Rimuovi ${name}`,
  readingPhotos: 'Preparazione delle foto…',

  submit: 'Invia',
  reset: 'Reimposta',
  sending: 'Invio della richiesta in corso…',
  resetConfirm: 'Vuole cancellare tutti i dati inseriti?',
  resetYes: 'Cancella tutto',
  resetNo: 'Mantieni i dati',

  summary: (n: number) => `Prima di inviare, corregga ${count(n, 'errore', 'errori')}:`,

  errMarketplace: 'Scelga il sito su cui ha acquistato il prodotto.',
  errEmailMissing: 'Inserisca il suo indirizzo e-mail, così potremo risponderle.',
  errNameMissing: 'Inserisca nome e cognome.',
  errOrderIdMissing: 'Inserisca il numero d’ordine che trova in «I miei ordini» su Amazon.',
  errProductNameMissing: 'Inserisca il nome del prodotto.',
  errReason: 'Scelga il motivo della richiesta.',
  errEmail: 'Inserisca un indirizzo e-mail valido, ad esempio nome@example.com.',
  errTooLong: (max: number, over: number) =>
    `${count(over, 'carattere', 'caratteri')} di troppo. Inserisca al massimo ${count(max, 'carattere', 'caratteri')}.`,
  errOrderId:
    `Inserisca il numero d’ordine come appare in «I miei ordini» su Amazon, ad esempio ${AMAZON_EXAMPLE}.`,
  errOrderIdShopMissing: 'Inserisca il numero d’ordine indicato nella conferma dell’ordine.',
  errOrderIdShop: (example: string) =>
    `Inserisca il numero d’ordine come appare nella conferma dell’ordine, ad esempio ${example}.`,
  errOrderIdDigits: (digits: number) =>
    `Un numero d’ordine Amazon ha 17\u00a0cifre, ad esempio ${AMAZON_EXAMPLE}. Quello inserito ne ha ${number(digits)}.`,
  errOrderIdLetters:
    `Un numero d’ordine Amazon contiene solo cifre, ad esempio ${AMAZON_EXAMPLE}. Controlli di non aver scritto una O o una I al posto di uno 0\u00a0o di un 1.`,
  errSerialShort: (min: number) =>
    `Il numero di serie è troppo corto: un numero di serie ha almeno ${count(min, 'carattere', 'caratteri')} (lettere e cifre), ad esempio A1234567.`,
  errResolution: 'Indichi se desidera un rimborso o una sostituzione.',
  errSerial: 'Inserisca il numero di serie stampato dopo «SN:», ad esempio A1234567 (lettere e cifre).',
  errDetailsOther: 'Ha scelto «Altro motivo»: ci descriva che cosa è successo.',
  errImages: (max: number) => `Alleghi al massimo ${photos(max)}.`,
  errCaptcha: 'Attenda il completamento del controllo anti-robot.',
  errCaptchaFetch: 'Non è stato possibile avviare il controllo anti-robot. Controlli la sua connessione a internet e riprovi.',
  errCaptchaBrowser:
    'Il controllo anti-robot non accetta questo browser, quindi il modulo non può essere inviato da qui. Apra questa pagina in un altro browser aggiornato oppure disattivi le estensioni che modificano il modo in cui il browser si identifica.',
  errCaptchaRefused: 'Il controllo anti-robot è scaduto o non è stato possibile confermarlo. È in corso un nuovo controllo: invii di nuovo il modulo quando sarà completato.',
  captcha: 'Controllo anti-robot',
  captchaWaiting: 'Completamento del controllo anti-robot in corso…',
  captchaRetry: 'Ripeti il controllo',
  captchaRunning: 'Controllo anti-robot in corso…',
  captchaDone: 'Controllo anti-robot completato',
  captchaExpired: 'Controllo anti-robot scaduto',
  captchaFailed: 'Controllo anti-robot non riuscito',
  errInvalid: 'Verifichi questo campo.',

  photoNotImage: (name: string) =>
    `Il file ${name} non è un’immagine. Alleghi una foto in formato JPEG, PNG o WebP.`,
  photoDamaged: (name: string) =>
    `Il file ${name} è danneggiato e non può essere aperto. Provi a scattare di nuovo la foto.`,
  photoHeic: (name: string) =>
    `La foto ${name} è in formato HEIC, che i browser non riescono ad aprire. La salvi in JPEG (su iPhone: Impostazioni › Fotocamera › Formati › Più compatibile) e la alleghi di nuovo.`,
  photoTooBig: (name: string) =>
    `La foto ${name} ha troppi pixel per poter essere elaborata. Alleghi una foto più piccola.`,
  photoNoRoom: (name: string, room: number, max: number) =>
    room > 0
      ? `Il file ${name} non è stato aggiunto: c’era posto solo per ${room === 1 ? 'un’altra foto' : `altre ${photos(room)}`} (al massimo ${photos(max)}).`
      : `Il file ${name} non è stato aggiunto: ha già allegato il numero massimo di foto (${number(max)}).`,
  photosAttached: (n: number, max: number) => `Foto allegate: ${number(n)}\u00a0su ${number(max)}.`,
  photoRemoved: (name: string) => `Il file ${name} è stato rimosso.`,
  photoUnavailable: 'Al momento non è possibile aggiungere foto. Controlli la connessione e riprovi.',

  sent: 'Grazie! Abbiamo ricevuto la sua richiesta.',
  reference: (ref: string) => `Il suo numero di riferimento: ${ref}`,
  copy: 'Copia',
  copied: 'Numero di riferimento copiato.',
  copyFailed: 'Impossibile copiare. Selezioni il numero di riferimento e lo copi manualmente.',
  nextSteps: (email: string) => `Rispondiamo a ogni richiesta entro due giorni lavorativi, via e-mail all’indirizzo ${email}.`,
  recap: 'La sua richiesta',
  recapPhotos: (n: number) => (n ? number(n) : 'Nessuna'),
  newRequest: 'Invia un’altra richiesta',

  kept: 'I dati che ha inserito non sono andati persi.',
  errServer: 'Si è verificato un problema da parte nostra.',
  errNetwork: 'Non è stato possibile raggiungere il server. Controlli la sua connessione a internet.',
  errTimeout: 'Il server ha impiegato troppo tempo a rispondere.',
  errTooLarge: 'La richiesta è troppo grande per essere inviata. Rimuova una foto e riprovi.',
  errRateLimited: (seconds: number) =>
    seconds > 0
      ? `Troppe richieste. Riprovi tra ${count(seconds, 'secondo', 'secondi')}.`
      : 'Troppe richieste. Riprovi tra qualche istante.',
  errRefused: (status: number) => `Il server ha rifiutato la richiesta (errore ${status}).`,
  tryAgain: 'La preghiamo di riprovare.',
  errConfig:
    'Questo modulo non è configurato correttamente e non può inviare richieste. Contatti il gestore del sito.',

  offlineWaiting: 'Non è connesso a internet. La sua richiesta verrà inviata non appena la connessione sarà ripristinata.',
  errOffline: 'Non è connesso a internet, quindi la sua richiesta non è stata inviata. La invii di nuovo quando la connessione sarà ripristinata.',
  draftRestored: 'Abbiamo recuperato i dati che aveva inserito in precedenza.',
  startOver: 'Ricomincia da capo',
  errCaptchaBlocked: (directive: string) =>
    `Le impostazioni di sicurezza di questa pagina bloccano il controllo anti-robot, quindi il modulo non può essere inviato. Chieda al gestore del sito di aggiungere «${directive}» alla Content-Security-Policy della pagina.`,
};

export default it;
