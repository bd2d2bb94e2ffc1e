// The command a form runs (save, check, book): whether it is under way, and
// the error to show when it failed. Every casework form ran its commands the
// same way, so they share this. A `.svelte.ts` module, so the two fields are
// reactive state a component can show.
import { failureToShow, type CommandError } from './ipc/errors';

export class CommandState {
  busy = $state(false);
  error = $state<CommandError | null>(null);
  readonly #onlocked: () => void;

  /** `onlocked` is called when a command fails because the session has locked. */
  constructor(onlocked: () => void) {
    this.#onlocked = onlocked;
  }

  /**
   * Runs `command` unless one is already under way, clearing the last error
   * first; true when it finished without failing. A failure is kept in
   * `error`, except that a locked session shows nothing: the screen is about
   * to give way to the lock screen.
   */
  async run(command: () => Promise<unknown>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      await command();
      return true;
    } catch (e) {
      this.error = failureToShow(e, this.#onlocked);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
