import type { Span } from './types.ts';

export interface Line extends Span {
  /** The line without its surrounding white space; start/end bound exactly this text. */
  text: string;
}

/** The non-empty lines of a text, each with the offsets of its trimmed content. */
export function nonEmptyLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (!trimmed) continue;
    const start = m.index + lead;
    lines.push({ text: trimmed, start, end: start + trimmed.length });
  }
  return lines;
}
