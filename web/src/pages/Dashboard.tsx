import { useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Result, Row, Segmented, Space, Statistic, Table, Tag } from 'antd';
import { api } from '../api/endpoints.ts';
import type { Colour, Dashboard, Group, Id, PromiseRow, RollUp, Task } from '../api/types.ts';
import { Chart, type ChartOption } from '../components/Chart.tsx';
import { PlanPicker } from '../components/PlanPicker.tsx';
import { COLOUR_HEX, COLOUR_LABEL, pct, StatusTag } from '../components/StatusTag.tsx';
import { useI18n } from '../i18n/index.tsx';
import { defaultPlan } from '../lib/plan.ts';
import { normStatus, STATUS_COLOUR } from '../lib/task.ts';
import { useLoad } from '../lib/useLoad.ts';
import { Link, useRouter } from '../router.tsx';

const COLOURS: Colour[] = ['red', 'yellow', 'green', 'blue', 'grey'];

export const VERDICT: Record<PromiseRow['verdict'], { label: string; color: string }> = {
  met: { label: '已兑现', color: 'green' },
  partly_met: { label: '部分兑现', color: 'gold' },
  missed: { label: '未兑现', color: 'red' },
  no_data: { label: '暂无数据', color: 'default' },
};

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

function rollupOption(groups: Group[], expected: number, t: (s: string) => string): ChartOption {
  const rows = groups.map((g) => ({ name: `${g.key} (${g.rollUp.total})`, progress: Math.round(g.rollUp.meanProgress ?? 0) }))
    .sort((a, b) => a.progress - b.progress).slice(0, 25);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 170, right: 40, top: 28, bottom: 24 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true, axisLabel: { width: 160, overflow: 'truncate' } },
    series: [
      {
        name: t('实际进度'), type: 'bar', data: rows.map((r) => ({
          value: r.progress,
          itemStyle: { color: r.progress + 30 < expected ? COLOUR_HEX.red : r.progress + 10 < expected ? COLOUR_HEX.yellow : COLOUR_HEX.green },
        })),
        markLine: { symbol: 'none', data: [{ xAxis: Math.round(expected) }], lineStyle: { color: '#333', type: 'dashed' }, label: { formatter: `${t('时序进度')} {c}%` } },
      },
    ],
  };
}

function trendOption(trend: Dashboard['trend'], t: (s: string) => string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 40, top: 28, bottom: 24 },
    xAxis: { type: 'category', data: trend.map((m) => m.period) },
    yAxis: [{ type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }, { type: 'value', minInterval: 1 }],
    series: [
      { name: t('平均完成比例'), type: 'line', data: trend.map((m) => Math.round(m.meanPercent ?? m.mean_percent ?? 0)), itemStyle: { color: '#b71c1c' } },
      { name: t('报送数'), type: 'bar', yAxisIndex: 1, data: trend.map((m) => m.reports), itemStyle: { color: '#d9d9d9' } },
      { name: t('采纳数'), type: 'bar', yAxisIndex: 1, data: trend.map((m) => m.accepted), itemStyle: { color: '#95de64' } },
    ],
  };
}

export interface ProjectQuotas {
  project: Task;
  rows: { district: string; target: number | null; actual: number | null }[];
}

/** Livelihood projects with their district quota rows (sub-tasks with a district). */
export function projectQuotas(tasks: Task[]): ProjectQuotas[] {
  return tasks.filter((t) => t.kind === 'project').map((project) => ({
    project,
    rows: tasks.filter((s) => String(s.parentId) === String(project.id) && s.districtName).map((s) => ({
      district: s.districtName!, target: typeof s.targets?.[0]?.value === 'number' ? s.targets[0].value : null, actual: s.actualValue,
    })),
  }));
}

export function quotaOption(p: ProjectQuotas, t: (s: string) => string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 48, right: 8, top: 28, bottom: 40 },
    xAxis: { type: 'category', data: p.rows.map((q) => q.district), axisLabel: { rotate: 40, interval: 0, fontSize: 10 } },
    yAxis: { type: 'value' },
    series: [
      { name: t('任务数'), type: 'bar', data: p.rows.map((q) => q.target), itemStyle: { color: '#d9d9d9' } },
      { name: t('完成数'), type: 'bar', data: p.rows.map((q) => q.actual), itemStyle: { color: '#b71c1c' } },
    ],
  };
}

