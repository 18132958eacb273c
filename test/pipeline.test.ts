import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { analyse } from '../src/pipeline.ts';
import { foldLine } from '../src/text/data/width.ts';

const seeds = fileURLToPath(new URL('../../shared/corpus/seeds/', import.meta.url));

describe('analyse', () => {
  it('gives every record a span in the original: its clause, or the table cell it came from', () => {
    for (const name of readdirSync(seeds).filter((f) => !f.startsWith('003'))) {
      const text = readFileSync(join(seeds, name), 'utf8');
      const { quantities } = analyse({ name, format: 'txt', encoding: 'utf-8', text });
      for (const q of quantities) {
        const original = foldLine(text.slice(q.span.start, q.span.end)).replace(/\s+/g, '');
        if (/^\d+(\.\d+)?$/.test(original)) expect(Number(original)).toBe(q.value);
        else expect([name, q.quote, original.slice(-2)]).toEqual([name, q.quote, q.quote.replace(/\s+/g, '').slice(-2)]);
      }
    }
  });

  it('returns the normalised text, its map and the outline with the records', () => {
    const a = analyse({ name: '001_x.txt', format: 'txt', encoding: 'utf-8', text: '2020年5月8日\n2020年主要任务\n新增停车位１５０００个。' });
    expect(a.doc).toBe('001');
    expect(a.normalised.map).toHaveLength(a.normalised.text.length + 1);
    expect(a.outline.parts.map((p) => p.kind)).toEqual(['other', 'plan']);
    expect(a.quantities).toHaveLength(1);
  });
});
