/**
 * What a file is, judged by its first bytes rather than its name: a report
 * saved as `.txt` may be a PDF, and stdin has no name at all.
 */
export type Sniffed =
  | { kind: 'pdf' }
  | { kind: 'zip' }
  | { kind: 'refuse'; reason: string }
  | { kind: 'unknown' };

interface Signature {
  /** Bytes at the start of the file; `null` matches any byte. */
  magic: (number | null)[];
  what: string;
}

/** Formats that are never a readable report, with the reason a person would understand. */
const REFUSED_SIGNATURES: Signature[] = [
  { magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'a legacy Office file (.doc/.xls/.ppt); save it as .docx' },
  { magic: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], what: 'a PNG image' },
  { magic: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { magic: bytesOf('GIF8'), what: 'a GIF image' },
  { magic: [...bytesOf('RIFF'), null, null, null, null, ...bytesOf('WEBP')], what: 'a WebP image' },
  { magic: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { magic: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { magic: [0x7f, 0x45, 0x4c, 0x46], what: 'an executable (ELF)' },
  { magic: [0x4d, 0x5a, 0x90, 0x00], what: 'an executable (Windows)' },
  { magic: [0xcf, 0xfa, 0xed, 0xfe], what: 'an executable (Mach-O)' },
  { magic: [0x00, 0x61, 0x73, 0x6d], what: 'a WebAssembly module' },
  { magic: [0x1f, 0x8b], what: 'a gzip archive' },
  { magic: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { magic: bytesOf('Rar!'), what: 'a RAR archive' },
  { magic: bytesOf('{\\rtf'), what: 'an RTF document; save it as .docx' },
];

const COMPOUND_FILE = REFUSED_SIGNATURES[0].magic;

/**
 * What a file is from its first bytes; `whole` is the file, looked into only
 * where they cannot tell (a compound file's directory).
 */
export function sniff(bytes: Uint8Array, whole: Uint8Array = bytes): Sniffed {
  if (startsWith(bytes, bytesOf('PK\x03\x04')) || startsWith(bytes, bytesOf('PK\x05\x06'))) return { kind: 'zip' };
  // PDF readers accept the header anywhere in the first kilobyte.
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return { kind: 'pdf' };
  // Office encrypts a .docx/.xlsx with a password by wrapping it in a compound file, as a legacy file is stored.
  if (startsWith(bytes, COMPOUND_FILE) && holdsEncryptedPackage(bytes, whole)) {
    return { kind: 'refuse', reason: 'not readable: a password-protected (encrypted) Office document; save it again without a password' };
  }
  for (const s of REFUSED_SIGNATURES) if (startsWith(bytes, s.magic)) return { kind: 'refuse', reason: `not a text document: ${s.what}` };
  return { kind: 'unknown' };
}

/** Whether decoded text is the source of a web page rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(text.slice(0, 2048));
}

const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);

/**
 * Whether a compound file's directory names an `EncryptedPackage` stream
 * (names are UTF-16LE). The directory starts at the sector the header names,
 * which Office puts near the start or, for a large package, after it.
 */
function holdsEncryptedPackage(head: Uint8Array, whole: Uint8Array): boolean {
  if (indexOf(head, ENCRYPTED_PACKAGE, 0, head.length) >= 0) return true;
  if (whole.length < 0x200) return false;
  const view = new DataView(whole.buffer, whole.byteOffset, whole.byteLength);
  const sectorShift = view.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return false;
  const sectorSize = 1 << sectorShift;
  const start = (view.getUint32(0x30, true) + 1) * sectorSize;
  return start < whole.length && indexOf(whole, ENCRYPTED_PACKAGE, start, Math.min(whole.length, start + sectorSize)) >= 0;
}

function indexOf(bytes: Uint8Array, needle: number[], from: number, to: number): number {
  outer: for (let i = from; i + needle.length <= to; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

function startsWith(bytes: Uint8Array, magic: (number | null)[]): boolean {
  if (bytes.length < magic.length) return false;
  return magic.every((b, i) => b === null || bytes[i] === b);
}

function indexOfAscii(bytes: Uint8Array, needle: string, within: number): number {
  const n = bytesOf(needle);
  const end = Math.min(bytes.length - n.length, within);
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < n.length; j++) if (bytes[i + j] !== n[j]) continue outer;
    return i;
  }
  return -1;
}

function bytesOf(ascii: string): number[] {
  return [...ascii].map((c) => c.charCodeAt(0));
}
