import { charBigrams, diceOf } from '../../text/bigrams.ts';

/** Dice coefficient over character bigrams, the measure the scorer uses to compare indicators. */
export function dice(a: string, b: string): number {
  const clean = (s: string) => s.replace(/[“”‘’"'《》\s]/g, '');
  return diceOf(charBigrams(clean(a)), charBigrams(clean(b)));
}
