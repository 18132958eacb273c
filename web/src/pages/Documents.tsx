import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Card, Col, Input, InputNumber, Row, Segmented, Select, Space, Typography } from 'antd';
import { exportsApi } from '../api/exports.ts';
import { api } from '../api/endpoints.ts';
import type { Id, Plan } from '../api/types.ts';
import { PlanPicker } from '../components/PlanPicker.tsx';
import { useI18n } from '../i18n/index.tsx';
import { defaultPlan } from '../lib/plan.ts';
import { useLoad } from '../lib/useLoad.ts';
import { useRouter } from '../router.tsx';

/** The documents the office sends up and out, written by the server from the plan's data (填一次、多处用). */

type PeriodKind = 'month' | 'quarter' | 'half' | 'year';

/** The bulletin's period as the API spells it: 2020-06, 2020Q2, 2020H1 or 2020. */
export function periodOf(year: number, kind: PeriodKind, index: number): string {
  if (kind === 'month') return `${year}-${String(index).padStart(2, '0')}`;
  if (kind === 'quarter') return `${year}Q${index}`;
  if (kind === 'half') return `${year}H${index}`;
  return String(year);
}

const PERIOD_CHOICES: Record<PeriodKind, { count: number; label: string }> = {
  month: { count: 12, label: '{n}月' },
  quarter: { count: 4, label: '第{n}季度' },
  half: { count: 2, label: '' },
  year: { count: 0, label: '' },
};
const HALVES = ['上半年', '下半年'];

export function DocumentsPage() {
  const { search, navigate } = useRouter();
  const plans = useLoad(() => api.listPlans().then((r) => r.items), []);
  if (plans.error) return <Alert type="error" title={plans.error.message} showIcon />;
  if (!plans.data) return <Card loading />;
  const plan = defaultPlan(plans.data, search.get('plan'));
  const picker = <PlanPicker plans={plans.data} value={plan?.id} onChange={(id) => navigate(`/documents?plan=${id}`)} />;
  return <Documents key={String(plan?.id)} plan={plan} picker={picker} />;
}

function Documents({ plan, picker }: { plan?: Plan; picker: ReactNode }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [issuer, setIssuer] = useState('');
  const [year, setYear] = useState(plan?.year ?? new Date().getFullYear());
  const [kind, setKind] = useState<PeriodKind>('month');
  const [index, setIndex] = useState(6);
  const [issue, setIssue] = useState('');

  /** One download at a time per button; the server's message on failure (a period without data, no rights). */
  async function run(key: string, fetchFile: () => Promise<string>) {
    setBusy(key);
    try {
      message.success(t('已下载:{name}', { name: await fetchFile() }));
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  }

  const button = (key: string, label: string, fetchFile: (planId: Id) => Promise<string>) => (
    <Button key={key} loading={busy === key} disabled={!plan || (busy !== null && busy !== key)} onClick={() => plan && void run(key, () => fetchFile(plan.id))} data-testid={`doc-${key}`}>
      {label}
    </Button>
  );

  const choices = PERIOD_CHOICES[kind];
  const period = periodOf(year, kind, Math.min(index, choices.count || 1));
  const card = (title: string, description: string, body: ReactNode) => (
    <Col xs={24} lg={12}>
      <Card size="small" title={title} style={{ height: '100%' }}>
        <Typography.Paragraph type="secondary">{description}</Typography.Paragraph>
        {body}
      </Card>
    </Col>
  );

  return (
    <Card size="small" title={<Space>{t('文档下载')}{picker}</Space>} data-testid="documents">
      {!plan && <Alert type="info" showIcon title={t('还没有计划:先导入一份报告或分解通知')} />}
      <Row gutter={[12, 12]}>
        {card(t('分解通知'), t('按公文格式(GB/T 9704)排版的任务分解通知:逐项列明牵头领导、责任单位,民生实事附分解表。'), (
          <Space wrap>
            <Input style={{ width: 220 }} placeholder={t('发文机关(可选)')} value={issuer} onChange={(e) => setIssuer(e.target.value)} />
            {button('notice', t('下载通知 .docx'), (id) => exportsApi.notice(id, issuer.trim() || undefined))}
          </Space>
        ))}
        {card(t('督查通报'), t('所选月份、季度或半年的督查通报:各状态数量、滞后任务、单位排名、图表和民生实事分区县情况。'), (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space wrap>
              <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} style={{ width: 90 }} data-testid="bulletin-year" />
              <Segmented<PeriodKind> value={kind} onChange={(v) => { setKind(v); setIndex(1); }} options={[
                { label: t('月度'), value: 'month' }, { label: t('季度'), value: 'quarter' }, { label: t('半年'), value: 'half' }, { label: t('全年'), value: 'year' },
              ]} data-testid="bulletin-kind" />
              {kind !== 'year' && (
                <Select style={{ width: 110 }} value={Math.min(index, choices.count)} onChange={setIndex} data-testid="bulletin-index"
                  options={Array.from({ length: choices.count }, (_, i) => ({ value: i + 1, label: kind === 'half' ? t(HALVES[i]) : t(choices.label, { n: i + 1 }) }))} />
              )}
              <Input style={{ width: 160 }} placeholder={t('期号(可选)')} value={issue} onChange={(e) => setIssue(e.target.value)} />
            </Space>
            <Space wrap>
              <Typography.Text type="secondary" data-testid="bulletin-period">{period}</Typography.Text>
              {button('bulletin-docx', t('下载通报 .docx'), (id) => exportsApi.bulletin(id, 'docx', period, issue.trim() || undefined))}
              {button('bulletin-pdf', t('下载通报 .pdf'), (id) => exportsApi.bulletin(id, 'pdf', period, issue.trim() || undefined))}
            </Space>
          </Space>
        ))}
        {card(t('主要预期目标完成情况'), t('下一年政府工作报告回顾部分的草稿:每项目标的实际完成、是否兑现及数据来源。'), (
          <Space wrap>
            {button('review-docx', t('下载 .docx'), (id) => exportsApi.review(id, 'docx'))}
            {button('review-md', t('下载 .md'), (id) => exportsApi.review(id, 'md'))}
          </Space>
        ))}
        {card(t('研究数据'), t('本单位历年导入文件中的全部目标和实际值,附数据字典。'), (
          <Space wrap>
            {button('quantities-csv', t('下载 .csv'), (id) => exportsApi.quantities(id, 'csv'))}
            {button('quantities-jsonl', t('下载 .jsonl'), (id) => exportsApi.quantities(id, 'jsonl'))}
            {button('data-dictionary', t('数据字典'), () => exportsApi.dataDictionary())}
          </Space>
        ))}
      </Row>
    </Card>
  );
}
