import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, Modal, Row, Space, Table, Tabs, Tag, Timeline, Typography } from 'antd';
import dayjs from 'dayjs';
import { api } from '../api/endpoints.ts';
import type { AuditEntry, Target } from '../api/types.ts';
import { useAuth } from '../auth.tsx';
import { Chart, type ChartOption } from '../components/Chart.tsx';
import { ReportForm } from '../components/ReportForm.tsx';
import { ReportTable } from '../components/ReportTable.tsx';
import { SourceSpan } from '../components/SourceSpan.tsx';
import { COLOUR_HEX, pct, STATUS_LABEL, StatusTag } from '../components/StatusTag.tsx';
import { useI18n } from '../i18n/index.tsx';
import { progressSeries, type ProgressPoint } from '../lib/progress.ts';
import { coUnitsOf, colourOf, deadlineOf, KIND_LABEL, leaderOf, leadUnitOf } from '../lib/task.ts';
import { useLoad } from '../lib/useLoad.ts';
import { Link } from '../router.tsx';

const when = (at: string | null | undefined) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '');

function progressOption(series: ProgressPoint[], t: (s: string) => string): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 28, bottom: 24 },
    xAxis: { type: 'category', data: series.map((p) => p.month) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t('应有进度'), type: 'line', data: series.map((p) => p.expected), lineStyle: { type: 'dashed' }, itemStyle: { color: '#8c8c8c' }, showSymbol: false },
      { name: t('实际进度'), type: 'line', step: 'end', data: series.map((p) => p.actual), itemStyle: { color: '#b71c1c' } },
    ],
  };
}

function targetText(x: Target): string {
  return x.quote ?? `${x.indicator} ${x.value}${x.valueHi != null ? `–${x.valueHi}` : ''}${x.unit}`;
}

