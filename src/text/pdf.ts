import { Unzlib } from 'fflate';
import { getDocumentProxy } from 'unpdf';
import { formatBytes, READ_LIMITS, type ReadLimits } from './read-limits.ts';
import { textStats } from './decode.ts';

export type PdfResult = { ok: true; text: string; pages: number } | { ok: false; reason: string };

/** One positioned run of text as pdf.js reports it. */
export interface PdfItem { str: string; x: number; y: number; width: number; size: number; eol: boolean }

interface Line { text: string; left: number; right: number; size: number; lastX: number }

/**
 * Reads the text layer of a PDF, page by page in order. Lines are rebuilt
 * from positioned runs (no spaces invented between Chinese characters), lines
 * that a paragraph wrapped are joined again, and page numbers and running
 * headers are dropped.
 */
export async function readPdf(bytes: Uint8Array, limits: ReadLimits = READ_LIMITS): Promise<PdfResult> {
  const bomb = inflatedStreamRefusal(bytes, limits);
  if (bomb) return { ok: false, reason: bomb };
  let pdf;
  try {
    // pdf.js may take ownership of the buffer it is given: hand it a copy.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false, stopAtErrors: false });
  } catch (err) {
    const name = (err as Error)?.name;
    if (name === 'PasswordException') return { ok: false, reason: 'password-protected PDF' };
    return { ok: false, reason: `corrupt PDF: ${oneLine((err as Error)?.message ?? String(err))}` };
  }
  try {
    if (pdf.numPages > limits.maxPdfPages) return { ok: false, reason: `PDF has ${pdf.numPages} pages, more than the ${limits.maxPdfPages} read` };
    const pages: Line[][] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it)) continue;
        const [a, b, , , x, y] = it.transform as number[];
        items.push({ str: it.str, x, y, width: it.width, size: Math.hypot(a, b) || it.height || 10, eol: it.hasEOL });
      }
      pages.push(buildLines(items));
      page.cleanup();
    }
    const text = joinPages(pages);
    if (!/\S/.test(text)) return { ok: false, reason: 'PDF has no text layer (scanned or image-only); run OCR on it first' };
    // Fonts embedded without a map to Unicode give glyph codes (private-use or random characters), not text.
    const stats = textStats(text.replace(/\s+/g, ''));
    if (stats.plausible < stats.chars * 0.9) return { ok: false, reason: 'PDF text layer is not readable text (fonts without a Unicode map); run OCR on it first' };
    return { ok: true, text, pages: pdf.numPages };
  } catch (err) {
    return { ok: false, reason: `corrupt PDF: ${oneLine((err as Error)?.message ?? String(err))}` };
  } finally {
    await pdf.destroy();
  }
}

/** Groups runs into lines: a new line where pdf.js marks one or the baseline moves. */
export function buildLines(items: PdfItem[]): Line[] {
  const lines: Line[] = [];
  let line: Line | undefined;
  let lineY = 0;
  let breakPending = false;
  for (const it of items) {
    if (!/\S/.test(it.str)) { breakPending ||= it.eol; continue; }
    const str = it.str.replace(/\s+/g, ' ');
    if (!line || breakPending || Math.abs(it.y - lineY) > it.size * 0.5) {
      line = { text: str.trimStart(), left: it.x, right: it.x + it.width, size: it.size, lastX: it.x + it.width };
      lines.push(line);
      lineY = it.y;
    } else {
      const gap = it.x - line.lastX;
      line.text += spaceBetween(line.text, str, gap / it.size) + str;
      line.right = Math.max(line.right, it.x + it.width);
      line.lastX = it.x + it.width;
    }
    breakPending = it.eol;
  }
  for (const l of lines) l.text = l.text.trimEnd();
  return lines.filter((l) => l.text);
}

/** A space goes between runs only where the page shows one: Chinese needs a wide gap, Latin a small one. */
function spaceBetween(before: string, after: string, gapEm: number): string {
  if (/\s$/.test(before) || /^\s/.test(after)) return '';
  const cjk = isCjk(before.charCodeAt(before.length - 1)) || isCjk(after.charCodeAt(0));
  return gapEm > (cjk ? 0.9 : 0.15) ? ' ' : '';
}

function isCjk(c: number): boolean {
  return (c >= 0x2e80 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x3000 && c <= 0x303f) || c === 0x201c || c === 0x201d;
}

