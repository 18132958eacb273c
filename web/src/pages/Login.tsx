import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Segmented, Typography } from 'antd';
import { ApiError } from '../api/client.ts';
import { useAuth } from '../auth.tsx';
import { useI18n } from '../i18n/index.tsx';

export function LoginPage() {
  const { login } = useAuth();
  const { t, lang, setLang } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { username: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      await login(values.username, values.password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 429) setError(t('尝试次数过多,请稍后再试'));
      else if (err instanceof ApiError && (err.status === 401 || err.status === 403)) setError(t('用户名或密码错误'));
      else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f0f2f5' }}>
      <Card style={{ width: 360 }} title={t('落实 · 目标任务督查')} extra={
        <Segmented size="small" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')}
          options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]} />
      }>
        <Typography.Paragraph type="secondary">{t('政府工作报告目标任务分解、进度报送与督查')}</Typography.Paragraph>
        {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} showIcon data-testid="login-error" />}
        <Form layout="vertical" onFinish={submit} size="middle">
          <Form.Item name="username" label={t('用户名')} rules={[{ required: true, message: t('请输入用户名') }]}>
            <Input autoComplete="username" id="username" />
          </Form.Item>
          <Form.Item name="password" label={t('密码')} rules={[{ required: true, message: t('请输入密码') }]}>
            <Input.Password autoComplete="current-password" id="password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">{t('登录')}</Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          <a href="/public">{t('查看公开进度')}</a>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
