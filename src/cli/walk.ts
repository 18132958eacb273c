import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { READABLE_EXTENSIONS, extension } from '../text/read.ts';
import { ExitError } from './main.ts';

/** One input of a command: a file path, or standard input. */
export type Input = { kind: 'file'; path: string } | { kind: 'stdin' };

/**
 * Expands the command line's inputs: `-` is stdin, a file is itself, a folder
 * is every report file beneath it (sorted, recursively, hidden entries and
 * files of other types skipped). A path that does not exist is a bad argument.
 */
export function expandInputs(args: string[]): Input[] {
  const missing = args.filter((a) => a !== '-' && !exists(a));
  if (missing.length) throw new ExitError(`no such file or folder: ${missing.join(', ')}`, 2);
  const inputs: Input[] = [];
  for (const arg of args) {
    if (arg === '-') inputs.push({ kind: 'stdin' });
    else if (statSync(arg).isDirectory()) for (const path of walk(arg, new Set())) inputs.push({ kind: 'file', path });
    else inputs.push({ kind: 'file', path: arg });
  }
  return inputs;
}

function walk(dir: string, seen: Set<string>, files: string[] = []): string[] {
  const real = realpathSync(dir);
  if (seen.has(real)) return files; // a symlink loop
  seen.add(real);
  const names = readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
  for (const name of names) {
    const path = join(dir, name);
    let stat;
    try { stat = statSync(path); } catch { continue; } // a dangling symlink
    if (stat.isDirectory()) walk(path, seen, files);
    else if (stat.isFile() && READABLE_EXTENSIONS.has(extension(name))) files.push(path);
  }
  return files;
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
