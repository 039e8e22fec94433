/**
 * The two labels Article 11a of Directive 2011/83/EU prescribes, as inserted by Article 1(3) of
 * Directive (EU) 2023/2673 of 22 November 2023 (OJ L, 2023/2673, 28.11.2023,
 * ELI http://data.europa.eu/eli/dir/2023/2673/oj): the withdrawal function's, paragraph 1
 * ("withdraw from contract here"), and the confirmation function's, paragraph 3 ("confirm
 * withdrawal"), in each official language version the form speaks, capitalised as a button's
 * label. Japanese is no official language of the Union: its entry renders the English
 * faithfully, for a Japanese-speaking customer of an EU shop. One table, so that no
 * translation drifts from the law's words.
 */
import { forLanguage } from './words.js';

export const WITHDRAWAL_WORDING = {
  en: { withdraw: 'Withdraw from contract here', confirm: 'Confirm withdrawal' },
  de: { withdraw: 'Vertrag widerrufen', confirm: 'Widerruf bestätigen' },
  fr: { withdraw: 'Renoncer au contrat ici', confirm: 'Confirmer la rétractation' },
  es: { withdraw: 'Desistir del contrato aquí', confirm: 'Confirmar desistimiento' },
  it: { withdraw: 'Recedere dal contratto qui', confirm: 'Conferma recesso' },
  ja: { withdraw: 'ここで契約を撤回する', confirm: '撤回を確定する' },
} as const satisfies Record<string, { withdraw: string; confirm: string }>;

/** The labels for a form's locale: its language's, else English (en-GB and en-CA are English's). */
export const withdrawalWording = (locale: string): { withdraw: string; confirm: string } =>
  forLanguage<{ withdraw: string; confirm: string }>(WITHDRAWAL_WORDING, locale);
