// One action at a time in a Settings panel: busy while it runs, then its outcome as a message or an
// error sentence ("Could not … : reason"). The panels set `message` themselves on success.
import { errorText, readTextFile } from './read-file';

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

  /**
   * A file picked in an `<input type="file">`: read as text and handed to `work`, as one action. The
   * input is cleared first, so that picking the same file again (after fixing it) is heard.
   */
  async importFile(event: Event, work: (file: File, text: string) => Promise<void>): Promise<void> {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await this.run(`import ${file.name}`, async () => work(file, await readTextFile(file)));
  }
}
