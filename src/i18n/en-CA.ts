/**
 * English (Canada): the US dictionary as is. None of its words differ in Canadian usage
 * (no -our/-re words, no postal terms); numbers read 2,000 in both.
 */
import { en, type Translation } from './en.js';

const enCA: Translation = {
  ...en,
  locale: 'en-CA',
};

export default enCA;
