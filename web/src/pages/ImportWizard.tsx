import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Result, Select, Space, Statistic, Steps, Tabs, Typography, Upload, type UploadFile } from 'antd';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Draft, DraftTask, ImportedDocument, Quantity } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { acceptAllSuggestions, correctQuantity, mergeTasks, splitTask, updateTask } from '../lib/draft.ts';
import { useLoad } from '../lib/useLoad.ts';
import { useRouter } from '../router.tsx';
import { DraftTaskTable } from './import/DraftTaskTable.tsx';
import { QuantityText } from './import/QuantityText.tsx';
import { QuotaTables } from './import/QuotaTables.tsx';

const KIND_OPTIONS = [
  { value: 'report', label: '政府工作报告' },
  { value: 'notice', label: '目标任务分解通知' },
  { value: 'half-year', label: '半年工作报告' },
  { value: 'other', label: '其他' },
];

function UploadStep({ onImported }: { onImported: (doc: ImportedDocument) => void }) {
  const { t } = useI18n();
  const [mode, setMode] = useState('file');
  const [file, setFile] = useState<UploadFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(values: { kind: string; name?: string; text?: string }) {
    const form = new FormData();
    form.set('kind', values.kind);
    if (mode === 'file') {
      if (!file?.originFileObj) return setError(t('请选择文件'));
      form.set('file', file.originFileObj, file.name);
    } else {
      if (!values.text?.trim()) return setError(t('请粘贴文本'));
      form.set('text', values.text);
      form.set('name', values.name?.trim() || `${t('粘贴文本')}.txt`);
    }
    setBusy(true);
    setError(null);
    try {
      onImported(await api.importDocument(form));
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Form layout="vertical" onFinish={submit} initialValues={{ kind: 'report' }} style={{ maxWidth: 760 }}>
      <Form.Item name="kind" label={t('文件类型')}>
        <Select options={KIND_OPTIONS.map((o) => ({ ...o, label: t(o.label) }))} style={{ width: 240 }} data-testid="import-kind" />
      </Form.Item>
      <Tabs activeKey={mode} onChange={setMode} items={[
        {
          key: 'file', label: t('上传文件'), children: (
            <Upload.Dragger maxCount={1} beforeUpload={() => false} accept=".txt,.html,.htm,.docx,.pdf,.xlsx"
              fileList={file ? [file] : []} onChange={({ fileList }) => setFile(fileList[fileList.length - 1] ?? null)} data-testid="import-file">
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

function PublishStep({ doc, onPublish }: { doc: ImportedDocument; onPublish: (year: number, title: string) => Promise<void> }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const draft = doc.draft;
  const guessYear = Number(/((?:19|20)\d{2})年/.exec(doc.text)?.[1] ?? new Date().getFullYear());
  return (
    <Form layout="inline" initialValues={{ year: guessYear, title: doc.name.replace(/\.[a-z]+$/i, '') }}
      onFinish={async (v: { year: number; title: string }) => { setBusy(true); try { await onPublish(v.year, v.title); } finally { setBusy(false); } }}>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Space size="large">
          <Statistic title={t('任务')} value={draft.tasks.length} />
          <Statistic title={t('已确认分工')} value={draft.tasks.filter((x) => x.confirmed).length} />
          <Statistic title={t('目标')} value={draft.quantities.filter((q) => q.kind === 'target' && !q.rejected).length} />
          <Statistic title={t('民生实事')} value={draft.projects.length} />
          <Statistic title={t('校验发现')} value={draft.messages.length} />
        </Space>
        <Space>
          <Form.Item name="year" label={t('年度')} rules={[{ required: true }]}><InputNumber min={1949} max={2100} /></Form.Item>
          <Form.Item name="title" label={t('计划名称')} rules={[{ required: true }]}><Input style={{ width: 320 }} /></Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="publish">{t('发布')}</Button>
        </Space>
      </Space>
    </Form>
  );
}

/**
 * Upload → text with quantities → draft tasks → quotas and findings →
 * publish. Every correction is saved to the server at once (which audits
 * it), so nothing is lost between steps or on reload.
 */
export function ImportWizard({ draftId }: { draftId?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { navigate } = useRouter();
  const [doc, setDoc] = useState<ImportedDocument | null>(null);
  const [step, setStep] = useState(draftId ? 1 : 0);
  const [published, setPublished] = useState<{ tasks: number } | null>(null);
  const units = useLoad(() => api.listUnits().then((r) => r.items).catch(() => []), []);
  const leaders = useLoad(() => api.listLeaders().then((r) => r.items).catch(() => []), []);
  const saving = useRef(Promise.resolve());
  const latest = useRef<ImportedDocument | null>(null);

  useEffect(() => {
    if (!draftId) return;
    api.getDocument(draftId).then((d) => { latest.current = d; setDoc(d); }, (err: Error) => message.error(err.message));
  }, [draftId, message]);

  /** Applies a correction locally at once and saves it in order behind earlier saves. */
  const change = useCallback((fn: (d: Draft) => Draft) => {
    const current = latest.current;
    if (!current) return;
    const next = { ...current, draft: fn(current.draft) };
    latest.current = next;
    setDoc(next);
    saving.current = saving.current.then(async () => {
      try {
        const saved = await api.saveDraft(next.id, latest.current!.draft, latest.current!.version);
        latest.current = { ...latest.current!, version: saved.version };
        setDoc((d) => (d ? { ...d, version: saved.version } : d));
      } catch (err) {
        message.error(err instanceof ApiError && err.status === 409 ? t('草稿已被他人修改,请刷新') : err instanceof Error ? err.message : String(err));
      }
    });
  }, [message, t]);

  async function publish(year: number, title: string) {
    await saving.current;
    const current = latest.current!;
    try {
      const res = await api.publishDocument(current.id, { version: current.version, year, title });
      setPublished({ tasks: res.tasks });
      message.success(t('已发布'));
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
  }

  const steps = [t('上传或粘贴'), t('数量识别'), t('任务分工'), t('分解表与校验'), t('发布')];
  return (
    <Card size="small" title={<Space>{t('导入分解')}{doc && <Typography.Text type="secondary">{doc.name}</Typography.Text>}</Space>} data-testid="import-wizard">
      <Steps size="small" current={step} items={steps.map((title) => ({ title }))} style={{ marginBottom: 12 }}
        onChange={(s) => doc && setStep(s)} />
      {step === 0 && <UploadStep onImported={(d) => { latest.current = d; setDoc(d); setStep(1); navigate(`/import/${d.id}`, { replace: true }); }} />}
      {step > 0 && !doc && <Card loading />}
      {doc && step === 1 && <QuantityText text={doc.text} draft={doc.draft} onCorrect={(i, patch: Partial<Quantity>) => change((d) => correctQuantity(d, i, patch))} />}
      {doc && step === 2 && (
        <DraftTaskTable draft={doc.draft} units={units.data ?? []} leaders={leaders.data ?? []}
          onTask={(key, patch: Partial<DraftTask>) => change((d) => updateTask(d, key, patch))}
          onAcceptAll={() => change(acceptAllSuggestions)}
          onSplit={(key, at) => change((d) => splitTask(d, key, at))}
          onMerge={(keys) => change((d) => mergeTasks(d, keys))} />
      )}
      {doc && step === 3 && <QuotaTables draft={doc.draft} />}
      {doc && step === 4 && (published
        ? <Result status="success" title={t('已发布 {n} 项任务', { n: published.tasks })} extra={<Button type="primary" onClick={() => navigate('/ledger')}>{t('查看任务台账')}</Button>} />
        : <PublishStep doc={doc} onPublish={publish} />)}
      {doc && step > 0 && step < 4 && (
        <Space style={{ marginTop: 12 }}>
          <Button onClick={() => setStep(step - 1)}>{t('上一步')}</Button>
          <Button type="primary" onClick={() => setStep(step + 1)} data-testid="next-step">{t('下一步')}</Button>
        </Space>
      )}
    </Card>
  );
}
