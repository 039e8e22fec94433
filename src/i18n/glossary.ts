/**
 * What each thing is called in each market: the one term a dictionary uses for it, and the words
 * a translator might reach for instead, which none of its strings may use. Not shipped: the i18n
 * tests hold every dictionary to its glossary (test/node/i18n.test.ts), so a new string that says
 * "order number" where the form says "order ID" fails the build.
 */

export type Concept =
  | 'orderId'
  | 'orderHistory'
  | 'serialNumber'
  | 'refund'
  | 'exchange'
  | 'email'
  | 'photo'
  | 'captcha'
  | 'request'
  | 'reference';

export interface Entry {
  /** The term, as it reads inside a sentence. */
  term: string;
  /** Synonyms and near-misses the dictionary must not use. */
  avoid: readonly string[];
}

export type Glossary = Readonly<Record<Concept, Entry>>;

const en: Glossary = {
  orderId: { term: 'order ID', avoid: ['order number', 'order #', 'order no', 'order code'] },
  // Amazon's own name for the page, in every English-speaking market.
  orderHistory: { term: 'Your Orders', avoid: ['My Orders', 'order list'] },
  serialNumber: { term: 'serial number', avoid: ['serial no', 'serial code', 'S/N'] },
  refund: { term: 'refund', avoid: ['reimbursement', 'money back', 'repayment'] },
  exchange: { term: 'exchange', avoid: ['replacement', 'swap'] },
  email: { term: 'email', avoid: ['e-mail', 'mail address'] },
  photo: { term: 'photo', avoid: ['picture', 'attachment', 'snapshot'] },
  captcha: { term: 'anti-robot check', avoid: ['captcha', 'robot test', 'human check', 'spam check', 'verification'] },
  request: { term: 'request', avoid: ['claim', 'ticket', 'application'] },
  reference: { term: 'reference', avoid: ['case number', 'ticket number', 'tracking number'] },
};

const fr: Glossary = {
  orderId: {
    term: 'numéro de commande',
    avoid: ['n° de commande', 'identifiant de commande', 'ID de commande', 'référence de commande', 'numéro d’ordre'],
  },
  orderHistory: { term: 'Vos commandes', avoid: ['Mes commandes', 'historique des commandes'] },
  serialNumber: { term: 'numéro de série', avoid: ['n° de série', 'numéro de fabrication'] },
  refund: { term: 'remboursement', avoid: ['restitution', 'remboursé intégralement'] },
  exchange: { term: 'échange', avoid: ['remplacement', 'substitution'] },
  email: { term: 'e-mail', avoid: ['email', 'courriel', 'mél', 'mail'] },
  photo: { term: 'photo', avoid: ['cliché', 'pièce jointe'] },
  captcha: {
    term: 'vérification anti-robot',
    avoid: ['captcha', 'contrôle anti-robot', 'test anti-robot', 'vérification antirobot', 'antispam'],
  },
  request: { term: 'demande', avoid: ['requête', 'réclamation', 'dossier'] },
  reference: { term: 'référence', avoid: ['numéro de dossier', 'ticket'] },
};

const de: Glossary = {
  orderId: { term: 'Bestellnummer', avoid: ['Auftragsnummer', 'Bestell-ID', 'Bestellnr', 'Order-ID'] },
  orderHistory: { term: 'Meine Bestellungen', avoid: ['Ihre Bestellungen', 'Bestellübersicht'] },
  serialNumber: { term: 'Seriennummer', avoid: ['Serien-Nr', 'Fabriknummer', 'Gerätenummer'] },
  refund: { term: 'Rückerstattung', avoid: ['Erstattung', 'Rückzahlung', 'Geld zurück'] },
  exchange: { term: 'Umtausch', avoid: ['Austausch', 'Ersatzlieferung', 'Ersatz'] },
  email: { term: 'E-Mail', avoid: ['Email', 'eMail', 'Mail'] },
  photo: { term: 'Foto', avoid: ['Anhang', 'Aufnahme', 'Fotografie'] },
  captcha: {
    term: 'Sicherheitsprüfung',
    avoid: ['Captcha', 'automatische Sicherheitsprüfung', 'Roboter-Check', 'Spam-Prüfung', 'Verifizierung'],
  },
  request: { term: 'Anfrage', avoid: ['Antrag', 'Reklamation', 'Ticket'] },
  reference: { term: 'Vorgangsnummer', avoid: ['Referenznummer', 'Ticketnummer', 'Aktenzeichen'] },
};

