import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * A file written under a temporary name beside its target and renamed into
 * place on commit, so a process killed half-way never leaves a half-written
 * file under the target's name. On Ctrl-C or a polite kill the temporary file
 * is removed too (a SIGKILL can leave it, hidden, beside the target).
 */
export class AtomicFile {
  private readonly temp: string;
  private fd: number | undefined;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    this.abort();
    process.kill(process.pid, signal); // the handler is gone: the default action now ends the process
  };

  constructor(private readonly target: string) {
    this.temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    this.fd = openSync(this.temp, 'w');
    for (const s of SIGNALS) process.once(s, this.onSignal);
  }

  write(s: string): void {
    if (this.fd === undefined) throw new Error(`${this.target} is already closed`);
    writeSync(this.fd, s);
  }

  commit(): void {
    this.close();
    renameSync(this.temp, this.target);
  }

  abort(): void {
    this.close();
    rmSync(this.temp, { force: true });
  }

  private close(): void {
    for (const s of SIGNALS) process.off(s, this.onSignal);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
