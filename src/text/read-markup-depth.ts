/**
 * htmlparser2 keeps its stack of open elements with unshift/shift, so parsing
 * slows quadratically with nesting depth (100 000 levels: minutes). Readers
 * estimate the depth first, from the tags alone, and refuse absurd markup.
 */

/** Elements a parser closes by itself when the next one opens: they do not deepen the nesting. */
const SELF_CLOSING_IN_PRACTICE = new Set(['p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd', 'tbody', 'thead', 'tfoot', 'br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'area', 'base', 'wbr', 'source', 'param', 'embed', 'track']);

/** How deep the elements of HTML or XML nest, estimated from its tags without parsing it. */
export function nestingDepth(html: string): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (SELF_CLOSING_IN_PRACTICE.has(m[2].toLowerCase()) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return max;
}
