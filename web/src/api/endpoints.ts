import { clearBoot, takeBoot, takeBootNow } from './boot.ts';
import { http, request, setCsrfToken } from './client.ts';
import type {
  AuditEntry, Comment, Dashboard, Id, ImportResult, Leader, Organisation, Page, Plan, ProgressReport, PromiseRow,
  PublicItem, PublicPlan, Quantity, ReconciliationItem, OrgSettings, StatusRules, ReportingWindow, Session, SourceDocumentView, StatusChange, Task, TaskDetail, TaskSuggestions, Unit, User, Webhook,
} from './types.ts';

/** Every route the web app calls, in one place, named after what it does. */

export interface TaskQuery {
  q?: string;
  planId?: Id;
  sectionId?: Id;
  unitId?: Id;
  leaderId?: Id;
  districtId?: Id;
  kind?: string;
  status?: string;
  livelihood?: boolean;
  deadlineBefore?: string;
  parentId?: Id;
  limit?: number;
  offset?: number;
}

type Items<T> = { items: T[] };

/** Answers [] when a route is missing (404) or forbidden, so a screen still shows what it can. */
async function orEmpty<T>(p: Promise<Items<T>>): Promise<T[]> {
  try {
    return (await p).items;
  } catch {
    return [];
  }
}

export const api = {
  async login(username: string, password: string): Promise<Session> {
    const session = await request<Session>('POST', '/api/auth/login', { username, password }, { quiet401: true });
    clearBoot();
    setCsrfToken(session.csrfToken);
    return session;
  },
  async me(): Promise<Session> {
    const session = await takeBoot('me', () => request<Session>('GET', '/api/auth/me', undefined, { quiet401: true }));
    setCsrfToken(session.csrfToken);
    return session;
  },
  /** Answers the start-up requests (boot.ts) already have, so the first screen renders with them at once. */
  arrived: {
    me(): Session | undefined {
      const session = takeBootNow<Session>('me');
      if (session) setCsrfToken(session.csrfToken);
      return session;
    },
    plans: () => takeBootNow<Items<Plan>>('plans')?.items,
    dashboard: (planId: Id) => takeBootNow<Dashboard>(`dashboard:${planId}`),
  },
  async logout(): Promise<void> {
    await http.post('/api/auth/logout');
    clearBoot();
    setCsrfToken(null);
  },

  /** Imports a report or notice (multipart: file, organisationId, kind, year): its tasks land in the year's plan at once. */
  importDocument: (form: FormData) => http.post<ImportResult>('/api/documents', form),
  getDocument: (id: Id) => http.get<SourceDocumentView>(`/api/documents/${id}`),
  /** Corrects one extracted quantity of a document (audited; `rejected: true` strikes it out). */
  correctQuantity: (id: Id, index: number, patch: Partial<Quantity>, version: number) =>
    http.patch<SourceDocumentView>(`/api/documents/${id}/quantities/${index}`, { ...patch, version }),
  /** Suggested lead unit, co-units and leader for each task of a plan, best first. */
  planSuggestions: (planId: Id) => http.get<Items<TaskSuggestions>>(`/api/plans/${planId}/suggestions`),
  splitTask: (id: Id, at: number, version: number) => http.post<Items<Task>>(`/api/tasks/${id}/split`, { at, version }),
  mergeTasks: (tasks: Task[]) => http.post<Task>('/api/tasks/merge', { tasks: tasks.map((t) => ({ id: t.id, version: t.version })) }),
  /** Publishes a plan and its tasks (disclosure shows published plans only). */
  publishPlan: (planId: Id, version: number) => http.post<Plan>(`/api/plans/${planId}/publish`, { version }),
  getPlan: (planId: Id) => http.get<Plan>(`/api/plans/${planId}`),
  updatePlan: (planId: Id, patch: Partial<Plan> & { version: number }) => http.patch<Plan>(`/api/plans/${planId}`, patch),
  createUnit: (organisationId: Id, name: string) => http.post<Unit>('/api/units', { organisationId, name }),
  createLeader: (organisationId: Id, name: string) => http.post<Leader>('/api/leaders', { organisationId, name }),
  createOrganisation: (name: string) => http.post<Organisation>('/api/organisations', { name, kind: 'city' }),

  listTasks: (query: TaskQuery) => http.get<Page<Task>>('/api/tasks', { ...query, livelihood: query.livelihood === undefined ? undefined : String(query.livelihood) }),
  getTask: (id: Id) => http.get<Task>(`/api/tasks/${id}`),
  /** The task and its reports, comments, history, audit trail, sub-tasks and source text. */
  async taskDetail(id: Id): Promise<TaskDetail> {
    const task = await api.getTask(id);
    const [plan, reports, comments, history, audit, children, document] = await Promise.all([
      http.get<Plan>(`/api/plans/${task.planId}`).catch(() => null),
      orEmpty(http.get<Items<ProgressReport>>(`/api/tasks/${id}/reports`)),
      orEmpty(http.get<Items<Comment>>(`/api/tasks/${id}/comments`)),
      orEmpty(http.get<Items<StatusChange>>(`/api/tasks/${id}/history`)),
      orEmpty(http.get<Items<AuditEntry>>('/api/audit', { entity: 'task', entityId: String(id) })),
      orEmpty(http.get<Items<Task>>('/api/tasks', { parentId: String(id), limit: 500 })),
      task.documentId ? http.get<SourceDocumentView>(`/api/documents/${task.documentId}`).catch(() => null) : Promise.resolve(null),
    ]);
    return { task, plan, reports, comments, history, audit, children, document };
  },
  updateTask: (id: Id, patch: Partial<Pick<Task, 'text' | 'no' | 'deadline' | 'published' | 'districtId' | 'startsOn'>> & { version: number }) =>
    http.patch<Task>(`/api/tasks/${id}`, patch),
  assignTask: (id: Id, a: { leadUnitId?: Id | null; coUnitIds?: Id[]; leaderId?: Id | null; personInCharge?: string; deadline?: string | null; version: number | null }) =>
    http.put<Task>(`/api/tasks/${id}/assignment`, a),
  bulkAssign: (tasks: Task[], a: { leadUnitId?: Id; coUnitIds?: Id[]; leaderId?: Id; deadline?: string }) =>
    http.post<{ assigned: number }>('/api/tasks/bulk-assign', {
      ...a, tasks: tasks.map((t) => ({ id: t.id, assignmentVersion: t.assignment?.version ?? null })),
    }),
  closeTask: (id: Id, version: number, note: string) => http.post<Task>(`/api/tasks/${id}/close`, { version, note }),
  addComment: (id: Id, body: string) => http.post<Comment>(`/api/tasks/${id}/comments`, { body }),

  /** Reports across tasks: the review queue and a unit's own reports. */
  listReports: (query: { status?: string; unitId?: Id; limit?: number }) => http.get<Page<ProgressReport>>('/api/reports', query as Record<string, string>),
  taskReports: (taskId: Id) => http.get<Items<ProgressReport>>(`/api/tasks/${taskId}/reports`),
  submitReport: (taskId: Id, form: FormData) => http.post<ProgressReport>(`/api/tasks/${taskId}/reports`, form),
  acceptReport: (id: Id, version: number) => http.post<ProgressReport>(`/api/reports/${id}/accept`, { version }),
  returnReport: (id: Id, version: number, reason: string) =>
    http.post<ProgressReport>(`/api/reports/${id}/return`, { version, reason }),

  dashboard: (planId: Id) => takeBoot(`dashboard:${planId}`, () => http.get<Dashboard>('/api/dashboard', { planId: String(planId) })),
  /** Targets against actuals with verdicts (promise keeping). */
  async reconciliation(planId: Id): Promise<PromiseRow[]> {
    const items = await orEmpty(http.get<Items<ReconciliationItem>>(`/api/plans/${planId}/reconciliation`));
    return items.map((r) => ({
      taskId: r.taskId,
      indicator: r.target.indicator ?? r.text,
      target: r.target.quote ?? `${r.target.value ?? ''}${r.target.unit ?? ''}`,
      actual: r.actual ? r.actual.text || (r.actual.value == null ? null : `${r.actual.value}${r.target.unit ?? ''}`) : null,
      verdict: r.judgement.verdict,
    }));
  },

  publicPlans: () => http.get<Items<PublicPlan>>('/api/public/plans'),
  publicTasks: (planId: Id) => http.get<Items<PublicItem>>(`/api/public/plans/${planId}/tasks`),

  listOrganisations: () => http.get<Items<Organisation>>('/api/organisations'),
  listPlans: () => takeBoot('plans', () => http.get<Items<Plan>>('/api/plans')),
  listUnits: () => http.get<Items<Unit>>('/api/units'),
  saveUnit: (unit: Partial<Unit>) =>
    unit.id ? http.patch<Unit>(`/api/units/${unit.id}`, unit) : http.post<Unit>('/api/units', unit),
  listLeaders: () => http.get<Items<Leader>>('/api/leaders'),
  saveLeader: (leader: Partial<Leader>) =>
    leader.id ? http.patch<Leader>(`/api/leaders/${leader.id}`, leader) : http.post<Leader>('/api/leaders', leader),
  listUsers: () => http.get<Items<User>>('/api/users'),
  saveUser: (user: Partial<User> & { password?: string }) =>
    user.id ? http.patch<User>(`/api/users/${user.id}`, user) : http.post<User>('/api/users', user),
  /** The organisation's status rules and reporting window (defaults filled in; version null until first saved). */
  settings: (orgId: Id) => http.get<OrgSettings>(`/api/organisations/${orgId}/settings`),
  saveSettings: (orgId: Id, body: { statusRules?: Partial<StatusRules>; reporting?: ReportingWindow; version: number | null }) =>
    http.put<unknown>(`/api/organisations/${orgId}/settings`, body),
  listWebhooks: (orgId: Id) => http.get<Items<Webhook>>(`/api/organisations/${orgId}/webhooks`),
  createWebhook: (orgId: Id, url: string) => http.post<Webhook>(`/api/organisations/${orgId}/webhooks`, { url, active: true }),
  updateWebhook: (hook: Webhook, patch: { url?: string; active?: boolean }) => http.patch<Webhook>(`/api/webhooks/${hook.id}`, { ...patch, version: hook.version }),
  webhookDeliveries: (id: Id) => http.get<Items<Record<string, unknown>>>(`/api/webhooks/${id}/deliveries`),
};
