/**
 * The labels a breakdown notice uses for each kind of field, whether as a
 * `label:` line under an item, inside a trailing parenthesis, or as a table
 * column header. Matching is by meaning: every synonym of a field names it.
 * Longer synonyms are tried first so that 牵头单位 is not read as 单位.
 */
export type Field =
  | 'no'
  | 'task'
  | 'leaders'
  | 'units'
  | 'leadUnits'
  | 'coUnits'
  | 'people'
  | 'goal'
  | 'deadline'
  | 'remark';

export const FIELD_SYNONYMS: Record<Field, string[]> = {
  no: ['序号', '编号', '序'],
  task: ['工作任务', '重点任务', '任务内容', '工作内容', '主要任务', '具体任务', '工作事项', '重点工作', '任务事项', '任务名称', '工作目标任务', '目标任务内容'],
  leaders: ['牵头领导', '责任领导', '牵头市领导', '分管领导', '联系领导', '牵头市级领导', '责任市领导', '市领导'],
  units: ['责任单位', '责任部门', '承办单位', '主责单位'],
  leadUnits: ['牵头单位', '牵头部门', '牵头责任单位', '主办单位', '主要责任单位'],
  coUnits: ['配合单位', '配合部门', '协办单位', '协同单位', '参与单位', '协助单位'],
  people: ['责任人', '具体责任人', '联系人'],
  goal: ['目标任务', '工作目标', '任务目标', '建设目标', '建设内容'],
  deadline: ['完成时限', '时间节点', '完成时间', '时限要求', '完成期限', '进度安排', '时间要求'],
  remark: ['备注', '说明'],
};

/** Every (synonym, field) pair, longest synonym first. */
const BY_LENGTH: [string, Field][] = (Object.entries(FIELD_SYNONYMS) as [Field, string[]][])
  .flatMap(([field, words]) => words.map((w): [string, Field] => [w, field]))
  .sort((a, b) => b[0].length - a[0].length);

/** Removes what decorates a header cell: spaces, line breaks, colons, bracketed notes. */
function bare(cell: string): string {
  return cell.replace(/[\s:：*＊]/g, '').replace(/[(（][^()（）]*[)）]/g, '');
}

/**
 * The field a table header cell stands for, matched by meaning: an exact
 * synonym first, then a synonym the cell contains (`牵头单位(部门)`,
 * `完成时限要求`). `目标任务` in a table column is the task itself.
 */
export function headerField(cell: string): Field | undefined {
  const b = bare(cell);
  if (!b || b.length > 12) return undefined;
  for (const [word, field] of BY_LENGTH) if (b === word) return field === 'goal' ? 'task' : field;
  for (const [word, field] of BY_LENGTH) {
    if (word.length >= 2 && b.includes(word)) return field === 'goal' ? 'task' : field;
  }
  return undefined;
}

/** A `label:value` pair written in running text, or undefined when the text does not start with a known label. */
export function fieldLine(line: string): { field: Field; label: string; value: string } | undefined {
  const m = /^\s*([\u4e00-\u9fa5]{2,8})\s*[:：]\s*/.exec(line);
  if (!m) return undefined;
  for (const [word, field] of BY_LENGTH) {
    if (m[1] === word) return { field, label: word, value: line.slice(m[0].length).trim() };
  }
  return undefined;
}

/** Where a label:value run begins inside a line (an item whose fields follow its text), or -1. */
export function inlineFieldStart(line: string): number {
  let best = -1;
  for (const [word] of BY_LENGTH) {
    if (word.length < 3) continue;
    const re = new RegExp(`${word}\\s*[:：]`);
    const m = re.exec(line);
    if (m && m.index > 0 && (best < 0 || m.index < best)) best = m.index;
  }
  return best;
}
