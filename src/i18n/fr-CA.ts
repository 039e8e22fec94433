/**
 * French (Canada): the French dictionary with Québec usage (OQLF): "courriel", "soutien
 * technique", no space before ; ? ! (a no-break space before : and inside « » stays), and
 * Canadian number formatting (no-break space, U+00A0, as thousands separator).
 */
import fr from './fr.js';
import type { Translation } from './en.js';
import { counting, type Counts } from './typography.js';

export const counts: Counts = { one: (n) => n < 2, group: '\u00a0' };
const { number, count } = counting('fr-CA', counts);
const photos = (n: number) => count(n, 'photo', 'photos');

const frCA: Translation = {
  ...fr,
  locale: 'fr-CA',
  errCaptchaRefused:
    'La vérification anti-robot a expiré ou n’a pas pu être confirmée. Une nouvelle vérification est en cours; veuillez renvoyer le formulaire lorsqu’elle sera terminée.',

  email: 'Adresse courriel',
  nextSteps: (email: string) =>
    `Nous répondons à chaque demande dans un délai de deux jours ouvrables, par courriel à ${email}.`,
  tipOrderIdShop: 'Dans le courriel de confirmation de votre commande ou dans l’historique de vos commandes.',
  charCount: (n: number, max: number) => `${count(n, 'caractère', 'caractères')} sur ${number(max)}`,

  policyReturn: (days: number) =>
    `Retour accepté dans un délai de ${count(days, 'jour', 'jours')}, peu importe la raison`,
  policyWarranty: (months: number) => `Garantie de ${number(months)}\u00a0mois`,
  policySupport: 'Soutien technique à vie',

  tip: 'Où trouver cette information?',
  photosHint: (max: number) => `Jusqu’à ${photos(max)}\u00a0: JPEG, PNG ou WebP.`,

  resetConfirm: 'Effacer tout ce que vous avez saisi?',

  summary: (n: number) => `Veuillez corriger ${count(n, 'erreur', 'erreurs')} avant l’envoi\u00a0:`,

  errEmailMissing: 'Saisissez votre adresse courriel pour que nous puissions vous répondre.',
  errEmail: 'Saisissez une adresse courriel valide, par exemple nom@example.com.',
  errTooLong: (max: number, over: number) =>
    `${count(over, 'caractère', 'caractères')} en trop. Saisissez au maximum ${count(max, 'caractère', 'caractères')}.`,
  errImages: (max: number) => `Joignez au maximum ${photos(max)}.`,

  sent: 'Merci! Nous avons bien reçu votre demande.',

  errRateLimited: (seconds: number) =>
    seconds > 0
      ? `Trop de demandes. Veuillez réessayer dans ${count(seconds, 'seconde', 'secondes')}.`
      : fr.errRateLimited(0),
};

export default frCA;
