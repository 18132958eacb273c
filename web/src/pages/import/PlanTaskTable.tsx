import { useState } from 'react';
import { Button, DatePicker, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Leader, Suggestion, Task, TaskSuggestions, Unit } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';
import { splitPoints } from '../../lib/highlight.ts';
import { coUnitsOf, deadlineOf, leaderOf, leadUnitOf } from '../../lib/task.ts';

/** A change of responsibility by names; the wizard turns names into directory ids. */
export interface AssignmentByName {
  leader?: string | null;
  leadUnit?: string | null;
  coUnits?: string[];
  deadline?: string | null;
}

interface Props {
  tasks: Task[];
  sections: Map<string, string>;
  suggestions: Map<string, TaskSuggestions>;
  units: Unit[];
  leaders: Leader[];
  busy: boolean;
  onAssign: (task: Task, change: AssignmentByName) => void;
  onText: (task: Task, text: string) => void;
  onAccept: (tasks: Task[]) => void;
  onSplit: (task: Task, at: number) => void;
  onMerge: (tasks: Task[]) => void;
}

/** Suggestions first (starred, with their score), then the directory. */
function pickerOptions(suggested: Suggestion[] | undefined, directory: string[], current: string[]) {
  const seen = new Set<string>();
  const out: { label: string; value: string }[] = [];
  for (const s of suggested ?? []) {
    if (seen.has(s.name)) continue;
    seen.add(s.name);
    out.push({ label: `★ ${s.name} ${Math.round(s.score * 100)}`, value: s.name });
  }
  for (const n of [...current, ...directory]) {
    if (!n || seen.has(n)) continue;
    seen.add(n);
    out.push({ label: n, value: n });
  }
  return out;
}

export const isAssigned = (t: Task) => !!t.assignment && (t.assignment.leadUnits.length > 0 || !!t.assignment.leaderId);

/** The imported tasks with suggested leaders and units: accept, pick another, edit, split, merge. */
export function PlanTaskTable({ tasks, sections, suggestions, units, leaders, busy, onAssign, onText, onAccept, onSplit, onMerge }: Props) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<string[]>([]);
  const [splitting, setSplitting] = useState<Task | null>(null);
  const [splitAt, setSplitAt] = useState<number | null>(null);
  const unitNames = units.map((u) => u.name);
  const leaderNames = leaders.map((l) => l.name);
  const work = tasks.filter((x) => x.kind !== 'section');
  const assigned = work.filter(isAssigned).length;
  const chosen = work.filter((x) => selected.includes(String(x.id)));

  return (
    <>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button type="primary" loading={busy} onClick={() => onAccept(work.filter((x) => !isAssigned(x)))} data-testid="accept-all">{t('全部采纳建议')}</Button>
        <Button disabled={!chosen.length} onClick={() => onAccept(chosen)}>{t('采纳所选')}</Button>
        <Button disabled={chosen.length < 2} onClick={() => { onMerge(chosen); setSelected([]); }} data-testid="merge">{t('合并所选')} ({chosen.length})</Button>
        <Typography.Text type="secondary" data-testid="assigned-count">{t('共 {n} 项,已分工 {m} 项', { n: work.length, m: assigned })}</Typography.Text>
      </Space>
      <Table<Task>
        rowKey={(r) => String(r.id)}
        size="small"
        bordered
        dataSource={work}
        pagination={{ defaultPageSize: 50, size: 'small', showSizeChanger: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) }}
        scroll={{ x: 1150 }}
        data-testid="plan-tasks"
        columns={[
          { title: t('序号'), dataIndex: 'no', width: 52 },
          { title: t('板块'), width: 100, ellipsis: true, render: (_, r) => (r.sectionId == null ? '' : sections.get(String(r.sectionId)) ?? '') },
          {
            title: t('任务'), dataIndex: 'text', render: (v: string, r) => (
              <Typography.Paragraph editable={{ onChange: (text) => text !== v && onText(r, text), tooltip: t('编辑') }} style={{ marginBottom: 0 }} ellipsis={{ rows: 3, expandable: true }}>
                {v}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('牵头领导'), width: 130, render: (_, r) => {
              const s = suggestions.get(String(r.id));
              return (
                <Select size="small" style={{ width: '100%' }} allowClear showSearch placeholder={s?.leaders[0] ? `★ ${s.leaders[0].name}` : ''}
                  value={leaderOf(r) || undefined} options={pickerOptions(s?.leaders, leaderNames, [leaderOf(r)])}
                  onChange={(v) => onAssign(r, { leader: v ?? null })} />
              );
            },
          },
          {
            title: t('牵头单位'), width: 170, render: (_, r) => {
              const s = suggestions.get(String(r.id));
              return (
                <Select size="small" style={{ width: '100%' }} allowClear showSearch placeholder={s?.units[0] ? `★ ${s.units[0].name}` : ''}
                  value={leadUnitOf(r) || undefined} options={pickerOptions(s?.units, unitNames, [leadUnitOf(r)])}
                  onChange={(v) => onAssign(r, { leadUnit: v ?? null })} data-testid="pick-lead-unit" />
              );
            },
          },
          {
            title: t('配合单位'), width: 200, render: (_, r) => (
              <Select size="small" mode="multiple" style={{ width: '100%' }} maxTagCount={2} allowClear
                value={coUnitsOf(r)} options={pickerOptions(suggestions.get(String(r.id))?.coUnits, unitNames, coUnitsOf(r))}
                onChange={(v: string[]) => onAssign(r, { coUnits: v })} />
            ),
          },
          {
            title: t('完成时限'), width: 120, render: (_, r) => (
              <DatePicker size="small" variant="borderless" value={deadlineOf(r) ? dayjs(deadlineOf(r)) : null}
                onChange={(d) => onAssign(r, { deadline: d ? d.format('YYYY-MM-DD') : null })} />
            ),
          },
          {
            title: t('操作'), width: 110, fixed: 'right', render: (_, r) => (
              <Space size={0} wrap>
                {isAssigned(r) ? <Tag color="green">{t('已分工')}</Tag> : (
                  <Button size="small" type="link" disabled={!suggestions.get(String(r.id))?.units.length} onClick={() => onAccept([r])}>{t('采纳')}</Button>
                )}
                <Button size="small" type="link" disabled={!splitPoints(r.text).length} onClick={() => { setSplitting(r); setSplitAt(splitPoints(r.text)[0] ?? null); }}>{t('拆分')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal open={!!splitting} title={t('拆分任务')} onCancel={() => setSplitting(null)} width={720}
        onOk={() => { if (splitting && splitAt) onSplit(splitting, splitAt); setSplitting(null); }}>
        <Typography.Paragraph type="secondary">{t('选择拆分位置:')}</Typography.Paragraph>
        <Radio.Group value={splitAt} onChange={(e) => setSplitAt(e.target.value as number)} style={{ display: 'flex', flexDirection: 'column', gap: 4 }}>
          {splitting && splitPoints(splitting.text).map((p) => (
            <Radio key={p} value={p}>
              <span>…{splitting.text.slice(Math.max(0, p - 24), p)}</span><Tag color="red" style={{ margin: '0 4px' }}>✂</Tag><span>{splitting.text.slice(p, p + 24)}…</span>
            </Radio>
          ))}
        </Radio.Group>
      </Modal>
    </>
  );
}
