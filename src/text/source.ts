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

/** Raised by a reader for input it will not read; the message is one line naming the file. */
export class RefusedInput extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'RefusedInput';
  }
}

/** The document id of the quantities spec: the file name up to the first `_` or `.`. */
export function docId(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const m = /^[^_.]+/.exec(base);
  return m ? m[0] : base;
}
