import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * A file written under a temporary name beside its target and renamed into
 * place on commit, so a process killed half-way leaves the target untouched
 * (and no half-written file under its name).
 */
export class AtomicFile {
  private readonly temp: string;
  private fd: number | undefined;

  constructor(private readonly target: string) {
    this.temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    this.fd = openSync(this.temp, 'w');
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
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