/** A page number as printed: `- 3 -`, `— 3 —`, `第3页`, `3 / 12`, `Page 3 of 12`. */
const DECORATED_PAGE_NUMBER = /^(?:[-—–－‒_~·]+\s*\d{1,4}\s*[-—–－‒_~·]+|第\s*\d+\s*页(?:\s*[,，]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|page\s+\d+(?:\s+of\s+\d+)?)$/i;
const BARE_NUMBER = /^\d{1,4}$/;
const SENTENCE_END = /[。！？；：!?;:]$|[。！？][”」』]$/;

function joinPages(pages: Line[][]): string {
  const chrome = runningChrome(pages);
  const offset = pageNumberOffset(pages);
  const isChrome = (l: Line, page: number) => {
    const t = l.text.trim();
    return DECORATED_PAGE_NUMBER.test(t) || chrome.has(chromeKey(t)) || (offset !== undefined && BARE_NUMBER.test(t) && Number(t) - page === offset);
  };
  const kept = pages.map((lines, page) => lines.filter((l, i) => !((i === 0 || i === lines.length - 1) && isChrome(l, page))));
  const all = kept.flat();
  if (all.length === 0) return '';
  const left = all.reduce((m, l) => Math.min(m, l.left), Infinity);
  const right = rightMargin(all);
  // a column narrower than this holds table cells or a list, whose lines are not wrapped prose
  const prose = right - left >= 15 * all.reduce((m, l) => Math.max(m, l.size), 0);
  const out: string[] = [];
  let previous: Line | undefined;
  for (const line of all) {
    const indented = line.left > left + line.size * 0.5;
    // The typesetter wrapped the previous line if this line's first unbreakable piece would not have fitted
    // on it; unless a sentence ended there, this line (when not indented) continues the same paragraph.
    const wrapped = previous && prose && previous.right + firstPieceWidth(line.text, line.size) > right - previous.size * 0.5 && !SENTENCE_END.test(previous.text);
    if (previous && wrapped && !indented) out[out.length - 1] += joiner(out[out.length - 1], line.text) + line.text;
    else out.push(line.text);
    previous = line;
  }
  return out.join('\n');
}

const IDEOGRAPH = /[\u3400-\u9fff\uf900-\ufaff]/;
const OPENING = /[“‘（(《〈「『【〔]/;
const CLOSING = /[，。、；：！？”’）)》〉」』】〕,.;:!?%]/;

/**
 * The width of the text up to the first place a line may break (simplified
 * UAX #14: before an ideograph or opening bracket that follows an ideograph,
 * closing punctuation or a space). `15.3%、` or `英”100` move to the next
 * line whole, so the gap they leave on the line before can be wide.
 */
function firstPieceWidth(text: string, size: number): number {
  const chars = [...text];
  let end = 1;
  while (end < chars.length) {
    const before = chars[end - 1];
    const c = chars[end];
    if ((IDEOGRAPH.test(c) || OPENING.test(c)) && (IDEOGRAPH.test(before) || CLOSING.test(before) || before === ' ')) break;
    if (before === ' ') break;
    end++;
  }
  return chars.slice(0, end).reduce((w, c) => w + (c.charCodeAt(0) >= 0x2000 ? 1 : /[%@MWmw]/.test(c) ? 0.85 : 0.55) * size, 0);
}

/**
 * Where the text column ends: the furthest right edge that several lines
 * share. Lines ending in punctuation are left out, because Chinese
 * typesetting lets a final comma or full stop hang past the margin.
 */
function rightMargin(lines: Line[]): number {
  const edges = lines.filter((l) => !/[，。、；：！？,.;:!?）)”」]$/.test(l.text)).map((l) => Math.round(l.right)).sort((a, b) => b - a);
  for (let i = 0; i + 1 < edges.length; i++) if (edges[i] - edges[i + 1] <= 1) return edges[i];
  return lines.reduce((m, l) => Math.max(m, l.right), 0);
}