function DashboardBody({ planId }: { planId: Id }) {
  const { t } = useI18n();
  const [dimension, setDimension] = useState<Dimension>('sections');
  const { data, error } = useLoad(() => api.dashboard(planId), [planId]);
  const projects = useLoad(() => api.listTasks({ planId, livelihood: true, limit: 5000 }).then((r) => projectQuotas(r.items)), [planId]);
  const promises = useLoad(() => api.reconciliation(planId), [planId]);
  const rollup = useMemo(() => (data ? rollupOption(groupsOf(data, dimension), data.expectedPercent, t) : null), [data, dimension, t]);
  const trend = useMemo(() => (data ? trendOption(data.trend, t) : null), [data, t]);

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
            {rollup && groupsOf(data, dimension).length ? <Chart option={rollup} height={360} testId="rollup-chart" /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={`${t('滞后任务')} (${data.lagging.length})`}>
            <Table
              rowKey="id"
              size="small"
              dataSource={data.lagging}
              pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
              data-testid="lagging"
              columns={[
                { title: t('序号'), dataIndex: 'no', width: 52 },
                { title: t('任务'), dataIndex: 'text', ellipsis: true, render: (v: string, r) => <Link to={`/tasks/${r.id}`}>{v}</Link> },
                { title: t('时限'), dataIndex: 'deadline', width: 92 },
                { title: t('实际'), dataIndex: 'actualPercent', width: 56, render: pct },
                { title: t('状态'), width: 80, render: (_, r) => <StatusTag status={r.status} /> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('月度趋势')}>
            {trend && data.trend.length ? <Chart option={trend} height={260} testId="trend-chart" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无报送')} />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('承诺兑现')} data-testid="promises">
            <Table<PromiseRow>
              size="small"
              rowKey={(r) => `${r.taskId}-${r.indicator}-${r.target}`}
              dataSource={promises.data ?? []}
              pagination={{ pageSize: 8, size: 'small', hideOnSinglePage: true }}
              columns={[
                { title: t('指标'), dataIndex: 'indicator', ellipsis: true },
                { title: t('目标'), dataIndex: 'target', width: 130, ellipsis: true },
                { title: t('实际'), dataIndex: 'actual', width: 130, ellipsis: true, render: (v: string | null) => v ?? '—' },
                { title: t('兑现'), dataIndex: 'verdict', width: 84, render: (v: PromiseRow['verdict']) => <Tag color={VERDICT[v]?.color}>{t(VERDICT[v]?.label ?? v)}</Tag> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('民生实事')} style={{ marginTop: 8 }} data-testid="projects">
        {projects.data?.length ? (
          <Row gutter={[8, 8]}>
            {projects.data.map((p) => (
              <Col xs={24} md={12} xl={8} key={String(p.project.id)}>
                <Card size="small" type="inner" title={<Link to={`/tasks/${p.project.id}`}>{p.project.no}. {p.project.text.split(/[:：]/)[0]}</Link>}
                  extra={<Space size={4}>{pct(p.project.actualPercent)}<StatusTag status={p.project.status} /></Space>}>
                  {p.rows.length ? <Chart option={quotaOption(p, t)} height={190} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('无区县分解')} />}
                </Card>
              </Col>
            ))}
          </Row>
        ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
      </Card>
    </>
  );
}

export function DashboardPage() {
  const { t } = useI18n();
  const { search, navigate } = useRouter();
  const plans = useLoad(() => api.listPlans().then((r) => r.items), []);
  if (plans.error) return <Alert type="error" title={plans.error.message} showIcon />;
  if (!plans.data) return <Card loading />;
  const plan = defaultPlan(plans.data, search.get('plan'));
  if (!plan) return <Result status="info" title={t('还没有计划')} subTitle={t('请先导入政府工作报告或分解通知')} />;
  return (
    <div data-testid="dashboard">
      <Space style={{ marginBottom: 8 }}>
        <PlanPicker plans={plans.data} value={plan.id} onChange={(id) => navigate(`/dashboard?plan=${id}`)} />
      </Space>
      <DashboardBody planId={plan.id} />
    </div>
  );
}
