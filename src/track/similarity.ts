import { charBigrams, diceOf } from '../text/bigrams.ts';
import { FILLER, FRAMING_PREFIXES, TRAILING_WORDS } from './indicator-words.ts';
import { halfWidth } from './units.ts';

const PREFIXES = [...FRAMING_PREFIXES].sort((a, b) => b.length - a.length);
const SUFFIXES = [...TRAILING_WORDS].sort((a, b) => b.length - a.length);

/** An indicator without its framing words, for comparing across documents. */
export function normaliseIndicator(indicator: string): string {
  let s = halfWidth(indicator).replace(FILLER, '');
  for (let changed = true; changed;) {
    changed = false;
    for (const p of PREFIXES) {
      if (s.startsWith(p) && s.length > p.length + 1) { s = s.slice(p.length); changed = true; }
    }
    for (const w of SUFFIXES) {
      if (s.endsWith(w) && s.length > w.length + 1) { s = s.slice(0, -w.length); changed = true; }
    }
  }
  return s;
}

// Reconciling a report pair compares every target with every actual; the same names come back each time.
const gramCache = new Map<string, string[]>();
function gramsOf(indicator: string): string[] {
  let g = gramCache.get(indicator);
  if (!g) {
    if (gramCache.size > 10_000) gramCache.clear();
    gramCache.set(indicator, (g = charBigrams(normaliseIndicator(indicator))));
  }
  return g;
}

/** Dice coefficient over character bigrams (as the quantity scorer uses), on normalised indicators. */
export function indicatorSimilarity(a: string, b: string): number {
  return diceOf(gramsOf(a), gramsOf(b));
}
