import { useState } from 'react';
import { type TableColumnsType, Alert, App, Button, Dropdown, Modal, Result, Space, Table, Tag, Typography, Upload } from 'antd';
import { ApiError } from '../api/client.ts';
import {
  APPLICABLE_FIELDS, exportsApi, type FieldValue, type LedgerDiff, type LedgerFilters, type LedgerLayout, type LedgerUpdate, type StaleChange,
} from '../api/exports.ts';
import type { Colour, Id, Task } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { leaderOf } from '../lib/task.ts';

/**
 * The ledger's round trip through Excel on the server: export the filtered
 * tasks as the office's .xlsx ledger, take the edited workbook back, show
 * every change for confirmation, apply the confirmed ones in one transaction.
 */

/** The ledger screen's filters, by the names shown. */
export interface ScreenFilters {
  q: string;
  section?: string;
  unit?: string;
  leader?: string;
  district?: string;
  kind?: string;
  colour?: Colour;
  deadlineBy?: string;
}

/** Colours that are one status each; red and green span two, so the server cannot filter by them. */
const STATUS_OF_COLOUR: Partial<Record<Colour, string>> = { grey: 'not_started', yellow: 'behind', blue: 'closed' };

/** The screen's filters as the task list's query (ids, not names); `dropped` names the ones the server cannot apply. */
export function serverFilters(f: ScreenFilters, tasks: Task[], sections: Map<string, string>): { filters: LedgerFilters; dropped: string[] } {
  const filters: LedgerFilters = {};
  const dropped: string[] = [];
  if (f.q) filters.q = f.q;
  if (f.section) filters.sectionId = Number([...sections].find(([, name]) => name === f.section)?.[0]);
  if (f.unit) filters.unitId = tasks.flatMap((t) => [...(t.assignment?.leadUnits ?? []), ...(t.assignment?.coUnits ?? [])]).find((u) => u.name === f.unit)?.id;
  if (f.leader) filters.leaderId = tasks.find((t) => leaderOf(t) === f.leader)?.assignment?.leaderId ?? undefined;
  if (f.district) filters.districtId = tasks.find((t) => t.districtName === f.district)?.districtId ?? undefined;
  if (f.kind) filters.kind = f.kind;
  if (f.colour) {
    if (STATUS_OF_COLOUR[f.colour]) filters.status = STATUS_OF_COLOUR[f.colour];
    else dropped.push('状态');
  }
  if (f.deadlineBy) filters.deadlineBefore = f.deadlineBy;
  // A name the tasks do not resolve (a leader without a record, say) would export everything: say so.
  if (f.unit && filters.unitId === undefined) dropped.push('责任单位');
  if (f.leader && filters.leaderId === undefined) dropped.push('牵头领导');
  return { filters, dropped };
}

function show(value: FieldValue, field: string): string {
  if (value === null || value === '' || (Array.isArray(value) && !value.length)) return '—';
  if (Array.isArray(value)) return value.join('、');
  return field === 'percent' ? `${value}%` : String(value);
}

const LAYOUTS: { key: LedgerLayout; label: string }[] = [
  { key: 'single', label: '单表' },
  { key: 'section', label: '按板块分表' },
  { key: 'unit', label: '按单位分表' },
];

