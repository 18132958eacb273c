import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignItems, alignReport, reportSentences } from '../../src/assign/align.ts';
import { parseBreakdown } from '../../src/extract/breakdown/index.ts';
import type { SourceDocument } from '../../src/text/source.ts';

const source = (name: string, text: string): SourceDocument => ({ name, format: 'txt', encoding: 'utf-8', text });

const REPORT = `2021年政府工作报告
一、2020年工作回顾
过去一年,新认定高新技术企业400家。
二、2021年主要目标任务
(一)加快建设创新型城市
提升科技创新能力。新认定高新技术企业500家以上,新增科技型中小企业2000家。加快建设甬江实验室,年底前完成一期主体工程。强化要素保障,确保各项任务落到实处。
(二)持续改善民生
办好民生实事。新建区域性居家养老服务中心30个。改造老旧小区200万平方米。
(三)加强政府自身建设
严格督查考核,确保各项任务落到实处。
`;

const NOTICE = `2021年政府工作报告目标任务责任分解
一、加快建设创新型城市
1.新认定高新技术企业500家以上。
牵头领导:陈炳荣
责任单位:市科技局
2.确保各项任务落到实处。
牵头领导:陈炳荣
责任单位:市科技局
二、持续改善民生
3.新建区域性居家养老服务中心30个,改造老旧小区200万平方米。
牵头领导:卞吉安
责任单位:市民政局、市住建局
4.深化国有企业改革。
牵头领导:刘长春
责任单位:市国资委
5.确保各项任务落到实处。
牵头领导:卞吉安
责任单位:市住建局
`;

describe('aligning a notice with the report of its year', () => {
  const items = parseBreakdown({ text: NOTICE }).sections.flatMap((s) => s.items.map((i) => ({ no: i.no, text: i.text, section: s.title })));
  const aligned = alignReport(source('2021.txt', REPORT), items);
  const quoted = (i: number) => aligned[i].sentences.map((s) => REPORT.slice(s.span.start, s.span.end));

  it('finds the plan sentence an item came from, never the review', () => {
    expect(quoted(0)).toEqual(['新认定高新技术企业500家以上,新增科技型中小企业2000家。']);
    expect(aligned[0]).toMatchObject({ item: 1, section: '一、加快建设创新型城市' });
    expect(aligned[0].similarity).toBeGreaterThan(0.6);
    expect(aligned[0].tasks.length).toBeGreaterThan(0);
  });

  it('matches an item that merges two sentences to both', () => {
    expect(quoted(2)).toEqual(['新建区域性居家养老服务中心30个。', '改造老旧小区200万平方米。']);
    expect(REPORT.slice(aligned[2].span!.start, aligned[2].span!.end)).toBe('新建区域性居家养老服务中心30个。改造老旧小区200万平方米。');
  });

  it('says so when no sentence of the report resembles the item', () => {
    expect(aligned[3]).toMatchObject({ item: 4, sentences: [], tasks: [] });
    expect(aligned[3].span).toBeUndefined();
    expect(aligned[3].similarity).toBeLessThan(0.4);
  });

  it('lets the order decide between two sentences that read alike', () => {
    // Item 2 follows an item of section (一), item 5 one of section (二): each takes the sentence that keeps the notice in report order.
    expect(quoted(1)).toEqual(['强化要素保障,确保各项任务落到实处。']);
    expect(quoted(4)).toEqual(['严格督查考核,确保各项任务落到实处。']);
    const { sentences, tasks } = reportSentences(source('2021.txt', REPORT));
    const orderless = alignItems(items, sentences, tasks, { backwardPenalty: 0 });
    expect(orderless[4].sentences.map((s) => s.text)).toEqual(['强化要素保障,确保各项任务落到实处。']);
  });
});

/**
 * Rewrites a report's task texts the way a general office shortens them for
 * a notice, deterministically (a seeded generator): drops the adverbs and
 * openers a notice leaves out, keeps only the first clauses, deletes a few
 * characters, all three at once, or merges a task with the next one.
 */
