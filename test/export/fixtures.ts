import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QuantityRecord } from '../../src/extract/quantity.ts';
import type {
  BulletinInput, LivelihoodProject, PlanDoc, ReviewInput, TaskRow, TaskStatus, UnitReporting,
} from '../../src/export/model.ts';

/** Sample data for the document writers, built from the hand-checked breakdown of seed 001 (Ningbo 2019). */

const shared = join(dirname(fileURLToPath(import.meta.url)), '../../../shared');

interface GoldItem { no: number; text: string; leaders: string[]; units: string[] }
interface GoldQuotaRow { label: string; unit: string; values?: Record<string, number>; columns_in_text?: string[]; cells?: string[] }
interface GoldProject {
  title: string; goal: string; leaders: string[]; units: string[]; persons?: string[]; partners?: string[];
  quota_rows?: GoldQuotaRow[];
}
interface GoldBreakdown {
  issuer: string; date: string; title: string;
  sections: { title: string; items: GoldItem[] }[];
  minsheng: GoldProject[];
}

export function goldBreakdown(): GoldBreakdown {
  return JSON.parse(readFileSync(join(shared, 'gold/001.breakdown.json'), 'utf8')) as GoldBreakdown;
}

export function goldQuantities(doc: string): QuantityRecord[] {
  return readFileSync(join(shared, `gold/${doc}.quantities.jsonl`), 'utf8').trim().split('\n')
    .map((line) => ({ span: { start: 0, end: 0 }, section: [], ...JSON.parse(line) }) as QuantityRecord);
}

/** Status as a tracking rule would give it at mid-year (time-elapsed progress 50%). */
export function statusFor(percent: number): TaskStatus {
  if (percent >= 100) return { label: '已完成', colour: 'green' };
  if (percent >= 40) return { label: '正常推进', colour: 'blue' };
  if (percent >= 20) return { label: '进度滞后', colour: 'yellow' };
  return { label: '严重滞后', colour: 'red' };
}

const deadlines = ['年底前', '6月底前', '年底前', '9月底前', '长期坚持'];

function task(item: GoldItem, section: string, targets: QuantityRecord[], overrides: Partial<TaskRow> = {}): TaskRow {
  // Deterministic spread of progress so every status occurs.
  const percent = (item.no * 37) % 101;
  return {
    id: `task-${item.no}`,
    version: 1 + (item.no % 3),
    no: item.no,
    text: item.text,
    leaders: item.leaders,
    leadUnit: item.units[0],
    coUnits: item.units.slice(1),
    deadline: deadlines[item.no % deadlines.length],
    targets: targets
      .filter((q) => item.text.includes(q.quote))
      .map((q) => ({ ...q, section: [section], span: { start: item.text.indexOf(q.quote), end: item.text.indexOf(q.quote) + q.quote.length } })),
    progress: { text: `已完成年度任务的${percent}%，正按计划推进。`, percent, reportedAt: '2019-06-28' },
    status: statusFor(percent),
    ...overrides,
  };
}

function project(gold: GoldProject, no: number): LivelihoodProject {
  return {
    no,
    title: gold.title,
    goal: gold.goal,
    leaders: gold.leaders,
    units: gold.units,
    persons: gold.persons,
    partners: gold.partners,
    quotas: (gold.quota_rows ?? []).map((row) => {
      const cells = row.values
        ? Object.entries(row.values).map(([district, value]) => ({ district, value }))
        : (row.cells ?? []).map((value, i) => ({ district: row.columns_in_text?.[i] ?? '', value: Number.isNaN(Number(value)) ? value : Number(value) }));
      return {
        label: row.label,
        unit: row.unit,
        cells,
        done: cells.filter((c) => typeof c.value === 'number' && c.district)
          .map((c, i) => ({ district: c.district, value: Math.round((c.value as number) * (0.3 + (i % 5) * 0.15) * 10) / 10 })),
      };
    }),
  };
}

/** The whole of seed 001 as a plan: 11 sections, 187 tasks, 10 livelihood projects. */
export function samplePlan(overrides: Partial<PlanDoc> = {}): PlanDoc {
  const gold = goldBreakdown();
  const targets = goldQuantities('001');
  return {
    title: gold.title,
    year: 2019,
    issuer: gold.issuer,
    date: gold.date,
    addressees: '各区县(市)人民政府，市直及部省属驻甬各单位',
    sections: gold.sections.map((s) => ({ title: s.title, tasks: s.items.map((item) => task(item, s.title, targets)) })),
    livelihood: gold.minsheng.map((p, i) => project(p, i + 1)),
    ...overrides,
  };
}

