import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';

const shared = join(import.meta.dirname, '../../../shared');
const text = readFileSync(join(shared, 'corpus/seeds/001_99404d979ec21c9c.txt'), 'utf8');
const gold = JSON.parse(readFileSync(join(shared, 'gold/001.breakdown.json'), 'utf8'));
const notice = parseBreakdown({ text });

describe('seed 001: the Ningbo 2019 breakdown notice', () => {
  it('reads the heading of the notice', () => {
    expect(notice.layout).toBe('listed');
    expect({ title: notice.title, issuer: notice.issuer, date: notice.date }).toEqual({ title: gold.title, issuer: gold.issuer, date: gold.date });
  });

  it('reproduces the 11 sections and 187 items with their leaders and units', () => {
    expect(notice.sections.map((s) => s.title)).toEqual(gold.sections.map((s: { title: string }) => s.title));
    const got = notice.sections.map((s) => s.items.map(({ no, text: t, leaders, units }) => ({ no, text: t, leaders, units })));
    expect(got).toEqual(gold.sections.map((s: { items: unknown[] }) => s.items));
    expect(got.flat()).toHaveLength(187);
  });

  it('takes the first unit as the lead unit and keeps each item span on its text', () => {
    for (const item of notice.sections.flatMap((s) => s.items)) {
      expect(item.leadUnit).toBe(item.units[0]);
      expect(item.coUnits).toEqual(item.units.slice(1));
      expect(text.slice(item.span.start, item.span.end)).toContain(item.text);
    }
  });

  it('reads the 10 livelihood projects with goals, people and partners', () => {
    expect(notice.projects.map((p) => ({ title: p.title, goal: p.goal, leaders: p.leaders, units: p.units, persons: p.people, partners: p.partners })))
      .toEqual(gold.minsheng.map((p: Record<string, unknown>) => ({ title: p.title, goal: p.goal, leaders: p.leaders, units: p.units, persons: p.persons, partners: p.partners ?? [] })));
  });

  it('reads every quota cell as the gold reads it', () => {
    for (const [i, g] of gold.minsheng.entries()) {
      const rows = notice.projects[i].quota!.rows;
      expect(rows).toHaveLength(g.quota_rows.length);
      for (const [j, gr] of g.quota_rows.entries()) {
        const row = rows[j];
        if (gr.unit) expect(row.unit).toBe(gr.unit);
        if (gr.values) {
          const values = Object.fromEntries(row.cells.map((c) => [c.scope, c.value]));
          expect(values).toEqual(gr.values);
        } else {
          expect(row.cells.map((c) => c.raw)).toEqual(gr.cells);
          expect(row.cells.filter((c) => c.scope !== null).map((c) => c.scope)).toEqual(gr.columns_in_text);
        }
      }
    }
  });

  it('checks each quota row against its goal line as the gold does', () => {
    const checks = notice.projects.flatMap((p) => (p.quota?.checks ?? []).map((c) => ({ project: p.no, goal: c.goal, sum: c.sum, ok: c.ok })));
    expect(checks).toEqual(gold.quota_sum_checks.map((c: Record<string, unknown>) => ({ project: c.project, goal: c.goal, sum: c.sum, ok: c.ok })));
  });

  it('finds exactly the two sum mismatches and the one header mismatch', () => {
    const sums = notice.findings.filter((f) => f.code === 'QUOTA_SUM_MISMATCH');
    const mismatches = gold.quota_sum_checks.filter((c: { ok: boolean }) => !c.ok);
    expect(sums.map((f) => [f.location?.project, f.location?.goal, f.location?.sum]))
      .toEqual(mismatches.map((c: Record<string, unknown>) => [c.project, c.goal, c.sum]));
    const headers = notice.findings.filter((f) => f.code === 'QUOTA_HEADER_MISMATCH');
    expect(headers.map((f) => [f.location?.project, f.location?.headers, f.location?.values])).toEqual([[5, 11, 14]]);
    for (const f of notice.findings) {
      expect(f.message.zh.length).toBeGreaterThan(0);
      expect(f.message.en.length).toBeGreaterThan(0);
    }
    expect(notice.findings.filter((f) => f.severity !== 'info')).toHaveLength(3);
  });
});
