import { extractTasks } from '../extract/tasks/extract.ts';
import { sentences as splitSentences } from '../extract/tasks/split.ts';
import type { ReportTask } from '../extract/tasks/types.ts';
import { analyse } from '../pipeline.ts';
import { originalSpan } from '../text/offset-map.ts';
import type { SourceDocument } from '../text/source.ts';
import {
  featuresOf, passageOf, postingsOf, queryOf, resemblance, scoresAgainst, union, weightsOf, type Features, type Passage, type Query, type Weights,
} from './align-features.ts';

export interface Span {
  start: number;
  end: number;
}

/** A sentence of the report's plan, where a notice item may come from. */
export interface ReportSentence {
  /** Position among the report's sentences, in reading order. */
  at: number;
  text: string;
  /** Offsets into the report's original text. */
  span: Span;
}

/** What a notice item needs to be aligned: its number and text (a BreakdownItem is one). */
export interface NoticeItemLike {
  no: number;
  text: string;
}

export interface ItemAlignment {
  item: number;
  /** Notice section the item stands under, when given. */
  section?: string;
  text: string;
  /** 0–1: share of the item's words the sentences hold, blended with their cosine. 0 when nothing resembles it. */
  similarity: number;
  /** The report sentence(s) the item came from, in report order; empty when none resembles it enough. */
  sentences: ReportSentence[];
  /** From the first sentence's start to the last one's end, in the report's original text. */
  span?: Span;
  /** Numbers of the report's tasks (src/extract/tasks) inside that span. */
  tasks: number[];
}

export interface AlignOptions {
  /** Below this an item is said to come from no sentence rather than from the least unlike one. */
  minSimilarity?: number;
  /** What going back in the report costs: notices follow the report's order, so a later sentence wins a near tie. */
  backwardPenalty?: number;
}

const DEFAULTS: Required<AlignOptions> = { minSimilarity: 0.4, backwardPenalty: 0.08 };
/** Sentences considered for each item before the order decides. */
const CANDIDATES = 8;
/** A neighbouring sentence joins the match when it raises the similarity by at least this much (an item that merges two sentences). */
const EXTEND_GAIN = 0.04;
/** …and when it holds at least this much more of the item's weighted words. */
const EXTEND_COVERAGE = 0.1;
const MAX_RUN = 4;

/** The sentences of a report's plan parts (the whole text when the outline finds no plan), and its tasks. */
export function reportSentences(source: SourceDocument): { sentences: ReportSentence[]; tasks: ReportTask[] } {
  const analysis = analyse(source);
  const { normalised: norm, outline } = analysis;
  const plans = outline.parts.filter((p) => p.kind === 'plan');
  const ranges = plans.length ? plans.map((p) => [p.start, p.end] as const) : [[0, norm.text.length] as const];
  const out: ReportSentence[] = [];
  for (const [start, end] of ranges) {
    let at = start;
    for (const line of norm.text.slice(start, end).split('\n')) {
      for (const s of splitSentences(line, at)) {
        if (/[\u4e00-\u9fa5]/.test(s.text)) out.push({ at: out.length, text: s.text, span: originalSpan(norm, s.start, s.end) });
      }
      at += line.length + 1;
    }
  }
  const tasks = extractTasks({ norm, outline, quantities: analysis.quantities });
  return { sentences: out, tasks };
}

interface Candidate {
  at: number;
  score: number;
}

/** The best-resembling sentences at or above `min`, best first. */
function candidatesOf(scores: number[], min: number): Candidate[] {
  const found: Candidate[] = [];
  scores.forEach((score, at) => {
    if (score >= min) found.push({ at, score });
  });
  return found.sort((a, b) => b.score - a.score || a.at - b.at).slice(0, CANDIDATES);
}

/**
 * Chooses one sentence (or none) per item so that the summed similarity,
 * less a penalty for each step back in the report, is greatest: a Viterbi
 * pass whose state is the last sentence used.
 */
