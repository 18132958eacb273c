import { COMMON_CHARS } from './decode-common-chars.ts';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'big5';

export type Decoded =
  | { ok: true; text: string; encoding: TextEncodingName }
  | { ok: false; reason: string };

/** A decoding is accepted only when nearly every character is one a report could contain. */
const MIN_PLAUSIBLE_SHARE = 0.95;
const MAX_REPLACEMENT_SHARE = 0.002;
/** Share of C0 control bytes (other than tab and line breaks) above which a file is binary. */
const MAX_CONTROL_BYTE_SHARE = 0.005;

/**
 * Decodes the bytes of a text file: a BOM decides first; UTF-16 without a BOM
 * is recognised by its NUL pattern; then strict UTF-8; then the declared
 * charset (an HTML meta), GB18030 and Big5, whichever decodes most plausibly.
 * Line endings become `\n`. Refuses binary data and text none of these decode.
 */
export function decodeText(bytes: Uint8Array, declared?: string): Decoded {
  const bom = bomEncoding(bytes);
  if (bom) {
    const text = decodeWith(bom, bytes);
    return plausible(text) ? ok(text, bom) : { ok: false, reason: `starts with a ${bom.toUpperCase()} byte-order mark but does not decode as ${bom.toUpperCase()}` };
  }

  const utf16 = utf16ByNulPattern(bytes);
  if (utf16) {
    const text = decodeWith(utf16, bytes);
    if (plausible(text)) return ok(text, utf16);
  }
  if (bytes.indexOf(0) >= 0) return { ok: false, reason: 'binary data (contains NUL bytes)' };
  if (controlByteShare(bytes) > MAX_CONTROL_BYTE_SHARE) return { ok: false, reason: 'binary data (control bytes)' };

  const utf8 = strictUtf8(bytes);
  if (utf8 !== undefined) return ok(utf8, 'utf-8');

  const preferred = charsetLabel(declared);
  if (preferred && preferred !== 'utf-8') {
    const text = decodeWith(preferred, bytes);
    if (plausible(text)) return ok(text, preferred);
  }
  // A UTF-8 file cut mid-character or with a few broken bytes still reads as UTF-8;
  // GBK and Big5 text is almost never mostly-valid UTF-8, so the scores below separate them.
  // They are scored on a sample, and the whole file decoded once, with the best candidate
  // whose whole text is plausible (100 MB decoded three times took 23 s under load).
  const sample = sampleOf(bytes);
  const candidates: { encoding: TextEncodingName; text: string; score: number }[] = [];
  for (const encoding of ['utf-8', 'gb18030', 'big5'] as const) {
    const text = decodeWith(encoding, sample);
    const stats = textStats(text);
    if (!isPlausible(stats)) continue;
    candidates.push({ encoding, text, score: stats.cjk ? stats.common / stats.cjk : 0 });
  }
  // Stable: on equal scores the earlier encoding wins, as it did when whole files were compared.
  candidates.sort((a, b) => b.score - a.score);
  for (const c of candidates) {
    if (sample.length === bytes.length) return ok(c.text, c.encoding);
    const text = decodeWith(c.encoding, bytes);
    if (plausible(text)) return ok(text, c.encoding);
  }
  return { ok: false, reason: 'not readable text: decodes neither as UTF-8, UTF-16 nor GB18030/Big5' };
}

/** Bytes scored to choose an encoding: enough text to tell GB18030 from Big5 many times over. */
const SAMPLE_BYTES = 1024 * 1024;

/** The start of a file up to a line break (never inside a character in UTF-8, GB18030 or Big5), or all of it when short. */
function sampleOf(bytes: Uint8Array): Uint8Array {
  if (bytes.length <= SAMPLE_BYTES) return bytes;
  const lineEnd = bytes.lastIndexOf(0x0a, SAMPLE_BYTES);
  return bytes.subarray(0, lineEnd > SAMPLE_BYTES / 2 ? lineEnd + 1 : SAMPLE_BYTES);
}

