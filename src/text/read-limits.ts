/**
 * Bounds on the work a reader does, so a hostile or broken file is refused
 * instead of exhausting memory or time. A government work report is 20–300 KB
 * of text; a scanned attachment rarely exceeds a few tens of MB.
 */
export interface ReadLimits {
  maxInputBytes: number;
  maxDocxPartBytes: number;
  maxDocxEntries: number;
  maxPdfPages: number;
  maxMarkupDepth: number;
  maxMarkupElements: number;
  maxTextChars: number;
  maxPdfStreamBytes: number;
  maxPdfInflatedBytes: number;
  sniffBytes: number;
}

export const READ_LIMITS: ReadLimits = {
  /** Largest input file read at all. */
  maxInputBytes: 100 * 1024 * 1024,
  /** Largest decompressed size of one part of a .docx (zip bombs stop here). */
  maxDocxPartBytes: 64 * 1024 * 1024,
  /** Most entries a .docx central directory may list. */
  maxDocxEntries: 20_000,
  /** Most pages read from a PDF. */
  maxPdfPages: 3_000,
  /** Deepest element nesting of a web page or .docx part; the parser slows quadratically beyond a few thousand. */
  maxMarkupDepth: 5_000,
  /**
   * Most elements in a web page or one .docx part. Parsing costs 15–35 µs an
   * element; a report has a few thousand (a 170 KB report saved by Word: 7 700).
   */
  maxMarkupElements: 200_000,
  /**
   * Longest decoded text: 15× the longest report, and about 2 s of analysis.
   * Beyond it analysis takes minutes and gigabytes (100 MB of text: 54 s, 1 GB).
   */
  maxTextChars: 5_000_000,
  /** Most bytes one compressed PDF stream may inflate to (pdf.js decodes a stream whole). */
  maxPdfStreamBytes: 64 * 1024 * 1024,
  /** Most bytes all compressed streams of a PDF may inflate to together. */
  maxPdfInflatedBytes: 256 * 1024 * 1024,
  /** Bytes looked at to decide what kind of file this is. */
  sniffBytes: 8 * 1024,
};

/** `34.7 M`, `5 M`: a count of characters for refusal messages. */
export function formatMillions(n: number): string {
  const m = n / 1_000_000;
  return `${Number.isInteger(m) ? m : m.toFixed(1)} M`;
}

/** `12.3 MB`, for refusal messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
