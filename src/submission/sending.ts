/**
 * The sending code as one chunk, loaded on a form's first interaction (slot.ts): the controller
 * that runs a submit, the fetch with its retries (send.ts) and the success view (receipt.ts).
 */
export { SubmissionController } from './controller.js';
