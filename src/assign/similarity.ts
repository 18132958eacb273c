/**
 * Resemblance between task texts: TF-IDF over character bigrams, cosine.
 * Bigrams need no dictionary and catch policy words (研发, 养老, 港口)
 * whatever segmentation would make of them; digits and punctuation are
 * dropped because figures say nothing about who is responsible.
 */
export interface SimilarityIndex {
  idf: Map<string, number>;
  /** For each bigram, the texts that hold it and its weight there. */
  postings: Map<string, [at: number, weight: number][]>;
  size: number;
}

export function bigrams(text: string): string[] {
  const clean = text.replace(/[^\u4e00-\u9fa5A-Za-z]+/g, '|');
  const grams: string[] = [];
  for (const part of clean.split('|')) for (let i = 0; i + 1 < part.length; i++) grams.push(part.slice(i, i + 2));
  return grams;
}

function vectorOf(text: string, idf: Map<string, number>, fallbackIdf: number): Map<string, number> {
  const tf = new Map<string, number>();
  for (const g of bigrams(text)) tf.set(g, (tf.get(g) ?? 0) + 1);
  const v = new Map<string, number>();
  let norm = 0;
  for (const [g, n] of tf) {
    const w = (1 + Math.log(n)) * (idf.get(g) ?? fallbackIdf);
    v.set(g, w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (const [g, w] of v) v.set(g, w / norm);
  return v;
}

export function buildIndex(texts: string[]): SimilarityIndex {
  const df = new Map<string, number>();
  for (const t of texts) for (const g of new Set(bigrams(t))) df.set(g, (df.get(g) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [g, n] of df) idf.set(g, Math.log((texts.length + 1) / (n + 0.5)));
  const index: SimilarityIndex = { idf, postings: new Map(), size: texts.length };
  texts.forEach((t, at) => {
    for (const [g, w] of vectorOf(t, idf, fallback(texts.length))) {
      const list = index.postings.get(g);
      if (list) list.push([at, w]);
      else index.postings.set(g, [[at, w]]);
    }
  });
  return index;
}

function fallback(n: number): number {
  return Math.log((n + 1) / 0.5) || 1;
}

/** The indexed texts most like `text`, best first, with their cosine similarity. */
export function nearest(index: SimilarityIndex, text: string, k: number): { at: number; similarity: number }[] {
  const q = vectorOf(text, index.idf, fallback(index.size));
  const dots = new Map<number, number>();
  for (const [g, w] of q) {
    for (const [at, v] of index.postings.get(g) ?? []) dots.set(at, (dots.get(at) ?? 0) + w * v);
  }
  return [...dots].map(([at, similarity]) => ({ at, similarity }))
    .sort((a, b) => b.similarity - a.similarity || a.at - b.at).slice(0, k);
}
