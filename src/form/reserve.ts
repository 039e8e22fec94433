/**
 * Keeps room for the form until its first render, which may wait for a language chunk or a
 * restored draft: the styles reserve a height while the element lacks the `ready` custom state,
 * so content below the form is not pushed down when the form appears (a layout shift).
 */
import type { ReactiveControllerHost } from 'lit';

export function reserveRoom(host: ReactiveControllerHost & HTMLElement): void {
  // Where custom states are unknown, so is :state(): no room is kept, as before.
  const { states } = host.attachInternals();
  host.addController({ hostUpdated: () => states?.add('ready') });
}
