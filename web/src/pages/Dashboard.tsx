import { useMemo, useState } from 'react';
import { Alert, Card, Col, Empty, Row, Segmented, Statistic, Table, Tag } from 'antd';
import { api } from '../api/endpoints.ts';
import type { Colour, Dashboard, LivelihoodProject, PromiseRow, RollupRow, Task } from '../api/types.ts';
import { Chart, type ChartOption } from '../components/Chart.tsx';
import { COLOUR_HEX, COLOUR_LABEL, pct, StatusTag } from '../components/StatusTag.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useLoad } from '../lib/useLoad.ts';
import { leadUnitOf } from '../lib/task.ts';
import { Link } from '../router.tsx';

const COLOURS: Colour[] = ['red', 'yellow', 'green', 'blue', 'grey'];

export const VERDICT: Record<PromiseRow['verdict'], { label: string; color: string }> = {
  met: { label: '已实现', color: 'green' },
  partly_met: { label: '部分实现', color: 'gold' },
  missed: { label: '未实现', color: 'red' },
  no_data: { label: '暂无数据', color: 'default' },
};

type Dimension = 'bySection' | 'byUnit' | 'byLeader' | 'byDistrict';

function rollupOption(rows: RollupRow[], elapsed: number, t: (s: string) => string): ChartOption {
  const sorted = [...rows].sort((a, b) => a.actual - a.expected - (b.actual - b.expected)).slice(0, 20);
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: [t('实际进度'), t('应有进度')], top: 0 },
    grid: { left: 160, right: 24, top: 28, bottom: 24 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), inverse: true, axisLabel: { width: 150, overflow: 'truncate' } },
    series: [
      {
        name: t('实际进度'), type: 'bar', data: sorted.map((r) => ({
          value: Math.round(r.actual),
          itemStyle: { color: r.actual + 30 < r.expected ? COLOUR_HEX.red : r.actual + 10 < r.expected ? COLOUR_HEX.yellow : COLOUR_HEX.green },
        })),
        markLine: { symbol: 'none', data: [{ xAxis: Math.round(elapsed), name: t('时序进度') }], lineStyle: { color: '#555', type: 'dashed' }, label: { formatter: `${t('时序进度')} {c}%` } },
      },
      { name: t('应有进度'), type: 'bar', data: sorted.map((r) => Math.round(r.expected)), itemStyle: { color: '#bfbfbf' } },
    ],
  };
}

function trendOption(trend: Dashboard['trend'], t: (s: string) => string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 40, top: 28, bottom: 24 },
    xAxis: { type: 'category', data: trend.map((m) => m.month) },
    yAxis: [{ type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }, { type: 'value', minInterval: 1 }],
    series: [
      { name: t('应有进度'), type: 'line', data: trend.map((m) => Math.round(m.expected)), lineStyle: { type: 'dashed' }, itemStyle: { color: '#8c8c8c' } },
      { name: t('实际进度'), type: 'line', data: trend.map((m) => Math.round(m.actual)), itemStyle: { color: '#b71c1c' } },
      { name: t('红灯'), type: 'bar', yAxisIndex: 1, stack: 'c', data: trend.map((m) => m.red ?? 0), itemStyle: { color: COLOUR_HEX.red } },
      { name: t('黄灯'), type: 'bar', yAxisIndex: 1, stack: 'c', data: trend.map((m) => m.yellow ?? 0), itemStyle: { color: COLOUR_HEX.yellow } },
    ],
  };
}

export function quotaOption(project: LivelihoodProject, t: (s: string) => string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 8, top: 28, bottom: 48 },
    xAxis: { type: 'category', data: project.quotas.map((q) => q.district), axisLabel: { rotate: 40, interval: 0 } },
    yAxis: { type: 'value' },
    series: [
      { name: t('任务数'), type: 'bar', data: project.quotas.map((q) => q.target), itemStyle: { color: '#d9d9d9' } },
      { name: t('完成数'), type: 'bar', data: project.quotas.map((q) => q.actual ?? null), itemStyle: { color: '#b71c1c' } },
    ],
  };
}

