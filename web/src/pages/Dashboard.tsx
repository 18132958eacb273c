import { lazy, Suspense, useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Segmented, Space, Statistic } from 'antd';
import { api } from '../api/endpoints.ts';
import type { Colour, Dashboard, Group, Id, RollUp } from '../api/types.ts';
import { PlanPicker } from '../components/PlanPicker.tsx';
import { ProgressBars } from '../components/ProgressBars.tsx';
import { LazyResult } from '../components/LazyResult.tsx';
import { COLOUR_HEX, COLOUR_LABEL } from '../components/StatusTag.tsx';
import { useI18n } from '../i18n/index.tsx';
import { defaultPlan } from '../lib/plan.ts';
import { normStatus, STATUS_COLOUR } from '../lib/task.ts';
import { slowestFirst } from '../lib/progress.ts';
import { useLoad } from '../lib/useLoad.ts';
import { useRouter } from '../router.tsx';

const COLOURS: Colour[] = ['red', 'yellow', 'green', 'blue', 'grey'];

type Dimension = 'sections' | 'units' | 'leaders' | 'scopes';

/** Task counts per supervision colour, from a roll-up's counts per status. */
export function colourCounts(r: RollUp): Record<Colour, number> {
  const out: Record<Colour, number> = { red: 0, yellow: 0, green: 0, blue: 0, grey: 0 };
  for (const [status, n] of Object.entries(r.counts)) out[STATUS_COLOUR[normStatus(status)] ?? 'grey'] += n ?? 0;
  return out;
}

function groupsOf(d: Dashboard, dim: Dimension): Group[] {
  if (dim === 'units') return d.rollUp.units.map((u) => ({ key: u.unit, rollUp: u.all }));
  return d.rollUp[dim];
}

// The second wave (tables, trend, quota charts) is one chunk, asked for when the figures first
// render, so its code is evaluated after them; each card shows its frame until then.
let details: Promise<typeof import('./DashboardDetails.tsx')> | undefined;
const loadDetails = () => (details ??= import('./DashboardDetails.tsx'));
const LaggingCard = lazy(() => loadDetails().then((m) => ({ default: m.LaggingCard })));
const TrendCard = lazy(() => loadDetails().then((m) => ({ default: m.TrendCard })));
const PromisesCard = lazy(() => loadDetails().then((m) => ({ default: m.PromisesCard })));
const ProjectsCard = lazy(() => loadDetails().then((m) => ({ default: m.ProjectsCard })));

/** The frame a second-wave card keeps until its chunk is there, so nothing below it moves. */
function Pending({ title, height, testId }: { title: string; height: number; testId?: string }) {
  return <Card size="small" title={title} data-testid={testId} style={testId === 'projects' ? { marginTop: 8 } : undefined}><div style={{ height }} /></Card>;
}

function DashboardBody({ planId }: { planId: Id }) {
  const { t } = useI18n();
  const [dimension, setDimension] = useState<Dimension>('sections');
  // All three requests leave together; the figures and the progress chart need only the first.
  const { data, error } = useLoad(() => api.dashboard(planId), [planId], () => api.arrived.dashboard(planId));
  const livelihood = useLoad(() => api.listTasks({ planId, livelihood: true, limit: 5000 }).then((r) => r.items), [planId]);
  const promises = useLoad(() => api.reconciliation(planId), [planId]);
  const rows = useMemo(() => (data ? slowestFirst(groupsOf(data, dimension)) : []), [data, dimension]);

  if (error) return <Alert type="error" title={error.message} showIcon />;
  if (!data) return <Card loading />;
  const counts = colourCounts(data.rollUp.plan);

  return (
    <>
      <Row gutter={[8, 8]}>
        <Col xs={12} md={4}><Card size="small"><Statistic title={t('任务总数')} value={data.rollUp.plan.total} /></Card></Col>
        {COLOURS.map((c) => (
          <Col xs={12} md={3} key={c}>
            <Card size="small"><Statistic title={t(COLOUR_LABEL[c])} value={counts[c]} styles={{ content: { color: COLOUR_HEX[c] } }} data-testid={`count-${c}`} /></Card>
          </Col>
        ))}
        <Col xs={12} md={3}><Card size="small"><Statistic title={t('时序进度')} value={Math.round(data.expectedPercent)} suffix="%" /></Card></Col>
        <Col xs={12} md={2}><Card size="small"><Statistic title={t('平均进度')} value={Math.round(data.rollUp.plan.meanProgress ?? 0)} suffix="%" data-testid="mean-progress" /></Card></Col>
      </Row>
      <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('进度对比')} extra={
            <Segmented size="small" value={dimension} onChange={(v) => setDimension(v as Dimension)} options={[
              { label: t('按板块'), value: 'sections' }, { label: t('按单位'), value: 'units' },
              { label: t('按领导'), value: 'leaders' }, { label: t('按区县'), value: 'scopes' },
            ]} />
          }>
            {rows.length ? <ProgressBars rows={rows} expected={data.expectedPercent} expectedLabel={t('时序进度')} testId="rollup-chart" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Suspense fallback={<Pending title={`${t('滞后任务')} (${data.lagging.length})`} height={360} />}>
            <LaggingCard lagging={data.lagging} />
          </Suspense>
        </Col>
      </Row>
      <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={12}>
          <Suspense fallback={<Pending title={t('月度趋势')} height={260} />}><TrendCard trend={data.trend} /></Suspense>
        </Col>
        <Col xs={24} lg={12}>
          <Suspense fallback={<Pending title={t('承诺兑现')} height={260} />}><PromisesCard rows={promises.data} /></Suspense>
        </Col>
      </Row>
      <Suspense fallback={<Pending title={t('民生实事')} height={190} testId="projects" />}><ProjectsCard tasks={livelihood.data} /></Suspense>
    </>
  );
}

export function DashboardPage() {
  const { t } = useI18n();
  const { search, navigate } = useRouter();
  const plans = useLoad(() => api.listPlans().then((r) => r.items), [], api.arrived.plans);
  if (plans.error) return <Alert type="error" title={plans.error.message} showIcon />;
  if (!plans.data) return <Card loading />;
  const plan = defaultPlan(plans.data, search.get('plan'));
  if (!plan) return <LazyResult status="info" title={t('还没有计划')} subTitle={t('请先导入政府工作报告或分解通知')} />;
  return (
    <div data-testid="dashboard">
      <Space style={{ marginBottom: 8 }}>
        <PlanPicker plans={plans.data} value={plan.id} onChange={(id) => navigate(`/dashboard?plan=${id}`)} />
      </Space>
      <DashboardBody planId={plan.id} />
    </div>
  );
}
