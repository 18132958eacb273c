import { basename } from 'node:path';
import type { RegisterCommand } from './commands.ts';
import { ExitError } from './main.ts';
import { readDocument } from '../text/read.ts';
import { analyse } from '../pipeline.ts';
import type { QuantityRecord } from '../extract/quantity.ts';
import { promiseKeeping, reconcileReports, type PromiseKeeping, type ReconciledTarget } from '../track/reconcile.ts';
import { describeTarget } from '../track/standing.ts';
import { formatFigure, formatNumber } from '../track/figures.ts';
import { readInput } from './read-input.ts';

export interface ReconcileCliOptions {
  format: string;
  tolerance?: string;
}

export const register: RegisterCommand = (program) => {
  program
    .command('reconcile')
    .description("judge one report's targets against a later report's review: met, partly met, missed, no data, and the promise-keeping rate")
    .argument('<targets>', 'the report that set the targets (e.g. 2018.txt)')
    .argument('<review>', 'the later report that states the results (e.g. 2019.txt)')
    .option('--format <format>', 'table or json', 'table')
    .option('--tolerance <points>', 'how close "about" (左右) must be for rates, in points', '0.2')
    .action(async (targets: string, review: string, opts: ReconcileCliOptions) => {
      process.stdout.write(await runReconcile(targets, review, opts));
    });
};

/** Reads both reports, reconciles them and returns the output text. */
export async function runReconcile(targetsFile: string, reviewFile: string, opts: ReconcileCliOptions): Promise<string> {
  if (opts.format !== 'table' && opts.format !== 'json') throw new ExitError(`unknown format "${opts.format}" (table or json)`, 2);
  const ratePoints = Number(opts.tolerance ?? '0.2');
  if (!Number.isFinite(ratePoints) || ratePoints < 0) throw new ExitError(`--tolerance must be a number of points ≥ 0, not "${opts.tolerance}"`, 2);
  const [targets, review] = await Promise.all([quantitiesOf(targetsFile), quantitiesOf(reviewFile)]);
  const rows = reconcileReports(targets, review, { tolerances: { ratePoints } });
  const [firm] = promiseKeeping(rows);
  const [stretch] = promiseKeeping(rows, () => 'all', 'stretch');
  if (opts.format === 'json') {
    return `${JSON.stringify({ targets: basename(targetsFile), review: basename(reviewFile), keeping: firm ?? null, stretch: stretch ?? null, rows: rows.map(asJson) }, null, 2)}\n`;
  }
  return reconcileTable(rows, firm, stretch);
}

async function quantitiesOf(path: string): Promise<QuantityRecord[]> {
  return readInput(path, async (bytes, name) => analyse(await readDocument(bytes, name)).quantities);
}

function asJson(row: ReconciledTarget<QuantityRecord, QuantityRecord>) {
  const pick = (r: QuantityRecord) => ({ indicator: r.indicator, measure: r.measure, direction: r.direction, value: r.value, value_hi: r.value_hi, unit: r.unit, cmp: r.cmp, stretch: r.stretch, period: r.period, scope: r.scope, quote: r.quote });
  return {
    target: pick(row.target),
    actual: row.match ? { ...pick(row.match.actual), confidence: row.match.confidence, why: row.match.reason } : null,
    verdict: row.judgement.verdict,
    stretch: row.judgement.stretch,
    reason: row.judgement.reason,
  };
}

const VERDICT = { met: '达成', partly_met: '部分达成', missed: '未达成', no_data: '无数据' } as const;

/** One line per target, the way a supervision bulletin lists them, then the rates. */
export function reconcileTable(rows: ReadonlyArray<ReconciledTarget<QuantityRecord, QuantityRecord>>, firm?: PromiseKeeping, stretch?: PromiseKeeping): string {
  const out = rows.map((r) => {
    const actual = r.match ? `${formatFigure(r.match.actual.value, r.match.actual.unit)} (${formatNumber(r.match.confidence)})` : '—';
    return `${VERDICT[r.judgement.verdict].padEnd(5, '　')} ${r.target.indicator} ${describeTarget(r.target)}${r.target.stretch ? ' [力争]' : ''} → ${actual}  ${r.judgement.reason.zh}`;
  });
  const rate = (k?: PromiseKeeping) => (k && k.rate !== null ? `${Math.round(k.rate * 100)}%` : '—');
  out.push('', `firm targets: ${firm?.met ?? 0} met, ${firm?.partly_met ?? 0} partly met, ${firm?.missed ?? 0} missed, ${firm?.no_data ?? 0} no data; kept ${rate(firm)}`);
  if (stretch) out.push(`stretch targets: ${stretch.met} met of ${stretch.judged} judged; kept ${rate(stretch)}`);
  return `${out.join('\n')}\n`;
}
