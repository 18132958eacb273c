import { useMemo } from 'react';
import { Card, Col, Empty, Row, Space, Table, Tag } from 'antd';
import type { Dashboard, PromiseRow, Task } from '../api/types.ts';
import { Chart, type ChartOption } from '../components/Chart.tsx';
import { pct, StatusTag } from '../components/StatusTag.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';

/**
 * The dashboard's second wave: the lagging and promise tables, the monthly
 * trend and the livelihood projects' quota charts. They load as their own
 * chunk (antd's Table with its pagination, tree and dropdown is the larger
 * half of it) while the figures and the progress chart are already on screen.
 */

export const VERDICT: Record<PromiseRow['verdict'], { label: string; color: string }> = {
  met: { label: '已兑现', color: 'green' },
  partly_met: { label: '部分兑现', color: 'gold' },
  missed: { label: '未兑现', color: 'red' },
  no_data: { label: '暂无数据', color: 'default' },
};

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

export function LaggingCard({ lagging }: { lagging: Dashboard['lagging'] }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={`${t('滞后任务')} (${lagging.length})`}>
      <Table
        rowKey="id"
        size="small"
        dataSource={lagging}
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
  );
}

export function TrendCard({ trend }: { trend: Dashboard['trend'] }) {
  const { t } = useI18n();
  const option = trendOption(trend, t);
  return (
    <Card size="small" title={t('月度趋势')}>
      {trend.length ? <Chart option={option} height={260} testId="trend-chart" /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('暂无报送')} />}
    </Card>
  );
}

export function PromisesCard({ rows }: { rows: PromiseRow[] | undefined }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('承诺兑现')} data-testid="promises">
      <Table<PromiseRow>
        size="small"
        rowKey={(r) => `${r.taskId}-${r.indicator}-${r.target}`}
        dataSource={rows ?? []}
        loading={rows === undefined}
        pagination={{ pageSize: 8, size: 'small', hideOnSinglePage: true }}
        columns={[
          { title: t('指标'), dataIndex: 'indicator', ellipsis: true },
          { title: t('目标'), dataIndex: 'target', width: 130, ellipsis: true },
          { title: t('实际'), dataIndex: 'actual', width: 130, ellipsis: true, render: (v: string | null) => v ?? '—' },
          { title: t('兑现'), dataIndex: 'verdict', width: 84, render: (v: PromiseRow['verdict']) => <Tag color={VERDICT[v]?.color}>{t(VERDICT[v]?.label ?? v)}</Tag> },
        ]}
      />
    </Card>
  );
}

export function ProjectsCard({ tasks }: { tasks: Task[] | undefined }) {
  const { t } = useI18n();
  const projects = useMemo(() => (tasks ? projectQuotas(tasks) : undefined), [tasks]);
  return (
    <Card size="small" title={t('民生实事')} style={{ marginTop: 8 }} data-testid="projects">
      {projects?.length ? (
        <Row gutter={[8, 8]}>
          {projects.map((p) => (
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
  );
}
