/** What a reader hands to the pipeline: the decoded text of one file, nothing interpreted yet. */
export type SourceFormat = 'txt' | 'html' | 'docx' | 'pdf';

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'table'; rows: string[][] };

export interface SourceDocument {
  /** File name as given (no directory), e.g. `000_7841c49be735524f.txt`. */
  name: string;
  format: SourceFormat;
  /** `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, or `binary-container` for docx/pdf. */
  encoding: string;
  /**
   * The decoded original text. Every span the pipeline reports is a pair of
   * offsets (JavaScript string indices) into this string. Table rows are one
   * line each with cells separated by a tab.
   */
  text: string;
  /** Paragraphs and tables in reading order, where the format has them (docx, html). */
  blocks?: Block[];
}

/**
 * Raised by a reader for input it will not read; the message is one printable
 * line naming the file. File and part names inside a hostile file can hold line
 * breaks and terminal escapes, so control characters become `?` here, once for
 * every reader, and an overlong reason is cut.
 */
export class RefusedInput extends Error {
  readonly file: string;
  readonly reason: string;
  constructor(file: string, reason: string) {
    const printableFile = printable(file, MAX_FILE_CHARS);
    const printableReason = printable(reason, MAX_REASON_CHARS);
    super(`${printableFile}: ${printableReason}`);
    this.file = printableFile;
    this.reason = printableReason;
    this.name = 'RefusedInput';
  }
}

const MAX_FILE_CHARS = 255;
const MAX_REASON_CHARS = 500;

function printable(s: string, max: number): string {
  const clean = s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** The document id of the quantities spec: the file name up to the first `_` or `.`. */
export function docId(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const m = /^[^_.]+/.exec(base);
  return m ? m[0] : base;
}
