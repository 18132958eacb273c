import type { StatusColour, TaskStatus } from './model.ts';

/**
 * How statuses look on paper and in charts. Fills are light enough that black
 * text stays readable in greyscale print, which is how ledgers usually travel.
 */
const named: Record<string, { fill: string; chart: string; rank: number }> = {
  green: { fill: 'C6EFCE', chart: '#3BA272', rank: 0 },
  blue: { fill: 'BDD7EE', chart: '#5470C6', rank: 1 },
  yellow: { fill: 'FFEB9C', chart: '#FAC858', rank: 2 },
  red: { fill: 'FFC7CE', chart: '#EE6666', rank: 3 },
  grey: { fill: 'D9D9D9', chart: '#A0A0A0', rank: 5 },
};

function hex(colour: StatusColour): string | undefined {
  return /^#?[0-9a-f]{6}$/i.test(colour) ? colour.replace('#', '').toUpperCase() : undefined;
}

/** Cell fill as RRGGBB: the light tone of a named colour, a configured #RRGGBB as given, else grey. */
export function statusFill(colour: StatusColour): string {
  return named[colour.toLowerCase()]?.fill ?? hex(colour) ?? named.grey.fill;
}

/** Bar colour in charts: strong tones of the named colours. */
export function statusChartColour(colour: StatusColour): string {
  const h = hex(colour);
  return named[colour.toLowerCase()]?.chart ?? (h ? `#${h}` : named.grey.chart);
}

/** Order of statuses in counts and charts: green, blue, yellow, red, then configured colours, grey last. */
export function colourRank(colour: StatusColour): number {
  return named[colour.toLowerCase()]?.rank ?? 4;
}

/** How loud a status is: its level when the tracking engine gave one, else read from the colour. */
export function statusLevel(status: TaskStatus): 'ok' | 'warning' | 'alert' {
  if (status.level) return status.level;
  const colour = status.colour.toLowerCase();
  return colour === 'red' ? 'alert' : colour === 'yellow' ? 'warning' : 'ok';
}

/** Chinese labels for the tracking engine's status codes (src/track/rules.ts). */
export const trackStatusLabels: Record<string, string> = {
  not_started: '未启动',
  on_track: '正常推进',
  behind: '进度滞后',
  seriously_behind: '严重滞后',
  overdue: '逾期未完成',
  done: '已完成',
  closed: '已销号',
};
