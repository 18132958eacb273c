import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ExitError } from './main.ts';
import { RefusedInput } from '../text/source.ts';

/**
 * Reads a file named on the command line and hands its bytes and name to
 * `read`; a file that cannot be opened, or that the reader refuses, becomes
 * a one-line exit 1 naming it.
 */
export async function readInput<T>(path: string, read: (bytes: Uint8Array, name: string) => Promise<T>): Promise<T> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (err) {
    throw new ExitError(`${path}: ${(err as Error).message}`, 1);
  }
  try {
    return await read(bytes, basename(path));
  } catch (err) {
    if (err instanceof RefusedInput) throw new ExitError(err.message, 1);
    throw err;
  }
}
