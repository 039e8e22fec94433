/**
 * Keeps room for the form until its first render, which may wait for a language chunk or a
 * restored draft: the styles reserve a height while the element lacks the `ready` custom state,
 * so content below the form is not pushed down when the form appears (a layout shift).
 */
import type { ReactiveControllerHost } from 'lit';

export function reserveRoom(host: ReactiveControllerHost & HTMLElement): void {
  // Where custom states are unknown, so is :state(): no room is kept, as before. Safari < 16.4
  // has no ElementInternals; Chrome < 125 takes only `--dashed` states, and throws on others.
  const states = host.attachInternals?.().states;
  host.addController({
    hostUpdated: () => {
      try {
        states?.add('ready');
      } catch {
        // The older syntax: its :--ready is not what the styles ask for either.
      }
    },
  });
}