/** Maps a charset label as web pages write it onto one of the decoders used here. */
export function charsetLabel(label: string | undefined): TextEncodingName | undefined {
  if (!label) return undefined;
  const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
  if (/^(utf-?8|unicode-1-1-utf-8)$/.test(l)) return 'utf-8';
  if (/^(gb2312|gbk|x-gbk|gb18030|gb_2312-80|cp936|windows-936|csgb2312|chinese|euc-cn)$/.test(l)) return 'gb18030';
  if (/^(big5|big5-hkscs|cn-big5|x-x-big5|csbig5|cp950)$/.test(l)) return 'big5';
  return undefined;
}

export function bomEncoding(bytes: Uint8Array): TextEncodingName | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/**
 * UTF-16 text with any ASCII in it (digits, spaces, line breaks) has NULs in
 * the high byte of each unit; the low byte is NUL only for the few characters
 * at U+xx00 (一 is one), so one side clearly outnumbers the other. The decoded
 * text must still be plausible.
 */
function utf16ByNulPattern(bytes: Uint8Array): TextEncodingName | undefined {
  // an odd length is a file cut short; the last byte decodes to one U+FFFD
  const n = Math.min(bytes.length - (bytes.length % 2), 64 * 1024);
  if (n < 2) return undefined;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd >= 0.02 * pairs && even * 2 < odd) return 'utf-16le';
  if (even >= 0.02 * pairs && odd * 2 < even) return 'utf-16be';
  return undefined;
}

function controlByteShare(bytes: Uint8Array): number {
  let control = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x20 ? !(b === 0x09 || b === 0x0a || b === 0x0d || b === 0x0c || b === 0x1a || b === 0x1b) : b === 0x7f) control++;
  }
  return bytes.length ? control / bytes.length : 0;
}

function strictUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeWith(encoding: TextEncodingName, bytes: Uint8Array): string {
  return new TextDecoder(encoding).decode(bytes);
}

function ok(text: string, encoding: TextEncodingName): Decoded {
  return { ok: true, text: unifyLineEndings(text), encoding };
}

export function unifyLineEndings(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

export interface TextStats {
  chars: number;
  /** Characters a report could plausibly contain: ASCII, CJK, punctuation and common symbols. */
  plausible: number;
  /** U+FFFD: bytes the decoder could not map. */
  replacement: number;
  cjk: number;
  /** CJK characters among the most frequent ones. */
  common: number;
}

export function textStats(text: string): TextStats {
  const s: TextStats = { chars: text.length, plausible: 0, replacement: 0, cjk: 0, common: 0 };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) {
      s.plausible++;
      s.cjk++;
      if (COMMON_CHARS.has(c)) s.common++;
    } else if (c === 0xfffd) {
      s.replacement++;
    } else if (isPlausibleNonHan(c)) {
      s.plausible++;
    }
  }
  return s;
}

function isPlausibleNonHan(c: number): boolean {
  return (c >= 0x20 && c <= 0x7e) || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c
    || (c >= 0xa0 && c <= 0x17f) // Latin-1 and Latin Extended-A: ·, ×, °, accented names
    || (c >= 0x391 && c <= 0x3c9) || (c >= 0x401 && c <= 0x451) // Greek, Cyrillic as in GB2312
    || (c >= 0x2000 && c <= 0x27bf) // punctuation, letterlike (℃), arrows, maths, ①, box drawing, shapes
    || (c >= 0x3000 && c <= 0x33ff) // CJK punctuation, kana, bopomofo, enclosed and compatibility (㎡)
    || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xffef) // vertical forms, full-width
    || (c >= 0xd800 && c <= 0xdfff); // halves of rare characters beyond the BMP, as in personal names
}

function isPlausible(s: TextStats): boolean {
  if (s.chars === 0) return true;
  return s.plausible / s.chars >= MIN_PLAUSIBLE_SHARE && s.replacement / s.chars <= MAX_REPLACEMENT_SHARE;
}

function plausible(text: string): boolean {
  return isPlausible(textStats(text));
}