type Perturbation = 'none' | 'trim-words' | 'first-clauses' | 'drop-chars' | 'merge-next' | 'all-three';

const DROPPED_WORDS = /(大力|全力|积极|加快|深入|全面|持续|着力|切实|进一步|坚持|努力|不断|扎实|稳步)/g;

/** Mulberry32: a small seeded generator, so every run perturbs alike. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function perturb(text: string, how: Perturbation, random: () => number, next?: string): string {
  switch (how) {
    case 'none':
      return text;
    case 'trim-words':
      return text.replace(DROPPED_WORDS, '');
    case 'first-clauses': {
      const clauses = text.split(/(?<=[,，；;])/);
      return clauses.slice(0, Math.max(1, Math.ceil(clauses.length * 0.6))).join('').replace(/[,，；;]$/, '。');
    }
    case 'drop-chars':
      return [...text].filter(() => random() > 0.15).join('');
    case 'all-three':
      return perturb(perturb(perturb(text, 'trim-words', random), 'first-clauses', random), 'drop-chars', random);
    case 'merge-next':
      return next ? `${text}${next}` : text;
  }
}

describe('self-consistency on seed 000: its own tasks, rewritten as a notice would, align back to where they came from', () => {
  const text = readFileSync(join(import.meta.dirname, '../../../shared/corpus/seeds/000_7841c49be735524f.txt'), 'utf8');
  const { sentences, tasks } = reportSentences(source('000_7841c49be735524f.txt', text));

  /** Share of items whose match covers (all: every; any: at least one) of the tasks they were made from. */
  function accuracy(how: Perturbation): { all: number; any: number; unaligned: number } {
    const random = seeded(2020);
    const items = tasks.map((t, i) => ({ no: t.no, text: perturb(t.text, how, random, tasks[i + 1]?.text) }));
    const result = alignItems(items, sentences, tasks);
    let all = 0;
    let any = 0;
    result.forEach((a, i) => {
      const sources = how === 'merge-next' && tasks[i + 1] ? [tasks[i], tasks[i + 1]] : [tasks[i]];
      const hit = sources.map((t) => !!a.span && a.span.start < t.span.end && a.span.end > t.span.start);
      if (hit.every(Boolean)) all++;
      if (hit.some(Boolean)) any++;
    });
    const n = tasks.length;
    return { all: all / n, any: any / n, unaligned: result.filter((a) => !a.span).length };
  }

  it('has a plan to align against', () => {
    expect(tasks.length).toBeGreaterThan(150);
    expect(sentences.length).toBeGreaterThan(tasks.length / 2);
  });

  it.each([
    ['none', 1, 1],
    ['trim-words', 0.98, 0.98],
    ['first-clauses', 0.98, 0.98],
    ['drop-chars', 0.95, 0.95],
    ['all-three', 0.95, 0.95],
    ['merge-next', 0.75, 0.98],
  ] as [Perturbation, number, number][])('%s: all sources ≥ %s, some source ≥ %s', (how, all, any) => {
    const measured = accuracy(how);
    console.log(`align self-consistency ${how}: all ${measured.all.toFixed(3)}, any ${measured.any.toFixed(3)}, unaligned ${measured.unaligned}`);
    expect(measured.all).toBeGreaterThanOrEqual(all);
    expect(measured.any).toBeGreaterThanOrEqual(any);
  });

  it('does not widen an exact copy beyond its sentence', () => {
    const exact = alignItems(tasks.map((t) => ({ no: t.no, text: t.text })), sentences, tasks);
    const widened = exact.filter((a, i) => a.sentences.some((s) => s.span.end <= tasks[i].span.start || s.span.start >= tasks[i].span.end));
    expect(widened.length).toBeLessThanOrEqual(tasks.length * 0.02);
  });
});
