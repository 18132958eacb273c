/** Where a progress bar draws: a terminal stream. */
export interface Terminal {
  write(s: string): unknown;
  columns?: number;
}

/**
 * A one-line progress bar redrawn in place on a terminal. Lines printed
 * through `say` appear above it, so messages and the bar never mix.
 */
export class ProgressBar {
  private done = 0;
  private drawn = false;

  constructor(private readonly out: Terminal, private readonly total: number) {}

  /** Marks one more item done; `label` names the one being worked on next. */
  tick(label = ''): void {
    this.done++;
    this.draw(label);
  }

  draw(label = ''): void {
    const width = Math.max(10, Math.min(30, (this.out.columns ?? 80) - 40));
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    const count = `${this.done}/${this.total}`;
    const room = Math.max(0, (this.out.columns ?? 80) - width - count.length - 5);
    this.out.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count} ${label.slice(-room)}`);
    this.drawn = true;
  }

  /** Prints a whole line above the bar. */
  say(line: string): void {
    this.clear();
    this.out.write(`${line}\n`);
  }

  clear(): void {
    if (this.drawn) this.out.write('\r\x1b[2K');
    this.drawn = false;
  }
}
