// The nine regional storefront pages of the demo, made from one template: each differs only in
// its language, texts and form attributes. The texts are the demo's own, trusted markup.

/**
 * The brand's own web shop, offered on every page before the Amazon sites; the demo's receiver
 * is given the same definitions, so it checks its order IDs the same way.
 */
export const DEMO_CHANNELS = [
  {
    id: 'shop.kestrel-kitchen.example',
    names: {
      en: 'Kestrel Kitchen web shop',
      fr: 'Boutique en ligne Kestrel Kitchen',
      de: 'Kestrel Kitchen Onlineshop',
      es: 'Tienda online de Kestrel Kitchen',
      it: 'Negozio online Kestrel Kitchen',
      ja: 'Kestrel Kitchen 公式オンラインショップ',
    },
    orderIdPattern: 'KK-\\d{6}',
    orderIdExample: 'KK-104233',
    tip: {
      en: 'In your order confirmation email from Kestrel Kitchen, or under Orders in your Kestrel Kitchen account.',
      fr: 'Dans l’e-mail de confirmation de commande de Kestrel Kitchen, ou dans la rubrique «\u00a0Commandes\u00a0» de votre compte Kestrel Kitchen.',
      'fr-CA': 'Dans le courriel de confirmation de commande de Kestrel Kitchen, ou dans la rubrique «\u00a0Commandes\u00a0» de votre compte Kestrel Kitchen.',
      de: 'In der Bestellbestätigung von Kestrel Kitchen per E-Mail oder in Ihrem Kestrel-Kitchen-Konto unter „Bestellungen“.',
      es: 'En el correo electrónico de confirmación de Kestrel Kitchen o en «Pedidos» de su cuenta de Kestrel Kitchen.',
      it: 'Nell’e-mail di conferma di Kestrel Kitchen o alla voce «Ordini» del suo account Kestrel Kitchen.',
      ja: 'Kestrel Kitchenからのご注文確認メール、またはKestrel Kitchenアカウントの「ご注文履歴」で確認できます。',
    },
  },
];

/** An attribute value: the JSON with its quotes and ampersands escaped. */
const attribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** In switcher order. `lang` is the page's; `form` holds the element's attributes beyond the
 * endpoint and captcha every page shares. */
