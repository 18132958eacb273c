/**
 * A text derived from an original by dropping and replacing characters, with
 * the original index of every derived character, so that spans found in the
 * derived text can be reported in the original.
 */
export interface MappedText {
  text: string;
  /** `map[i]` is the original index of `text[i]`; `map[text.length]` is the original end. */
  map: Int32Array;
}

/** Appends characters one piece at a time, recording where each came from. */
export class MappedTextBuilder {
  private chunks: string[] = [];
  private map: Int32Array;
  private length = 0;

  constructor(capacity: number) {
    this.map = new Int32Array(Math.max(16, capacity + 1));
  }

  /** Appends `piece`, whose i-th character came from original index `origin(i)`. */
  append(piece: string, origin: (i: number) => number): void {
    this.reserve(piece.length);
    for (let i = 0; i < piece.length; i++) this.map[this.length + i] = origin(i);
    this.length += piece.length;
    this.chunks.push(piece);
  }

  /** Appends `piece` taken verbatim from consecutive original indices starting at `start`. */
  appendRun(piece: string, start: number): void {
    this.reserve(piece.length);
    for (let i = 0; i < piece.length; i++) this.map[this.length + i] = start + i;
    this.length += piece.length;
    this.chunks.push(piece);
  }

  /** Appends `piece`, whose i-th character came from `map[from + i]`. */
  appendMapped(piece: string, map: Int32Array, from: number): void {
    this.reserve(piece.length);
    this.map.set(map.subarray(from, from + piece.length), this.length);
    this.length += piece.length;
    this.chunks.push(piece);
  }

  finish(originalEnd: number): MappedText {
    this.reserve(0);
    this.map[this.length] = originalEnd;
    return { text: this.chunks.join(''), map: this.map.subarray(0, this.length + 1) };
  }

  private reserve(extra: number): void {
    if (this.length + extra + 1 <= this.map.length) return;
    const grown = new Int32Array(Math.max(this.map.length * 2, this.length + extra + 1));
    grown.set(this.map);
    this.map = grown;
  }
}

/** The original span of the derived range [start, end). */
export function originalSpan(mapped: MappedText, start: number, end: number): { start: number; end: number } {
  const s = mapped.map[start];
  const e = end > start ? mapped.map[end - 1] + 1 : s;
  return { start: s, end: Math.max(e, s) };
}

/** Composes two maps: `outer` indexes `inner.text`, and the result indexes inner's original. */
export function composeMaps(inner: Int32Array | null, outer: Int32Array): Int32Array {
  if (!inner) return outer;
  const out = new Int32Array(outer.length);
  for (let i = 0; i < outer.length; i++) out[i] = inner[Math.min(outer[i], inner.length - 1)];
  return out;
}
