import { useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Switch, Table, Tabs, Tag } from 'antd';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Id, Leader, OrgSettings, Role, Unit, User, Webhook } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { useLoad } from '../lib/useLoad.ts';

const ROLE_LABEL: Record<Role, string> = { admin: '督查室(管理员)', unit: '责任单位', leader: '牵头领导', viewer: '只读' };

function useSaver() {
  const { t } = useI18n();
  const { message } = App.useApp();
  return async (fn: () => Promise<unknown>, after: () => void) => {
    try {
      await fn();
      message.success(t('已保存'));
    } catch (err) {
      message.error(err instanceof ApiError && err.status === 409 ? t('该记录已被他人修改,已重新载入') : err instanceof Error ? err.message : String(err));
    }
    after();
  };
}

function UnitsTab({ orgId }: { orgId: Id }) {
  const { t } = useI18n();
  const save = useSaver();
  const { data, reload } = useLoad(() => api.listUnits().then((r) => r.items.filter((u) => String(u.organisationId) === String(orgId))), [orgId]);
  const [name, setName] = useState('');
  return (
    <>
      <Space.Compact style={{ marginBottom: 8 }}>
        <Input placeholder={t('新单位名称')} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 240 }} />
        <Button disabled={!name.trim()} onClick={() => save(() => api.createUnit(orgId, name.trim()), () => { setName(''); reload(); })}>{t('添加')}</Button>
      </Space.Compact>
      <Table<Unit> size="small" rowKey="id" bordered dataSource={data ?? []} pagination={{ pageSize: 50, size: 'small' }} columns={[
        { title: t('单位名称'), dataIndex: 'name', width: 260 },
        {
          title: t('别名'), render: (_, u) => (
            <Select mode="tags" size="small" style={{ width: '100%' }} value={u.aliases} placeholder={t('输入别名后回车')}
              onChange={(aliases: string[]) => save(() => api.saveUnit({ id: u.id, aliases, version: u.version }), reload)} />
          ),
        },
        { title: t('类别'), dataIndex: 'kind', width: 120 },
      ]} />
    </>
  );
}

function LeadersTab({ orgId }: { orgId: Id }) {
  const { t } = useI18n();
  const save = useSaver();
  const { data, reload } = useLoad(() => api.listLeaders().then((r) => r.items.filter((l) => String(l.organisationId) === String(orgId))), [orgId]);
  const [name, setName] = useState('');
  return (
    <>
      <Space.Compact style={{ marginBottom: 8 }}>
        <Input placeholder={t('领导姓名')} value={name} onChange={(e) => setName(e.target.value)} style={{ width: 200 }} />
        <Button disabled={!name.trim()} onClick={() => save(() => api.createLeader(orgId, name.trim()), () => { setName(''); reload(); })}>{t('添加')}</Button>
      </Space.Compact>
      <Table<Leader> size="small" rowKey="id" bordered dataSource={data ?? []} pagination={false} columns={[
        { title: t('姓名'), dataIndex: 'name', width: 160 },
        {
          title: t('职务'), dataIndex: 'title', render: (v: string, l) => (
            <Input size="small" variant="borderless" defaultValue={v ?? ''} placeholder={t('如:副市长')}
              onBlur={(e) => e.target.value !== (v ?? '') && save(() => api.saveLeader({ id: l.id, title: e.target.value, version: l.version }), reload)} />
          ),
        },
      ]} />
    </>
  );
}

function UsersTab() {
  const { t } = useI18n();
  const save = useSaver();
  const users = useLoad(() => api.listUsers().then((r) => r.items), []);
  const units = useLoad(() => api.listUnits().then((r) => r.items), []);
  const leaders = useLoad(() => api.listLeaders().then((r) => r.items), []);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const unitName = (id: Id | null | undefined) => units.data?.find((u) => String(u.id) === String(id))?.name ?? '';
  const leaderName = (id: Id | null | undefined) => leaders.data?.find((l) => String(l.id) === String(id))?.name ?? '';
  const role = Form.useWatch('role', form) as Role | undefined;
  return (
    <>
      <Button style={{ marginBottom: 8 }} onClick={() => setAdding(true)}>{t('新建用户')}</Button>
      <Table<User> size="small" rowKey="id" bordered dataSource={users.data ?? []} pagination={false} columns={[
        { title: t('用户名'), dataIndex: 'username', width: 140 },
        { title: t('姓名'), dataIndex: 'displayName', width: 120 },
        {
          title: t('角色'), width: 160, render: (_, u) => (
            <Select size="small" style={{ width: '100%' }} value={u.role} options={(Object.keys(ROLE_LABEL) as Role[]).map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))}
              onChange={(r) => save(() => api.saveUser({ id: u.id, role: r, version: u.version }), users.reload)} />
          ),
        },
        { title: t('单位'), render: (_, u) => unitName(u.unitId) },
        { title: t('领导'), width: 100, render: (_, u) => leaderName(u.leaderId) },
        { title: t('状态'), width: 80, render: (_, u) => (u.archivedAt ? <Tag>{t('已停用')}</Tag> : <Tag color="green">{t('启用')}</Tag>) },
      ]} />
      <Modal open={adding} title={t('新建用户')} onCancel={() => setAdding(false)} onOk={() => form.submit()} destroyOnHidden>
        <Form form={form} layout="vertical" initialValues={{ role: 'unit' }} onFinish={(v: { username: string; password: string; role: Role; displayName?: string; unitId?: Id; leaderId?: Id }) =>
          save(() => api.saveUser(v), () => { setAdding(false); form.resetFields(); users.reload(); })}>
          <Form.Item name="username" label={t('用户名')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="displayName" label={t('姓名')}><Input /></Form.Item>
          <Form.Item name="password" label={t('初始密码')} rules={[{ required: true, min: 8 }]}><Input.Password /></Form.Item>
          <Form.Item name="role" label={t('角色')}><Select options={(Object.keys(ROLE_LABEL) as Role[]).map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))} /></Form.Item>
          {role === 'unit' && <Form.Item name="unitId" label={t('单位')} rules={[{ required: true }]}><Select showSearch optionFilterProp="label" options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>}
          {role === 'leader' && <Form.Item name="leaderId" label={t('领导')} rules={[{ required: true }]}><Select options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.name }))} /></Form.Item>}
        </Form>
      </Modal>
    </>
  );
}

