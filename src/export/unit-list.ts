/** Separators between names in a list cell; a name may hold any of them inside parentheses. */
const separators = new Set(['、', ',', '，', ';', '；', '\n']);
const opening = new Set(['(', '（']);
const closing = new Set([')', '）']);

/** Splits a list cell into names, keeping `市委组织部(市委人才办)` whole. */
export function splitNames(cell: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of cell) {
    if (opening.has(ch)) depth += 1;
    if (closing.has(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && separators.has(ch)) {
      names.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  names.push(current);
  return names.map((n) => n.trim()).filter((n) => n.length > 0);
}

/** Joins names the way notices list them. */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}
