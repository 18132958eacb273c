import type { QuantityRecord } from '../extract/quantity.ts';
import { quantitiesCsv } from '../export/research.ts';

export const FORMATS = ['jsonl', 'json', 'table', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

/** A record with its fields in the spec's order (then span and section), optional ones only when set. */
export function orderedRecord(r: QuantityRecord): Record<string, unknown> {
  const o: Record<string, unknown> = {
    doc: r.doc, kind: r.kind, indicator: r.indicator, measure: r.measure, direction: r.direction, value: r.value,
  };
  if (r.value_hi !== undefined) o.value_hi = r.value_hi;
  o.unit = r.unit;
  o.cmp = r.cmp;
  if (r.stretch !== undefined) o.stretch = r.stretch;
  if (r.period !== undefined) o.period = r.period;
  if (r.scope !== undefined) o.scope = r.scope;
  o.quote = r.quote;
  o.span = { start: r.span.start, end: r.span.end };
  o.section = r.section;
  return o;
}

/** One line of JSON Lines output. */
export function jsonLine(r: QuantityRecord): string {
  return `${JSON.stringify(orderedRecord(r))}\n`;
}

/**
 * The researchers' CSV (src/export/research.ts: the data dictionary's columns,
 * UTF-8 with a BOM so Excel reads the Chinese, CRLF line ends), as a string
 * that keeps its BOM when written out as UTF-8.
 */
export function csv(records: readonly QuantityRecord[]): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(quantitiesCsv(records));
}

/** A JSON array, one record per line so it stays readable and diffable. */
export function jsonArray(records: QuantityRecord[]): string {
  if (records.length === 0) return '[]\n';
  return `[\n${records.map((r) => `  ${JSON.stringify(orderedRecord(r))}`).join(',\n')}\n]\n`;
}

const COLUMNS: [title: string, cell: (r: QuantityRecord) => string, max: number][] = [
  ['doc', (r) => r.doc, 12],
  ['kind', (r) => r.kind, 6],
  ['indicator', (r) => r.indicator, 24],
  ['measure', (r) => r.measure, 7],
  ['dir', (r) => r.direction, 4],
  ['value', (r) => (r.value_hi !== undefined ? `${r.value}–${r.value_hi}` : String(r.value)) + (r.stretch ? '*' : ''), 14],
  ['unit', (r) => r.unit, 10],
  ['cmp', (r) => r.cmp, 6],
  ['period', (r) => r.period ?? '', 7],
  ['scope', (r) => r.scope ?? '', 10],
  ['quote', (r) => r.quote, 40],
];

/** An aligned table for people: Chinese characters count two columns wide, long cells are cut with "…". */
export function table(records: QuantityRecord[]): string {
  const rows = [COLUMNS.map(([title]) => title), ...records.map((r) => COLUMNS.map(([, cell, max]) => clip(cell(r).replace(/\s+/g, ' '), max)))];
  const widths = COLUMNS.map((_, i) => rows.reduce((w, row) => Math.max(w, displayWidth(row[i])), 0));
  const lines = rows.map((row) => row.map((c, i) => (i === row.length - 1 ? c : c + ' '.repeat(widths[i] - displayWidth(c)))).join('  ').trimEnd());
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  return `${lines.join('\n')}\n`;
}

function clip(s: string, max: number): string {
  if (displayWidth(s) <= max) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > max - 1) break;
    out += ch;
  }
  return `${out}…`;
}

/** Terminal columns a string takes: East Asian wide and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3)
      || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60)
      || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd) ? 2 : 1;
  }
  return w;
}
