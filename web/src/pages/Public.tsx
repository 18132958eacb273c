import { useMemo, useState } from 'react';
import { Alert, Card, Empty, Layout, List, Progress, Result, Segmented, Select, Space, Table, Tabs, Typography } from 'antd';
import { api } from '../api/endpoints.ts';
import type { Id, PublicItem } from '../api/types.ts';
import { COLOUR_HEX, pct, StatusTag } from '../components/StatusTag.tsx';
import { useI18n } from '../i18n/index.tsx';
import { colourOf } from '../lib/task.ts';
import { useLoad } from '../lib/useLoad.ts';

function ProgressBar({ item }: { item: PublicItem }) {
  return (
    <Progress
      percent={Math.round(item.actualPercent ?? 0)}
      success={{ percent: 0 }}
      strokeColor={COLOUR_HEX[colourOf(item)]}
      size="small"
      style={{ width: 160, marginBottom: 0 }}
    />
  );
}

function Projects({ items }: { items: PublicItem[] }) {
  const { t } = useI18n();
  const projects = items.filter((x) => x.kind === 'project');
  if (!projects.length) return <Empty description={t('暂无民生实事')} />;
  return (
    <List
      dataSource={projects}
      data-testid="public-projects"
      renderItem={(p) => {
        const quotas = items.filter((x) => String(x.parentId) === String(p.id) && x.district);
        return (
          <List.Item>
            <Card size="small" style={{ width: '100%' }} title={<Space>{p.no}.<span>{p.text.split(/[:：]/)[0]}</span></Space>} extra={<Space><ProgressBar item={p} /><StatusTag status={p.status} /></Space>}>
              <Typography.Paragraph style={{ marginBottom: 6 }}>{p.text}</Typography.Paragraph>
              <Typography.Text type="secondary">{t('牵头单位')}: {p.leadUnits.join('、') || '—'}</Typography.Text>
              {quotas.length > 0 && (
                <Table
                  size="small"
                  style={{ marginTop: 8 }}
                  rowKey="id"
                  pagination={false}
                  dataSource={quotas}
                  columns={[
                    { title: t('区县'), dataIndex: 'district', width: 100 },
                    { title: t('任务'), render: (_, q) => `${q.targets[0]?.value ?? ''}${q.targets[0]?.unit ?? ''}`, width: 120 },
                    { title: t('进度'), render: (_, q) => <ProgressBar item={q} /> },
                  ]}
                />
              )}
            </Card>
          </List.Item>
        );
      }}
    />
  );
}

function Targets({ items }: { items: PublicItem[] }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<'all' | 'targets'>('targets');
  const rows = items.filter((x) => !x.livelihood && x.kind !== 'section' && (filter === 'all' || x.targets.length > 0));
  return (
    <>
      <Segmented size="small" value={filter} onChange={(v) => setFilter(v as 'all' | 'targets')} style={{ marginBottom: 8 }}
        options={[{ label: t('量化目标'), value: 'targets' }, { label: t('全部任务'), value: 'all' }]} />
      <Table<PublicItem>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50, size: 'small', hideOnSinglePage: true }}
        data-testid="public-targets"
        columns={[
          { title: t('序号'), dataIndex: 'no', width: 56 },
          { title: t('目标任务'), dataIndex: 'text', render: (v: string) => <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>{v}</Typography.Paragraph> },
          { title: t('牵头单位'), width: 140, render: (_, r) => r.leadUnits.join('、') },
          { title: t('完成时限'), dataIndex: 'deadline', width: 100 },
          { title: t('时序进度'), dataIndex: 'expectedPercent', width: 80, render: pct },
          { title: t('完成进度'), width: 180, render: (_, r) => <ProgressBar item={r} /> },
          { title: t('状态'), width: 90, render: (_, r) => <StatusTag status={r.status} /> },
        ]}
      />
    </>
  );
}

function PlanDisclosure({ planId }: { planId: Id }) {
  const { t } = useI18n();
  const { data, error } = useLoad(() => api.publicTasks(planId).then((r) => r.items), [planId]);
  if (error) return <Alert type="error" title={error.message} showIcon />;
  if (!data) return <Card loading />;
  return (
    <Tabs items={[
      { key: 'projects', label: t('民生实事'), children: <Projects items={data} /> },
      { key: 'targets', label: t('目标任务'), children: <Targets items={data} /> },
    ]} />
  );
}

/** Disclosure for citizens and deputies: published targets and livelihood projects, no login. */
export function PublicPage() {
  const { t, lang, setLang } = useI18n();
  const plans = useLoad(() => api.publicPlans().then((r) => r.items), []);
  const [chosen, setChosen] = useState<Id | null>(null);
  const plan = useMemo(() => plans.data?.find((p) => p.id === chosen) ?? plans.data?.[0], [plans.data, chosen]);
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, height: 48, lineHeight: '48px', paddingInline: 16 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16 }}>{t('政府工作报告目标任务落实情况公开')}</Typography.Text>
        <span style={{ flex: 1 }} />
        <Segmented size="small" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')} options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]} />
        <a href="/" style={{ color: '#ddd' }}>{t('工作人员登录')}</a>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1200, margin: '0 auto', width: '100%' }} data-testid="public-page">
        {plans.error && <Alert type="error" title={plans.error.message} showIcon />}
        {plans.data && !plan && <Result status="info" title={t('暂无公开的计划')} />}
        {plan && (
          <Card size="small" title={<Typography.Title level={4} style={{ margin: 0 }}>{plan.organisation} · {plan.title}</Typography.Title>}
            extra={plans.data!.length > 1 && <Select size="small" value={plan.id} onChange={setChosen} options={plans.data!.map((p) => ({ value: p.id, label: `${p.organisation} ${p.year}` }))} />}>
            <PlanDisclosure planId={plan.id} />
          </Card>
        )}
      </Layout.Content>
    </Layout>
  );
}
