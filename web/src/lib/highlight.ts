import type { Quantity } from '../api/types.ts';

/** Pieces of the text between quantity spans, for highlighting in place (an overlapping span keeps the first). */
export function highlightPieces(text: string, quantities: Quantity[]): { text: string; index?: number }[] {
  const order = quantities.map((q, index) => ({ q, index }))
    .filter(({ q }) => q.span && q.span.start >= 0 && q.span.end <= text.length)
    .sort((a, b) => a.q.span.start - b.q.span.start);
  const pieces: { text: string; index?: number }[] = [];
  let at = 0;
  for (const { q, index } of order) {
    if (q.span.start < at) continue;
    if (q.span.start > at) pieces.push({ text: text.slice(at, q.span.start) });
    pieces.push({ text: text.slice(q.span.start, q.span.end), index });
    at = q.span.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at) });
  return pieces;
}

/** Where a task's text may be split: after each full stop or semicolon that is not the last character. */
export function splitPoints(text: string): number[] {
  const points: number[] = [];
  for (let i = 0; i < text.length - 1; i++) if ('。；;'.includes(text[i])) points.push(i + 1);
  return points;
}
