import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Segmented, Space, Spin, Typography } from 'antd';
import zhCNModule from 'antd/locale/zh_CN.js';
import enUSModule from 'antd/locale/en_US.js';
import type { Locale } from 'antd/es/locale/index.js';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn.js';
import { AuthProvider, useAuth } from './auth.tsx';
import { I18nProvider, useI18n } from './i18n/index.tsx';
import { matchPath, Router, useRouter } from './router.tsx';
import type { Role } from './api/types.ts';
import { DashboardPage } from './pages/Dashboard.tsx';
import { LazyResult } from './components/LazyResult.tsx';

// The dashboard is the landing screen and ships in the main bundle; the rest load on demand
// (the login form too: a signed-in user never needs antd's Form and Input on the first screen).
const LoginPage = lazy(() => import('./pages/Login.tsx').then((m) => ({ default: m.LoginPage })));
const ImportWizard = lazy(() => import('./pages/ImportWizard.tsx').then((m) => ({ default: m.ImportWizard })));
const LedgerPage = lazy(() => import('./pages/Ledger.tsx').then((m) => ({ default: m.LedgerPage })));
const TaskPage = lazy(() => import('./pages/TaskPage.tsx').then((m) => ({ default: m.TaskPage })));
const WorkbenchPage = lazy(() => import('./pages/Workbench.tsx').then((m) => ({ default: m.WorkbenchPage })));
const PublicPage = lazy(() => import('./pages/Public.tsx').then((m) => ({ default: m.PublicPage })));
const SettingsPage = lazy(() => import('./pages/Settings.tsx').then((m) => ({ default: m.SettingsPage })));
const DocumentsPage = lazy(() => import('./pages/Documents.tsx').then((m) => ({ default: m.DocumentsPage })));

// antd ships its locales as CommonJS: TypeScript sees the module object, the bundler hands over the default.
const cjsDefault = (m: unknown): Locale => ((m as { default?: Locale }).default ?? m) as Locale;
const zhCN = cjsDefault(zhCNModule);
const enUS = cjsDefault(enUSModule);

interface Screen {
  path: string;
  label: string;
  roles: Role[];
  render: (params: Record<string, string>) => ReactNode;
  /** Shown in the menu; detail pages are not. */
  menu: boolean;
}

const SCREENS: Screen[] = [
  { path: '/dashboard', label: '驾驶舱', roles: ['admin', 'leader', 'viewer', 'unit'], render: () => <DashboardPage />, menu: true },
  { path: '/workbench', label: '工作台', roles: ['admin', 'unit'], render: () => <WorkbenchPage />, menu: true },
  { path: '/ledger', label: '任务台账', roles: ['admin', 'leader', 'viewer', 'unit'], render: () => <LedgerPage />, menu: true },
  { path: '/import', label: '导入分解', roles: ['admin'], render: () => <ImportWizard />, menu: true },
  { path: '/import/:id', label: '导入分解', roles: ['admin'], render: (p) => <ImportWizard draftId={p.id} />, menu: false },
  { path: '/tasks/:id', label: '任务详情', roles: ['admin', 'leader', 'viewer', 'unit'], render: (p) => <TaskPage id={p.id} />, menu: false },
  { path: '/documents', label: '文档下载', roles: ['admin', 'leader'], render: () => <DocumentsPage />, menu: true },
  { path: '/settings', label: '系统设置', roles: ['admin'], render: () => <SettingsPage />, menu: true },
];

function homeFor(role: Role): string {
  return role === 'unit' ? '/workbench' : '/dashboard';
}

function LangSwitch() {
  const { lang, setLang } = useI18n();
  return (
    <Segmented
      size="small"
      value={lang}
      onChange={(v) => setLang(v as 'zh' | 'en')}
      options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]}
      data-testid="lang-switch"
    />
  );
}

function Redirect({ to }: { to: string }) {
  const { navigate } = useRouter();
  useEffect(() => navigate(to, { replace: true }), [to, navigate]);
  return <Loading />;
}

function Loading() {
  return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
}

function Shell() {
  const { user, loading, logout } = useAuth();
  const { path, navigate } = useRouter();
  const { t } = useI18n();

  if (path === '/public') {
    return <Suspense fallback={<Loading />}><PublicPage /></Suspense>;
  }
  if (loading) return <Loading />;
  if (!user) return <Suspense fallback={<Loading />}><LoginPage /></Suspense>;

  const found = SCREENS.map((s) => ({ s, params: matchPath(s.path, path) })).find((m) => m.params);
  if (!found) return <Redirect to={homeFor(user.role)} />;
  const allowed = found.s.roles.includes(user.role);
  const menuItems = SCREENS.filter((s) => s.menu && s.roles.includes(user.role)).map((s) => ({ key: s.path, label: t(s.label) }));
  const selected = SCREENS.find((s) => s.menu && (path === s.path || path.startsWith(`${s.path}/`)))?.path ?? '';

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, paddingInline: 16, height: 48, lineHeight: '48px' }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 16, whiteSpace: 'nowrap' }}>
          {t('落实 · 目标任务督查')}
        </Typography.Text>
        <Menu
          theme="dark"
          mode="horizontal"
          selectedKeys={[selected]}
          items={menuItems}
          onClick={(e) => navigate(e.key)}
          style={{ flex: 1, minWidth: 0, lineHeight: '48px' }}
        />
        <Space>
          <LangSwitch />
          <a href="/public" style={{ color: '#ddd' }}>{t('公开')}</a>
          <Typography.Text style={{ color: '#ddd' }} data-testid="current-user">
            {user.displayName || user.username}
          </Typography.Text>
          <Button size="small" onClick={() => void logout()}>{t('退出')}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 12 }}>
        {allowed ? (
          <Suspense fallback={<Loading />}>{found.s.render(found.params!)}</Suspense>
        ) : (
          <LazyResult status="403" title={t('无权访问')} />
        )}
      </Layout.Content>
    </Layout>
  );
}

function Localised({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  dayjs.locale(lang === 'zh' ? 'zh-cn' : 'en');
  return (
    <ConfigProvider
      locale={lang === 'zh' ? zhCN : enUS}
      componentSize="small"
      theme={{ zeroRuntime: true, token: { colorPrimary: '#b71c1c', borderRadius: 2, fontSize: 13 } }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <I18nProvider>
      <Localised>
        <Router>
          <AuthProvider>
            <Shell />
          </AuthProvider>
        </Router>
      </Localised>
    </I18nProvider>
  );
}
