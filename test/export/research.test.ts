import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { csvField, dataDictionary, dataDictionaryMarkdown, quantitiesCsv, quantitiesJsonl } from '../../src/export/research.ts';
import { goldQuantities } from './fixtures.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** A small RFC 4180 reader, to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i += 1; } else if (ch === '"') quoted = false; else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(field); field = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i += 1; } else field += ch;
  }
  return rows;
}

describe('files for researchers', () => {
  const records = goldQuantities('002');

  it('quotes only what RFC 4180 needs quoted', () => {
    expect(csvField('增长6.5%')).toBe('增长6.5%');
    expect(csvField('分别增长8%,9.2%')).toBe('"分别增长8%,9.2%"');
    expect(csvField('“246”和"3315"')).toBe('"“246”和""3315"""');
    expect(csvField('a\nb')).toBe('"a\nb"');
  });

  it('writes CSV in UTF-8 with a BOM, one row per record, that reads back field for field', () => {
    const bytes = quantitiesCsv(records);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(new TextDecoder().decode(bytes));
    expect(rows[0]).toEqual(dataDictionary.map((f) => f.name));
    expect(rows).toHaveLength(records.length + 1);
    const first = Object.fromEntries(rows[0].map((name, i) => [name, rows[1][i]]));
    expect(first).toMatchObject({ doc: '002', indicator: records[0].indicator, value: String(records[0].value), quote: records[0].quote });
  });

  it('writes JSON Lines that parse back to the records', () => {
    const lines = new TextDecoder().decode(quantitiesJsonl(records)).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l))).toEqual(records);
  });

  it('keeps docs/data-dictionary.md equal to the dictionary the code writes', () => {
    expect(readFileSync(join(root, 'docs/data-dictionary.md'), 'utf8')).toBe(dataDictionaryMarkdown());
  });
});
