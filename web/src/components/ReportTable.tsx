import { useState } from 'react';
import { App, Button, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { ProgressReport, ReportStatus } from '../api/types.ts';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n/index.tsx';
import { Link } from '../router.tsx';

export const REPORT_STATE: Record<ReportStatus, { label: string; color: string }> = {
  due: { label: '待报送', color: 'orange' },
  submitted: { label: '待审核', color: 'blue' },
  accepted: { label: '已采纳', color: 'green' },
  returned: { label: '已退回', color: 'red' },
};

/** Progress reports with their evidence; reviewers accept or return submitted ones. */
export function ReportTable({ reports, onChange, showTask = false }: { reports: ProgressReport[]; onChange: () => void; showTask?: boolean }) {
  const { t } = useI18n();
  const { user } = useAuth();
  const { message } = App.useApp();
  const [returning, setReturning] = useState<ProgressReport | null>(null);
  const [reason, setReason] = useState('');
  const canReview = user?.role === 'admin';

  async function act(fn: () => Promise<unknown>, done: string) {
    try {
      await fn();
      message.success(t(done));
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) message.warning(t('该记录已被他人修改,已重新载入'));
      else message.error(err instanceof Error ? err.message : String(err));
    }
    onChange();
  }

  return (
    <>
      <Table<ProgressReport>
        size="small"
        rowKey="id"
        dataSource={reports}
        pagination={{ pageSize: 20, size: 'small', hideOnSinglePage: true }}
        data-testid="report-table"
        columns={[
          ...(showTask ? [{ title: t('任务'), dataIndex: 'taskText', ellipsis: true, render: (v: string, r: ProgressReport) => <Link to={`/tasks/${r.taskId}`}>{r.taskNo ? `${r.taskNo}. ` : ''}{v || `#${r.taskId}`}</Link> }] : []),
          { title: t('期间'), dataIndex: 'period', width: 80 },
          { title: t('完成值'), dataIndex: 'value', width: 70, render: (v: number | null) => v ?? '—' },
          { title: t('完成比例'), dataIndex: 'percent', width: 70, render: (v: number | null) => (v == null ? '—' : `${v}%`) },
          { title: t('形象进度'), dataIndex: 'narrative', render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>{v}</Typography.Paragraph> },
          {
            title: t('佐证材料'), width: 140, render: (_, r) => (
              <Space orientation="vertical" size={0}>
                {(r.evidence ?? []).map((e) => <a key={e.id} href={`/api/evidence/${e.id}`} target="_blank" rel="noreferrer">{e.name}</a>)}
              </Space>
            ),
          },
          { title: t('报送时间'), dataIndex: 'submittedAt', width: 120, render: (v: string | null) => (v ? dayjs(v).format('MM-DD HH:mm') : '') },
          {
            title: t('状态'), width: 150, render: (_, r) => (
              <Space orientation="vertical" size={0}>
                <Tag color={REPORT_STATE[r.status]?.color}>{t(REPORT_STATE[r.status]?.label ?? r.status)}</Tag>
                {r.status === 'returned' && r.reason && <Typography.Text type="danger" data-testid="return-reason">{t('退回原因')}: {r.reason}</Typography.Text>}
              </Space>
            ),
          },
          ...(canReview ? [{
            title: t('审核'), width: 120, render: (_: unknown, r: ProgressReport) => r.status === 'submitted' && (r.abilities?.accept ?? true) && (
              <Space>
                <Button size="small" type="primary" data-testid={`accept-${r.id}`}
                  onClick={() => void act(() => api.acceptReport(r.id, r.version), '已采纳')}>{t('采纳')}</Button>
                <Button size="small" danger data-testid={`return-${r.id}`} onClick={() => { setReason(''); setReturning(r); }}>{t('退回')}</Button>
              </Space>
            ),
          }] : []),
        ]}
      />
      <Modal open={!!returning} title={t('退回报送')} okButtonProps={{ disabled: !reason.trim(), id: 'return-ok' }}
        onCancel={() => setReturning(null)}
        onOk={() => { const r = returning!; setReturning(null); void act(() => api.returnReport(r.id, r.version, reason.trim()), '已退回'); }}>
        <Input.TextArea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder={t('退回原因')} data-testid="return-reason-input" />
      </Modal>
    </>
  );
}