function joiner(before: string, after: string): string {
  return /[A-Za-z0-9,.]$/.test(before) && /^[A-Za-z0-9(]/.test(after) ? ' ' : '';
}

/** Lines printed at the top or bottom of most pages (a running header or footer), digits ignored. */
function runningChrome(pages: Line[][]): Set<string> {
  if (pages.length < 3) return new Set();
  const counts = new Map<string, number>();
  for (const lines of pages) {
    if (lines.length < 3) continue; // a header or footer frames other lines
    const edge = new Set([lines[0], lines[lines.length - 1]].filter(Boolean).map((l) => chromeKey(l.text)));
    for (const k of edge) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return new Set([...counts].filter(([, n]) => n >= Math.max(3, pages.length / 2)).map(([k]) => k));
}

/**
 * A bare number at a page's edge is a page number only when such numbers
 * follow the pages (page index + a fixed offset) on most of them; otherwise it
 * is data, such as the last cell of a table that ends the page.
 */
function pageNumberOffset(pages: Line[][]): number | undefined {
  const counts = new Map<number, number>();
  pages.forEach((lines, page) => {
    const edges = new Set([lines[0], lines[lines.length - 1]].filter((l) => l && BARE_NUMBER.test(l.text.trim())).map((l) => Number(l.text.trim()) - page));
    for (const o of edges) counts.set(o, (counts.get(o) ?? 0) + 1);
  });
  const [offset, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  return n >= 2 && n >= pages.length / 2 ? offset : undefined;
}

function chromeKey(text: string): string {
  return text.replace(/\d+/g, '#').replace(/\s+/g, '');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Compressed bytes fed to the inflater at a time; at most ~1000× that comes out per step. */
const INFLATE_STEP = 16 * 1024;
/** How far before a `stream` keyword its dictionary is looked for. */
const DICTIONARY_WINDOW = 4096;

class StreamTooLarge extends Error {}

/**
 * pdf.js decodes a stream whole, so a small PDF whose content stream inflates
 * to gigabytes exhausts memory. Before pdf.js sees the file, every
 * /FlateDecode stream that is not an image (pdf.js reads no image data for
 * text) is inflated here without keeping the output, counting the bytes and
 * stopping past the per-stream or total limit. Streams that fail to inflate
 * are left for pdf.js to judge.
 */
export function inflatedStreamRefusal(bytes: Uint8Array, limits: ReadLimits = READ_LIMITS): string | undefined {
  let total = 0;
  for (let at = indexOfBytes(bytes, STREAM, 0); at >= 0; at = indexOfBytes(bytes, STREAM, at + STREAM.length)) {
    const start = streamDataStart(bytes, at);
    if (start === undefined) continue;
    const dictionary = latin1(bytes.subarray(Math.max(0, at - DICTIONARY_WINDOW), at));
    const own = dictionary.slice(dictionary.lastIndexOf('obj') + 1);
    if (!/\/(FlateDecode|Fl)\b/.test(own) || /\/Subtype\s*\/Image\b/.test(own)) continue;
    const end = indexOfBytes(bytes, END_STREAM, start);
    const data = bytes.subarray(start, end < 0 ? bytes.length : end);
    let size = 0;
    const inflater = new Unzlib((chunk) => {
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxPdfStreamBytes || total > limits.maxPdfInflatedBytes) throw new StreamTooLarge();
    });
    try {
      for (let i = 0; i < data.length; i += INFLATE_STEP) inflater.push(data.subarray(i, i + INFLATE_STEP));
    } catch (err) {
      if (!(err instanceof StreamTooLarge)) continue;
      return size > limits.maxPdfStreamBytes
        ? `PDF has a compressed stream that inflates to more than ${formatBytes(limits.maxPdfStreamBytes)} (decompression bomb?)`
        : `PDF's compressed streams inflate to more than ${formatBytes(limits.maxPdfInflatedBytes)} in all (decompression bomb?)`;
    }
  }
  return undefined;
}

const STREAM = [...'stream'].map((c) => c.charCodeAt(0));
const END_STREAM = [...'endstream'].map((c) => c.charCodeAt(0));

/** Where the data of a stream begins: after `stream` and its line break; undefined for `endstream` or a word that only contains it. */
function streamDataStart(bytes: Uint8Array, at: number): number | undefined {
  const before = bytes[at - 1];
  if (at > 0 && before !== 0x20 && before !== 0x0a && before !== 0x0d && before !== 0x3e /* > */ && before !== 0x09) return undefined;
  const after = at + STREAM.length;
  if (bytes[after] === 0x0d) return bytes[after + 1] === 0x0a ? after + 2 : after + 1;
  return bytes[after] === 0x0a ? after + 1 : undefined;
}

function indexOfBytes(bytes: Uint8Array, needle: number[], from: number): number {
  for (let i = bytes.indexOf(needle[0], from); i >= 0 && i + needle.length <= bytes.length; i = bytes.indexOf(needle[0], i + 1)) {
    let j = 1;
    while (j < needle.length && bytes[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function latin1(bytes: Uint8Array): string {
  return new TextDecoder('latin1').decode(bytes);
}
