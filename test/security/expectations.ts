// Who may call which route, per the policies (src/server/policies): the office (admin) does
// everything; a unit reads and reports on its own unit's tasks only; a leader reads the tasks in
// their charge and the documents; a viewer reads. Every route of the table must have an entry
// here, so a new route fails the matrix until someone says who may call it.
import type { MatrixWorkspace } from './matrix-workspace.ts';
import { evidenceForm } from './matrix-workspace.ts';

export type Actor = 'admin' | 'unitA' | 'unitB' | 'leader' | 'viewer';
const SIGNED_IN: Actor[] = ['admin', 'unitA', 'unitB', 'leader', 'viewer'];
const OFFICE: Actor[] = ['admin'];
/** Readers of unit B's task: the office, unit B, its leader and the viewers; never unit A. */
const READ_B: Actor[] = ['admin', 'unitB', 'leader', 'viewer'];

export interface Sample {
  path: string;
  body?: unknown;
  form?: () => FormData;
}

export interface Expectation {
  allowed: Actor[] | 'everyone';
  sample: (w: MatrixWorkspace) => Sample;
  /** Statuses an allowed caller may get besides 2xx: a business refusal after authorization. */
  alsoFine?: number[];
  /** Slow to answer (LibreOffice): only one allowed role calls it; the others are checked by denial. */
  expensive?: boolean;
  /** Ends the caller's session: each role calls it on a session of its own. */
  endsSession?: boolean;
}

const path = (p: string) => () => ({ path: p });
const stale = [409];

