import { MappedTextBuilder, type MappedText } from './offset-map.ts';
import { toSimplified } from './normalise-script.ts';
import { footnoteMarks } from './normalise-footnotes.ts';
import { looksLikeSpam, SPAM_HEAD_LINES } from './normalise-spam.ts';
import { chromeRule } from './data/web-chrome.ts';
import { foldWidth, foldLine } from './data/width.ts';

/** A line left out of the normalised text, and why. */
export interface DroppedLine {
  reason: string;
  /** Offsets into the original text. */
  span: { start: number; end: number };
}

export interface NormalisedText extends MappedText {
  dropped: DroppedLine[];
}

/** A run of at least this many lines and characters, repeating earlier lines in order, is a page printed twice. */
export const REPEAT_MIN_LINES = 3;
export const REPEAT_MIN_CHARS = 60;

/**
 * Simplified characters, folded widths, and only the report's own lines: web
 * chrome, spam, a second printing and footnote marks removed. Every character
 * keeps its original index, and every line break is kept so lines still end
 * where they ended.
 */
export function normalise(original: string): NormalisedText {
  const simple = toSimplified(original);
  const text = simple.text;
  const toOriginal = simple.map ? (i: number) => simple.map![Math.min(i, simple.map!.length - 1)] : (i: number) => i;
  const marks = footnoteMarks(text);
  const lines = splitLines(text);
  markChromeAndSpam(lines);
  markRepeatedBlocks(lines);

  const out = new MappedTextBuilder(text.length);
  const dropped: DroppedLine[] = [];
  for (const { start, end, reason } of lines) {
    const line = text.slice(start, end);
    if (reason) {
      dropped.push({ reason, span: { start: toOriginal(start), end: toOriginal(end) } });
    } else if (!SPACED_DIGITS.test(line) && !hasMark(marks, start, end)) {
      // the common case: characters fold one for one, so the map is a run (or the script map's slice)
      if (simple.map) out.appendMapped(foldLine(line), simple.map, start);
      else out.appendRun(foldLine(line), start);
    } else {
      appendFolded(out, text, start, end, marks, toOriginal);
    }
    if (end < text.length) out.appendRun('\n', toOriginal(end));
  }
  return { ...out.finish(original.length), dropped };
}

interface Line { start: number; end: number; key: string; reason?: string }

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    lines.push({ start, end, key: text.slice(start, end).trim() });
    start = end + 1;
  }
  return lines;
}

function markChromeAndSpam(lines: Line[]): void {
  let bodyLines = 0;
  for (const line of lines) {
    if (!line.key) continue;
    line.reason = chromeRule(line.key);
    if (!line.reason && bodyLines < SPAM_HEAD_LINES && looksLikeSpam(line.key)) line.reason = 'spam';
    else bodyLines++;
  }
}

/**
 * A page printed twice repeats a run of lines in the same order. Single
 * repeated lines are normal (a breakdown notice names the same leader under
 * many items), so only runs are dropped.
 */
function markRepeatedBlocks(lines: Line[]): void {
  const body = lines.filter((l) => l.key && !l.reason);
  const first = new Map<string, number>();
  body.forEach((l, i) => { if (!first.has(l.key)) first.set(l.key, i); });
  for (let i = 0; i < body.length; ) {
    const j = first.get(body[i].key)!;
    if (j === i) { i++; continue; }
    let run = 0;
    let chars = 0;
    while (i + run < body.length && j + run < i && body[i + run].key === body[j + run].key) {
      chars += body[i + run].key.length;
      run++;
    }
    if (run >= REPEAT_MIN_LINES && chars >= REPEAT_MIN_CHARS) {
      for (let k = 0; k < run; k++) body[i + k].reason = 'repeated';
      i += run;
    } else i++;
  }
}
// Some pages space out every digit (1 6 5 5 亿美元, 2 2 ．4 万件); the spaces are dropped.
const SPACED_DIGITS = /[\d０-９][ \u3000\u2002\u2009][\d０-９.．]/;
const DIGITISH = /[\d.]/;
const GAP = /[ \u3000\u2002\u2009]/;

function hasMark(marks: Set<number>, start: number, end: number): boolean {
  if (marks.size === 0) return false;
  for (const m of marks) if (m >= start && m < end) return true;
  return false;
}

function appendFolded(
  out: MappedTextBuilder, text: string, start: number, end: number,
  marks: Set<number>, toOriginal: (i: number) => number,
): void {
  const chars: string[] = [];
  const origins: number[] = [];
  let spacedRun = false;
  for (let i = start; i < end; i++) {
    if (marks.has(i)) continue;
    if (GAP.test(text[i]) && i + 1 < end && DIGITISH.test(chars[chars.length - 1] ?? '')) {
      const next = foldWidth(text[i + 1]);
      if (DIGITISH.test(next)) { spacedRun = true; continue; }
      if (spacedRun && !GAP.test(next)) continue;
    }
    const ch = foldWidth(text[i]);
    if (!DIGITISH.test(ch)) spacedRun = false;
    chars.push(ch);
    origins.push(toOriginal(i));
  }
  out.append(chars.join(''), (i) => origins[i]);
}
