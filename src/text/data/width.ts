/**
 * Full-width forms folded to ASCII. Chinese clause punctuation (，。、；：？！
 * and the curly quotes) is kept: it carries sentence structure the extractor
 * reads, and the spec's quotes keep it. Brackets, digits, letters, %, the
 * range dashes and the ideographic space are folded so one pattern reads both.
 */
const KEEP = new Set(['，', '；', '：', '？', '！']);

const EXTRA: Record<string, string> = {
  '\u3000': ' ',
  '\u00a0': ' ',
  '\u2002': ' ',
  '\u2003': ' ',
  '\u2009': ' ',
  '\u200b': ' ',
  '\ufeff': ' ',
  '．': '.',
  '﹪': '%',
  '〜': '～',
};

/** The folded form of one character (same length: one UTF-16 unit in, one out). */
export function foldWidth(ch: string): string {
  const code = ch.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) {
    if (KEEP.has(ch) || ch === '～') return ch;
    return String.fromCharCode(code - 0xfee0);
  }
  return EXTRA[ch] ?? ch;
}

/** The characters `foldWidth` changes. */
export const WIDE = /[\uff02-\uff0b\uff0d-\uff19\uff1c-\uff1e\uff20-\uff5d\u3000\u00a0\u2002\u2003\u2009\u200b\ufeff﹪〜]/;
const WIDE_ALL = new RegExp(WIDE.source, 'g');

/** `line` with every character folded; same length, so offsets are unchanged. */
export function foldLine(line: string): string {
  return WIDE.test(line) ? line.replace(WIDE_ALL, foldWidth) : line;
}