export const STOREFRONTS = [
  {
    id: 'us',
    lang: 'en-US',
    region: 'United States',
    title: 'Returns &amp; exchanges · Kestrel Kitchen',
    description: 'Ask Kestrel Kitchen for a refund or an exchange of a product you bought on Amazon.',
    nav: 'Region and language',
    heading: 'Returns &amp; exchanges',
    intro: 'Something wrong with your kettle, grinder or scale? Tell us about it below. We answer every request by email within two business days.',
    notice: 'This form needs JavaScript. You can also email us at <a href="mailto:care@kestrel-kitchen.example">care@kestrel-kitchen.example</a> with your order ID.',
    footer: 'Kestrel Kitchen is a fictional brand. Requests sent here are stored on this computer only; you can read them in the demo’s <a href="/inbox" hreflang="en">inbox</a>.',
    form: {marketplaces: 'amazon.com amazon.ca'},
  },
  {
    id: 'ca-en',
    lang: 'en-CA',
    region: 'Canada (English)',
    title: 'Returns &amp; exchanges · Kestrel Kitchen',
    description: 'Ask Kestrel Kitchen for a refund or an exchange of a product you bought on Amazon.ca or Amazon.com.',
    nav: 'Region and language',
    heading: 'Returns &amp; exchanges',
    intro: 'Something wrong with your kettle, grinder or scale? Tell us about it below. We answer every request by email within two business days, in English or French.',
    notice: 'This form needs JavaScript. You can also email us at <a href="mailto:care@kestrel-kitchen.example">care@kestrel-kitchen.example</a> with your order ID.',
    footer: 'Kestrel Kitchen is a fictional brand. Requests sent here are stored on this computer only; you can read them in the demo’s <a href="/inbox" hreflang="en">inbox</a>.',
    form: {marketplaces: 'amazon.ca amazon.com'},
  },
  {
    id: 'ca-fr',
    lang: 'fr-CA',
    region: 'Canada (français)',
    title: 'Retours et échanges · Kestrel Kitchen',
    description: 'Demandez à Kestrel Kitchen le remboursement ou l’échange d’un produit acheté sur Amazon.ca ou Amazon.com.',
    nav: 'Région et langue',
    heading: 'Retours et échanges',
    intro: 'Un problème avec votre bouilloire, votre moulin à café ou votre balance? Décrivez-le-nous ci-dessous. Nous répondons à chaque demande par courriel dans un délai de deux jours ouvrables, en français ou en anglais.',
    notice: 'Ce formulaire nécessite JavaScript. Vous pouvez aussi nous écrire à <a href="mailto:care@kestrel-kitchen.example">care@kestrel-kitchen.example</a> en indiquant votre numéro de commande.',
    footer: 'Kestrel Kitchen est une marque fictive. Les demandes envoyées ici sont conservées sur cet ordinateur seulement; vous pouvez les consulter dans la <a href="/inbox" hreflang="en">boîte de réception</a> de la démo (en anglais).',
    form: {marketplaces: 'amazon.ca amazon.com'},
  },
  {
    id: 'uk',
    lang: 'en-GB',
    region: 'United Kingdom',
    title: 'Returns &amp; exchanges · Kestrel Kitchen',
    description: 'Ask Kestrel Kitchen for a refund or an exchange of a product you bought on Amazon.',
    nav: 'Region and language',
    heading: 'Returns &amp; exchanges',
    intro: 'Something wrong with your kettle, grinder or scales? Tell us about it below. We reply to every request by email within two working days.',
    notice: 'This form needs JavaScript. You can also email us at <a href="mailto:care@kestrel-kitchen.example">care@kestrel-kitchen.example</a> with your order number.',
    footer: 'Kestrel Kitchen is a fictional brand. Requests sent here are stored on this computer only; you can read them in the demo’s <a href="/inbox" hreflang="en">inbox</a>.',
    form: {marketplaces: 'amazon.co.uk amazon.de amazon.fr amazon.it amazon.es'},
  },
  {
    id: 'de',
    withdrawTitle: 'Vertrag widerrufen · Kestrel Kitchen',
    withdrawHeading: 'Vertrag widerrufen',
    withdrawIntro: 'Sie haben in unserem Onlineshop gekauft und möchten den Vertrag innerhalb der Widerrufsfrist von 14 Tagen widerrufen? Das geht hier, ohne Angabe von Gründen. Wir bestätigen den Eingang sofort per E-Mail. Für Käufe bei Amazon nutzen Sie bitte die Widerrufsfunktion von Amazon.',
    withdrawLink: 'Vertrag widerrufen',
    lang: 'de-DE',
    region: 'Deutschland',
    title: 'Rückgabe und Umtausch · Kestrel Kitchen',
    description: 'Bitten Sie Kestrel Kitchen um Rückerstattung oder Umtausch eines bei Amazon gekauften Produkts.',
    nav: 'Land und Sprache',
    heading: 'Rückgabe und Umtausch',
    intro: 'Stimmt etwas mit Ihrem Wasserkocher, Ihrer Kaffeemühle oder Ihrer Küchenwaage nicht? Beschreiben Sie uns das Problem unten. Wir beantworten jede Anfrage innerhalb von zwei Werktagen per E-Mail.',
    notice: 'Dieses Formular benötigt JavaScript. Sie können uns auch unter Angabe Ihrer Bestellnummer an <a href="mailto:care@kestrel-kitchen.example">care@kestrel-kitchen.example</a> schreiben.',
    footer: 'Kestrel Kitchen ist eine fiktive Marke. Hier gesendete Anfragen werden nur auf diesem Computer gespeichert; Sie können sie im <a href="/inbox" hreflang="en">Posteingang</a> der Demo (auf Englisch) lesen.',
    form: {marketplaces: 'amazon.de amazon.fr amazon.it amazon.es amazon.co.uk', 'warranty-months': '24'},
  },
  {
    id: 'fr',
    withdrawTitle: 'Renoncer au contrat ici · Kestrel Kitchen',
    withdrawHeading: 'Renoncer au contrat ici',
    withdrawIntro: 'Vous avez acheté sur notre boutique en ligne et souhaitez vous rétracter dans le délai de 14 jours ? Vous pouvez le faire ici, sans avoir à vous justifier. Nous en accusons réception aussitôt par e-mail. Pour un achat sur Amazon, utilisez la fonction de rétractation d’Amazon.',
    withdrawLink: 'Renoncer au contrat ici',
    lang: 'fr-FR',
    region: 'France',
    title: 'Retours et échanges · Kestrel Kitchen',
    description: 'Demandez à Kestrel Kitchen le remboursement ou l’échange d’un produit acheté sur Amazon.',
    nav: 'Pays et langue',
    heading: 'Retours et échanges',
    intro: 'Un problème avec votre bouilloire, votre moulin à café ou votre balance&#8239;? Décrivez-le-nous ci-dessous. Nous répondons à chaque demande par e-mail sous deux jours ouvrés.',
    notice: 'Ce formulaire nécessite JavaScript. Vous pouvez également nous écrire à <a href="mailto:care@kestrel-kitchen.example">care@kestrel-kitchen.example</a> en indiquant votre numéro de commande.',
    footer: 'Kestrel Kitchen est une marque fictive. Les demandes envoyées ici sont enregistrées uniquement sur cet ordinateur&#8239;; vous pouvez les consulter dans la <a href="/inbox" hreflang="en">boîte de réception</a> de la démo (en anglais).',
    form: {marketplaces: 'amazon.fr amazon.de amazon.it amazon.es amazon.co.uk', 'warranty-months': '24'},
  },
  {
    id: 'es',
    withdrawTitle: 'Desistir del contrato aquí · Kestrel Kitchen',
    withdrawHeading: 'Desistir del contrato aquí',
    withdrawIntro: '¿Ha comprado en nuestra tienda online y quiere desistir del contrato dentro del plazo de 14 días? Puede hacerlo aquí, sin indicar el motivo. Le enviaremos enseguida un acuse de recibo por correo electrónico. Para compras en Amazon, utilice la función de desistimiento de Amazon.',
    withdrawLink: 'Desistir del contrato aquí',
    lang: 'es-ES',
    region: 'España',
    title: 'Devoluciones y cambios · Kestrel Kitchen',
    description: 'Solicite a Kestrel Kitchen el reembolso o el cambio de un producto comprado en Amazon.',
    nav: 'País e idioma',
    heading: 'Devoluciones y cambios',
    intro: '¿Tiene algún problema con su hervidor, su molinillo de café o su báscula? Cuéntenoslo a continuación. Respondemos a todas las solicitudes por correo electrónico en un plazo de dos días laborables.',
    notice: 'Este formulario necesita JavaScript. También puede escribirnos a <a href="mailto:care@kestrel-kitchen.example">care@kestrel-kitchen.example</a> indicando su número de pedido.',
    footer: 'Kestrel Kitchen es una marca ficticia. Las solicitudes enviadas aquí solo se guardan en este ordenador; puede consultarlas en la <a href="/inbox" hreflang="en">bandeja de entrada</a> de la demo (en inglés).',
    form: {marketplaces: 'amazon.es amazon.de amazon.fr amazon.it amazon.co.uk', 'warranty-months': '24'},
  },
  {
    id: 'it',
    withdrawTitle: 'Recedere dal contratto qui · Kestrel Kitchen',
    withdrawHeading: 'Recedere dal contratto qui',
    withdrawIntro: 'Hai acquistato nel nostro negozio online e vuoi recedere dal contratto entro il termine di 14 giorni? Puoi farlo qui, senza indicarne il motivo. Ti invieremo subito un avviso di ricevimento via email. Per gli acquisti su Amazon, usa la funzione di recesso di Amazon.',
    withdrawLink: 'Recedere dal contratto qui',
    lang: 'it',
    link: 'it-IT',
    region: 'Italia',
    title: 'Resi e sostituzioni · Kestrel Kitchen',
    description: 'Chieda a Kestrel Kitchen il rimborso o la sostituzione di un prodotto acquistato su Amazon.',
    nav: 'Paese e lingua',
    heading: 'Resi e sostituzioni',
    intro: 'Ha un problema con il bollitore, il macinacaffè o la bilancia? Ce lo descriva qui sotto. Rispondiamo a ogni richiesta via e-mail entro due giorni lavorativi.',
    notice: 'Questo modulo richiede JavaScript. Può anche scriverci all’indirizzo <a href="mailto:care@kestrel-kitchen.example">care@kestrel-kitchen.example</a> indicando il numero dell’ordine.',
    footer: 'Kestrel Kitchen è un marchio di fantasia. Le richieste inviate qui vengono salvate solo su questo computer; può consultarle nella <a href="/inbox" hreflang="en">casella di posta</a> della demo (in inglese).',
    form: {lang: 'it-IT', marketplaces: 'amazon.it amazon.de amazon.fr amazon.es amazon.co.uk', 'warranty-months': '24'},
  },
  {
    id: 'jp',
    lang: 'ja',
    link: 'ja-JP',
    region: '日本',
    title: '返品・交換のご依頼 · Kestrel Kitchen',
    description: 'Amazonでご購入いただいたKestrel Kitchen製品の返金・交換をご依頼いただけます。',
    nav: '地域と言語',
    heading: '返品・交換のご依頼',
    intro: '電気ケトル、コーヒーミル、キッチンスケールに不具合はございませんか。下記のフォームから詳しくお知らせください。すべてのご依頼に、2営業日以内にメールでご連絡いたします。',
    notice: 'このフォームのご利用にはJavaScriptが必要です。ご注文番号を添えて、<a href="mailto:care@kestrel-kitchen.example">care@kestrel-kitchen.example</a> までメールでお問い合わせいただくこともできます。',
    footer: 'Kestrel Kitchenは架空のブランドです。ここから送信されたご依頼は、このコンピューターにのみ保存されます。デモの<a href="/inbox" hreflang="en">受信箱</a>（英語）でご確認いただけます。',
    form: {marketplaces: 'amazon.co.jp'},
  },
];

