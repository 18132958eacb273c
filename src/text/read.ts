import { RefusedInput, type SourceDocument, type SourceFormat } from './source.ts';
import { decodeText, type Decoded } from './decode.ts';
import { declaredCharset, readHtml } from './html.ts';
import { markupRefusal } from './read-markup-depth.ts';
import { readDocx } from './docx.ts';
import { readPdf } from './pdf.ts';
import { looksLikeHtml, sniff } from './read-sniff.ts';
import { formatBytes, formatMillions, READ_LIMITS, type ReadLimits } from './read-limits.ts';

/**
 * Reads the bytes of one report into a SourceDocument, or throws a
 * RefusedInput whose one-line message names the file and the reason. What a
 * file is comes from its content first (a PDF named `.txt` is read as a PDF)
 * and its name second. Pure: bytes in, data out.
 */
export async function readDocument(bytes: Uint8Array, name: string, limits: ReadLimits = READ_LIMITS): Promise<SourceDocument> {
  const file = name.replace(/^.*[\\/]/, '');
  try {
    return await read(bytes, file, limits);
  } catch (err) {
    if (err instanceof RefusedInput) throw err;
    // Damaged input can trip a parser in ways no check foresaw: that is a refusal, not a crash.
    throw new RefusedInput(file, `unreadable (${String((err as Error)?.message ?? err).replace(/\s+/g, ' ').slice(0, 200)})`);
  }
}

async function read(bytes: Uint8Array, file: string, limits: ReadLimits): Promise<SourceDocument> {
  const refuse = (reason: string): never => { throw new RefusedInput(file, reason); };
  if (bytes.length === 0) refuse('empty file');
  const tooLarge = sizeRefusal(bytes.length, limits);
  if (tooLarge) refuse(tooLarge);
  const ext = extension(file);
  const sniffed = sniff(bytes.subarray(0, limits.sniffBytes), bytes);

  let doc: SourceDocument;
  if (sniffed.kind === 'refuse') {
    return refuse(sniffed.reason);
  } else if (sniffed.kind === 'zip') {
    const r = readDocx(bytes, ext === 'docx', limits);
    if (!r.ok) return refuse(r.reason);
    doc = { name: file, format: 'docx', encoding: 'binary-container', text: r.text, blocks: r.blocks };
  } else if (sniffed.kind === 'pdf') {
    const r = await readPdf(bytes, limits);
    if (!r.ok) return refuse(r.reason);
    doc = { name: file, format: 'pdf', encoding: 'binary-container', text: r.text };
  } else if (ext === 'docx') {
    return refuse('corrupt .docx: not a zip archive');
  } else if (ext === 'pdf') {
    return refuse('corrupt PDF: no %PDF header');
  } else {
    const html = HTML_EXTENSIONS.has(ext);
    const decoded: Decoded = decodeText(bytes, html ? declaredCharset(bytes) : undefined);
    if (!decoded.ok) return refuse(decoded.reason);
    // A page saved under another name (a scraper's .txt, a download without extension) is still a page.
    if (html || looksLikeHtml(decoded.text)) {
      const page = html || decoded.encoding === 'utf-8' ? decoded : decodeText(bytes, declaredCharset(bytes));
      if (!page.ok) return refuse(page.reason);
      const tooComplex = markupRefusal('web page', page.text, limits);
      if (tooComplex) refuse(tooComplex);
      const { text, blocks } = readHtml(page.text);
      doc = { name: file, format: 'html', encoding: page.encoding, text, blocks };
    } else {
      doc = { name: file, format: 'txt', encoding: decoded.encoding, text: decoded.text };
    }
  }
  if (doc.text.length > limits.maxTextChars) refuse(`text is ${formatMillions(doc.text.length)} characters, more than the ${formatMillions(limits.maxTextChars)} a report holds`);
  if (!/\S/.test(doc.text)) refuse(`no text in this ${FORMAT_NAMES[doc.format]}`);
  return doc;
}

/** The refusal of a file too large to read, decided from its size alone (so a caller need not load it). */
export function sizeRefusal(size: number, limits: ReadLimits = READ_LIMITS): string | undefined {
  return size > limits.maxInputBytes ? `file is ${formatBytes(size)}, over the ${formatBytes(limits.maxInputBytes)} limit` : undefined;
}

const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml', 'shtm', 'asp', 'aspx', 'jsp', 'php']);
const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md']);

/** The extensions a folder walk picks up; other files in a folder are not reports. */
export const READABLE_EXTENSIONS: ReadonlySet<string> = new Set([...HTML_EXTENSIONS, ...TEXT_EXTENSIONS, 'docx', 'pdf']);

const FORMAT_NAMES: Record<SourceFormat, string> = { txt: 'text file', html: 'web page', docx: '.docx', pdf: 'PDF' };

export function extension(name: string): string {
  const m = /\.([^./\\]+)$/.exec(name);
  return m ? m[1].toLowerCase() : '';
}
