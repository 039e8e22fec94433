/**
 * The form's start, kept short and steady. Room is kept for the form until it is rendered whole:
 * the styles reserve a height while the element lacks the `ready` custom state, so content below
 * the form is not pushed down when the form appears (a layout shift). The first render runs in
 * a task of its own (nextTask), apart from the script's evaluation, and shows the fields up to
 * the product; the rest follows once that frame is drawn. No task of the start is a long one, and
 * the first fields show sooner.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Resolves in a later task: a message, since timers are clamped, and throttled in background tabs. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * After the next frame is drawn (a task after its animation frame callbacks); in a hidden page,
 * where no frame comes, after a second. Not sooner: a slow first frame must not be overtaken.
 */
const afterFrame = (): Promise<void> =>
  new Promise((resolve) => {
    requestAnimationFrame(resolve);
    setTimeout(resolve, 1000);
  }).then(nextTask);

export class FormStart implements ReactiveController {
  /** Whether the whole form is rendered (or its render is under way), not just its first fields. */
  complete = false;
  /** Whether the whole form has been on screen: later renders come from the customer or the host. */
  shown = false;
  /** Settles once the whole form is rendered. */
  readonly whole: Promise<void>;

  private finish!: () => void;
  /** The rest of the form, on its way once the first fields are. */
  private completing?: Promise<void>;
  private readonly states: CustomStateSet | undefined;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    // Where custom states are unknown, so is :state(): no room is kept. Safari < 16.4 has no
    // ElementInternals; Chrome < 125 takes only `--dashed` states, and throws on others.
    this.states = host.attachInternals?.().states;
    this.whole = new Promise((resolve) => (this.finish = resolve));
    host.addController(this);
  }

  hostUpdated(): void {
    // Once whole, every later render passes straight through.
    if (this.shown) return;
    if (this.complete) {
      this.shown = true;
      try {
        this.states?.add('ready');
      } catch {
        // The older syntax: its :--ready is not what the styles ask for either.
      }
      this.finish();
    } else {
      this.completing ??= afterFrame().then(() => {
        this.complete = true;
        this.host.requestUpdate();
      });
    }
  }
}
