/**
 * Holds a form's renders while the customer presses inside it. A message or the captcha
 * appearing between press and release would move the button away from under the pointer, and
 * the click would be lost; so a render waits for the press to become its click.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** A tap's click follows its pointerup in a later task: wait this long for it. */
const CLICK_WAIT = 350;
/** The longest a press holds renders back (one dragged out of the window never ends). */
const PRESS_LIMIT = 2000;

export class PressController implements ReactiveController {
  /** Settles once the press under way has become its click (or ended without one). */
  released?: Promise<void>;
  private end?: () => void;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** A removed form has nothing on screen to keep still. */
  hostDisconnected(): void {
    this.end?.();
  }

  /** The pointer went down inside the form. */
  press(): void {
    this.released ??= new Promise((resolve) => {
      const events = ['pointerup', 'pointercancel', 'click'] as const;
      let timer = setTimeout(() => release(), PRESS_LIMIT);
      const release = (e?: Event) => {
        clearTimeout(timer);
        if (e?.type === 'pointerup') return void (timer = setTimeout(release, CLICK_WAIT));
        for (const type of events) removeEventListener(type, release, true);
        this.end = undefined;
        // After the click's own handlers, which run in this same task.
        setTimeout(() => {
          this.released = undefined;
          resolve();
        });
      };
      this.end = release;
      for (const type of events) addEventListener(type, release, true);
    });
  }
}
