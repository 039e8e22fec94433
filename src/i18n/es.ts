/** Spanish (Spain): usted-form, as on the brand's Spanish storefront; Amazon.es wording for Amazon features. */
import type { Translation } from './en.js';
import { AMAZON_EXAMPLE, counting, type Counts } from './typography.js';

export const counts: Counts = { one: (n) => n === 1, group: '', manyOf: 'de' };
const { number, count } = counting('es-ES', counts);
const photos = (n: number) => count(n, 'foto', 'fotos');

const es: Translation = {
  locale: 'es-ES',

  marketplace: 'Tienda donde lo compró',
  amazonCom: 'Amazon.com\u00a0(EE.\u00a0UU.)',
  email: 'Correo electrónico',
  name: 'Nombre y apellidos',
  orderId: 'Número de pedido',
  productName: 'Nombre del producto',
  resolution: 'Reembolso o cambio',
  refund: 'Reembolso',
  exchange: 'Cambio',
  reason: 'Motivo de la solicitud',
  damaged_on_arrival: 'Llegó dañado',
  defective: 'Producto defectuoso',
  wrong_item_sent: 'He recibido un artículo equivocado',
  ordered_wrong_item: 'He pedido un artículo equivocado',
  no_longer_needed: 'Ya no lo necesito',
  other: 'Otro motivo',
  serialNumber: 'Número de serie',
  details: 'Descripción del problema',
  images: 'Fotos',
  choose: 'Seleccione…',
  optional: '(opcional)',
  requiredNote: 'Los campos marcados con * son obligatorios.',
  charCount: (n: number, max: number) => `${number(n)}\u00a0de ${count(max, 'carácter', 'caracteres')}`,

  policies: 'Nuestro compromiso',
  policyReturn: (days: number) => `Devolución en un plazo de ${count(days, 'día', 'días')} por cualquier motivo`,
  policyWarranty: (months: number) => `Garantía de ${count(months, 'mes', 'meses')}`,
  policySupport: 'Asistencia técnica de por vida',

  tip: '¿Dónde lo encuentro?',
  tipOrderId:
    `En su cuenta de Amazon, en «Mis pedidos». Tiene este formato: ${AMAZON_EXAMPLE}.`,
  tipOrderIdShop: 'En el correo electrónico de confirmación de su pedido o en su historial de pedidos.',
  orderIdLooksLike: (example: string) => `Por ejemplo: ${example}.`,
  orderHistoryShop: 'Ver el historial de pedidos',
  orderHistory: 'Ir a «Mis pedidos»',
  newTab: '(se abre en una pestaña nueva)',
  tipProductName:
    'El nombre del modelo tal como aparece en la caja, en la etiqueta de características del producto o en su pedido.',
  tipSerialNumber:
    'En la etiqueta de características del producto (normalmente en la parte inferior) o en la caja. Empieza por «SN: A».',
  photosHint: (max: number) => `Hasta ${photos(max)} en formato JPEG, PNG o WebP.`,
  addPhotos: 'Añadir fotos',
  removePhoto: (name: string) => `Quitar ${name}`,
  readingPhotos: 'Preparando las fotos…',

  submit: 'Enviar',
  reset: 'Restablecer',
  sending: 'Enviando su solicitud…',
  resetConfirm: '¿Desea borrar todo lo que ha introducido?',
  resetYes: 'Borrar todo',
  resetNo: 'Conservar mis datos',

  summary: (n: number) => `Corrija ${count(n, 'error', 'errores')} antes de enviar:`,

  errMarketplace: 'Elija la tienda donde compró el producto.',
  errEmailMissing: 'Introduzca su dirección de correo electrónico para que podamos responderle.',
  errNameMissing: 'Introduzca su nombre y apellidos.',
  errOrderIdMissing: 'Introduzca el número de pedido que figura en «Mis pedidos» de Amazon.',
  errProductNameMissing: 'Introduzca el nombre del producto.',
  errReason: 'Elija el motivo de su solicitud.',
  errEmail: 'Introduzca una dirección de correo electrónico válida, por ejemplo, nombre@example.com.',
  errTooLong: (max: number, over: number) =>
    `Sobran ${count(over, 'carácter', 'caracteres')}. Escriba como máximo ${count(max, 'carácter', 'caracteres')}.`,
  errOrderId:
    `Introduzca el número de pedido tal como figura en «Mis pedidos» de Amazon, por ejemplo, ${AMAZON_EXAMPLE}.`,
  errOrderIdShopMissing: 'Introduzca el número de pedido que figura en la confirmación de su pedido.',
  errOrderIdShop: (example: string) =>
    `Introduzca el número de pedido tal como figura en la confirmación de su pedido, por ejemplo, ${example}.`,
  errOrderIdDigits: (digits: number) =>
    `Un número de pedido de Amazon tiene 17\u00a0dígitos, por ejemplo, ${AMAZON_EXAMPLE}. El que ha introducido tiene ${number(digits)}.`,
  errOrderIdLetters:
    `Un número de pedido de Amazon solo tiene dígitos, por ejemplo, ${AMAZON_EXAMPLE}. Compruebe que no haya escrito una O o una I en lugar de un 0\u00a0o un 1.`,
  errSerialShort: (min: number) =>
    `El número de serie es demasiado corto: un número de serie tiene al menos ${count(min, 'carácter', 'caracteres')} (letras y números), por ejemplo, A1234567.`,
  errResolution: 'Indique si desea un reembolso o un cambio.',
  errSerial:
    'Introduzca el número de serie que aparece impreso tras «SN:», por ejemplo, A1234567 (letras y números).',
  errDetailsOther: 'Como ha elegido «Otro motivo», cuéntenos qué ha ocurrido.',
  errImages: (max: number) => `Adjunte como máximo ${photos(max)}.`,
  errCaptcha: 'Espere a que finalice la verificación antirrobots.',
  errCaptchaFetch: 'No se ha podido iniciar la verificación antirrobots. Compruebe su conexión a internet e inténtelo de nuevo.',
  errCaptchaBrowser:
    'La verificación antirrobots no admite este navegador, por lo que no se puede enviar el formulario desde él. Abra esta página en otro navegador actualizado o desactive las extensiones que cambien la forma en que su navegador se identifica.',
  errCaptchaRefused: 'La verificación antirrobots ha caducado o no se ha podido confirmar. Se está realizando una nueva; vuelva a enviar el formulario cuando termine.',
  captcha: 'Verificación antirrobots',
  captchaWaiting: 'Finalizando la verificación antirrobots…',
  captchaRetry: 'Repetir la verificación',
  captchaRunning: 'Verificación antirrobots en curso…',
  captchaDone: 'Verificación antirrobots completada',
  captchaExpired: 'Verificación antirrobots caducada',
  captchaFailed: 'Error en la verificación antirrobots',
  errInvalid: 'Revise este campo.',

  photoNotImage: (name: string) =>
    `El archivo ${name} no es una imagen. Adjunte una foto en formato JPEG, PNG o WebP.`,
  photoDamaged: (name: string) =>
    `El archivo ${name} está dañado y no se puede abrir. Pruebe a hacer la foto de nuevo.`,
  photoHeic: (name: string) =>
    `La foto ${name} está en formato HEIC, que los navegadores no pueden abrir. Guárdela como JPEG (en el iPhone: Ajustes › Cámara › Formatos › Más compatible) y vuelva a adjuntarla.`,
  photoTooBig: (name: string) =>
    `La foto ${name} tiene demasiados píxeles para poder procesarla. Adjunte una foto más pequeña.`,
  photoNoRoom: (name: string, room: number, max: number) =>
    room > 0
      ? `No se ha añadido ${name}: solo quedaba espacio para ${photos(room)} más (${photos(max)} como máximo).`
      : `No se ha añadido ${name}: ya ha adjuntado el máximo de ${photos(max)}.`,
  photosAttached: (n: number, max: number) => `Fotos adjuntas: ${number(n)}\u00a0de ${number(max)}.`,
  photoRemoved: (name: string) => `Se ha quitado ${name}.`,
  photoUnavailable: 'Ahora mismo no se pueden añadir fotos. Compruebe su conexión e inténtelo de nuevo.',

  sent: '¡Gracias! Hemos recibido su solicitud.',
  reference: (ref: string) => `Su número de referencia: ${ref}`,
  copy: 'Copiar',
  copied: 'Número de referencia copiado.',
  copyFailed: 'No se ha podido copiar. Seleccione el número de referencia y cópielo usted.',
  nextSteps: (email: string) => `Respondemos a todas las solicitudes en un plazo de dos días laborables, por correo electrónico a ${email}.`,
  recap: 'Su solicitud',
  recapPhotos: (n: number) => (n ? number(n) : 'Ninguna'),
  newRequest: 'Enviar otra solicitud',

  kept: 'Los datos que ha introducido no se han perdido.',
  errServer: 'Se ha producido un error por nuestra parte.',
  errNetwork: 'No hemos podido conectar con el servidor. Compruebe su conexión a internet.',
  errTimeout: 'El servidor ha tardado demasiado en responder.',
  errTooLarge: 'Su solicitud es demasiado grande para enviarla. Quite una foto e inténtelo de nuevo.',
  errRateLimited: (seconds: number) =>
    seconds > 0
      ? `Demasiadas solicitudes. Vuelva a intentarlo dentro de ${count(seconds, 'segundo', 'segundos')}.`
      : 'Demasiadas solicitudes. Vuelva a intentarlo dentro de unos instantes.',
  errRefused: (status: number) => `El servidor ha rechazado la solicitud (error ${status}).`,
  tryAgain: 'Inténtelo de nuevo.',
  errConfig:
    'Este formulario no está bien configurado y no puede enviar solicitudes. Póngase en contacto con el responsable del sitio web.',

  offlineWaiting: 'No tiene conexión a internet. Su solicitud se enviará en cuanto se restablezca la conexión.',
  errOffline: 'No tiene conexión a internet, así que su solicitud no se ha enviado. Vuelva a enviarla cuando se restablezca la conexión.',
  draftRestored: 'Hemos recuperado los datos que introdujo anteriormente.',
  startOver: 'Empezar de nuevo',
  errCaptchaBlocked: (directive: string) =>
    `La configuración de seguridad de esta página bloquea la verificación antirrobots, por lo que no se puede enviar el formulario. Pida al responsable del sitio web que añada «${directive}» a la Content-Security-Policy de la página.`,
};

export default es;
