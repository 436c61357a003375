/**
 * Undo and redo of the scenario text. Consecutive edits with the same key (typing in one field, or in the YAML
 * text) within `coalesceMs` replace the newest entry instead of adding one, so one undo takes back one edit.
 */
export class History {
  private entries: string[];
  private at = 0;
  private lastKey: string | null = null;
  private lastMs = -Infinity;

  constructor(
    initial: string,
    private readonly coalesceMs = 1000,
    private readonly limit = 200,
  ) {
    this.entries = [initial];
  }

  get current(): string {
    return this.entries[this.at];
  }
  get canUndo(): boolean {
    return this.at > 0;
  }
  get canRedo(): boolean {
    return this.at < this.entries.length - 1;
  }

  /** Records `text` as the newest state (drops the redo branch); `key` names the edit's source for coalescing. */
  push(text: string, key: string | null = null, nowMs = Date.now()): void {
    if (text === this.current) return;
    const coalesce = key !== null && key === this.lastKey && nowMs - this.lastMs <= this.coalesceMs && this.at > 0 && !this.canRedo;
    this.entries.length = this.at + 1;
    if (coalesce) this.entries[this.at] = text;
    else {
      this.entries.push(text);
      if (this.entries.length > this.limit) this.entries.shift();
      this.at = this.entries.length - 1;
    }
    this.lastKey = key;
    this.lastMs = nowMs;
  }

  /** Starts over from `text` (a new document: preset, import, link). Undo can still go back to the old one. */
  replace(text: string): void {
    this.push(text, null);
    this.lastKey = null;
  }

  undo(): string | null {
    if (!this.canUndo) return null;
    this.at--;
    this.lastKey = null;
    return this.current;
  }

  redo(): string | null {
    if (!this.canRedo) return null;
    this.at++;
    this.lastKey = null;
    return this.current;
  }
}
