import { Alert, Card, Empty, Space, Table, Tag, Typography } from 'antd';
import type { Finding, NoticeProject } from '../../api/types.ts';
import { useI18n } from '../../i18n/index.tsx';

const SEVERITY_TYPE = { error: 'error', warning: 'warning', info: 'info' } as const;

function QuotaTableView({ project }: { project: NoticeProject }) {
  const { t } = useI18n();
  const quota = project.quota;
  if (!quota) return <Typography.Text type="secondary">{t('无分解表')}</Typography.Text>;
  const scopes = [...new Set(quota.rows.flatMap((r) => r.cells.map((c) => c.scope ?? '?')))];
  return (
    <>
      <Table
        size="small"
        bordered
        pagination={false}
        scroll={{ x: true }}
        rowKey="label"
        dataSource={quota.rows.map((r) => ({ label: r.label, unit: r.unit, ...Object.fromEntries(r.cells.map((c) => [c.scope ?? '?', c.raw])) }))}
        columns={[
          { title: t('项目'), dataIndex: 'label', fixed: 'left', width: 160 },
          ...scopes.map((s) => ({ title: s === '?' ? <Tag color="orange">{t('缺表头')}</Tag> : s, dataIndex: s, width: 64 })),
        ]}
      />
      <Space orientation="vertical" style={{ marginTop: 6, width: '100%' }} size={2}>
        {quota.checks.map((c) => (
          <Typography.Text key={c.row} type={c.ok ? 'success' : 'danger'} data-testid="quota-check">
            {c.ok ? '✓' : '✗'} {c.row}: {t('合计')} {c.sum} / {t('目标')} {c.goal} ({c.goalQuote})
          </Typography.Text>
        ))}
      </Space>
    </>
  );
}

export function FindingList({ findings }: { findings: Finding[] }) {
  const { lang } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={4} data-testid="findings">
      {findings.map((f, i) => (
        <Alert key={i} type={SEVERITY_TYPE[f.severity]} showIcon title={<><Tag>{f.code}</Tag>{lang === 'en' ? f.message.en : f.message.zh}</>} />
      ))}
    </Space>
  );
}

/** Livelihood projects with their district quota tables, the sum checks and every validation finding. */
export function QuotaTables({ projects, findings }: { projects: NoticeProject[]; findings: Finding[] }) {
  const { t } = useI18n();
  return (
    <>
      <Card size="small" title={`${t('校验发现')} (${findings.length})`} style={{ marginBottom: 8 }}>
        {findings.length ? <FindingList findings={findings} /> : <Typography.Text type="secondary">{t('未发现问题')}</Typography.Text>}
      </Card>
      {projects.length === 0 && <Empty description={t('本文件没有民生实事分解表')} />}
      {projects.map((p) => (
        <Card key={p.no} size="small" style={{ marginBottom: 8 }} title={<>{p.no}. {p.title}</>}
          extra={<Typography.Text type="secondary">{[...p.leaders, ...p.units.slice(0, 1)].join(' · ')}</Typography.Text>}>
          <Typography.Paragraph style={{ marginBottom: 6 }}>{p.goal}</Typography.Paragraph>
          <QuotaTableView project={p} />
        </Card>
      ))}
    </>
  );
}
