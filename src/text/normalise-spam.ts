/**
 * Spam injected into scraped pages: a line of many short keyword phrases
 * separated by commas, with no sentence in it, near the top of the page.
 * Judged by shape, not by words, so that new spam is caught too.
 */
export const SPAM_MIN_PHRASES = 5;
export const SPAM_MAX_MEAN_PHRASE = 16;
/** Spam sits before the report's body: only the first lines are examined. */
export const SPAM_HEAD_LINES = 5;

export function looksLikeSpam(line: string): boolean {
  if (/[。；;：:]/.test(line)) return false;
  const phrases = line.split(/[,，]/).filter((p) => p.trim().length > 0);
  if (phrases.length < SPAM_MIN_PHRASES) return false;
  const mean = phrases.reduce((n, p) => n + p.length, 0) / phrases.length;
  if (mean > SPAM_MAX_MEAN_PHRASE) return false;
  // A report's own lists are joined by 、 and carry function words; keyword spam has neither.
  return !/[、的和了]/.test(line) || phrases.length >= 8;
}
