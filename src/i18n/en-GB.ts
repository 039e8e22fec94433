/** English (UK): the US dictionary with British usage where it really differs. */
import { en, type Translation } from './en.js';

const enGB: Translation = {
  ...en,
  locale: 'en-GB',
  // "Faulty" is the everyday UK word for goods that do not work (Consumer Rights Act, retailers).
  defective: 'Faulty',
  nextSteps: (email: string) => `We reply to every request within two working days, by email to ${email}.`,
};

export default enGB;
