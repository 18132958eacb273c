/**
 * Footnote marks glued to words (`“415X”5`, `SPV公司3`) point at the numbered
 * entries of a glossary (名词解释) at the end of a report. A run of digits is a
 * mark when the glossary has an entry of that number whose term ends with
 * the words just before the digits; anything else is left alone, so that
 * counts such as `“四好农村路”2条` survive.
 */
const GLOSSARY_HEADING = /^[ \t]*(名\s*词\s*解\s*释|名词注释|注\s*释)[ \t]*[:：]?[ \t]*\r?$/m;
const GLOSSARY_ENTRY = /^[ \t]*(\d{1,3})\s*[.．、]\s*([^。\n]{1,60})/gm;
const QUOTES = /[“”"‘’「」『』《》\s]/g;

/** Where the glossary heading starts, or -1. */
export function glossaryStart(text: string): number {
  const m = GLOSSARY_HEADING.exec(text);
  return m ? m.index : -1;
}

/** The glossary's terms by entry number. */
export function glossaryTerms(text: string, start: number): Map<number, string> {
  const terms = new Map<number, string>();
  GLOSSARY_ENTRY.lastIndex = start;
  for (let m = GLOSSARY_ENTRY.exec(text); m; m = GLOSSARY_ENTRY.exec(text)) {
    terms.set(Number(m[1]), m[2].replace(QUOTES, ''));
  }
  return terms;
}

/** Indices of the footnote-mark digits in `text`. */
export function footnoteMarks(text: string): Set<number> {
  const marks = new Set<number>();
  const start = glossaryStart(text);
  if (start < 0) return marks;
  const terms = glossaryTerms(text, start);
  if (terms.size === 0) return marks;
  const digits = /\d{1,3}/g;
  const body = text.slice(0, start);
  for (let m = digits.exec(body); m; m = digits.exec(body)) {
    const at = m.index;
    const before = body[at - 1];
    const after = body[at + m[0].length];
    if (!before || /[\d.．]/.test(before) || (after && /[\d.．]/.test(after))) continue;
    const term = terms.get(Number(m[0]));
    if (!term || term.length < 2) continue;
    const lead = body.slice(Math.max(0, at - 12), at).replace(QUOTES, '');
    if (lead.endsWith(term.slice(-2))) {
      for (let i = 0; i < m[0].length; i++) marks.add(at + i);
    }
  }
  return marks;
}