export function TaskPage({ id }: { id: string }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const { data, error, reload } = useLoad(() => api.taskDetail(id), [id]);
  const [comment, setComment] = useState('');
  const [closing, setClosing] = useState(false);
  const [closeNote, setCloseNote] = useState('');
  const series = useMemo(() => (data ? progressSeries(data.task, data.reports, data.plan?.year ?? new Date().getFullYear()) : []), [data]);
  const chart = useMemo(() => progressOption(series, t), [series, t]);

  if (error) return <Alert type="error" title={error.message} showIcon />;
  if (!data) return <Card loading />;
  const { task, document } = data;
  const abilities = task.abilities;

  async function sendComment() {
    if (!comment.trim()) return;
    try {
      await api.addComment(id, comment.trim());
      setComment('');
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
    reload();
  }

  async function close() {
    try {
      await api.closeTask(id, task.version, closeNote);
      message.success(t('已销号'));
      setClosing(false);
    } catch (err) {
      message.error(err instanceof Error ? err.message : String(err));
    }
    reload();
  }

  return (
    <div data-testid="task-page">
      <Card size="small"
        title={<Space><span>{task.no}</span><span>{t(KIND_LABEL[task.kind] ?? task.kind)}</span>{task.livelihood && <Tag color="magenta">{t('民生实事')}</Tag>}<StatusTag status={task.status} /></Space>}
        extra={(abilities?.close ?? user?.role === 'admin') && task.status !== 'closed' && <Button danger onClick={() => setClosing(true)}>{t('销号')}</Button>}>
        <Typography.Paragraph style={{ fontSize: 14, whiteSpace: 'pre-wrap' }} data-testid="task-text">{task.text}</Typography.Paragraph>
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} items={[
          { label: t('牵头领导'), children: leaderOf(task) || '—' },
          { label: t('牵头单位'), children: leadUnitOf(task) || '—' },
          { label: t('配合单位'), children: coUnitsOf(task).join('、') || '—' },
          { label: t('责任人'), children: task.assignment?.personInCharge || '—' },
          { label: t('完成时限'), children: deadlineOf(task) || '—' },
          { label: t('区县'), children: task.districtName || '—' },
          { label: t('应有进度'), children: pct(task.expectedPercent) },
          { label: t('实际进度'), children: <span style={{ color: COLOUR_HEX[colourOf(task)] }}>{pct(task.actualPercent)}</span> },
          { label: t('完成值'), children: task.actualValue ?? '—' },
        ]} />
      </Card>
      <Row gutter={[8, 8]} style={{ marginTop: 8 }}>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('原文')} extra={document && <Typography.Text type="secondary">{document.name}</Typography.Text>}>
            {document ? <SourceSpan text={document.text} span={task.span} /> : <Typography.Text type="secondary">{t('原文未载入')}</Typography.Text>}
          </Card>
          <Card size="small" title={t('目标')} style={{ marginTop: 8 }}>
            {task.targets?.length ? (
              <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="targets">
                {task.targets.map((x, i) => <li key={i}>{targetText(x)}</li>)}
              </ul>
            ) : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
          </Card>
          {data.children.length > 0 && (
            <Card size="small" title={t('子任务')} style={{ marginTop: 8 }}>
              <Table size="small" rowKey="id" pagination={false} dataSource={data.children} columns={[
                { title: t('任务'), dataIndex: 'text', render: (v: string, r) => <Link to={`/tasks/${r.id}`}>{v}</Link> },
                { title: t('区县'), dataIndex: 'districtName', width: 80 },
                { title: t('实际'), dataIndex: 'actualPercent', width: 60, render: pct },
                { title: t('状态'), width: 80, render: (_, r) => <StatusTag status={r.status} /> },
              ]} />
            </Card>
          )}
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('应有进度与实际进度')}>
            <Chart option={chart} height={240} testId="progress-chart" />
          </Card>
          {abilities?.report && task.status !== 'closed' && (
            <Card size="small" title={t('报送进度')} style={{ marginTop: 8 }}>
              <ReportForm taskId={task.id} onDone={reload} />
            </Card>
          )}
        </Col>
      </Row>
      <Card size="small" style={{ marginTop: 8 }}>
        <Tabs items={[
          { key: 'reports', label: `${t('进度报送')} (${data.reports.length})`, children: <ReportTable reports={data.reports} onChange={reload} /> },
          {
            key: 'comments', label: `${t('意见与批注')} (${data.comments.length})`, children: (
              <>
                <Timeline items={data.comments.map((c) => ({
                  content: <><Typography.Text strong>{c.displayName || c.username}</Typography.Text> <Typography.Text type="secondary">{when(c.createdAt)}</Typography.Text><div style={{ whiteSpace: 'pre-wrap' }}>{c.body}</div></>,
                }))} />
                {abilities?.comment !== false && (
                  <Space.Compact style={{ width: '100%' }}>
                    <Input value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('添加意见')} onPressEnter={() => void sendComment()} />
                    <Button onClick={() => void sendComment()}>{t('发送')}</Button>
                  </Space.Compact>
                )}
              </>
            ),
          },
          {
            key: 'history', label: t('状态变化'), children: (
              <Timeline items={data.history.map((h) => ({
                color: COLOUR_HEX[colourOf(h)],
                content: <>{when(h.at)} {t(STATUS_LABEL[h.status] ?? h.status)} {h.reason && <Typography.Text type="secondary">· {h.reason}</Typography.Text>} {h.user && <Typography.Text type="secondary">· {h.user}</Typography.Text>}</>,
              }))} />
            ),
          },
          {
            key: 'audit', label: t('操作记录'), children: (
              <Table<AuditEntry> size="small" rowKey="id" dataSource={data.audit} pagination={{ pageSize: 20, size: 'small' }} columns={[
                { title: t('时间'), dataIndex: 'at', width: 140, render: when },
                { title: t('操作人'), width: 100, render: (_, r) => r.username ?? r.userId ?? '' },
                { title: t('操作'), dataIndex: 'action', width: 140, render: (v: string) => <Tag>{v}</Tag> },
                { title: t('内容'), ellipsis: true, render: (_, r) => (r.after == null ? '' : JSON.stringify(r.after)) },
              ]} />
            ),
          },
        ]} />
      </Card>
      <Modal open={closing} title={t('销号')} onCancel={() => setClosing(false)} onOk={() => void close()}>
        <Typography.Paragraph>{t('销号须有已采纳的佐证材料。')}</Typography.Paragraph>
        <Input.TextArea value={closeNote} onChange={(e) => setCloseNote(e.target.value)} placeholder={t('销号说明')} />
      </Modal>
    </div>
  );
}
