import * as OpenCC from 'opencc-js/t2cn';
import { TRADITIONAL_MARKERS, TRADITIONAL_MIN_MARKERS } from './data/traditional-markers.ts';

// Built once: building the converter loads its dictionaries.
let converter: ((s: string) => string) | undefined;
function convert(s: string): string {
  converter ??= OpenCC.Converter({ from: 'tw', to: 'cn' });
  return converter!(s);
}

/** A traditional text shows its script early; the rest need not be scanned. */
const TRADITIONAL_SAMPLE = 8_000;
const MARKER = new Uint8Array(0x10000);
for (const ch of TRADITIONAL_MARKERS) MARKER[ch.charCodeAt(0)] = 1;

/** True when the text is written in traditional characters. */
export function isTraditional(text: string): boolean {
  let found = 0;
  const end = Math.min(text.length, TRADITIONAL_SAMPLE);
  for (let i = 0; i < end; i++) {
    if (MARKER[text.charCodeAt(i)] && ++found >= TRADITIONAL_MIN_MARKERS) return true;
  }
  return false;
}

/**
 * The text in simplified characters and, where the conversion changed a
 * line's length (a phrase converted to a phrase of another length), the map
 * from each converted index to its original index; null when identity.
 */
export function toSimplified(text: string): { text: string; map: Int32Array | null } {
  if (!isTraditional(text)) return { text, map: null };
  const whole = convert(text);
  if (whole.length === text.length) return { text: whole, map: null };
  // Rare: convert line by line and spread a changed line's indices over its original.
  const lines = text.split('\n');
  const out: string[] = [];
  const map: number[] = [];
  let origin = 0;
  for (const line of lines) {
    const conv = convert(line);
    for (let i = 0; i < conv.length; i++) {
      map.push(origin + (conv.length === line.length ? i : Math.floor((i * line.length) / conv.length)));
    }
    map.push(origin + line.length); // the newline
    out.push(conv);
    origin += line.length + 1;
  }
  const joined = out.join('\n');
  return { text: joined, map: Int32Array.from(map.slice(0, joined.length + 1)) };
}
