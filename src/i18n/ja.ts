/** Japanese (Japan): です・ます, worded like Amazon.co.jp's own help pages. No plural forms. */
import type { Translation } from './en.js';
import { AMAZON_EXAMPLE, counting, type Counts } from './typography.js';

export const counts: Counts = { one: () => false, group: ',' };
const { number } = counting('ja-JP', counts);

const ja: Translation = {
  locale: 'ja-JP',

  marketplace: 'ご購入サイト',
  amazonCom: 'Amazon.com（アメリカ）',
  email: 'メールアドレス',
  name: 'お名前',
  orderId: '注文番号',
  productName: '商品名',
  resolution: 'ご希望の対応',
  refund: '返金',
  exchange: '交換',
  reason: 'ご依頼の理由',
  damaged_on_arrival: '到着時に破損していた',
  defective: '不良品（正常に動作しない）',
  wrong_item_sent: '注文と異なる商品が届いた',
  ordered_wrong_item: '誤って注文した',
  no_longer_needed: '不要になった',
  other: 'その他',
  serialNumber: 'シリアル番号',
  details: '詳しい状況',
  images: '写真',
  choose: '選択してください',
  optional: '（任意）',
  requiredNote: '「*」の付いた項目は必須です。',
  charCount: (n: number, max: number) => `${number(n)}/${number(max)}文字`,

  policies: '当社のお約束',
  policyReturn: (days: number) => `${number(days)}日間返品保証（理由を問わず）`,
  policyWarranty: (months: number) => `${number(months)}か月保証`,
  policySupport: '無期限の技術サポート',

  tip: 'どこで確認できますか？',
  tipOrderId: `Amazonアカウントの「注文履歴」で確認できます。${AMAZON_EXAMPLE}のような形式の番号です。`,
  tipOrderIdShop: 'ご注文確認メール、または注文履歴で確認できます。',
  orderIdLooksLike: (example: string) => `${example}のような形式の番号です。`,
  orderHistoryShop: '注文履歴を開く',
  orderHistory: '「注文履歴」を開く',
  newTab: '（新しいタブで開きます）',
  tipProductName:
    '商品の箱、製品の銘板ラベル、またはご注文内容に記載されているモデル名です。',
  tipSerialNumber:
    '製品の銘板ラベル（多くは底面）または箱に記載されています。「SN: A」で始まる番号です。',
  photosHint: (max: number) => `JPEG、PNG、WebP形式の写真を${number(max)}枚まで添付できます。`,
  addPhotos: '写真を追加',
  removePhoto: (name: string) => `「${name}」を削除`,
  readingPhotos: '写真を準備しています…',

  submit: '送信する',
  reset: 'リセット',
  sending: '送信しています…',
  resetConfirm: '入力した内容をすべて消去しますか？',
  resetYes: '消去する',
  resetNo: '入力内容を残す',

  summary: (n: number) => `送信する前に、次の${number(n)}件を修正してください：`,

  errMarketplace: '商品をご購入いただいたサイトを選択してください。',
  errEmailMissing: 'ご返信先のメールアドレスを入力してください。',
  errNameMissing: 'お名前を入力してください。',
  errOrderIdMissing: 'Amazonの「注文履歴」に記載されている注文番号を入力してください。',
  errProductNameMissing: '商品名を入力してください。',
  errReason: 'ご依頼の理由を選択してください。',
  errEmail: 'メールアドレスを「name@example.com」のような形式で入力してください。',
  errTooLong: (max: number, over: number) => `${number(over)}文字超えています。${number(max)}文字以内に短くしてください。`,
  errOrderId: `Amazonの「注文履歴」に記載されている注文番号を、${AMAZON_EXAMPLE}のような形式で入力してください。`,
  errOrderIdShopMissing: 'ご注文確認メールに記載されている注文番号を入力してください。',
  errOrderIdShop: (example: string) => `ご注文確認メールに記載されている注文番号を、${example}のような形式で入力してください。`,
  errOrderIdDigits: (digits: number) =>
    `Amazonの注文番号は、${AMAZON_EXAMPLE}のような17桁の数字です。入力された番号は${number(digits)}桁です。`,
  errOrderIdLetters:
    `Amazonの注文番号は、${AMAZON_EXAMPLE}のように数字のみです。数字の0や1の代わりに英字のOやIが入力されていないかご確認ください。`,
  errSerialShort: (min: number) => `シリアル番号が短すぎます。A1234567のように${number(min)}文字以上の英数字で入力してください。`,
  errResolution: '返金と交換のどちらをご希望か選択してください。',
  errSerial: '「SN:」に続けて印字されているシリアル番号を、A1234567のように英数字で入力してください。',
  errDetailsOther: '「その他」を選択された場合は、詳しい状況をご記入ください。',
  errImages: (max: number) => `添付する写真を${number(max)}枚以内にしてください。`,
  errCaptcha: 'ロボット対策の確認が完了するまでお待ちください。',
  errCaptchaFetch: 'ロボット対策の確認を開始できませんでした。インターネット接続をご確認のうえ、もう一度お試しください。',
  errCaptchaBrowser:
    'このブラウザはロボット対策の確認で受け付けられないため、フォームを送信できません。最新の別のブラウザでこのページを開くか、ブラウザの識別情報を変更する拡張機能をオフにしてください。',
  errCaptchaRefused: 'ロボット対策の確認の有効期限が切れたか、確認できませんでした。新しい確認を実行中です。完了したら、もう一度送信してください。',
  captcha: 'ロボット対策の確認',
  captchaWaiting: 'ロボット対策の確認を完了しています…',
  captchaRetry: '確認をやり直す',
  captchaRunning: 'ロボット対策の確認を実行中…',
  captchaDone: 'ロボット対策の確認が完了しました',
  captchaExpired: 'ロボット対策の確認の有効期限が切れました',
  captchaFailed: 'ロボット対策の確認に失敗しました',
  errInvalid: '入力内容をご確認ください。',

  photoNotImage: (name: string) =>
    `「${name}」は画像ではありません。JPEG、PNG、WebP形式の写真を添付してください。`,
  photoDamaged: (name: string) => `「${name}」は破損しているため開けません。写真を撮り直してお試しください。`,
  photoHeic: (name: string) =>
    `「${name}」はHEIC形式のため、ブラウザで開けません。JPEG形式で保存し直してから、もう一度添付してください（iPhoneの場合：設定 › カメラ › フォーマット › 互換性優先）。`,
  photoTooBig: (name: string) =>
    `「${name}」は画素数が多すぎるため処理できません。サイズの小さい写真を添付してください。`,
  photoNoRoom: (name: string, room: number, max: number) =>
    room > 0
      ? `「${name}」は追加されませんでした。追加できる写真はあと${number(room)}枚でした（最大${number(max)}枚）。`
      : `「${name}」は追加されませんでした。添付できる写真は最大${number(max)}枚です。`,
  photosAttached: (n: number, max: number) => `添付した写真：${number(n)}枚（最大${number(max)}枚）`,
  photoRemoved: (name: string) => `「${name}」を削除しました。`,
  photoUnavailable: '現在、写真を追加できません。インターネット接続を確認して、もう一度お試しください。',

  sent: 'ありがとうございます。ご依頼を受け付けました。',
  reference: (ref: string) => `受付番号：${ref}`,
  copy: 'コピー',
  copied: '受付番号をコピーしました。',
  copyFailed: 'コピーできませんでした。受付番号を選択してコピーしてください。',
  nextSteps: (email: string) => `2営業日以内に、${email}宛てにメールでご連絡いたします。`,
  recap: 'ご依頼内容',
  recapPhotos: (n: number) => (n ? `${number(n)}枚` : 'なし'),
  newRequest: '新しいご依頼を入力する',

  kept: '入力した内容はそのまま残っています。',
  errServer: '申し訳ございません。当社側で問題が発生しました。',
  errNetwork: 'サーバーに接続できませんでした。インターネット接続をご確認ください。',
  errTimeout: 'サーバーからの応答がタイムアウトしました。',
  errTooLarge: '送信データのサイズが大きすぎます。写真の枚数を減らして、もう一度お試しください。',
  errRateLimited: (seconds: number) =>
    seconds > 0
      ? `送信回数が多すぎます。${number(seconds)}秒後にもう一度お試しください。`
      : '送信回数が多すぎます。しばらくしてから、もう一度お試しください。',
  errRefused: (status: number) => `サーバーでご依頼を受け付けられませんでした（エラー${status}）。`,
  tryAgain: 'もう一度お試しください。',
  errConfig: 'このフォームは正しく設定されていないため、送信できません。サイトの管理者にお問い合わせください。',

  offlineWaiting: 'オフラインです。接続が回復したら、ご依頼は自動的に送信されます。',
  errOffline: 'オフラインのため、ご依頼は送信されていません。接続が回復したら、もう一度送信してください。',
  draftRestored: '前回入力した内容を復元しました。',
  startOver: '最初からやり直す',
  errCaptchaBlocked: (directive: string) =>
    `このページのセキュリティ設定によりロボット対策の確認がブロックされているため、フォームを送信できません。ページのContent-Security-Policyに「${directive}」を追加するよう、サイトの管理者にお伝えください。`,
};

export default ja;
