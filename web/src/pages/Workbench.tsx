import { useMemo, useState, type ReactNode } from 'react';
import { Alert, Badge, Card, Col, Drawer, Empty, Row, Space, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api/endpoints.ts';
import type { Id, ProgressReport, Status, Task } from '../api/types.ts';
import { useAuth } from '../auth.tsx';
import { ReportForm } from '../components/ReportForm.tsx';
import { ReportTable } from '../components/ReportTable.tsx';
import { pct, StatusTag } from '../components/StatusTag.tsx';
import { useI18n } from '../i18n/index.tsx';
import { deadlineOf, leadUnitOf, normStatus } from '../lib/task.ts';
import { useLoad } from '../lib/useLoad.ts';
import { Link, useRouter } from '../router.tsx';
import { PlanPicker } from '../components/PlanPicker.tsx';
import { defaultPlan } from '../lib/plan.ts';

/** Most urgent first: what is overdue or furthest behind heads the list. */
const URGENCY: Record<Status, number> = {
  overdue: 0, seriously_behind: 1, behind: 2, not_started: 3, on_track: 4, done: 5, closed: 6,
};

/** The period a monthly report is due for on a date: last month until the due day passes, reported by the 5th. */
export function duePeriod(today: dayjs.Dayjs): string {
  return today.subtract(1, 'month').format('YYYY-MM');
}

export function WorkbenchPage() {
  const { search, navigate } = useRouter();
  const plans = useLoad(() => api.listPlans().then((r) => r.items), []);
  if (plans.error) return <Alert type="error" title={plans.error.message} showIcon />;
  if (!plans.data) return <Card loading />;
  const plan = defaultPlan(plans.data, search.get('plan'));
  const picker = <PlanPicker plans={plans.data} value={plan?.id} onChange={(id) => navigate(`/workbench?plan=${id}`)} />;
  return <Workbench key={String(plan?.id)} planId={plan?.id} picker={picker} />;
}

function Workbench({ planId, picker }: { planId?: Id; picker: ReactNode }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const isAdmin = user?.role === 'admin';
  const tasks = useLoad(() => api.listTasks({ planId, limit: 5000 }), [planId]);
  const reports = useLoad(() => api.listReports(isAdmin ? { status: 'submitted', limit: 500 } : { limit: 500 }).catch(() => ({ items: [] as ProgressReport[], total: 0 })), [isAdmin]);
  const [reporting, setReporting] = useState<Task | null>(null);

  const period = duePeriod(dayjs());
  const reportedFor = useMemo(() => {
    const set = new Set<string>();
    for (const r of reports.data?.items ?? []) if (r.status !== 'returned') set.add(`${r.taskId}|${r.period}`);
    return set;
  }, [reports.data]);

  const mine = useMemo(() => (tasks.data?.items ?? [])
    .filter((r) => r.kind !== 'section' && r.status !== 'closed')
    .sort((a, b) => URGENCY[normStatus(a.status)] - URGENCY[normStatus(b.status)] || (deadlineOf(a) || '9999').localeCompare(deadlineOf(b) || '9999')),
  [tasks.data]);
  const returned = (reports.data?.items ?? []).filter((r) => r.status === 'returned');
  const reload = () => { tasks.reload(); reports.reload(); };

  const due = (r: Task) => !isAdmin && !reportedFor.has(`${r.id}|${period}`) && !!r.abilities?.report;

  return (
    <Row gutter={[8, 8]} data-testid="workbench">
      <Col xs={24} xl={isAdmin ? 24 : 16}>
        <Card size="small" title={<Space>{isAdmin ? t('待审核的进度报送') : t('本单位任务')}{!isAdmin && picker}</Space>}>
          {tasks.error && <Alert type="error" title={tasks.error.message} showIcon />}
          {isAdmin ? (
            <ReportTable reports={reports.data?.items ?? []} onChange={reload} showTask />
          ) : (
            <Table<Task>
              rowKey="id"
              size="small"
              bordered
              loading={tasks.loading}
              dataSource={mine}
              pagination={{ pageSize: 50, size: 'small' }}
              data-testid="my-tasks"
              columns={[
                { title: t('序号'), dataIndex: 'no', width: 56 },
                { title: t('任务'), dataIndex: 'text', render: (v: string, r) => <Link to={`/tasks/${r.id}`}>{v}</Link> },
                { title: t('牵头单位'), width: 140, ellipsis: true, render: (_, r) => leadUnitOf(r) },
                { title: t('完成时限'), width: 96, render: (_, r) => deadlineOf(r) },
                { title: t('应有'), dataIndex: 'expectedPercent', width: 56, render: pct },
                { title: t('实际'), dataIndex: 'actualPercent', width: 56, render: pct },
                { title: t('状态'), width: 84, render: (_, r) => <StatusTag status={r.status} /> },
                {
                  title: t('本期报送'), width: 110, render: (_, r) => (
                    <span>
                      {due(r) && <Badge status={dayjs().date() > 5 ? 'error' : 'warning'} text={dayjs().date() > 5 ? t('已逾期') : t('待报送')} />}{' '}
                      {r.abilities?.report && <a onClick={() => setReporting(r)} data-testid={`report-${r.id}`}>{t('报送')}</a>}
                    </span>
                  ),
                },
              ]}
            />
          )}
        </Card>
      </Col>
      {!isAdmin && (
        <Col xs={24} xl={8}>
          <Card size="small" title={<span>{t('被退回的报送')} <Badge count={returned.length} /></span>} data-testid="returned">
            {returned.length ? returned.map((r) => <ReturnedReport key={String(r.id)} report={r} onReport={(id) => setReporting(mine.find((x) => x.id === id) ?? null)} />) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
          <Card size="small" title={t('本单位报送记录')} style={{ marginTop: 8 }}>
            <Tabs size="small" items={[{ key: 'all', label: t('全部'), children: <ReportTable reports={reports.data?.items ?? []} onChange={reload} showTask /> }]} />
          </Card>
        </Col>
      )}
      <Drawer open={!!reporting} width={520} title={reporting ? `${t('报送进度')} · ${reporting.no}` : ''} onClose={() => setReporting(null)} destroyOnHidden>
        {reporting && (
          <>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, expandable: true }}>{reporting.text}</Typography.Paragraph>
            <ReportForm taskId={reporting.id} onDone={() => { setReporting(null); reload(); }} />
          </>
        )}
      </Drawer>
    </Row>
  );
}

function ReturnedReport({ report, onReport }: { report: ProgressReport; onReport: (taskId: Id) => void }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      style={{ marginBottom: 8 }}
      title={<><Link to={`/tasks/${report.taskId}`}>{report.taskNo ? `${report.taskNo}. ` : ''}{report.taskText ?? `#${report.taskId}`}</Link> · {report.period}</>}
      description={<>{t('退回原因')}: <span data-testid="returned-reason">{report.reason}</span> <a onClick={() => onReport(report.taskId)}>{t('重新报送')}</a></>}
    />
  );
}
