import { useMemo, useState, type ReactNode } from 'react';
import { type TableColumnsType, Alert, App, Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Colour, Id, Task } from '../api/types.ts';
import { COLOUR_LABEL, pct, STATUS_LABEL, StatusTag } from '../components/StatusTag.tsx';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n/index.tsx';
import { coUnitsOf, colourOf, deadlineOf, KIND_LABEL, leaderOf, leadUnitOf, matchesText, sectionNames, targetsText } from '../lib/task.ts';
import { useLoad } from '../lib/useLoad.ts';
import { downloadXlsx, type ExportColumn } from '../lib/xlsx.ts';
import { Link, useRouter } from '../router.tsx';
import { PlanPicker } from '../components/PlanPicker.tsx';
import { defaultPlan } from '../lib/plan.ts';
import { LedgerTransfer, serverFilters, type ScreenFilters } from './LedgerImport.tsx';

type Filters = ScreenFilters;

const distinct = (values: (string | null | undefined)[]) =>
  [...new Set(values.filter((v): v is string => !!v))].sort((a, b) => a.localeCompare(b, 'zh-CN')).map((v) => ({ label: v, value: v }));

/** The ledger's columns, shared by the table and the .xlsx export so both show the same thing. */
function exportColumns(t: (s: string) => string, section: (r: Task) => string): ExportColumn<Task>[] {
  return [
    { title: t('序号'), value: (r) => r.no, width: 8 },
    { title: t('板块'), value: section, width: 16 },
    { title: t('任务'), value: (r) => r.text, width: 60 },
    { title: t('目标'), value: targetsText, width: 24 },
    { title: t('牵头领导'), value: leaderOf, width: 10 },
    { title: t('牵头单位'), value: leadUnitOf, width: 18 },
    { title: t('配合单位'), value: (r) => coUnitsOf(r).join('、'), width: 24 },
    { title: t('区县'), value: (r) => r.districtName ?? '', width: 10 },
    { title: t('完成时限'), value: deadlineOf, width: 12 },
    { title: t('应有进度'), value: (r) => (r.expectedPercent == null ? '' : Math.round(r.expectedPercent)), width: 8 },
    { title: t('实际进度'), value: (r) => (r.actualPercent == null ? '' : Math.round(r.actualPercent)), width: 8 },
    { title: t('状态'), value: (r) => t(STATUS_LABEL[r.status] ?? r.status), width: 8 },
  ];
}

function EditableText({ value, onSave, testId }: { value: string; onSave: (v: string) => Promise<void>; testId?: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(value);
  if (!editing) {
    return <span onDoubleClick={() => { setDraft(value); setEditing(true); }} title="双击编辑" data-testid={testId}>{value || '—'}</span>;
  }
  return (
    <Input.TextArea
      autoFocus
      autoSize
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => setEditing(false)}
      onKeyDown={async (e) => {
        if (e.key === 'Escape') setEditing(false);
        if (e.key === 'Enter' && !e.shiftKey) {
          e.preventDefault();
          await onSave(draft);
          setEditing(false);
        }
      }}
    />
  );
}

export function LedgerPage() {
  const { search, navigate } = useRouter();
  const plans = useLoad(() => api.listPlans().then((r) => r.items), []);
  if (plans.error) return <Alert type="error" title={plans.error.message} showIcon />;
  if (!plans.data) return <Card loading />;
  const plan = defaultPlan(plans.data, search.get('plan'));
  const picker = <PlanPicker plans={plans.data} value={plan?.id} onChange={(id) => navigate(`/ledger?plan=${id}`)} />;
  return <Ledger key={String(plan?.id)} planId={plan?.id} picker={picker} />;
}

