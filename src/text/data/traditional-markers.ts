/**
 * Frequent characters that exist only in traditional script. A text with
 * enough of them is converted to simplified; a simplified text skips the
 * (comparatively slow) conversion altogether.
 */
export const TRADITIONAL_MARKERS = '這們為個發會國來對經說時動區與產實際進過還開關點種東車長門問間見電話務資稅運農醫療機構協議計劃統處應該總體歷現環設備觀規則級組織領導辦線險從價億萬當頭變調';

/** How many marker characters make a text traditional. */
export const TRADITIONAL_MIN_MARKERS = 8;
