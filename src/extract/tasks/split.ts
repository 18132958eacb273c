/** Sentence ends of a plan: a task never spans one of these. */
const SENTENCE_END = /[。！？!?；;]/;
const OPEN_QUOTE = '“‘《(（';
const CLOSE_QUOTE = '”’》)）';

export interface Piece {
  text: string;
  /** Offsets into the text that was split. */
  start: number;
  end: number;
}

/** Splits a paragraph into sentences at 。！？；, never inside quotes or brackets. */
export function sentences(text: string, offset = 0): Piece[] {
  return splitAt(text, offset, (ch) => SENTENCE_END.test(ch), true);
}

/** Splits a sentence into clauses at commas outside quotes and brackets; the comma stays with the clause before it. */
export function clauses(text: string, offset = 0): Piece[] {
  return splitAt(text, offset, (ch) => ch === '，' || ch === ',', true);
}

function splitAt(text: string, offset: number, isEnd: (ch: string) => boolean, keep: boolean): Piece[] {
  const out: Piece[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (OPEN_QUOTE.includes(ch)) depth++;
    else if (CLOSE_QUOTE.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && isEnd(ch)) {
      push(out, text, start, keep ? i + 1 : i, offset);
      start = i + 1;
    }
  }
  push(out, text, start, text.length, offset);
  return out;
}

function push(out: Piece[], text: string, start: number, end: number, offset: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed) out.push({ text: trimmed, start: offset + start + lead, end: offset + start + lead + trimmed.length });
}
