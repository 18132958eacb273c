const OPEN = '(（[【“‘《';
const CLOSE = ')）]】”’》';
const SEPARATORS = ',，、;；';

/**
 * Splits a list of unit or leader names on commas, 、 and semicolons that
 * stand outside brackets and quotes, so `市委组织部(市委人才办)` and
 * `各区县(市)政府` stay whole. Empty pieces and trailing full stops go.
 */
export function splitNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of value) {
    if (OPEN.includes(ch)) depth++;
    else if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && SEPARATORS.includes(ch)) {
      names.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  names.push(current);
  return names.map((n) => n.trim().replace(/[。.]+$/, '').trim()).filter((n) => n.length > 0);
}
