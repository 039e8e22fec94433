/**
 * French (France): vouvoiement, Amazon.fr wording. French typography: a narrow no-break space
 * (U+202F) before ; ? ! and a no-break space (U+00A0) before : and inside « ».
 */
import type { Translation } from './en.js';
import { AMAZON_EXAMPLE, counting, type Counts } from './typography.js';

export const counts: Counts = { one: (n) => n < 2, group: '\u202f' };
const { number, count } = counting('fr-FR', counts);
const photos = (n: number) => count(n, 'photo', 'photos');

const fr: Translation = {
  locale: 'fr-FR',

  marketplace: 'Site d’achat',
  amazonCom: 'Amazon.com\u00a0(États-Unis)',
  email: 'Adresse e-mail',
  name: 'Nom et prénom',
  orderId: 'Numéro de commande',
  productName: 'Nom du produit',
  resolution: 'Remboursement ou échange',
  refund: 'Remboursement',
  exchange: 'Échange',
  reason: 'Motif de la demande',
  damaged_on_arrival: 'Endommagé à la livraison',
  defective: 'Défectueux',
  wrong_item_sent: 'Mauvais article reçu',
  ordered_wrong_item: 'Commandé par erreur',
  no_longer_needed: 'Je n’en ai plus besoin',
  other: 'Autre',
  serialNumber: 'Numéro de série',
  details: 'Description du problème',
  images: 'Photos',
  choose: 'Choisissez…',
  optional: '(facultatif)',
  requiredNote: 'Les champs marqués d’un * sont obligatoires.',
  charCount: (n: number, max: number) => `${count(n, 'caractère', 'caractères')} sur ${number(max)}`,

  policies: 'Nos engagements',
  policyReturn: (days: number) => `Retour sous ${count(days, 'jour', 'jours')}, sans justification`,
  policyWarranty: (months: number) => `Garantie ${number(months)}\u00a0mois`,
  policySupport: 'Assistance technique à vie',

  tip: 'Où trouver cette information\u202f?',
  tipOrderId:
    `Dans votre compte Amazon, rubrique «\u00a0Vos commandes\u00a0». Le numéro de commande se présente ainsi\u00a0: ${AMAZON_EXAMPLE}.`,
  tipOrderIdShop: 'Dans l’e-mail de confirmation de votre commande ou dans l’historique de vos commandes.',
  orderIdLooksLike: (example: string) => `Le numéro de commande se présente ainsi\u00a0: ${example}.`,
  orderHistoryShop: 'Ouvrir l’historique de vos commandes',
  orderHistory: 'Ouvrir «\u00a0Vos commandes\u00a0»',
  newTab: '(s’ouvre dans un nouvel onglet)',
  tipProductName:
    'Le nom du modèle tel qu’il figure sur la boîte, sur la plaque signalétique du produit ou dans votre commande.',
  tipSerialNumber:
    'Sur la plaque signalétique du produit (souvent en dessous) ou sur la boîte. Le numéro commence par «\u00a0SN: A\u00a0».',
  photosHint: (max: number) => `Jusqu’à ${photos(max)}\u00a0: JPEG, PNG ou WebP.`,
  addPhotos: 'Ajouter des photos',
  removePhoto: (name: string) => `Retirer ${name}`,
  readingPhotos: 'Préparation des photos…',

  submit: 'Envoyer',
  reset: 'Réinitialiser',
  sending: 'Envoi de votre demande…',
  resetConfirm: 'Effacer tout ce que vous avez saisi\u202f?',
  resetYes: 'Effacer le formulaire',
  resetNo: 'Conserver mes saisies',

  summary: (n: number) => `Veuillez corriger ${count(n, 'erreur', 'erreurs')} avant l’envoi\u00a0:`,

  errMarketplace: 'Choisissez le site sur lequel vous avez acheté le produit.',
  errEmailMissing: 'Saisissez votre adresse e-mail pour que nous puissions vous répondre.',
  errNameMissing: 'Saisissez votre nom et votre prénom.',
  errOrderIdMissing: 'Saisissez le numéro de commande indiqué dans «\u00a0Vos commandes\u00a0» sur Amazon.',
  errProductNameMissing: 'Saisissez le nom du produit.',
  errReason: 'Choisissez le motif de votre demande.',
  errEmail: 'Saisissez une adresse e-mail valide, par exemple nom@example.com.',
  errTooLong: (max: number, over: number) =>
    `${count(over, 'caractère', 'caractères')} en trop. Saisissez au maximum ${count(max, 'caractère', 'caractères')}.`,
  errOrderId:
    `Saisissez le numéro de commande indiqué dans «\u00a0Vos commandes\u00a0» sur Amazon, par exemple ${AMAZON_EXAMPLE}.`,
  errOrderIdShopMissing: 'Saisissez le numéro de commande indiqué dans votre confirmation de commande.',
  errOrderIdShop: (example: string) =>
    `Saisissez le numéro de commande tel qu’il figure dans votre confirmation de commande, par exemple ${example}.`,
  errOrderIdDigits: (digits: number) =>
    `Un numéro de commande Amazon comporte 17\u00a0chiffres, par exemple ${AMAZON_EXAMPLE}. Celui-ci en comporte ${number(digits)}.`,
  errOrderIdLetters:
    `Un numéro de commande Amazon ne comporte que des chiffres, par exemple ${AMAZON_EXAMPLE}. Vérifiez qu’un O ou un I n’a pas été saisi à la place d’un 0\u00a0ou d’un 1.`,
  errSerialShort: (min: number) =>
    `Ce numéro de série est trop court\u00a0: un numéro de série comporte au moins ${count(min, 'caractère', 'caractères')} (lettres et chiffres), par exemple A1234567.`,
  errResolution: 'Indiquez si vous souhaitez un remboursement ou un échange.',
  errSerial:
    'Saisissez le numéro de série tel qu’il est imprimé après «\u00a0SN:\u00a0», par exemple A1234567 (lettres et chiffres).',
  errDetailsOther: 'Vous avez choisi «\u00a0Autre\u00a0»\u00a0: expliquez-nous ce qui s’est passé.',
  errImages: (max: number) => `Joignez au maximum ${photos(max)}.`,
  errCaptcha: 'Veuillez patienter jusqu’à la fin de la vérification anti-robot.',
  errCaptchaFetch: 'La vérification anti-robot n’a pas pu démarrer. Vérifiez votre connexion Internet, puis réessayez.',
  errCaptchaBrowser:
    'La vérification anti-robot n’accepte pas ce navigateur\u00a0: le formulaire ne peut pas être envoyé depuis celui-ci. Ouvrez cette page dans un autre navigateur à jour, ou désactivez toute extension qui modifie la façon dont votre navigateur s’identifie.',
  errCaptchaRefused: 'La vérification anti-robot a expiré ou n’a pas pu être confirmée. Une nouvelle vérification est en cours\u202f; veuillez renvoyer le formulaire lorsqu’elle sera terminée.',
  captcha: 'Vérification anti-robot',
  captchaWaiting: 'Vérification anti-robot en cours de finalisation…',
  captchaRetry: 'Relancer la vérification',
  captchaRunning: 'Vérification anti-robot en cours…',
  captchaDone: 'Vérification anti-robot terminée',
  captchaExpired: 'Vérification anti-robot expirée',
  captchaFailed: 'Échec de la vérification anti-robot',
  errInvalid: 'Vérifiez ce champ.',

  photoNotImage: (name: string) =>
    `Le fichier ${name} n’est pas une image. Joignez une photo au format JPEG, PNG ou WebP.`,
  photoDamaged: (name: string) =>
    `Le fichier ${name} est endommagé et ne peut pas être ouvert. Reprenez la photo, puis joignez-la à nouveau.`,
  photoHeic: (name: string) =>
    `Le fichier ${name} est une photo HEIC, un format que les navigateurs ne savent pas ouvrir. Exportez-la au format JPEG (sur iPhone\u00a0: Réglages › Appareil photo › Formats › Le plus compatible), puis joignez-la à nouveau.`,
  photoTooBig: (name: string) =>
    `Le fichier ${name} contient trop de pixels pour être traité. Joignez une photo plus petite.`,
  photoNoRoom: (name: string, room: number, max: number) =>
    room > 0
      ? `Le fichier ${name} n’a pas été ajouté\u00a0: il ne restait de la place que pour ${photos(room)} (${photos(max)} au maximum).`
      : `Le fichier ${name} n’a pas été ajouté\u00a0: vous avez déjà joint le nombre maximal de photos (${number(max)}).`,
  photosAttached: (n: number, max: number) => `Photos jointes\u00a0: ${number(n)}\u00a0sur ${number(max)}.`,
  photoRemoved: (name: string) => `Le fichier ${name} a été retiré.`,
  photoUnavailable: 'Impossible d’ajouter des photos pour le moment. Vérifiez votre connexion et réessayez.',

  sent: 'Merci\u202f! Nous avons bien reçu votre demande.',
  reference: (ref: string) => `Votre référence\u00a0: ${ref}`,
  copy: 'Copier',
  copied: 'Référence copiée.',
  copyFailed: 'Impossible de copier. Sélectionnez la référence et copiez-la vous-même.',
  nextSteps: (email: string) => `Nous répondons à chaque demande sous deux jours ouvrés, par e-mail à ${email}.`,
  recap: 'Votre demande',
  recapPhotos: (n: number) => (n ? number(n) : 'Aucune'),
  newRequest: 'Faire une nouvelle demande',

  kept: 'Toutes vos saisies ont été conservées.',
  errServer: 'Un problème est survenu de notre côté.',
  errNetwork: 'Impossible de joindre le serveur. Vérifiez votre connexion Internet.',
  errTimeout: 'Le serveur a mis trop de temps à répondre.',
  errTooLarge: 'Votre demande est trop volumineuse pour être envoyée. Retirez une photo et réessayez.',
  errRateLimited: (seconds: number) =>
    seconds > 0
      ? `Trop de demandes. Veuillez réessayer dans ${count(seconds, 'seconde', 'secondes')}.`
      : 'Trop de demandes. Veuillez réessayer dans un instant.',
  errRefused: (status: number) => `Le serveur a refusé la demande (erreur ${status}).`,
  tryAgain: 'Veuillez réessayer.',
  errConfig:
    'Ce formulaire n’est pas configuré correctement et ne peut pas envoyer de demandes. Veuillez contacter le responsable du site.',

  offlineWaiting: 'Vous êtes hors ligne. Votre demande sera envoyée dès que la connexion sera rétablie.',
  errOffline: 'Vous êtes hors ligne\u00a0: votre demande n’a pas été envoyée. Renvoyez-la dès que la connexion sera rétablie.',
  draftRestored: 'Nous avons restauré les informations que vous aviez saisies.',
  startOver: 'Tout recommencer',
  errCaptchaBlocked: (directive: string) =>
    `Les paramètres de sécurité de cette page bloquent la vérification anti-robot\u00a0: le formulaire ne peut pas être envoyé. Veuillez demander au responsable du site d’ajouter «\u00a0${directive}\u00a0» à la Content-Security-Policy de la page.`,
};

export default fr;