const es: Glossary = {
  orderId: {
    term: 'número de pedido',
    avoid: ['n.º de pedido', 'ID de pedido', 'número de orden', 'código de pedido', 'referencia del pedido'],
  },
  orderHistory: { term: 'Mis pedidos', avoid: ['Sus pedidos', 'Tus pedidos'] },
  serialNumber: { term: 'número de serie', avoid: ['n.º de serie', 'número de fabricación'] },
  refund: { term: 'reembolso', avoid: ['reintegro', 'devolución del dinero', 'devolución del importe'] },
  exchange: { term: 'cambio', avoid: ['sustitución', 'reemplazo', 'canje'] },
  email: { term: 'correo electrónico', avoid: ['e-mail', 'email', 'mail', 'emilio'] },
  photo: { term: 'foto', avoid: ['imagen adjunta', 'fotografía', 'adjunto'] },
  captcha: {
    term: 'verificación antirrobots',
    avoid: ['captcha', 'comprobación antirrobots', 'control antirrobots', 'verificación anti-robot', 'antispam'],
  },
  request: { term: 'solicitud', avoid: ['petición', 'reclamación', 'incidencia'] },
  reference: { term: 'número de referencia', avoid: ['número de caso', 'número de incidencia', 'ticket'] },
};

const it: Glossary = {
  orderId: {
    term: 'numero d’ordine',
    avoid: ['numero ordine', 'numero dell’ordine', 'ID ordine', 'codice ordine', 'n. ordine'],
  },
  orderHistory: { term: 'I miei ordini', avoid: ['I suoi ordini', 'I tuoi ordini'] },
  serialNumber: { term: 'numero di serie', avoid: ['matricola', 'n. di serie', 'numero seriale'] },
  refund: { term: 'rimborso', avoid: ['restituzione del denaro', 'accredito'] },
  exchange: { term: 'sostituzione', avoid: ['cambio', 'scambio', 'rimpiazzo'] },
  // Amazon.it writes "e-mail" ("Indirizzo e-mail"); one spelling throughout.
  email: { term: 'e-mail', avoid: ['email', 'mail', 'posta elettronica'] },
  photo: { term: 'foto', avoid: ['fotografia', 'immagine allegata'] },
  captcha: { term: 'controllo anti-robot', avoid: ['captcha', 'verifica anti-robot', 'controllo antirobot', 'antispam'] },
  request: { term: 'richiesta', avoid: ['domanda', 'reclamo', 'pratica', 'ticket'] },
  reference: { term: 'numero di riferimento', avoid: ['numero di pratica', 'codice pratica', 'ticket'] },
};

const ja: Glossary = {
  orderId: { term: '注文番号', avoid: ['オーダー番号', '注文ID', '注文No', '受注番号'] },
  orderHistory: { term: '注文履歴', avoid: ['購入履歴', 'ご注文一覧'] },
  serialNumber: { term: 'シリアル番号', avoid: ['製造番号', 'シリアルナンバー', '製品番号'] },
  refund: { term: '返金', avoid: ['払い戻し', '払戻', '返済'] },
  exchange: { term: '交換', avoid: ['取り替え', '取替', '代替品'] },
  email: { term: 'メール', avoid: ['Eメール', '電子メール', 'eメール'] },
  photo: { term: '写真', avoid: ['画像ファイル', '添付ファイル', 'フォト'] },
  captcha: { term: 'ロボット対策の確認', avoid: ['キャプチャ', 'CAPTCHA', 'ロボットチェック', 'スパムチェック', '人間確認'] },
  request: { term: 'ご依頼', avoid: ['リクエスト', '申請', '申込'] },
  reference: { term: '受付番号', avoid: ['参照番号', '問い合わせ番号', 'チケット番号'] },
};

/** One glossary per locale the form speaks, keyed as the dictionaries are loaded. */
export const GLOSSARIES: Readonly<Record<string, Glossary>> = {
  en,
  // The same terms in British and Canadian English.
  'en-GB': en,
  'en-CA': en,
  fr,
  // Québec writes "courriel" (OQLF), never "e-mail".
  'fr-CA': { ...fr, email: { term: 'courriel', avoid: ['e-mail', 'email', 'mél', 'mail'] } },
  de,
  es,
  it,
  ja,
};
