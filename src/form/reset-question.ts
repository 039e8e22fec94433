/**
 * The question before Reset clears anything. Only a form with entries asks it, and a form gets
 * entries by being touched, so it loads with the rules (validation.ts), not with the entry.
 */
import { html } from 'lit';
import type { Translation } from '../i18n/index.js';

/** Clear, or keep the entries; `onAnswer(true)` clears. */
export function resetQuestion(t: Translation, onAnswer: (clear: boolean) => void) {
  return html`<div class="confirm" role="group" aria-labelledby="confirm-title">
    <p id="confirm-title">${t.resetConfirm}</p>
    <button type="button" part="button" @click=${() => onAnswer(true)}>${t.resetYes}</button>
    <button type="button" part="button" data-keep @click=${() => onAnswer(false)}>${t.resetNo}</button>
  </div>`;
}
