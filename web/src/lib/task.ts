import type { Colour, Status, Task } from '../api/types.ts';

/** Names from a task's (possibly inherited) assignment. */
export const leadUnitOf = (t: Task): string => (t.assignment?.leadUnits ?? []).map((u) => u.name).join('、');
export const coUnitsOf = (t: Task): string[] => (t.assignment?.coUnits ?? []).map((u) => u.name);
export const leaderOf = (t: Task): string => t.assignment?.leaderName ?? '';
export const deadlineOf = (t: Task): string => t.deadline ?? t.assignment?.deadline ?? '';

/** The supervision colour of a status: the office reads colours, the engine decides statuses. */
export const STATUS_COLOUR: Record<Status, Colour> = {
  not_started: 'grey',
  on_track: 'green',
  behind: 'yellow',
  seriously_behind: 'red',
  overdue: 'red',
  done: 'green',
  closed: 'blue',
};
/** Statuses arrive as `seriously_behind` (tracking engine) or `seriously-behind` (older rows): one spelling here. */
export const normStatus = (s: string): Status => s.replace(/-/g, '_') as Status;
export const colourOf = (t: { status: string }): Colour => STATUS_COLOUR[normStatus(t.status)] ?? 'grey';

/** The targets of a task as one line, e.g. `地区生产总值增长6.5%左右`. */
export function targetsText(t: Task): string {
  return (t.targets ?? []).map((x) => x.quote ?? `${x.indicator} ${x.value}${x.unit}`).join(';');
}

export const KIND_LABEL: Record<string, string> = {
  section: '板块',
  target: '指标',
  task: '任务',
  subtask: '子任务',
  project: '民生实事',
};

/** Every word must occur somewhere in the fields a person would search by. */
export function matchesText(t: Task, q: string, section = ''): boolean {
  if (!q) return true;
  const hay = [t.no, t.text, leadUnitOf(t), leaderOf(t), ...coUnitsOf(t), section, t.districtName].join(' ').toLowerCase();
  return q.toLowerCase().split(/\s+/).filter(Boolean).every((w) => hay.includes(w));
}

/** Section titles by id, read from the section rows of a task list. */
export function sectionNames(tasks: Task[]): Map<string, string> {
  return new Map(tasks.filter((t) => t.kind === 'section').map((t) => [String(t.id), t.text]));
}
