import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDeadlines } from '../../src/extract/tasks/deadlines.ts';
import { tasksFromReport } from '../../src/extract/tasks/extract.ts';

const corpus = join(import.meta.dirname, '../../../shared/corpus');
const read = (path: string) => readFileSync(join(corpus, path), 'utf8');

describe('deadline phrases', () => {
  const read2020 = (text: string) => findDeadlines(text, 2020).map((d) => [d.phrase, d.due, d.period]);

  it('reads each phrase against the plan year', () => {
    expect(read2020('年底前完成改造')).toEqual([['年底前', '2020-12-31', '2020']]);
    expect(read2020('上半年开工')).toEqual([['上半年', '2020-06-30', '2020H1']]);
    expect(read2020('6月底前出台方案')).toEqual([['6月底前', '2020-06-30', '2020-06']]);
    expect(read2020('2025年前基本建成')).toEqual([['2025年前', '2025-12-31', '2025']]);
    expect(read2020('三年内实现全覆盖')).toEqual([['三年内', '2022-12-31', '2020-2022']]);
    expect(read2020('三季度末完成')).toEqual([['三季度末', '2020-09-30', '2020Q3']]);
    expect(read2020('到2022年6月底前完成,二月底前启动')).toEqual([['到2022年6月底前', '2022-06-30', '2022-06'], ['二月底前', '2020-02-29', '2020-02']]);
    expect(read2020('“十四五”期间')).toEqual([['“十四五”期间', '2025-12-31', '2021-2025']]);
  });

  it('leaves dates and plain years alone', () => {
    expect(read2020('3月29日至4月1日,习近平总书记亲临浙江考察')).toEqual([]);
    expect(read2020('2019年地区生产总值增长6.8%')).toEqual([]);
  });
});

describe('tasks from the plan of a report', () => {
  const text = read('seeds/000_7841c49be735524f.txt');
  const tasks = tasksFromReport(text, '000_7841c49be735524f.txt');

  it('drafts one task per commitment of the plan, printed once though the page shows it twice', () => {
    expect(tasks.length).toBeGreaterThan(120);
    expect(tasks.length).toBeLessThan(260);
    expect(new Set(tasks.map((t) => t.text)).size).toBe(tasks.length);
    for (const t of tasks) expect(text.slice(t.span.start, t.span.end)).toBe(t.text);
  });

  it('takes the main targets from the plan\'s opening and flags the qualitative one', () => {
    const [first] = tasks;
    expect(first.kind).toBe('target');
    expect(first.text).toBe('地区生产总值增长6.5%左右,一般公共预算收入、城乡居民收入增长与经济增长基本同步。');
    expect(first.qualitative).toEqual(['与经济增长基本同步']);
    expect(first.quantities.map((q) => q.value)).toContain(6.5);
  });

  it('keeps the heading path and the paragraph\'s topic, and splits commitments with figures of their own', () => {
    const rd = tasks.find((t) => t.text.startsWith('强化创新引领'))!;
    expect(rd.section.slice(-2)).toEqual(['(一)坚定不移抓实体经济,培育壮大新动能', '提升科技创新能力']);
    expect(tasks.some((t) => t.text === '新建5G基站4000个,数字经济核心产业增加值增长13%,软件业务收入突破1000亿元。')).toBe(true);
    expect(tasks.some((t) => /^今年是|总体要求/.test(t.text))).toBe(false);
    expect(new Set(tasks.map((t) => t.kind))).toEqual(new Set(['target', 'key-work', 'reform', 'project']));
  });

  it('reads a half-year report printed as one line, its plan dated by the report', () => {
    const half = tasksFromReport(read('seeds/002_04a365a08601633d.txt'), '002_04a365a08601633d.txt');
    expect(half.length).toBeGreaterThan(40);
    const t = half.find((x) => x.deadlines.some((d) => d.phrase === '年底'))!;
    expect(t.deadlines.find((d) => d.phrase === '年底')!.due).toBe('2020-12-31');
    expect(half.find((x) => x.text.startsWith('深入实施项目建设'))!.section.at(-1)).toBe('盯牢重点项目推进');
  });

  it('reads national reports without error', () => {
    for (const year of ['1978', '2004', '2024']) {
      const national = tasksFromReport(read(`national/${year}.txt`), `${year}.txt`);
      expect(national.length).toBeGreaterThan(30);
    }
  });
});