function monotoneChoice(candidates: Candidate[][], options: Required<AlignOptions>): (Candidate | undefined)[] {
  type Step = { score: number; from: number; choice?: Candidate };
  const steps: Map<number, Step>[] = [];
  let states = new Map<number, Step>([[-1, { score: 0, from: -1 }]]);
  for (const choices of candidates) {
    const next = new Map<number, Step>();
    const offer = (pos: number, step: Step) => {
      const held = next.get(pos);
      if (!held || step.score > held.score) next.set(pos, step);
    };
    for (const [pos, state] of states) {
      offer(pos, { score: state.score, from: pos });
      for (const c of choices) {
        const gain = c.score - options.minSimilarity - (c.at < pos ? options.backwardPenalty : 0);
        offer(c.at, { score: state.score + gain, from: pos, choice: c });
      }
    }
    steps.push(next);
    states = next;
  }
  let pos = -1;
  let best = -Infinity;
  for (const [p, s] of states) if (s.score > best) [pos, best] = [p, s.score];
  const path: (Candidate | undefined)[] = [];
  for (let i = steps.length - 1; i >= 0; i--) {
    const step = steps[i].get(pos)!;
    path[i] = step.choice;
    pos = step.from;
  }
  return path;
}

/** Grows a match over neighbouring sentences while that accounts for more of the item. */
function extend(item: Query, at: number, sentences: Features[], passages: Passage[], w: Weights): { from: number; to: number; score: number } {
  let from = at;
  let to = at;
  let { score, coverage } = resemblance(item, passages[at]);
  for (let grown = true; grown && to - from + 1 < MAX_RUN; ) {
    grown = false;
    const options = [from - 1, to + 1].filter((i) => i >= 0 && i < sentences.length).map((i) => {
      const [a, b] = [Math.min(from, i), Math.max(to, i)];
      return { a, b, ...resemblance(item, passageOf(union(sentences.slice(a, b + 1)), w)) };
    }).sort((x, y) => y.score - x.score);
    const best = options[0];
    // A neighbour joins for a part of the item it alone holds, not for a few common words (持续, 推进).
    if (best && best.score >= score + EXTEND_GAIN && best.coverage >= coverage + EXTEND_COVERAGE) {
      ({ a: from, b: to, score, coverage } = best);
      grown = true;
    }
  }
  return { from, to, score };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * For each notice item, the report sentence(s) it came from. Similarity is
 * the share of the item's (IDF-weighted) character bigrams and figures that
 * the sentence holds, blended with their cosine; among near ties the order
 * decides, since a notice follows its report; an item merging consecutive
 * sentences is matched to all of them.
 */
export function alignItems(
  items: (NoticeItemLike & { section?: string })[],
  sentences: ReportSentence[],
  tasks: ReportTask[] = [],
  options: AlignOptions = {},
): ItemAlignment[] {
  const o = { ...DEFAULTS, ...options };
  const sentenceFeatures = sentences.map((s) => featuresOf(s.text));
  const w = weightsOf(sentenceFeatures);
  const passages = sentenceFeatures.map((f) => passageOf(f, w));
  const queries = items.map((i) => queryOf(featuresOf(i.text), w));
  const postings = postingsOf(passages);
  const scores = queries.map((q) => scoresAgainst(q, passages, postings));
  const chosen = monotoneChoice(scores.map((s) => candidatesOf(s, o.minSimilarity)), o);
  return items.map((item, i) => {
    const base: ItemAlignment = { item: item.no, ...(item.section !== undefined ? { section: item.section } : {}), text: item.text, similarity: 0, sentences: [], tasks: [] };
    const c = chosen[i];
    if (!c) {
      return { ...base, similarity: round(Math.max(0, ...scores[i])) };
    }
    const run = extend(queries[i], c.at, sentenceFeatures, passages, w);
    const matched = sentences.slice(run.from, run.to + 1);
    const span = { start: matched[0].span.start, end: matched[matched.length - 1].span.end };
    return {
      ...base,
      similarity: round(run.score),
      sentences: matched,
      span,
      tasks: tasks.filter((t) => t.span.start < span.end && t.span.end > span.start).map((t) => t.no),
    };
  });
}

/** Aligns a notice's items with the report of the same year. */
export function alignReport(report: SourceDocument, items: (NoticeItemLike & { section?: string })[], options: AlignOptions = {}): ItemAlignment[] {
  const { sentences, tasks } = reportSentences(report);
  return alignItems(items, sentences, tasks, options);
}
