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
  /** Bytes looked at to decide what kind of file this is. */
  sniffBytes: 8 * 1024,
};

/** `12.3 MB`, for refusal messages. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
