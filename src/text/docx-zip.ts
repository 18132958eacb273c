import { Inflate } from 'fflate';
import { formatBytes } from './read-limits.ts';

/** One file listed in a zip's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  localHeaderOffset: number;
}

/** Thrown for a zip this reader will not open; the message is the reason. */
export class ZipError extends Error {}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes fed to the inflater at a time; at most ~1000× that comes out per step. */
const INFLATE_STEP = 4096;

/** Lists a zip's entries from its central directory (the authoritative list; local headers may lie). */
export function listZip(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(bytes, view);
  if (eocd < 0) throw new ZipError('not a complete zip archive (truncated or damaged)');
  const count = view.getUint16(eocd + 10, true);
  const dirOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('zip64 archives are not supported');
  if (count > maxEntries) throw new ZipError(`zip lists ${count} entries, more than ${maxEntries}`);
  const entries: ZipEntry[] = [];
  let p = dirOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL) throw new ZipError('damaged zip central directory');
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength > bytes.length) throw new ZipError('damaged zip central directory');
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      encrypted: (view.getUint16(p + 8, true) & 1) === 1,
      compressedSize: view.getUint32(p + 20, true),
      localHeaderOffset: view.getUint32(p + 42, true),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The uncompressed bytes of one entry, refusing to produce more than `maxBytes` (zip bombs). */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  if (entry.encrypted) throw new ZipError(`${entry.name} is encrypted`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL) throw new ZipError(`damaged zip entry ${entry.name}`);
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipError(`zip entry ${entry.name} is truncated`);
  const data = bytes.subarray(start, end);
  if (entry.method === 0) {
    if (data.length > maxBytes) throw tooLarge(entry, maxBytes);
    return data;
  }
  if (entry.method !== 8) throw new ZipError(`zip entry ${entry.name} uses an unsupported compression method (${entry.method})`);
  return inflateBounded(data, entry, maxBytes);
}

function inflateBounded(data: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    chunks.push(chunk);
    total += chunk.length;
    if (final) done = true;
  });
  try {
    for (let i = 0; i < data.length && !done; i += INFLATE_STEP) {
      inflater.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
      if (total > maxBytes) throw tooLarge(entry, maxBytes);
    }
  } catch (err) {
    if (err instanceof ZipError) throw err;
    throw new ZipError(`zip entry ${entry.name} does not decompress (${err instanceof Error ? err.message : String(err)})`);
  }
  if (!done && data.length > 0) throw new ZipError(`zip entry ${entry.name} is truncated`);
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) { out.set(c, o); o += c.length; }
  return out;
}

function tooLarge(entry: ZipEntry, maxBytes: number): ZipError {
  return new ZipError(`zip entry ${entry.name} decompresses to more than ${formatBytes(maxBytes)} (zip bomb?)`);
}

function findEndOfCentralDirectory(bytes: Uint8Array, view: DataView): number {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD) return i;
  }
  return -1;
}
