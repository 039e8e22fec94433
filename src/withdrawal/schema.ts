/**
 * The rules of an online withdrawal statement: the same zod as a request's (schema.ts, which
 * re-exports these), in a module of its own so that only a form with the withdrawal function
 * loads them. No DOM, no Lit.
 */
import * as z from 'zod/mini';
import { shared, type Purchase, type SchemaOptions } from '../schema.js';

/**
 * Builds the schema of an online withdrawal statement (Article 11a of Directive 2011/83/EU)
 * for one form's settings: who withdraws, from which order, where the acknowledgement goes,
 * and when the customer confirmed. The captcha is never required: a statement is accepted
 * without it, and the receiver marks it unverified.
 */
export function createWithdrawalSchema(options: SchemaOptions = {}) {
  const { fields, optionalCaptcha, purchase } = shared(options);
  return z
    .object({
      kind: z.enum(['withdrawal']),
      ...fields,
      // The moment the customer pressed "Confirm withdrawal", by their device's clock.
      confirmedAt: z.iso.datetime({ offset: true }),
      captcha: optionalCaptcha,
    })
    .check(...purchase<Purchase>());
}

// Types only, no schema built here: schema.ts re-exports this module, which uses its helpers.
export type WithdrawalStatement = z.output<ReturnType<typeof createWithdrawalSchema>>;
export type WithdrawalInput = z.input<ReturnType<typeof createWithdrawalSchema>>;