function Ledger({ planId, picker }: { planId?: Id; picker: ReactNode }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const isAdmin = user?.role === 'admin';
  const { data, error, loading, reload } = useLoad(() => api.listTasks({ planId, limit: 5000 }), [planId]);
  const units = useLoad(() => (isAdmin ? api.listUnits() : Promise.resolve({ items: [], total: 0 })), [isAdmin]);
  const leaders = useLoad(() => (isAdmin ? api.listLeaders() : Promise.resolve({ items: [], total: 0 })), [isAdmin]);
  const [filters, setFilters] = useState<Filters>({ q: '' });
  const [selected, setSelected] = useState<Id[]>([]);
  const [onScreen, setOnScreen] = useState<Task[] | null>(null);
  const [assigning, setAssigning] = useState(false);
  const [form] = Form.useForm();

  const all = useMemo(() => data?.items ?? [], [data]);
  const sections = useMemo(() => sectionNames(all), [all]);
  const sectionOf = (r: Task) => (r.sectionId == null ? '' : sections.get(String(r.sectionId)) ?? '');
  const rows = useMemo(() => all.filter((r) =>
    r.kind !== 'section'
    && matchesText(r, filters.q, sectionOf(r))
    && (!filters.section || sectionOf(r) === filters.section)
    && (!filters.unit || leadUnitOf(r) === filters.unit || coUnitsOf(r).includes(filters.unit))
    && (!filters.leader || leaderOf(r) === filters.leader)
    && (!filters.district || r.districtName === filters.district)
    && (!filters.kind || r.kind === filters.kind)
    && (!filters.colour || colourOf(r) === filters.colour)
    && (!filters.deadlineBy || (!!deadlineOf(r) && deadlineOf(r) <= filters.deadlineBy)),
  // eslint-disable-next-line react-hooks/exhaustive-deps
  ), [all, sections, filters]);

  async function save(task: Task, patch: Partial<Task>) {
    try {
      await api.updateTask(task.id, { ...patch, version: task.version });
      message.success(t('已保存'));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) message.warning(t('该记录已被他人修改,已重新载入'));
      else message.error(err instanceof Error ? err.message : String(err));
    }
    reload();
  }

  const columns: TableColumnsType<Task> = [
    { title: t('序号'), dataIndex: 'no', width: 56, sorter: (a, b) => a.no.localeCompare(b.no, undefined, { numeric: true }) },
    { title: t('板块'), width: 120, ellipsis: true, render: (_, r) => sectionOf(r) },
    {
      title: t('任务'), dataIndex: 'text',
      render: (v: string, r) => (
        <div className="ledger-text">
          <Link to={`/tasks/${r.id}`}>{t('详情')}</Link>{' '}
          {r.abilities?.update ?? isAdmin ? <EditableText value={v} onSave={(text) => save(r, { text })} testId={`text-${r.id}`} /> : <span>{v}</span>}
        </div>
      ),
    },
    { title: t('目标'), width: 140, ellipsis: true, render: (_, r) => targetsText(r) },
    { title: t('牵头领导'), width: 80, render: (_, r) => leaderOf(r), sorter: (a, b) => leaderOf(a).localeCompare(leaderOf(b), 'zh-CN') },
    { title: t('牵头单位'), width: 130, ellipsis: true, render: (_, r) => leadUnitOf(r), sorter: (a, b) => leadUnitOf(a).localeCompare(leadUnitOf(b), 'zh-CN') },
    { title: t('配合单位'), width: 150, ellipsis: true, render: (_, r) => coUnitsOf(r).join('、') },
    { title: t('区县'), dataIndex: 'districtName', width: 70 },
    {
      title: t('完成时限'), width: 110, sorter: (a, b) => deadlineOf(a).localeCompare(deadlineOf(b)),
      render: (_, r) => isAdmin ? (
        <DatePicker size="small" variant="borderless" value={deadlineOf(r) ? dayjs(deadlineOf(r)) : null}
          onChange={(d) => save(r, { deadline: d ? d.format('YYYY-MM-DD') : null })} />
      ) : deadlineOf(r),
    },
    { title: t('应有'), dataIndex: 'expectedPercent', width: 56, render: pct, sorter: (a, b) => (a.expectedPercent ?? 0) - (b.expectedPercent ?? 0) },
    { title: t('实际'), dataIndex: 'actualPercent', width: 56, render: pct, sorter: (a, b) => (a.actualPercent ?? 0) - (b.actualPercent ?? 0) },
    { title: t('状态'), width: 84, render: (_, r) => <StatusTag status={r.status} />, sorter: (a, b) => a.status.localeCompare(b.status) },
  ];

  async function exportXlsx() {
    const visible = onScreen ?? rows;
    await downloadXlsx(`${t('任务台账')}-${dayjs().format('YYYYMMDD')}.xlsx`, t('任务台账'), exportColumns(t, sectionOf), visible);
  }

  async function bulkAssign(values: { leadUnitId?: Id; leaderId?: Id; deadline?: dayjs.Dayjs }) {
    try {
      const res = await api.bulkAssign(all.filter((r) => selected.includes(r.id)), {
        leadUnitId: values.leadUnitId, leaderId: values.leaderId, deadline: values.deadline?.format('YYYY-MM-DD'),
      });
      message.success(t('已分配 {n} 项', { n: res?.assigned ?? selected.length }));
      setAssigning(false);
      setSelected([]);
      form.resetFields();
      reload();
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  }

  const set = (patch: Partial<Filters>) => { setFilters((f) => ({ ...f, ...patch })); setOnScreen(null); };

  return (
    <Card size="small" title={<Space>{t('任务台账')}{picker}</Space>} extra={
      <Space>
        <Typography.Text type="secondary" data-testid="ledger-count">{t('共 {n} 项', { n: (onScreen ?? rows).length })}</Typography.Text>
        {isAdmin && <Button disabled={!selected.length} onClick={() => setAssigning(true)} data-testid="bulk-assign">{t('批量分配')} ({selected.length})</Button>}
        <Button type="primary" onClick={() => void exportXlsx()} data-testid="export-xlsx">{t('导出Excel')}</Button>
        {planId !== undefined && user?.role !== 'viewer' && <LedgerTransfer planId={planId} {...serverFilters(filters, all, sections)} canImport={isAdmin} onApplied={reload} />}
      </Space>
    }>
      {error && <Alert type="error" title={error.message} showIcon />}
      <Space wrap style={{ marginBottom: 8 }}>
        <Input.Search allowClear placeholder={t('全文搜索')} style={{ width: 200 }} onSearch={(q) => set({ q })} onChange={(e) => !e.target.value && set({ q: '' })} data-testid="ledger-search" />
        <Select allowClear showSearch placeholder={t('板块')} style={{ width: 150 }} options={distinct(all.map(sectionOf))} onChange={(v) => set({ section: v })} />
        <Select allowClear showSearch placeholder={t('责任单位')} style={{ width: 160 }} options={distinct(all.flatMap((r) => [leadUnitOf(r), ...coUnitsOf(r)]))} onChange={(v) => set({ unit: v })} />
        <Select allowClear showSearch placeholder={t('牵头领导')} style={{ width: 110 }} options={distinct(all.map(leaderOf))} onChange={(v) => set({ leader: v })} />
        <Select allowClear placeholder={t('区县')} style={{ width: 100 }} options={distinct(all.map((r) => r.districtName))} onChange={(v) => set({ district: v })} />
        <Select allowClear placeholder={t('类型')} style={{ width: 100 }} options={distinct(all.map((r) => r.kind).filter((k) => k !== 'section')).map((o) => ({ ...o, label: t(KIND_LABEL[o.value] ?? o.value) }))} onChange={(v) => set({ kind: v })} />
        <Select allowClear placeholder={t('状态')} style={{ width: 100 }} options={(['red', 'yellow', 'green', 'blue', 'grey'] as Colour[]).map((c) => ({ label: t(COLOUR_LABEL[c]), value: c }))} onChange={(v) => set({ colour: v })} data-testid="filter-colour" />
        <DatePicker placeholder={t('时限截至')} onChange={(d) => set({ deadlineBy: d ? d.format('YYYY-MM-DD') : undefined })} />
      </Space>
      <Table<Task>
        rowKey="id"
        size="small"
        bordered
        loading={loading}
        dataSource={rows}
        columns={columns}
        scroll={{ x: 1200 }}
        pagination={{ defaultPageSize: 50, showSizeChanger: true, pageSizeOptions: [20, 50, 100, 500], size: 'small' }}
        rowSelection={isAdmin ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as Id[]) } : undefined}
        onChange={(_p, _f, _s, extra) => setOnScreen(extra.currentDataSource)}
        data-testid="ledger-table"
      />
      <Modal open={assigning} title={t('批量分配')} onCancel={() => setAssigning(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={bulkAssign}>
          <Form.Item name="leadUnitId" label={t('牵头单位')}>
            <Select allowClear showSearch optionFilterProp="label" options={(units.data?.items ?? []).map((u) => ({ label: u.name, value: u.id }))} />
          </Form.Item>
          <Form.Item name="leaderId" label={t('牵头领导')}>
            <Select allowClear showSearch optionFilterProp="label" options={(leaders.data?.items ?? []).map((l) => ({ label: l.name, value: l.id }))} />
          </Form.Item>
          <Form.Item name="deadline" label={t('完成时限')}>
            <DatePicker />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
