import type { Token } from './tokens.ts';

/** Where sentences and clauses end in a normalised report. */
export const SENTENCE_END = new Set('。；;！!？?\n');
export const CLAUSE_END = new Set('，,：:');
/** No clause reaches further back than this (a run-on page without punctuation). */
export const SENTENCE_MAX = 400;

/** A figure inside an unclosed parenthesis (区本级1931.8亿元) starts its clause there. */
export function openParenthesis(text: string, from: number, at: number): number {
  const clause = text.slice(from, at);
  const open = clause.lastIndexOf('(');
  return open >= 0 && !clause.includes(')', open) ? from + open + 1 : from;
}

/** The start of the sentence or clause around `at` (looking back at most 400 characters). */
export function boundaryBefore(text: string, at: number, ends: Set<string>): number {
  for (let i = at - 1; i >= 0 && at - i < SENTENCE_MAX; i--) if (ends.has(text[i])) return i + 1;
  return Math.max(0, at - SENTENCE_MAX);
}

/** A number inside “…” is part of a name (“十三五”, “四个意识”). */
export function insideQuotes(text: string, from: number, at: number): boolean {
  let depth = 0;
  for (let i = from; i < at; i++) {
    if (text[i] === '“') depth++;
    else if (text[i] === '”') depth = Math.max(0, depth - 1);
  }
  return depth > 0;
}

/** How many figures follow one another joined only by 、 和 及 (a list of figures). */
export function runLength(text: string, tokens: Token[], t: number): number {
  let run = 1;
  while (t + run < tokens.length && /^[、和及与]?$/.test(text.slice(tokens[t + run - 1].end, tokens[t + run].start))) run++;
  return run;
}