/** 导出Excel台账 (a layout to choose) and, for the office, 导入台账. */
export function LedgerTransfer({ planId, filters, dropped, canImport, onApplied }: {
  planId: Id;
  filters: LedgerFilters;
  dropped: string[];
  canImport: boolean;
  onApplied: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [exported, setExported] = useState<LedgerFilters | null>(null);
  const [importing, setImporting] = useState(false);

  async function exportLedger(layout: LedgerLayout) {
    try {
      await exportsApi.downloadLedger(planId, layout, filters);
      setExported(filters);
      if (dropped.length) message.info(t('导出未按以下筛选:{names}', { names: dropped.map((d) => t(d)).join('、') }));
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  }

  return (
    <>
      <Dropdown
        menu={{ items: LAYOUTS.map((l) => ({ key: l.key, label: <span data-testid={`export-ledger-${l.key}`}>{t(l.label)}</span> })), onClick: (e) => void exportLedger(e.key as LedgerLayout) }}
      >
        <Button data-testid="export-ledger">{t('导出Excel台账')}</Button>
      </Dropdown>
      {canImport && <Button onClick={() => setImporting(true)} data-testid="import-ledger">{t('导入台账')}</Button>}
      {importing && (
        <LedgerImport planId={planId} filters={exported ?? filters} onClose={() => setImporting(false)} onApplied={onApplied} />
      )}
    </>
  );
}

type Stage =
  | { step: 'upload' }
  | { step: 'confirm'; diff: LedgerDiff }
  | { step: 'stale'; diff: LedgerDiff; stale: StaleChange[] }
  | { step: 'done'; applied: number; tasks: number };

function LedgerImport({ planId, filters, onClose, onApplied }: { planId: Id; filters: LedgerFilters; onClose: () => void; onApplied: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ step: 'upload' });
  const [selected, setSelected] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const keyOf = (c: LedgerUpdate) => `${c.taskId}:${c.field}`;
  const applicable = (c: LedgerUpdate) => APPLICABLE_FIELDS.includes(c.field);

  /** Compares the kept file again: after a 409 the person reloads without choosing the file anew. */
  async function compare(f: File) {
    setBusy(true);
    setError(null);
    try {
      const diff = await exportsApi.diffLedger(planId, f, filters);
      // A stale row may carry the old value back over someone's newer one: the person ticks those deliberately.
      setSelected(updatesOf(diff).filter((c) => applicable(c) && !c.stale).map(keyOf));
      setStage({ step: 'confirm', diff });
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function apply(diff: LedgerDiff) {
    const changes = updatesOf(diff).filter((c) => selected.includes(keyOf(c)));
    setBusy(true);
    setError(null);
    try {
      const res = await exportsApi.applyLedger(planId, changes);
      setStage({ step: 'done', applied: res.applied, tasks: res.tasks.length });
      onApplied();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setStage({ step: 'stale', diff, stale: ((err.problem as { stale?: StaleChange[] }).stale) ?? [] });
      } else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  const columns = (stale: StaleChange[] = []): TableColumnsType<LedgerUpdate> => [
    { title: t('序号'), dataIndex: 'no', width: 64 },
    { title: t('字段'), dataIndex: 'header', width: 96 },
    { title: t('修改前'), render: (_, c) => <Typography.Text delete type="secondary">{show(c.before, c.field)}</Typography.Text> },
    { title: t('修改后'), render: (_, c) => <Typography.Text strong>{show(c.after, c.field)}</Typography.Text> },
    {
      title: t('说明'), width: 200, render: (_, c) => (
        <Space size={4} wrap>
          {c.stale && <Tag color="orange">{t('导出后已被他人修改')}</Tag>}
          {stale.some((s) => String(s.taskId) === c.taskId && (!s.field || s.field === c.field)) && <Tag color="red">{t('已过期')}</Tag>}
          {!applicable(c) && <Tag>{t('不能从台账导入')}</Tag>}
          <Typography.Text type="secondary">{c.sheet} · {t('第 {n} 行', { n: c.row })}</Typography.Text>
        </Space>
      ),
    },
  ];

  function changeTable(diff: LedgerDiff, stale?: StaleChange[]) {
    return (
      <Table<LedgerUpdate>
        rowKey={keyOf}
        size="small"
        bordered
        dataSource={updatesOf(diff)}
        columns={columns(stale)}
        pagination={{ defaultPageSize: 20, size: 'small', hideOnSinglePage: true }}
        rowSelection={{ selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (c) => ({ disabled: !applicable(c) }) }}
        rowClassName={(c) => (c.stale ? 'ledger-change-stale' : '')}
        data-testid="ledger-changes"
      />
    );
  }

  function others(diff: LedgerDiff) {
    const { add, missing, unknownTask, duplicate } = diff.summary;
    if (!add && !missing && !unknownTask && !duplicate) return null;
    return (
      <Alert type="info" showIcon style={{ marginTop: 8 }} title={t('以下内容仅供核对,不会写入')} description={
        <Space wrap>
          {add > 0 && <span>{t('新增行 {n} 行(新任务请在任务编辑或导入中添加)', { n: add })}</span>}
          {missing > 0 && <span>{t('表中缺少 {n} 项任务(不会删除)', { n: missing })}</span>}
          {unknownTask > 0 && <span>{t('无法识别的行 {n} 行', { n: unknownTask })}</span>}
          {duplicate > 0 && <span>{t('重复的行 {n} 行', { n: duplicate })}</span>}
        </Space>
      } />
    );
  }

  const footer = () => {
    if (stage.step === 'confirm') {
      return [
        <Button key="back" onClick={() => setStage({ step: 'upload' })}>{t('重新选择文件')}</Button>,
        <Button key="ok" type="primary" loading={busy} disabled={!selected.length} onClick={() => void apply(stage.diff)} data-testid="ledger-apply">
          {t('确认导入 {n} 项修改', { n: selected.length })}
        </Button>,
      ];
    }
    if (stage.step === 'stale') {
      return [
        <Button key="close" onClick={onClose}>{t('关闭')}</Button>,
        <Button key="again" type="primary" loading={busy} onClick={() => file && void compare(file)} data-testid="ledger-compare-again">{t('重新比对')}</Button>,
      ];
    }
    return [<Button key="close" onClick={onClose} data-testid="ledger-import-close">{t('关闭')}</Button>];
  };

  return (
    <Modal open width={960} title={t('导入台账')} onCancel={onClose} footer={footer()} destroyOnHidden data-testid="ledger-import">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {stage.step === 'upload' && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary">
            {t('上传从本页导出、线下修改过的台账。系统按导出时的筛选比对,先列出全部修改供确认,确认后才写入并记入审计日志。')}
          </Typography.Paragraph>
          <Upload.Dragger maxCount={1} accept=".xlsx" showUploadList={false} disabled={busy}
            beforeUpload={(f) => { setFile(f); void compare(f); return false; }} data-testid="ledger-upload">
            <p>{busy ? t('正在比对…') : t('点击或拖入 .xlsx 台账')}</p>
          </Upload.Dragger>
        </Space>
      )}
      {stage.step === 'confirm' && (
        <>
          <Alert type={stage.diff.summary.stale ? 'warning' : 'success'} showIcon style={{ marginBottom: 8 }} data-testid="ledger-diff-summary"
            title={t('读取 {rows} 行,共 {n} 项修改', { rows: stage.diff.rowsRead, n: stage.diff.summary.update })}
            description={stage.diff.summary.stale ? t('{n} 项修改所在的任务在导出后已被他人修改,修改前一栏是现在的内容。这些修改默认不勾选:核对后再勾选确认。', { n: stage.diff.summary.stale }) : undefined} />
          {changeTable(stage.diff)}
          {others(stage.diff)}
        </>
      )}
      {stage.step === 'stale' && (
        <>
          <Alert type="error" showIcon style={{ marginBottom: 8 }} data-testid="ledger-stale"
            title={t('有 {n} 项任务在比对后被他人修改,本次没有写入任何内容', { n: new Set(stage.stale.map((s) => s.taskId)).size })}
            description={t('标为“已过期”的行已变化。文件仍保留:点“重新比对”按最新数据再核对一次,然后重新确认。')} />
          {changeTable(stage.diff, stage.stale)}
        </>
      )}
      {stage.step === 'done' && (
        <Result status="success" title={t('已导入 {n} 项修改', { n: stage.applied })} subTitle={t('涉及 {m} 项任务,均已记入审计日志', { m: stage.tasks })} data-testid="ledger-import-done" />
      )}
    </Modal>
  );
}

const updatesOf = (diff: LedgerDiff) => diff.changes.filter((c): c is LedgerUpdate => c.kind === 'update');
