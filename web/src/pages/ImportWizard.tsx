import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Result, Select, Space, Statistic, Steps, Tabs, Typography, Upload, type UploadFile } from 'antd';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Finding, Id, ImportResult, Leader, Quantity, SourceDocumentView, Task, TaskSuggestions, Unit } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { coUnitsOf, deadlineOf, leaderOf, leadUnitOf, sectionNames } from '../lib/task.ts';
import { useLoad } from '../lib/useLoad.ts';
import { useRouter } from '../router.tsx';
import { isAssigned, PlanTaskTable, type AssignmentByName } from './import/PlanTaskTable.tsx';
import { QuantityText } from './import/QuantityText.tsx';
import { QuotaTables } from './import/QuotaTables.tsx';

const KIND_OPTIONS = [
  { value: '', label: '自动识别' },
  { value: 'report', label: '政府工作报告' },
  { value: 'notice', label: '目标任务分解通知' },
  { value: 'half-year', label: '半年工作报告' },
];

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

function UploadStep({ onImported }: { onImported: (r: ImportResult) => void }) {
  const { t } = useI18n();
  const orgs = useLoad(() => api.listOrganisations().then((r) => r.items), []);
  const [mode, setMode] = useState('file');
  const [file, setFile] = useState<UploadFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const roots = (orgs.data ?? []).filter((o) => o.parentId == null);

  async function submit(values: { organisationId?: Id; newOrganisation?: string; kind: string; year?: number; name?: string; text?: string }) {
    setError(null);
    let blob: Blob;
    let name: string;
    if (mode === 'file') {
      if (!file?.originFileObj) return setError(t('请选择文件'));
      blob = file.originFileObj;
      name = file.name;
    } else {
      if (!values.text?.trim()) return setError(t('请粘贴文本'));
      blob = new Blob([values.text], { type: 'text/plain;charset=utf-8' });
      name = `${values.name?.trim() || t('粘贴文本')}.txt`;
    }
    setBusy(true);
    try {
      const organisationId = values.organisationId ?? (await api.createOrganisation(values.newOrganisation!.trim())).id;
      const form = new FormData();
      form.set('organisationId', String(organisationId));
      if (values.kind) form.set('kind', values.kind);
      if (values.year) form.set('year', String(values.year));
      form.set('file', blob, name);
      onImported(await api.importDocument(form));
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  }

  if (!orgs.data) return <Card loading />;
  return (
    <Form layout="vertical" onFinish={submit} initialValues={{ kind: '', organisationId: roots[0]?.id }} style={{ maxWidth: 760 }}>
      <Space wrap>
        {roots.length ? (
          <Form.Item name="organisationId" label={t('所属政府')} rules={[{ required: true }]}>
            <Select style={{ width: 200 }} options={roots.map((o) => ({ value: o.id, label: o.name }))} />
          </Form.Item>
        ) : (
          <Form.Item name="newOrganisation" label={t('所属政府')} rules={[{ required: true, message: t('请输入政府名称,如:宁波市') }]}>
            <Input style={{ width: 200 }} placeholder={t('如:宁波市')} id="new-organisation" />
          </Form.Item>
        )}
        <Form.Item name="kind" label={t('文件类型')}>
          <Select options={KIND_OPTIONS.map((o) => ({ ...o, label: t(o.label) }))} style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="year" label={t('年度')} tooltip={t('留空则按文件所述年度')}>
          <InputNumber min={1949} max={2100} style={{ width: 100 }} />
        </Form.Item>
      </Space>
      <Tabs activeKey={mode} onChange={setMode} items={[
        {
          key: 'file', label: t('上传文件'), children: (
            <Upload.Dragger maxCount={1} beforeUpload={() => false} accept=".txt,.html,.htm,.docx,.pdf,.xlsx"
              fileList={file ? [file] : []} onChange={({ fileList }) => setFile(fileList[fileList.length - 1] ?? null)}>
              <p style={{ margin: 16 }}>{t('将 .txt .html .docx .pdf .xlsx 文件拖到此处,或点击选择')}</p>
            </Upload.Dragger>
          ),
        },
        {
          key: 'paste', label: t('粘贴文本'), children: (
            <>
              <Form.Item name="name" label={t('名称')}><Input placeholder={t('例如:2020年市政府工作报告')} /></Form.Item>
              <Form.Item name="text"><Input.TextArea rows={12} placeholder={t('粘贴报告或通知全文')} data-testid="import-text" /></Form.Item>
            </>
          ),
        },
      ]} />
      {error && <Alert type="error" title={error} showIcon style={{ margin: '8px 0' }} />}
      <Button type="primary" htmlType="submit" loading={busy} style={{ marginTop: 8 }} data-testid="import-submit">{t('开始分析')}</Button>
    </Form>
  );
}

interface Loaded {
  doc: SourceDocumentView;
  tasks: Task[];
  sections: Map<string, string>;
  suggestions: Map<string, TaskSuggestions>;
}

async function loadImport(documentId: Id): Promise<Loaded> {
  const doc = await api.getDocument(documentId);
  const all = doc.planId ? (await api.listTasks({ planId: doc.planId, limit: 5000 })).items : [];
  const suggestions = doc.planId ? await api.planSuggestions(doc.planId).then((r) => r.items, () => []) : [];
  return {
    doc,
    tasks: all.filter((x) => String(x.documentId) === String(doc.id)),
    sections: sectionNames(all),
    suggestions: new Map(suggestions.map((s) => [String(s.taskId), s])),
  };
}

/**
 * Upload → text with quantities → tasks with suggested units and leaders →
 * quota tables and findings → publish. The engine's tasks are stored at
 * upload; every correction after that goes through the audited task routes.
 */
export function ImportWizard({ draftId }: { draftId?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { navigate } = useRouter();
  const [step, setStep] = useState(draftId ? 1 : 0);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [data, setData] = useState<Loaded | null>(null);
  const [units, setUnits] = useState<Unit[]>([]);
  const [leaders, setLeaders] = useState<Leader[]>([]);
  const [busy, setBusy] = useState(false);
  const [published, setPublished] = useState(false);

  const reload = useCallback(async (documentId: Id) => {
    const [loaded, u, l] = await Promise.all([loadImport(documentId), api.listUnits(), api.listLeaders()]);
    setData(loaded);
    setUnits(u.items);
    setLeaders(l.items);
  }, []);

  useEffect(() => {
    if (draftId) reload(draftId).catch((err) => message.error(errorText(err)));
  }, [draftId, reload, message]);

  const replaceTask = (next: Task) => setData((d) => d && { ...d, tasks: d.tasks.map((x) => (String(x.id) === String(next.id) ? next : x)) });

  async function unitId(name: string): Promise<Id> {
    const found = units.find((u) => u.name === name || u.aliases?.includes(name));
    if (found) return found.id;
    const created = await api.createUnit(data!.doc.organisationId, name);
    setUnits((us) => [...us, created]);
    units.push(created);
    return created.id;
  }

  async function leaderId(name: string): Promise<Id> {
    const found = leaders.find((l) => l.name === name);
    if (found) return found.id;
    const created = await api.createLeader(data!.doc.organisationId, name);
    setLeaders((ls) => [...ls, created]);
    leaders.push(created);
    return created.id;
  }

  /** Writes one task's whole assignment: what it had, with the change applied. */
  async function assign(task: Task, change: AssignmentByName) {
    const lead = change.leadUnit !== undefined ? change.leadUnit : leadUnitOf(task) || null;
    const co = (change.coUnits ?? coUnitsOf(task)).filter((u) => u !== lead);
    const leader = change.leader !== undefined ? change.leader : leaderOf(task) || null;
    const next = await api.assignTask(task.id, {
      leadUnitId: lead ? await unitId(lead) : null,
      coUnitIds: await Promise.all(co.map(unitId)),
      leaderId: leader ? await leaderId(leader) : null,
      personInCharge: task.assignment?.personInCharge ?? '',
      deadline: change.deadline !== undefined ? change.deadline : deadlineOf(task) || null,
      version: task.assignment?.version ?? null,
    });
    replaceTask(next);
  }

  async function guarded(fn: () => Promise<void>) {
    setBusy(true);
    try {
      await fn();
    } catch (err) {
      message.error(err instanceof ApiError && err.status === 409 ? t('该记录已被他人修改,已重新载入') : errorText(err));
      if (data) await reload(data.doc.id);
    } finally {
      setBusy(false);
    }
  }

  /**
   * Takes the best suggestion for whatever each task still lacks. Tasks that
   * end up with the same lead unit, co-units and leader go in one bulk
   * request: one audited, all-or-nothing call per group, not one per task.
   */
  function accept(tasks: Task[]) {
    return guarded(async () => {
      const groups = new Map<string, { lead: string; co: string[]; leader: string | null; tasks: Task[] }>();
      for (const task of tasks) {
        const s = data!.suggestions.get(String(task.id));
        if (!s) continue;
        const lead = leadUnitOf(task) || s.units[0]?.name;
        if (!lead) continue;
        const leader = leaderOf(task) || s.leaders[0]?.name || null;
        const co = coUnitsOf(task).length ? coUnitsOf(task).filter((c) => c !== lead) : s.coUnits.map((c) => c.name).filter((c) => c !== lead).slice(0, 3);
        const key = JSON.stringify([lead, co, leader]);
        const group = groups.get(key) ?? { lead, co, leader, tasks: [] };
        group.tasks.push(task);
        groups.set(key, group);
      }
      let n = 0;
      for (const g of groups.values()) {
        const leadUnitId = await unitId(g.lead);
        const coUnitIds: Id[] = [];
        for (const name of g.co) coUnitIds.push(await unitId(name));
        const leader = g.leader ? await leaderId(g.leader) : undefined;
        n += (await api.bulkAssign(g.tasks, { leadUnitId, coUnitIds, leaderId: leader })).assigned;
      }
      if (n) await reload(data!.doc.id);
      message.success(t('已采纳 {n} 项建议', { n }));
    });
  }

  async function publish() {
    await guarded(async () => {
      const planId = data!.doc.planId!;
      const plan = await api.getPlan(planId);
      await api.publishPlan(planId, plan.version);
      setPublished(true);
      message.success(t('已发布'));
    });
  }

  const findings: Finding[] = useMemo(() => [
    ...(result?.messages ?? []),
    ...(data?.doc.extraction.notice?.findings ?? []),
    ...(data?.doc.extraction.messages ?? []),
  ].filter((f, i, all) => all.findIndex((g) => g.code === f.code && g.span?.start === f.span?.start && g.message.zh === f.message.zh) === i), [result, data]);

  const quantities: Quantity[] = data?.doc.extraction.quantities ?? [];
  const steps = [t('上传或粘贴'), t('数量识别'), t('任务分工'), t('分解表与校验'), t('发布')];
  const work = data?.tasks.filter((x) => x.kind !== 'section') ?? [];

  return (
    <Card size="small" title={<Space>{t('导入分解')}{data && <Typography.Text type="secondary">{data.doc.name}</Typography.Text>}</Space>} data-testid="import-wizard">
      <Steps size="small" current={step} items={steps.map((title) => ({ title }))} style={{ marginBottom: 12 }} onChange={(s) => data && setStep(s)} />
      {step === 0 && (
        <UploadStep onImported={(r) => {
          setResult(r);
          message.success(t('已导入 {n} 项任务', { n: r.tasks }));
          setStep(1);
          navigate(`/import/${r.documentId}`, { replace: true });
          void reload(r.documentId);
        }} />
      )}
      {step > 0 && !data && <Card loading />}
      {data && step === 1 && (
        quantities.length ? (
          <QuantityText text={data.doc.text} quantities={quantities} onCorrect={(i, patch) => guarded(async () => {
            const doc = await api.correctQuantity(data.doc.id, i, patch, data.doc.version);
            setData((d) => d && { ...d, doc });
          })} />
        ) : <Alert type="info" showIcon title={t('本文件是分解通知,任务已按通知列出的领导和单位导入;请在下一步核对。')} />
      )}
      {data && step === 2 && (
        <PlanTaskTable tasks={data.tasks} sections={data.sections} suggestions={data.suggestions} units={units} leaders={leaders} busy={busy}
          onAssign={(task, change) => guarded(() => assign(task, change))}
          onText={(task, text) => guarded(async () => replaceTask(await api.updateTask(task.id, { text, version: task.version })))}
          onAccept={accept}
          onSplit={(task, at) => guarded(async () => { await api.splitTask(task.id, at, task.version); await reload(data.doc.id); })}
          onMerge={(tasks) => guarded(async () => { await api.mergeTasks(tasks); await reload(data.doc.id); })} />
      )}
      {data && step === 3 && <QuotaTables projects={data.doc.extraction.notice?.projects ?? []} findings={findings} />}
      {data && step === 4 && (published ? (
        <Result status="success" title={t('已发布 {n} 项任务', { n: work.length })}
          extra={<Button type="primary" onClick={() => navigate('/ledger')}>{t('查看任务台账')}</Button>} />
      ) : (
        <Space orientation="vertical" size="middle">
          <Space size="large">
            <Statistic title={t('任务')} value={work.length} />
            <Statistic title={t('已分工')} value={work.filter(isAssigned).length} />
            <Statistic title={t('目标')} value={quantities.filter((q) => q.kind === 'target' && !q.rejected).length} />
            <Statistic title={t('民生实事')} value={work.filter((x) => x.kind === 'project').length} />
            <Statistic title={t('校验发现')} value={findings.length} />
          </Space>
          <Button type="primary" loading={busy} onClick={() => void publish()} data-testid="publish">{t('发布')}</Button>
        </Space>
      ))}
      {data && step > 0 && step < 4 && (
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => setStep(step - 1)}>{t('上一步')}</Button>
          <Button type="primary" onClick={() => setStep(step + 1)} data-testid="next-step">{t('下一步')}</Button>
        </Space>
      )}
    </Card>
  );
}