const alternates = STOREFRONTS.map(
  (s) => `  <link rel="alternate" hreflang="${s.link ?? s.lang}" href="/demo/${s.id}.html">`,
).join('\n');

/** The widget's captcha attributes, left out when the demo runs with `CAPTCHA=off`. */
export const CAPTCHA_ATTRIBUTES = ' sitekey="demo" puzzle-endpoint="/api/puzzle"';

/**
 * The page of storefront `id` (as in /demo/<id>.html), or undefined; `<id>-withdrawal` is an EU
 * storefront's "withdraw from contract here" page, whose form has the `withdrawal` attribute.
 */
export function renderStorefront(id, { captcha = true } = {}) {
  const withdrawal = id.endsWith('-withdrawal');
  const base = STOREFRONTS.find((s) => s.id === (withdrawal ? id.slice(0, -'-withdrawal'.length) : id));
  if (!base || (withdrawal && !base.withdrawTitle)) return undefined;
  // The withdrawal page: its own title, heading and words, the shop's channel first, as everywhere.
  const page = withdrawal
    ? { ...base, title: base.withdrawTitle, heading: base.withdrawHeading, intro: base.withdrawIntro, form: { ...base.form, withdrawal: '', 'hide-policies': '' } }
    : base;
  const switcher = STOREFRONTS.map((s) => {
    const lang = s.link ?? s.lang;
    const current = s === page ? ' aria-current="page"' : '';
    return `        <li><a href="/demo/${s.id}.html" lang="${lang}" hreflang="${lang}"${current}>${s.region}</a></li>`;
  }).join('\n');
  const form = Object.entries({ ...page.form, channels: JSON.stringify(DEMO_CHANNELS) })
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${attribute(value)}"`))
    .join('');
  // Each EU storefront links its withdrawal page, and that page its storefront.
  const other = page.withdrawTitle
    ? withdrawal
      ? `<p class="intro"><a href="/demo/${base.id}.html">${base.heading}</a></p>`
      : `<p class="intro"><a href="/demo/${base.id}-withdrawal.html">${base.withdrawLink}</a></p>`
    : '';
  return `<!doctype html>
<html lang="${page.lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${page.title}</title>
  <meta name="description" content="${page.description}">
  <link rel="icon" href="/demo/favicon.svg" type="image/svg+xml">
${alternates}
  <link rel="alternate" hreflang="x-default" href="/">
  <link rel="stylesheet" href="/demo/demo.css">
  <script type="module" src="/dist/refund-exchange-form.js"></script>
</head>
<body>
  <header class="site">
    <a class="brand" href="/">Kestrel Kitchen</a>
    <nav class="regions" aria-label="${page.nav}">
      <ul>
${switcher}
      </ul>
    </nav>
  </header>
  <main>
    <h1>${page.heading}</h1>
    <p class="intro">${page.intro}</p>
    ${other}
    <refund-exchange-form endpoint="/api/requests"${captcha ? CAPTCHA_ATTRIBUTES : ''}${form}></refund-exchange-form>
    <noscript>
      <p class="notice">${page.notice}</p>
    </noscript>
  </main>
  <footer class="site">
    <p>${page.footer}</p>
  </footer>
</body>
</html>
`;
}
