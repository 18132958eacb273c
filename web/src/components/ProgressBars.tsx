import type { ProgressRow } from '../lib/progress.ts';
import { lagColour } from '../lib/progress.ts';
import { COLOUR_HEX } from './StatusTag.tsx';

/**
 * Progress per group against time-elapsed progress, as plain bars: one row a
 * group (name, bar, figure) and a dashed line at the expected percentage.
 * The dashboard's first screen draws this without a chart library, so the
 * figures are readable before ECharts has loaded; names are text, so they can
 * be selected and read by a screen reader.
 */
export function ProgressBars({ rows, expected, expectedLabel, testId }: { rows: ProgressRow[]; expected: number; expectedLabel: string; testId?: string }) {
  const at = (p: number) => `${Math.max(0, Math.min(100, p))}%`;
  return (
    <div data-testid={testId} className="progress-bars">
      <div className="progress-bars-head">
        <span />
        <span className="progress-bars-track">
          <span className="progress-bars-expected-label" style={{ left: at(expected) }}>{expectedLabel} {Math.round(expected)}%</span>
        </span>
        <span />
      </div>
      {rows.map((r) => (
        <div className="progress-bars-row" key={r.name} data-bar={r.name}>
          <span className="progress-bars-name" title={`${r.name} (${r.total})`}>{r.name} ({r.total})</span>
          <span className="progress-bars-track">
            <span className="progress-bars-fill" style={{ width: at(r.progress), background: COLOUR_HEX[lagColour(r.progress, expected)] }} />
            <span className="progress-bars-expected" style={{ left: at(expected) }} />
          </span>
          <span className="progress-bars-value">{r.progress}%</span>
        </div>
      ))}
    </div>
  );
}
