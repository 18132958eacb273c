import { Inflate } from 'fflate';
import { listZip, ZipError, type ZipEntry } from '../../text/docx-zip.ts';

/**
 * Bounds on a workbook read as a task table. exceljs builds an object per
 * cell (about a kilobyte each), so a sheet of a million rows would take
 * gigabytes and minutes; a breakdown notice's table has at most a few
 * thousand rows. The workbook is measured from its zip before exceljs sees it.
 */
export interface XlsxLimits {
  /** Rows over all sheets. */
  maxRows: number;
  /** Cells written in the sheets (empty or not). */
  maxCells: number;
  /** Decompressed size of any one part (zip bombs stop here). */
  maxPartBytes: number;
  /** Decompressed size of the whole package. */
  maxTotalBytes: number;
  maxEntries: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxRows: 20_000,
  maxCells: 400_000,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 128 * 1024 * 1024,
  maxEntries: 5_000,
};

/** A workbook refused before loading; the message is the reason, in one line. */
export class WorkbookRefused extends Error {}

// exceljs takes as a sheet every entry whose name contains this, wherever it sits: so must the count.
const WORKSHEET = /xl\/worksheets\/sheet\d+\.xml/;
/** Compressed bytes inflated at a time: at most ~1000× that comes out per step. */
const INFLATE_STEP = 4096;
const LOCAL_HEADER = 0x04034b50;

/** Throws WorkbookRefused when the workbook is larger than `limits` allows, having read no more than needed to know. */
export function checkWorkbookSize(bytes: Uint8Array, limits: XlsxLimits = XLSX_LIMITS): void {
  let entries: ZipEntry[];
  try {
    entries = listZip(bytes, limits.maxEntries);
  } catch (err) {
    throw new WorkbookRefused(`not a readable .xlsx workbook: ${(err as Error).message}`);
  }
  const count = { rows: 0, cells: 0, total: 0 };
  for (const entry of entries) {
    const tally = WORKSHEET.test(entry.name) ? tagCounter(count) : undefined;
    let part = 0;
    inflateEntry(bytes, entry, (chunk) => {
      part += chunk.length;
      count.total += chunk.length;
      tally?.(chunk);
      if (part > limits.maxPartBytes) throw new WorkbookRefused(`workbook part ${printable(entry.name)} decompresses to more than ${mb(limits.maxPartBytes)} (zip bomb?)`);
      if (count.total > limits.maxTotalBytes) throw new WorkbookRefused(`workbook decompresses to more than ${mb(limits.maxTotalBytes)}`);
      if (count.rows > limits.maxRows) throw new WorkbookRefused(`workbook has more than ${limits.maxRows} rows, more than a task table holds`);
      if (count.cells > limits.maxCells) throw new WorkbookRefused(`workbook has more than ${limits.maxCells} cells, more than a task table holds`);
    });
  }
}

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

/** A part name fit for a one-line message: a damaged directory can name an entry with any bytes, line breaks included. */
function printable(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}

/** Counts `<row` and `<c` start tags (with or without a namespace prefix) in a stream of XML chunks. */
function tagCounter(count: { rows: number; cells: number }): (chunk: Uint8Array) => void {
  const decoder = new TextDecoder('latin1');
  let carry = '';
  return (chunk) => {
    const text = carry + decoder.decode(chunk);
    // A tag cut by the chunk boundary is counted with the next chunk.
    const cut = text.lastIndexOf('<');
    const whole = cut >= 0 && text.length - cut < 16 ? text.slice(0, cut) : text;
    carry = text.slice(whole.length);
    for (const m of whole.matchAll(/<(?:\w+:)?(row|c)[\s>/]/g)) {
      if (m[1] === 'row') count.rows++;
      else count.cells++;
    }
  };
}

/** Streams an entry's decompressed bytes to `sink`, which may throw to stop early. */
function inflateEntry(bytes: Uint8Array, entry: ZipEntry, sink: (chunk: Uint8Array) => void): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || view.getUint32(h, true) !== LOCAL_HEADER) throw new WorkbookRefused(`not a readable .xlsx workbook: damaged zip entry ${printable(entry.name)}`);
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  if (entry.method === 0) { sink(data); return; }
  if (entry.method !== 8) return; // exceljs will say what it makes of an unknown method
  const inflater = new Inflate((chunk) => sink(chunk));
  try {
    for (let i = 0; i < data.length; i += INFLATE_STEP) inflater.push(data.subarray(i, i + INFLATE_STEP), i + INFLATE_STEP >= data.length);
  } catch (err) {
    if (err instanceof WorkbookRefused) throw err;
    if (err instanceof ZipError) throw new WorkbookRefused(err.message);
    throw new WorkbookRefused(`not a readable .xlsx workbook: zip entry ${printable(entry.name)} does not decompress (${(err as Error).message})`);
  }
}
