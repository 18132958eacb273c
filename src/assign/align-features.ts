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

/**
 * How well a passage accounts for an item: the share of the item's weighted
 * features the passage holds (a notice shortens the report's sentence, so
 * what matters is that the item's words are there), blended with the cosine
 * of the two, which keeps a long passage from winning by sheer length.
 */
export function resemblance(item: Features, passage: Features, w: Weights): { score: number; coverage: number; cosine: number } {
  let held = 0;
  let total = 0;
  let dot = 0;
  let itemNorm = 0;
  for (const [f, k] of item) {
    const idf = weight(w, f);
    total += idf;
    const x = (1 + Math.log(k)) * idf;
    itemNorm += x * x;
    const other = passage.get(f);
    if (other !== undefined) {
      held += idf;
      dot += x * (1 + Math.log(other)) * idf;
    }
  }
  let passageNorm = 0;
  for (const [f, k] of passage) {
    const y = (1 + Math.log(k)) * weight(w, f);
    passageNorm += y * y;
  }
  const coverage = total > 0 ? held / total : 0;
  const cosine = itemNorm > 0 && passageNorm > 0 ? dot / Math.sqrt(itemNorm * passageNorm) : 0;
  return { score: COVERAGE_SHARE * coverage + (1 - COVERAGE_SHARE) * cosine, coverage, cosine };
}

/** How much of the score is coverage of the item; the rest is cosine. */
const COVERAGE_SHARE = 0.75;
