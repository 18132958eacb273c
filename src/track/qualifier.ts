import type { ActualFigure } from './figures.ts';
import type { Qualifier } from './actual-words.ts';
import { WORDS_AFTER_NUMBER, WORDS_BEFORE_NUMBER } from './actual-words.ts';
import { halfWidth } from './units.ts';

const BEFORE = [...WORDS_BEFORE_NUMBER].sort((a, b) => b[0].length - a[0].length);
const CMP_QUALIFIER: Partial<Record<NonNullable<ActualFigure['cmp']>, Qualifier>> = {
  gt: 'above', lt: 'below', approx: 'about', ge: 'at_least', le: 'at_most',
};

/**
 * How an actual figure binds: the word next to its number in the quote
 * (接近2.8% → below) wins over the record's comparator, which the extractor
 * fills from a narrower word list.
 */
export function qualifierOf(actual: ActualFigure): Qualifier | undefined {
  const text = halfWidth(actual.quote ?? actual.text ?? '');
  if (actual.value !== undefined && text) {
    for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) {
      if (Number(m[0]) !== actual.value) continue;
      const before = text.slice(0, m.index);
      const hit = BEFORE.find(([w]) => before.endsWith(w));
      if (hit) return hit[1];
      let after = text.slice(m.index + m[0].length);
      const unit = halfWidth(actual.unit ?? '');
      for (const step of [0, 1]) {
        const found = WORDS_AFTER_NUMBER.find(([w]) => after.startsWith(w));
        if (found) return found[1];
        if (step === 0 && unit && after.startsWith(unit)) after = after.slice(unit.length);
        else break;
      }
      break;
    }
  }
  return actual.cmp ? CMP_QUALIFIER[actual.cmp] : undefined;
}
