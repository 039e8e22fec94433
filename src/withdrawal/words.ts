/**
 * The withdrawal function's own words, beside the law's labels (wording.ts): a chunk that
 * only a form with the `withdrawal` attribute loads, so the dictionaries of every other form
 * stay as they were. English is complete; the type makes a missing key in another language a
 * compile error. The fields keep the form's own labels and messages.
 */
/** The entry of a table by language for `locale` (`de-AT` → `de`), else English's. */
export function forLanguage<T>(table: { readonly en: T; readonly [language: string]: T }, locale: string): T {
  return table[locale.split('-')[0]?.toLowerCase() ?? ''] ?? table.en;
}

export interface WithdrawalWords {
  /** What the statement asks for, under the withdrawal function's label as its heading. */
  statementIntro: string;
  /** From the statement to its review. */
  review: string;
  /** Back from the statement to the request form. */
  back: string;
  /** The review's heading, and the acknowledgement's over the statement. */
  heading: string;
  reviewIntro: string;
  /** The statement as sent: the same sentence as the acknowledgement's. */
  statement: (orderId: string, site: string) => string;
  /** Back from the review to the statement's fields. */
  change: string;
  received: string;
  receivedAt: (when: string) => string;
  /** The receipt's term for when the customer confirmed. */
  confirmed: string;
  emailed: (email: string) => string;
  print: string;
}

const en: WithdrawalWords = {
  statementIntro:
    'To withdraw from your contract, give your name, the order and the email address for our acknowledgement. Nothing else is needed.',
  review: 'Review statement',
  back: 'Back to the request form',
  heading: 'Your withdrawal statement',
  reviewIntro: 'This is the statement we will receive. Confirm it to send it.',
  statement: (orderId, site) => `I hereby withdraw from my contract for order ${orderId}, placed on ${site}.`,
  change: 'Change',
  received: 'We have received your withdrawal.',
  receivedAt: (when) => `Received on ${when}.`,
  confirmed: 'Confirmed',
  emailed: (email) => `An acknowledgement is on its way to ${email}. Keep it, or print this page, as your record.`,
  print: 'Print',
};

export const WITHDRAWAL_WORDS: Record<'en' | 'de' | 'fr' | 'es' | 'it' | 'ja', WithdrawalWords> = {
  en,
  de: {
    statementIntro:
      'Um den Vertrag zu widerrufen, geben Sie Ihren Namen, die Bestellung und die E-Mail-Adresse für unsere Eingangsbestätigung an. Mehr brauchen wir nicht.',
    review: 'Erklärung prüfen',
    back: 'Zurück zum Antragsformular',
    heading: 'Ihre Widerrufserklärung',
    reviewIntro: 'So geht Ihre Erklärung bei uns ein. Bestätigen Sie sie, um sie abzusenden.',
    statement: (orderId, site) => `Hiermit widerrufe ich meinen Vertrag über die Bestellung ${orderId} bei ${site}.`,
    change: 'Ändern',
    received: 'Ihr Widerruf ist bei uns eingegangen.',
    receivedAt: (when) => `Eingegangen am ${when}.`,
    confirmed: 'Bestätigt',
    emailed: (email) =>
      `Eine Eingangsbestätigung ist an ${email} unterwegs. Bewahren Sie sie auf oder drucken Sie diese Seite als Nachweis aus.`,
    print: 'Drucken',
  },
  fr: {
    statementIntro:
      'Pour vous rétracter, indiquez votre nom, la commande et l’adresse e-mail où recevoir notre accusé de réception. Rien d’autre n’est demandé.',
    review: 'Vérifier la déclaration',
    back: 'Retour au formulaire de demande',
    heading: 'Votre déclaration de rétractation',
    reviewIntro: 'Voici la déclaration que nous recevrons. Confirmez-la pour l’envoyer.',
    statement: (orderId, site) =>
      `Je vous notifie par la présente ma rétractation du contrat portant sur la commande ${orderId}, passée sur ${site}.`,
    change: 'Modifier',
    received: 'Nous avons bien reçu votre rétractation.',
    receivedAt: (when) => `Reçue le ${when}.`,
    confirmed: 'Confirmée le',
    emailed: (email) =>
      `Un accusé de réception est en route vers ${email}. Conservez-le, ou imprimez cette page, comme preuve.`,
    print: 'Imprimer',
  },
  es: {
    statementIntro:
      'Para desistir del contrato, indique su nombre, el pedido y el correo electrónico donde recibir nuestro acuse de recibo. No hace falta nada más.',
    review: 'Revisar la declaración',
    back: 'Volver al formulario de solicitud',
    heading: 'Su declaración de desistimiento',
    reviewIntro: 'Esta es la declaración que recibiremos. Confírmela para enviarla.',
    statement: (orderId, site) => `Por la presente le comunico que desisto de mi contrato del pedido ${orderId}, realizado en ${site}.`,
    change: 'Modificar',
    received: 'Hemos recibido su desistimiento.',
    receivedAt: (when) => `Recibido el ${when}.`,
    confirmed: 'Confirmado el',
    emailed: (email) =>
      `Le hemos enviado un acuse de recibo a ${email}. Consérvelo, o imprima esta página, como constancia.`,
    print: 'Imprimir',
  },
  it: {
    statementIntro:
      'Per recedere dal contratto, indica il tuo nome, l’ordine e l’indirizzo email a cui inviare il nostro avviso di ricevimento. Non serve altro.',
    review: 'Controlla la dichiarazione',
    back: 'Torna al modulo di richiesta',
    heading: 'La tua dichiarazione di recesso',
    reviewIntro: 'Questa è la dichiarazione che riceveremo. Confermala per inviarla.',
    statement: (orderId, site) =>
      `Con la presente comunico il mio recesso dal contratto relativo all’ordine ${orderId}, effettuato su ${site}.`,
    change: 'Modifica',
    received: 'Abbiamo ricevuto il tuo recesso.',
    receivedAt: (when) => `Ricevuto il ${when}.`,
    confirmed: 'Confermato il',
    emailed: (email) =>
      `Un avviso di ricevimento è in arrivo a ${email}. Conservalo, o stampa questa pagina, come prova.`,
    print: 'Stampa',
  },
  ja: {
    statementIntro: '契約を撤回するには、お名前、ご注文、受領確認をお送りするメールアドレスを入力してください。ほかの情報は必要ありません。',
    review: '内容を確認する',
    back: '申請フォームに戻る',
    heading: '撤回の意思表示',
    reviewIntro: '以下の内容で受け付けます。確定すると送信されます。',
    statement: (orderId, site) => `${site}で注文した注文番号 ${orderId} の契約を撤回します。`,
    change: '修正する',
    received: '契約の撤回を受け付けました。',
    receivedAt: (when) => `受付日時：${when}`,
    confirmed: '確定日時',
    emailed: (email) => `受領確認を ${email} にお送りしました。記録として保管するか、このページを印刷してください。`,
    print: '印刷する',
  },
};

/** The words for a form's locale: its language's, else English. */
export const withdrawalWords = (locale: string): WithdrawalWords => forLanguage(WITHDRAWAL_WORDS, locale);
