/**
 * htmlparser2 keeps its stack of open elements with unshift/shift, so parsing
 * slows quadratically with nesting depth (100 000 levels: minutes). Readers
 * estimate the depth first, from the tags alone, and refuse absurd markup.
 */

/** Elements a parser closes by itself when the next one opens: they do not deepen the nesting. */
const SELF_CLOSING_IN_PRACTICE = new Set(['p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd', 'tbody', 'thead', 'tfoot', 'br', 'hr', 'img', 'input', 'meta', 'link', 'col', 'area', 'base', 'wbr', 'source', 'param', 'embed', 'track']);

export interface MarkupShape {
  /** How deep the elements nest. */
  depth: number;
  /** How many elements open (every start or empty-element tag). */
  elements: number;
}

/**
 * How deep the elements of HTML or XML nest and how many there are, estimated
 * from its tags without parsing it. Counting stops one element past
 * `maxElements`: that is enough to refuse, and saves scanning the rest.
 */
export function markupShape(html: string, maxElements = Infinity): MarkupShape {
  let depth = 0;
  let max = 0;
  let elements = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    if (!m[1] && ++elements > maxElements) break;
    if (SELF_CLOSING_IN_PRACTICE.has(m[2].toLowerCase()) || m[3]) continue;
    depth = m[1] ? Math.max(0, depth - 1) : depth + 1;
    if (depth > max) max = depth;
  }
  return { depth: max, elements };
}

/** Why markup is refused before parsing (`what` names it: `web page`, `word/document.xml`), or undefined. */
export function markupRefusal(what: string, html: string, limits: { maxMarkupDepth: number; maxMarkupElements: number }): string | undefined {
  const { depth, elements } = markupShape(html, limits.maxMarkupElements);
  if (depth > limits.maxMarkupDepth) return `${what} nests its elements ${depth} deep, more than ${limits.maxMarkupDepth}`;
  if (elements > limits.maxMarkupElements) return `${what} has more than ${limits.maxMarkupElements} elements, far more than a report holds`;
  return undefined;
}