function RulesTab({ orgId }: { orgId: Id }) {
  const { t } = useI18n();
  const save = useSaver();
  const { data, reload } = useLoad(() => api.settings(orgId), [orgId]);
  if (!data) return <Card loading />;
  const s: OrgSettings = data;
  return (
    <Space align="start" size="large" wrap>
      <Card size="small" title={t('亮灯规则')} style={{ width: 420 }}>
        <Form layout="horizontal" labelCol={{ span: 14 }} initialValues={s.statusRules}
          onFinish={(v) => save(() => api.saveSettings(orgId, { statusRules: v, version: s.version }), reload)}>
          <Form.Item name="behindPoints" label={t('落后时序进度(点)亮黄灯')}><InputNumber min={0} max={100} /></Form.Item>
          <Form.Item name="seriouslyBehindPoints" label={t('落后时序进度(点)亮红灯')}><InputNumber min={0} max={100} /></Form.Item>
          <Form.Item name="nearDeadlineDays" label={t('临近时限(天)亮黄灯')}><InputNumber min={0} max={366} /></Form.Item>
          <Form.Item name={['escalation', 'letterAfter']} label={t('连续黄/红灯几期发督办单')}><InputNumber min={1} /></Form.Item>
          <Form.Item name={['escalation', 'talkAfter']} label={t('连续红灯几期约谈')}><InputNumber min={1} /></Form.Item>
          <Button type="primary" htmlType="submit">{t('保存')}</Button>
        </Form>
      </Card>
      <Card size="small" title={t('报送周期')} style={{ width: 320 }}>
        {s.reporting.kind === 'custom' ? <Alert type="info" title={t('自定义报送期间')} /> : (
          <Form layout="horizontal" labelCol={{ span: 10 }} initialValues={s.reporting}
            onFinish={(v) => save(() => api.saveSettings(orgId, { reporting: v, version: s.version }), reload)}>
            <Form.Item name="kind" label={t('周期')}><Select options={[{ value: 'monthly', label: t('每月') }, { value: 'quarterly', label: t('每季度') }]} /></Form.Item>
            <Form.Item name="dueDay" label={t('次月截止日')}><InputNumber min={1} max={28} /></Form.Item>
            <Button type="primary" htmlType="submit">{t('保存')}</Button>
          </Form>
        )}
      </Card>
    </Space>
  );
}

function WebhooksTab({ orgId }: { orgId: Id }) {
  const { t } = useI18n();
  const save = useSaver();
  const { data, reload } = useLoad(() => api.listWebhooks(orgId).then((r) => r.items), [orgId]);
  const [url, setUrl] = useState('');
  return (
    <>
      <Space.Compact style={{ marginBottom: 8 }}>
        <Input placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} style={{ width: 360 }} />
        <Button disabled={!/^https?:\/\//.test(url)} onClick={() => save(() => api.createWebhook(orgId, url), () => { setUrl(''); reload(); })}>{t('添加')}</Button>
      </Space.Compact>
      <Table<Webhook> size="small" rowKey="id" bordered dataSource={data ?? []} pagination={false} columns={[
        { title: 'URL', dataIndex: 'url' },
        { title: t('启用'), width: 80, render: (_, h) => <Switch size="small" checked={h.active} onChange={(active) => save(() => api.updateWebhook(h, { active }), reload)} /> },
      ]} />
    </>
  );
}

export function SettingsPage() {
  const { t } = useI18n();
  const orgs = useLoad(() => api.listOrganisations().then((r) => r.items), []);
  const [chosen, setChosen] = useState<Id | null>(null);
  const roots = (orgs.data ?? []).filter((o) => o.parentId == null);
  const orgId = chosen ?? roots[0]?.id;
  return (
    <Card size="small" title={t('系统设置')} data-testid="settings"
      extra={roots.length > 1 && <Select size="small" value={orgId} onChange={setChosen} options={roots.map((o) => ({ value: o.id, label: o.name }))} />}>
      <Tabs items={[
        ...(orgId != null ? [
          { key: 'units', label: t('单位与别名'), children: <UnitsTab orgId={orgId} /> },
          { key: 'leaders', label: t('领导'), children: <LeadersTab orgId={orgId} /> },
        ] : []),
        { key: 'users', label: t('用户与角色'), children: <UsersTab /> },
        ...(orgId != null ? [
          { key: 'rules', label: t('亮灯规则与报送周期'), children: <RulesTab orgId={orgId} /> },
          { key: 'webhooks', label: 'Webhooks', children: <WebhooksTab orgId={orgId} /> },
        ] : []),
      ]} />
    </Card>
  );
}
