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

  write(s: string | Uint8Array): void {
    if (this.fd === undefined) throw new Error(`${this.target} is already closed`);
    if (typeof s === 'string') writeSync(this.fd, s);
    else for (let done = 0; done < s.length;) done += writeSync(this.fd, s, done);
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

/** A whole file written through an AtomicFile: the bytes are under `path` completely or not at all. */
export function writeFileAtomically(path: string, bytes: Uint8Array): void {
  const file = new AtomicFile(path);
  try {
    file.write(bytes);
    file.commit();
  } catch (err) {
    file.abort();
    throw err;
  }
}