export const EXPECTATIONS: Record<string, Expectation> = {
  'get /health': { allowed: 'everyone', sample: path('/health') },
  'post /auth/login': { allowed: 'everyone', sample: () => ({ path: '/auth/login', body: { username: 'viewer', password: 'correct horse 马' } }) },
  'post /auth/logout': { allowed: SIGNED_IN, sample: path('/auth/logout'), endsSession: true },
  'get /auth/me': { allowed: SIGNED_IN, sample: path('/auth/me') },
  'get /auth/csrf': { allowed: SIGNED_IN, sample: path('/auth/csrf') },
  ...reference('organisations', (w) => w.spare.organisation, { name: '新区', kind: 'district' }),
  ...reference('plans', (w) => w.spare.plan, (w) => ({ organisationId: w.cityId, year: 2022, title: '新计划' })),
  ...reference('units', (w) => w.spare.unit, (w) => ({ organisationId: w.cityId, name: `新单位` })),
  ...reference('leaders', (w) => w.spare.leader, (w) => ({ organisationId: w.cityId, name: '新领导' })),
  'get /users': { allowed: OFFICE, sample: path('/users') },
  'post /users': { allowed: OFFICE, sample: () => ({ path: '/users', body: { username: 'newcomer', password: 'long enough 1', role: 'viewer' } }) },
  'patch /users/:id': { allowed: OFFICE, sample: (w) => ({ path: `/users/${w.spare.user}`, body: { version: 1, displayName: '改名' } }), alsoFine: stale },
  'post /users/:id/archive': { allowed: OFFICE, sample: (w) => ({ path: `/users/${w.spare.user}/archive`, body: { version: 2 } }), alsoFine: stale },
  'get /tasks': { allowed: SIGNED_IN, sample: path('/tasks') },
  'get /tasks/:id': { allowed: READ_B, sample: (w) => ({ path: `/tasks/${w.taskOfB}` }) },
  'patch /tasks/:id': { allowed: OFFICE, sample: (w) => ({ path: `/tasks/${w.taskOfB}`, body: { version: 1, no: '9' } }), alsoFine: stale },
  'put /tasks/:id/assignment': {
    allowed: OFFICE, alsoFine: stale,
    sample: (w) => ({ path: `/tasks/${w.taskOfB}/assignment`, body: { version: w.assignmentVersionOfB, leadUnitId: w.unitB, leaderId: w.leader2 } }),
  },
  'post /tasks/bulk-assign': {
    allowed: OFFICE, alsoFine: stale,
    sample: (w) => ({ path: '/tasks/bulk-assign', body: { tasks: [{ id: w.taskOfB2, assignmentVersion: 1 }], leadUnitId: w.unitB, leaderId: w.leader2 } }),
  },
  // No evidence on the task: the office gets past authorization and is refused with 422.
  'post /tasks/:id/close': { allowed: OFFICE, sample: (w) => ({ path: `/tasks/${w.taskOfB2}/close`, body: { version: 1 } }), alsoFine: [422, 409] },
  'get /tasks/:id/history': { allowed: READ_B, sample: (w) => ({ path: `/tasks/${w.taskOfB}/history` }) },
  'get /tasks/:id/reports': { allowed: READ_B, sample: (w) => ({ path: `/tasks/${w.taskOfB}/reports` }) },
  'post /tasks/:id/reports': {
    allowed: ['admin', 'unitB'],
    sample: (w) => ({ path: `/tasks/${w.taskOfB}/reports`, form: () => evidenceForm({ period: '2020-06', percent: '50', narrative: 'matrix' }) }),
  },
  // Unit B submitted it, so unit B may not accept its own report: only the office.
  'post /reports/:id/accept': { allowed: OFFICE, sample: (w) => ({ path: `/reports/${w.reportOfB}/accept`, body: { version: 1 } }) },
  'post /reports/:id/return': { allowed: OFFICE, sample: (w) => ({ path: `/reports/${w.reportOfB2}/return`, body: { version: 1, reason: '材料不全' } }) },
  'post /tasks/:id/evidence': { allowed: OFFICE, sample: (w) => ({ path: `/tasks/${w.taskOfB}/evidence`, form: () => evidenceForm({}) }) },
  'get /evidence/:id': { allowed: READ_B, sample: (w) => ({ path: `/evidence/${w.evidenceOfB}` }) },
  'get /tasks/:id/comments': { allowed: READ_B, sample: (w) => ({ path: `/tasks/${w.taskOfB}/comments` }) },
  'post /tasks/:id/comments': { allowed: ['admin', 'unitB', 'leader'], sample: (w) => ({ path: `/tasks/${w.taskOfB}/comments`, body: { body: '请加快进度' } }) },
  'post /documents': {
    allowed: OFFICE,
    sample: (w) => ({
      path: '/documents',
      form: () => {
        const f = new FormData();
        f.set('organisationId', String(w.beilunId));
        f.set('year', '2020');
        f.append('file', new Blob(['北仑区2020年政府工作报告\n\n一、主要目标\n\n地区生产总值增长7%左右。\n'], { type: 'text/plain' }), '北仑.txt');
        return f;
      },
    }),
  },
  'get /documents': { allowed: ['admin', 'leader', 'viewer'], sample: path('/documents') },
  'get /documents/:id': { allowed: ['admin', 'leader', 'viewer'], sample: (w) => ({ path: `/documents/${w.documentId}` }) },
  'get /documents/:id/content': { allowed: ['admin', 'leader', 'viewer'], sample: (w) => ({ path: `/documents/${w.documentId}/content` }) },
  'get /dashboard': { allowed: SIGNED_IN, sample: (w) => ({ path: `/dashboard?planId=${w.planId}` }) },
  'get /plans/:id/reconciliation': { allowed: SIGNED_IN, sample: (w) => ({ path: `/plans/${w.planId}/reconciliation` }) },
  'post /tasks/:id/actuals': { allowed: OFFICE, sample: (w) => ({ path: `/tasks/${w.taskOfB}/actuals`, body: { targetIndex: 0, value: 17 } }) },
  'post /actuals/:id/confirm': { allowed: OFFICE, sample: (w) => ({ path: `/actuals/${w.actualId}/confirm`, body: { version: 1 } }) },
  'get /notifications': { allowed: SIGNED_IN, sample: path('/notifications') },
  'post /notifications/:id/read': { allowed: ['admin', 'unitB'], sample: (w) => ({ path: `/notifications/${w.notificationOfB}/read` }) },
  'get /organisations/:id/settings': { allowed: OFFICE, sample: (w) => ({ path: `/organisations/${w.cityId}/settings` }) },
  'put /organisations/:id/settings': { allowed: OFFICE, sample: (w) => ({ path: `/organisations/${w.cityId}/settings`, body: { version: null } }), alsoFine: stale },
  'get /organisations/:id/webhooks': { allowed: OFFICE, sample: (w) => ({ path: `/organisations/${w.cityId}/webhooks` }) },
  'post /organisations/:id/webhooks': { allowed: OFFICE, sample: (w) => ({ path: `/organisations/${w.cityId}/webhooks`, body: { url: 'https://example.org/other' } }) },
  'patch /webhooks/:id': { allowed: OFFICE, sample: (w) => ({ path: `/webhooks/${w.webhookId}`, body: { version: 1, active: false } }), alsoFine: stale },
  'get /webhooks/:id/deliveries': { allowed: OFFICE, sample: (w) => ({ path: `/webhooks/${w.webhookId}/deliveries` }) },
  'get /audit': { allowed: OFFICE, sample: path('/audit') },
  'get /public/plans': { allowed: 'everyone', sample: path('/public/plans') },
  'get /public/plans/:id/tasks': { allowed: 'everyone', sample: (w) => ({ path: `/public/plans/${w.planId}/tasks` }) },
  // Units take their own tasks' ledger out to fill in; viewers do not download documents.
  'get /plans/:id/ledger.xlsx': { allowed: ['admin', 'unitA', 'unitB', 'leader'], sample: (w) => ({ path: `/plans/${w.planId}/ledger.xlsx` }) },
  // A file that is no workbook: the office is past authorization and gets told so.
  'post /plans/:id/ledger/diff': {
    allowed: OFFICE, alsoFine: [400, 422],
    sample: (w) => ({ path: `/plans/${w.planId}/ledger/diff`, form: () => { const f = new FormData(); f.append('file', new Blob(['not a workbook']), 'ledger.xlsx'); return f; } }),
  },
  'post /plans/:id/ledger/apply': {
    allowed: OFFICE, alsoFine: [400, 409, 422],
    sample: (w) => ({ path: `/plans/${w.planId}/ledger/apply`, body: { changes: [{ taskId: w.taskOfA, version: 99, field: 'deadline', before: null, after: '2020-12-31' }] } }),
  },
  'get /plans/:id/notice.docx': { allowed: ['admin', 'leader'], sample: (w) => ({ path: `/plans/${w.planId}/notice.docx` }) },
  'get /plans/:id/bulletin.docx': { allowed: ['admin', 'leader'], sample: (w) => ({ path: `/plans/${w.planId}/bulletin.docx?period=2020-06` }) },
  'get /plans/:id/bulletin.pdf': { allowed: ['admin', 'leader'], sample: (w) => ({ path: `/plans/${w.planId}/bulletin.pdf?period=2020-06` }), expensive: true, alsoFine: [503] },
  'get /plans/:id/review.docx': { allowed: ['admin', 'leader'], sample: (w) => ({ path: `/plans/${w.planId}/review.docx` }) },
  'get /plans/:id/review.md': { allowed: ['admin', 'leader'], sample: (w) => ({ path: `/plans/${w.planId}/review.md` }) },
  'get /plans/:id/quantities.csv': { allowed: ['admin', 'leader'], sample: (w) => ({ path: `/plans/${w.planId}/quantities.csv` }) },
  'get /plans/:id/quantities.jsonl': { allowed: ['admin', 'leader'], sample: (w) => ({ path: `/plans/${w.planId}/quantities.jsonl` }) },
  'get /reports': { allowed: SIGNED_IN, sample: path('/reports') },
  // The wizard policy lets viewers look at the suggestions (they change nothing).
  'get /plans/:id/suggestions': { allowed: ['admin', 'viewer'], sample: (w) => ({ path: `/plans/${w.planId}/suggestions` }) },
  // The office is past authorization whether or not the document has a quantity 0 to correct.
  'patch /documents/:id/quantities/:index': {
    allowed: OFFICE, alsoFine: [400, 404, 409],
    sample: (w) => ({ path: `/documents/${w.documentId}/quantities/0`, body: { version: 1, rejected: true } }),
  },
  'post /tasks/:id/split': { allowed: OFFICE, sample: (w) => ({ path: `/tasks/${w.taskToSplit}/split`, body: { version: 1, at: 6 } }) },
  'post /tasks/merge': {
    allowed: OFFICE, sample: (w) => ({ path: '/tasks/merge', body: { tasks: w.tasksToMerge.map((id) => ({ id, version: 1 })) } }),
  },
  'post /plans/:id/publish': { allowed: OFFICE, sample: (w) => ({ path: `/plans/${w.planId}/publish`, body: { version: 1 } }), alsoFine: stale },
  'get /data-dictionary.md': { allowed: 'everyone', sample: path('/data-dictionary.md') },
};

/** The five routes of a reference table: everyone signed in reads, the office changes. */
function reference(name: string, spare: (w: MatrixWorkspace) => number, create: object | ((w: MatrixWorkspace) => object)): Record<string, Expectation> {
  const body = (w: MatrixWorkspace) => (typeof create === 'function' ? (create as (w: MatrixWorkspace) => object)(w) : create);
  return {
    [`get /${name}`]: { allowed: SIGNED_IN, sample: path(`/${name}`) },
    [`get /${name}/:id`]: { allowed: SIGNED_IN, sample: (w) => ({ path: `/${name}/${spare(w)}` }) },
    [`post /${name}`]: { allowed: OFFICE, sample: (w) => ({ path: `/${name}`, body: body(w) }) },
    [`patch /${name}/:id`]: { allowed: OFFICE, sample: (w) => ({ path: `/${name}/${spare(w)}`, body: { version: 1 } }), alsoFine: stale },
    [`post /${name}/:id/archive`]: { allowed: OFFICE, sample: (w) => ({ path: `/${name}/${spare(w)}/archive`, body: { version: 2 } }), alsoFine: stale },
  };
}