/** The first `sections` sections with at most `tasks` tasks each and `projects` livelihood projects: fast to render. */
export function smallPlan(sections = 2, tasks = 3, projects = 1): PlanDoc {
  const plan = samplePlan();
  return {
    ...plan,
    sections: plan.sections.slice(0, sections).map((s) => ({ ...s, tasks: s.tasks.slice(0, tasks) })),
    livelihood: plan.livelihood.slice(0, projects),
  };
}

/** Reporting record per lead unit, derived deterministically from the plan. */
export function sampleUnits(plan: PlanDoc): UnitReporting[] {
  const byUnit = new Map<string, TaskRow[]>();
  for (const s of plan.sections) for (const t of s.tasks) {
    if (!t.leadUnit) continue;
    byUnit.set(t.leadUnit, [...(byUnit.get(t.leadUnit) ?? []), t]);
  }
  return [...byUnit].map(([unit, tasks], i) => {
    const reportsDue = tasks.length * 6;
    return {
      unit,
      tasks: tasks.length,
      reportsDue,
      reportsOnTime: reportsDue - (i % 4) * Math.ceil(tasks.length / 2),
      averageProgress: Math.round(tasks.reduce((s, t) => s + (t.progress?.percent ?? 0), 0) / tasks.length),
      lagging: tasks.filter((t) => t.status?.colour === 'yellow' || t.status?.colour === 'red').length,
    };
  });
}

export function sampleBulletin(plan = samplePlan()): BulletinInput {
  return {
    issuer: '宁波市人民政府督查室',
    date: '2019-07-10',
    issue: '第6期',
    period: { label: '2019年上半年', asOf: '2019-06-30', expectedProgress: 50 },
    plan,
    units: sampleUnits(plan),
  };
}

function record(fields: Partial<QuantityRecord> & Pick<QuantityRecord, 'kind' | 'indicator' | 'value' | 'unit'>): QuantityRecord {
  return {
    doc: fields.kind === 'target' ? '001' : 'next', measure: 'growth', direction: 'up', cmp: 'eq',
    quote: '', span: { start: 0, end: 0 }, section: [], period: '2019', ...fields,
  };
}

/** Targets of 2019 (seed 001) with actuals: GDP and R&D as domain.md states them, the others illustrative. */
export function sampleReview(): ReviewInput {
  const source = '2020年宁波市政府工作报告';
  return {
    year: 2019,
    entries: [
      {
        target: record({ kind: 'target', indicator: '地区生产总值', value: 6.8, unit: '%', cmp: 'approx', quote: '地区生产总值增长6.8%左右' }),
        actual: record({ kind: 'actual', indicator: '地区生产总值', value: 6.8, unit: '%', quote: '地区生产总值增长6.8%' }),
        verdict: 'met', source,
      },
      {
        target: record({ kind: 'target', indicator: '研发经费支出占比', measure: 'level', value: 2.8, unit: '%', cmp: 'gt', quote: '研发经费支出占比超过2.8%' }),
        actual: record({ kind: 'actual', indicator: '研发经费支出占比', measure: 'level', value: 2.8, unit: '%', cmp: 'approx', quote: '研发经费支出占比接近2.8%' }),
        verdict: 'missed', source, note: '“接近2.8%”未达到“超过2.8%”',
      },
      {
        target: record({ kind: 'target', indicator: '固定资产投资', value: 10, unit: '%', cmp: 'approx', quote: '固定资产投资增长10%左右' }),
        actual: record({ kind: 'actual', indicator: '固定资产投资', value: 11.4, unit: '%', quote: '固定资产投资增长11.4%' }),
        verdict: 'exceeded', source,
      },
      {
        target: record({ kind: 'target', indicator: '居民消费价格', value: 3, unit: '%', cmp: 'approx', quote: '居民消费价格涨幅3%左右' }),
        actual: record({ kind: 'actual', indicator: '居民消费价格', value: 2.7, unit: '%', quote: '居民消费价格上涨2.7%' }),
        verdict: 'met', source,
      },
      {
        target: record({ kind: 'target', indicator: '城镇登记失业率', measure: 'level', value: 3.5, unit: '%', cmp: 'le', quote: '城镇登记失业率3.5%以内' }),
        actual: record({ kind: 'actual', indicator: '城镇登记失业率', measure: 'level', value: 1.75, unit: '%', quote: '城镇登记失业率1.75%' }),
        verdict: 'met', source: '2019年宁波市国民经济和社会发展统计公报',
      },
      {
        target: record({ kind: 'target', indicator: '新增停车位', measure: 'delta', value: 15000, unit: '个', quote: '新增停车位15000个' }),
        verdict: 'no_data',
      },
    ],
  };
}
