/**
 * What checking the form takes, as one chunk: the rules (zod), the words for their issues, and
 * the tidying of order IDs and serial numbers as a field is left.
 * The element loads it when a customer first touches a form, so a page that only shows the
 * form never downloads zod.
 */
export { createRequestSchema } from '../schema.js';
export { issueMessage } from '../i18n/issue-message.js';
export { tidier } from '../normalize.js';
