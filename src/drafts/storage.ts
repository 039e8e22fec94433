/**
 * Where drafts are kept, shared by the draft code and the slot that decides when it is needed.
 * Storage that is missing or blocked counts as empty.
 */
export type DraftMode = 'session' | 'local' | 'off';

export const PREFIX = 'refund-exchange-form:';

export const draftMode = (value: string | undefined): DraftMode =>
  value === 'local' || value === 'off' ? value : 'session';

/** Web Storage for a mode, or undefined where the browser refuses it (SecurityError). */
export function storage(mode: DraftMode): Storage | undefined {
  try {
    return mode === 'local' ? localStorage : mode === 'session' ? sessionStorage : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a draft of a form on this page may be waiting in `mode`'s storage. */
export function mayHoldDraft(mode: DraftMode): boolean {
  const page = `${PREFIX}draft:${location.pathname}|`;
  try {
    // A Storage's own keys are the keys stored in it.
    return Object.keys(storage(mode) ?? {}).some((key) => key.startsWith(page));
  } catch {
    // Refused: nothing can come back from there.
    return false;
  }
}
