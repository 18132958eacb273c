/**
 * What a notice item and a report sentence are compared on: character
 * bigrams of the Chinese text (no dictionary, so policy words and names
 * match whatever a segmenter would make of them) and the figures (500家,
 * 6.5%), which a notice copies from the report and which tell apart
 * sentences that read alike (新增…家 / 新增…个). Punctuation says nothing.
 */
export type Features = Map<string, number>;

const FIGURE = /\d+(?:\.\d+)?/g;

export function featuresOf(text: string): Features {
  const plain = text.normalize('NFKC');
  const counts: Features = new Map();
  const add = (f: string) => counts.set(f, (counts.get(f) ?? 0) + 1);
  for (const m of plain.matchAll(FIGURE)) add(`#${m[0]}`);
  for (const run of plain.split(/[^\u4e00-\u9fa5A-Za-z]+/)) {
    for (let i = 0; i + 1 < run.length; i++) add(run.slice(i, i + 2));
  }
  return counts;
}

/** Inverse document frequencies over the report's sentences; a feature the report never has weighs most. */
export interface Weights {
  idf: Map<string, number>;
  unseen: number;
}

export function weightsOf(documents: Features[]): Weights {
  const df = new Map<string, number>();
  for (const d of documents) for (const f of d.keys()) df.set(f, (df.get(f) ?? 0) + 1);
  const n = documents.length;
  const idf = new Map<string, number>();
  for (const [f, k] of df) idf.set(f, Math.log((n + 1) / (k + 0.5)));
  return { idf, unseen: Math.log((n + 1) / 0.5) };
}

function weight(w: Weights, f: string): number {
  return w.idf.get(f) ?? w.unseen;
}

/** Features of several sentences read as one passage. */
export function union(parts: Features[]): Features {
  const out: Features = new Map();
  for (const p of parts) for (const [f, k] of p) out.set(f, (out.get(f) ?? 0) + k);
  return out;
}

/** A passage's features with their vector length, computed once per sentence rather than once per comparison. */
export interface Passage {
  features: Features;
  norm: number;
}

export function passageOf(features: Features, w: Weights): Passage {
  let norm = 0;
  for (const [f, k] of features) {
    const y = (1 + Math.log(k)) * weight(w, f);
    norm += y * y;
  }
  return { features, norm: Math.sqrt(norm) };
}

/** An item's features with their weights, computed once per item rather than once per comparison. */
export interface Query {
  entries: { feature: string; idf: number; x: number }[];
  total: number;
  norm: number;
}

export function queryOf(features: Features, w: Weights): Query {
  const entries = [...features].map(([feature, k]) => {
    const idf = weight(w, feature);
    return { feature, idf, x: (1 + Math.log(k)) * idf };
  });
  return {
    entries,
    total: entries.reduce((s, e) => s + e.idf, 0),
    norm: Math.sqrt(entries.reduce((s, e) => s + e.x * e.x, 0)),
  };
}

/**
 * How well a passage accounts for an item: the share of the item's weighted
 * features the passage holds (a notice shortens the report's sentence, so
 * what matters is that the item's words are there), blended with the cosine
 * of the two, which keeps a long passage from winning by sheer length.
 */
export function resemblance(item: Query, passage: Passage): { score: number; coverage: number; cosine: number } {
  let held = 0;
  let dot = 0;
  for (const e of item.entries) {
    const other = passage.features.get(e.feature);
    if (other !== undefined) {
      held += e.idf;
      dot += e.x * (1 + Math.log(other)) * e.idf;
    }
  }
  const coverage = item.total > 0 ? held / item.total : 0;
  const cosine = item.norm > 0 && passage.norm > 0 ? dot / (item.norm * passage.norm) : 0;
  return { score: COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * cosine, coverage, cosine };
}

/** For each feature, the passages that hold it and its log count there: scoring an item touches only what it shares. */
export type Postings = Map<string, { at: number; tf: number }[]>;

export function postingsOf(passages: Passage[]): Postings {
  const postings: Postings = new Map();
  passages.forEach((p, at) => {
    for (const [f, k] of p.features) {
      const entry = { at, tf: 1 + Math.log(k) };
      const list = postings.get(f);
      if (list) list.push(entry);
      else postings.set(f, [entry]);
    }
  });
  return postings;
}

/** `resemblance(item, passage).score` for every passage at once. */
export function scoresAgainst(item: Query, passages: Passage[], postings: Postings): number[] {
  const held = new Float64Array(passages.length);
  const dot = new Float64Array(passages.length);
  for (const e of item.entries) {
    for (const { at, tf } of postings.get(e.feature) ?? []) {
      held[at] += e.idf;
      dot[at] += e.x * tf * e.idf;
    }
  }
  return passages.map((p, at) => {
    const coverage = item.total > 0 ? held[at] / item.total : 0;
    const cosine = item.norm > 0 && p.norm > 0 ? dot[at] / (item.norm * p.norm) : 0;
    return COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * cosine;
  });
}

/** How much of the score is coverage of the item; the rest is cosine. */
const COVERAGE_SHARE = 0.75;
