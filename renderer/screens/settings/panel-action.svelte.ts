// One action at a time in a Settings panel: busy while it runs, then its outcome as a message or an
// error sentence ("Could not … : reason"). The panels set `message` themselves on success.
import { errorText } from './read-file';

export class PanelAction {
  busy = $state(false);
  message = $state<string | null>(null);
  error = $state<string | null>(null);

  /** `onStart` clears whatever else the panel shows about the previous action. */
  constructor(private readonly onStart: () => void = () => {}) {}

  async run(what: string, action: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.message = null;
    this.error = null;
    this.onStart();
    try {
      await action();
    } catch (e) {
      this.error = `Could not ${what}: ${errorText(e)}`;
    } finally {
      this.busy = false;
    }
  }
}
