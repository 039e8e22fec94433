/**
 * The words of the acknowledgement a receiver emails for a withdrawal statement, in each
 * language the form speaks: the server's own, as the customer's dictionaries are the widget's.
 * The statement itself is worded as the form showed it (withdrawal/words.ts). Node only.
 */
import { forLanguage } from '../withdrawal/words.js';

export interface AcknowledgementWords {
  subject: (reference: string) => string;
  greeting: (name: string) => string;
  received: string;
  name: string;
  site: string;
  orderId: string;
  email: string;
  confirmedAt: string;
  receivedAt: string;
  reference: string;
  keep: string;
  signature: (trader: string) => string;
}

const en: AcknowledgementWords = {
  subject: (reference) => `Acknowledgement of your withdrawal (${reference})`,
  greeting: (name) => `Dear ${name},`,
  received: 'We have received your withdrawal from the contract below. This email acknowledges its receipt.',
  name: 'Name',
  site: 'Purchase site',
  orderId: 'Order ID',
  email: 'Email for this acknowledgement',
  confirmedAt: 'Submitted (confirmed by you)',
  receivedAt: 'Received by us',
  reference: 'Reference',
  keep: 'Please keep this email as your record of the withdrawal.',
  signature: (trader) => `Kind regards,\n${trader}`,
};

export const ACKNOWLEDGEMENT_WORDS: Record<'en' | 'de' | 'fr' | 'es' | 'it' | 'ja', AcknowledgementWords> = {
  en,
  de: {
    subject: (reference) => `Eingangsbestätigung Ihres Widerrufs (${reference})`,
    greeting: (name) => `Guten Tag ${name},`,
    received: 'wir haben Ihren Widerruf des unten genannten Vertrags erhalten. Mit dieser E-Mail bestätigen wir den Eingang.',
    name: 'Name',
    site: 'Gekauft bei',
    orderId: 'Bestellnummer',
    email: 'E-Mail-Adresse für diese Bestätigung',
    confirmedAt: 'Abgegeben (von Ihnen bestätigt)',
    receivedAt: 'Bei uns eingegangen',
    reference: 'Vorgangsnummer',
    keep: 'Bitte bewahren Sie diese E-Mail als Nachweis Ihres Widerrufs auf.',
    signature: (trader) => `Mit freundlichen Grüßen\n${trader}`,
  },
  fr: {
    subject: (reference) => `Accusé de réception de votre rétractation (${reference})`,
    greeting: (name) => `Bonjour ${name},`,
    received: 'Nous avons bien reçu votre rétractation du contrat ci-dessous. Ce courriel en accuse réception.',
    name: 'Nom',
    site: 'Site d’achat',
    orderId: 'Numéro de commande',
    email: 'Adresse e-mail pour cet accusé de réception',
    confirmedAt: 'Envoyée (confirmée par vous)',
    receivedAt: 'Reçue par nous',
    reference: 'Référence',
    keep: 'Conservez ce courriel comme preuve de votre rétractation.',
    signature: (trader) => `Cordialement,\n${trader}`,
  },
  es: {
    subject: (reference) => `Acuse de recibo de su desistimiento (${reference})`,
    greeting: (name) => `Hola, ${name}:`,
    received: 'Hemos recibido su desistimiento del contrato que figura a continuación. Este correo electrónico acusa recibo del mismo.',
    name: 'Nombre',
    site: 'Sitio de compra',
    orderId: 'Número de pedido',
    email: 'Correo electrónico para este acuse de recibo',
    confirmedAt: 'Enviada (confirmada por usted)',
    receivedAt: 'Recibida por nosotros',
    reference: 'Referencia',
    keep: 'Conserve este correo electrónico como constancia de su desistimiento.',
    signature: (trader) => `Atentamente,\n${trader}`,
  },
  it: {
    subject: (reference) => `Avviso di ricevimento del tuo recesso (${reference})`,
    greeting: (name) => `Gentile ${name},`,
    received: 'abbiamo ricevuto il tuo recesso dal contratto indicato di seguito. Con questa email ne confermiamo il ricevimento.',
    name: 'Nome',
    site: 'Sito di acquisto',
    orderId: 'Numero d’ordine',
    email: 'Email per questo avviso di ricevimento',
    confirmedAt: 'Inviata (confermata da te)',
    receivedAt: 'Ricevuta da noi',
    reference: 'Riferimento',
    keep: 'Conserva questa email come prova del tuo recesso.',
    signature: (trader) => `Cordiali saluti,\n${trader}`,
  },
  ja: {
    subject: (reference) => `契約撤回の受領確認（${reference}）`,
    greeting: (name) => `${name} 様`,
    received: '下記の契約について、撤回のお申し出を受け付けました。このメールは受領の確認です。',
    name: 'お名前',
    site: '購入サイト',
    orderId: '注文番号',
    email: '受領確認の送付先メールアドレス',
    confirmedAt: '送信日時（お客様による確定）',
    receivedAt: '受付日時',
    reference: '受付番号',
    keep: '撤回の記録として、このメールを保管してください。',
    signature: (trader) => `${trader}`,
  },
};

/** The words for `locale`: its language's, else English. */
export const acknowledgementWords = (locale: string): AcknowledgementWords => forLanguage(ACKNOWLEDGEMENT_WORDS, locale);