function LaggingTable({ tasks }: { tasks: Task[] }) {
  const { t } = useI18n();
  return (
    <Table<Task>
      rowKey="id"
      size="small"
      dataSource={tasks}
      pagination={{ pageSize: 8, size: 'small' }}
      data-testid="lagging"
      columns={[
        { title: t('序号'), dataIndex: 'no', width: 56 },
        { title: t('任务'), dataIndex: 'text', ellipsis: true, render: (v: string, r) => <Link to={`/tasks/${r.id}`}>{v}</Link> },
        { title: t('牵头单位'), width: 140, ellipsis: true, render: (_, r) => leadUnitOf(r) },
        { title: t('应有'), dataIndex: 'expectedPercent', width: 56, render: pct },
        { title: t('实际'), dataIndex: 'actualPercent', width: 56, render: pct },
        { title: t('状态'), width: 80, render: (_, r) => <StatusTag status={r.status} /> },
      ]}
    />
  );
}

export function DashboardPage() {
  const { t } = useI18n();
  const { data, error } = useLoad(() => api.dashboard(), []);
  const [dimension, setDimension] = useState<Dimension>('bySection');
  const rollup = useMemo(() => (data ? rollupOption(data[dimension] ?? [], data.elapsed, t) : null), [data, dimension, t]);
  const trend = useMemo(() => (data ? trendOption(data.trend ?? [], t) : null), [data, t]);

  if (error) return <Alert type="error" title={error.message} showIcon />;
  if (!data) return <Card loading />;
  const counts = new Map(data.counts.map((c) => [c.colour, (c.count ?? 0)]));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);

  return (
    <div data-testid="dashboard">
      <Row gutter={[8, 8]}>
        <Col xs={12} md={4}>
          <Card size="small"><Statistic title={t('任务总数')} value={total} data-testid="count-total" /></Card>
        </Col>
        {COLOURS.filter((c) => counts.has(c) || c !== 'blue').map((c) => (
          <Col xs={12} md={4} key={c}>
            <Card size="small">
              <Statistic title={t(COLOUR_LABEL[c])} value={counts.get(c) ?? 0} styles={{ content: { color: COLOUR_HEX[c] } }} data-testid={`count-${c}`} />
            </Card>
          </Col>
        ))}
        <Col xs={12} md={4}>
          <Card size="small"><Statistic title={t('时序进度')} value={Math.round(data.elapsed)} suffix="%" /></Card>
        </Col>
      </Row>
      <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('进度对比')} extra={
            <Segmented size="small" value={dimension} onChange={(v) => setDimension(v as Dimension)} options={[
              { label: t('按板块'), value: 'bySection' }, { label: t('按单位'), value: 'byUnit' },
              { label: t('按领导'), value: 'byLeader' }, { label: t('按区县'), value: 'byDistrict' },
            ]} />
          }>
            {rollup && (data[dimension]?.length ? <Chart option={rollup} height={340} testId="rollup-chart" /> : <Empty />)}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('滞后任务')} data-testid="lagging-card">
            <LaggingTable tasks={data.lagging} />
          </Card>
        </Col>
      </Row>
      <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('月度趋势')}>
            {trend && data.trend?.length ? <Chart option={trend} height={260} /> : <Empty />}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('承诺兑现')} data-testid="promises">
            <Table<PromiseRow>
              size="small"
              rowKey={(r) => r.id ?? `${r.year}-${r.indicator}`}
              dataSource={data.promises}
              pagination={{ pageSize: 6, size: 'small' }}
              columns={[
                { title: t('指标'), dataIndex: 'indicator', ellipsis: true },
                { title: t('目标'), dataIndex: 'target', width: 110 },
                { title: t('实际'), dataIndex: 'actual', width: 110, render: (v: string | null) => v ?? '—' },
                { title: t('兑现'), dataIndex: 'verdict', width: 84, render: (v: PromiseRow['verdict']) => <Tag color={VERDICT[v]?.color}>{t(VERDICT[v]?.label ?? v)}</Tag> },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t('民生实事')} style={{ marginTop: 8 }} data-testid="projects">
        {data.projects.length ? (
          <Row gutter={[8, 8]}>
            {data.projects.map((p) => (
              <Col xs={24} md={12} xl={8} key={p.id}>
                <Card size="small" type="inner" title={<Link to={`/tasks/${p.id}`}>{p.title}</Link>} extra={<span>{pct(p.progress)}</span>}>
                  {p.quotas.length ? <Chart option={quotaOption(p, t)} height={200} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
                </Card>
              </Col>
            ))}
          </Row>
        ) : <Empty />}
      </Card>
    </div>
  );
}
