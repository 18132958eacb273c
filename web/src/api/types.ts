/** The shapes the web app reads from and writes to the workspace API (/api). */
import type { LivelihoodProject } from '../../../src/extract/breakdown/types.ts';
import type { Message } from '../../../src/extract/message.ts';
import type { QuantityRecord } from '../../../src/extract/quantity.ts';

export type Id = number | string;

export type Role = 'admin' | 'unit' | 'leader' | 'viewer';

export interface User {
  id: Id;
  username: string;
  role: Role;
  displayName?: string | null;
  unitId?: Id | null;
  leaderId?: Id | null;
  archivedAt?: string | null;
  version?: number;
}

/** What login and /auth/me answer: the user and the CSRF token for state-changing requests. */
export type Session = User & { csrfToken: string };

export type Status = 'not_started' | 'on_track' | 'behind' | 'seriously_behind' | 'overdue' | 'done' | 'closed';
export type Colour = 'green' | 'yellow' | 'red' | 'blue' | 'grey';

export interface Unit {
  id: Id;
  organisationId: Id;
  name: string;
  aliases: string[];
  kind?: string | null;
  version: number;
}

export interface Leader {
  id: Id;
  organisationId: Id;
  name: string;
  title?: string | null;
  version: number;
}

export interface Organisation {
  id: Id;
  name: string;
  kind: 'province' | 'city' | 'district' | 'county' | 'other';
  parentId?: Id | null;
  version: number;
}

export interface Plan {
  id: Id;
  organisationId: Id;
  year: number;
  title: string;
  status: 'draft' | 'published';
  version: number;
}

export interface Target {
  id?: Id;
  indicator: string;
  measure?: 'growth' | 'level' | 'delta';
  cmp: 'eq' | 'approx' | 'ge' | 'gt' | 'le' | 'lt' | 'range';
  value: number;
  valueHi?: number | null;
  unit: string;
  stretch?: boolean;
  period?: string | null;
  quote?: string;
}

export interface UnitRef {
  id: Id;
  name: string;
  role: 'lead' | 'co';
}

export interface Assignment {
  id: Id;
  leaderId: Id | null;
  leaderName: string | null;
  personInCharge: string;
  deadline: string | null;
  version: number;
  leadUnits: UnitRef[];
  coUnits: UnitRef[];
}

export type TaskKind = 'section' | 'task' | 'subtask' | 'target' | 'project';

export interface TaskAbilities {
  read: boolean;
  update: boolean;
  assign: boolean;
  close: boolean;
  report: boolean;
  review: boolean;
  comment: boolean;
  reconcile: boolean;
}

/** A task as GET /api/tasks presents it. */
export interface Task {
  id: Id;
  planId: Id;
  parentId: Id | null;
  sectionId: Id | null;
  documentId: Id | null;
  kind: TaskKind;
  livelihood: boolean;
  no: string;
  position: number;
  text: string;
  span: { start: number; end: number } | null;
  targets: Target[];
  districtId: Id | null;
  districtName: string | null;
  startsOn: string | null;
  deadline: string | null;
  published: boolean;
  status: Status;
  actualPercent: number | null;
  actualValue: number | null;
  expectedPercent: number | null;
  closedAt: string | null;
  version: number;
  assignment: Assignment | null;
  abilities?: TaskAbilities;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface Evidence {
  id: Id;
  reportId?: Id | null;
  name: string;
  mime?: string;
  size?: number;
  sha256?: string;
  createdAt?: string;
}

export type ReportStatus = 'due' | 'submitted' | 'accepted' | 'returned';

export interface ReportAbilities {
  accept?: boolean;
  return?: boolean;
  [key: string]: boolean | undefined;
}

/** A progress report as GET /api/tasks/:id/reports presents it. */
export interface ProgressReport {
  id: Id;
  taskId: Id;
  /** Added by cross-task listings (workbench, review queue). */
  taskText?: string;
  taskNo?: string;
  unitId?: Id | null;
  unitName?: string | null;
  period: string;
  value?: number | null;
  percent?: number | null;
  narrative?: string | null;
  status: ReportStatus;
  reason?: string | null;
  submittedAt?: string | null;
  submittedBy?: Id | null;
  submittedByName?: string | null;
  reviewedAt?: string | null;
  reviewedBy?: Id | null;
  evidence?: Evidence[];
  abilities?: ReportAbilities;
  version: number;
}

export interface Comment {
  id: Id;
  taskId?: Id;
  body: string;
  createdAt: string;
  username?: string | null;
  displayName?: string | null;
}

export interface StatusChange {
  id: Id;
  status: Status;
  previous?: Status | null;
  reason?: string | null;
  at: string;
  user?: string | null;
}

export interface AuditEntry {
  id: Id;
  at: string;
  userId?: Id | null;
  username?: string | null;
  action: string;
  entity: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** What the task page shows: the task and everything recorded about it, each loaded from its own route. */
export interface TaskDetail {
  task: Task;
  plan: Plan | null;
  reports: ProgressReport[];
  comments: Comment[];
  history: StatusChange[];
  audit: AuditEntry[];
  children: Task[];
  document: SourceDocumentView | null;
}

/** One quantity found in an imported document (the record of spec/quantities.md), with its place in the original text. */
export interface Quantity extends Omit<QuantityRecord, 'doc'> {
  doc?: string;
  /** Set when a person corrected the record. */
  corrected?: boolean;
  /** Set when a person struck the record out (kept, never deleted). */
  rejected?: boolean;
}

export interface Suggestion {
  name: string;
  score: number;
  reason?: string;
}

/** Suggested responsibility for one task (assign/suggest.ts), best first. */
export interface TaskSuggestions {
  taskId: Id;
  units: Suggestion[];
  coUnits: Suggestion[];
  leaders: Suggestion[];
}

/** The engine's own shapes, as the server sends them (type-only imports: nothing of the engine enters the bundle). */
export type { QuotaCell, QuotaTable } from '../../../src/extract/breakdown/types.ts';
export type NoticeProject = LivelihoodProject;
export type Finding = Message;

/** What the engine read from a document, as stored with it. */
export interface Extraction {
  quantities?: Quantity[];
  notice?: { title?: string; projects: NoticeProject[]; findings: Finding[] };
  messages?: Finding[];
}

/** An imported source document as GET /api/documents/:id presents it. */
export interface SourceDocumentView {
  id: Id;
  organisationId: Id;
  planId: Id | null;
  name: string;
  kind: 'report' | 'half-year' | 'notice' | 'other';
  format?: string;
  /** The decoded original text; every span points into it. */
  text: string;
  extraction: Extraction;
  version: number;
}

/** What POST /api/documents answers. */
export interface ImportResult {
  documentId: Id;
  planId: Id;
  kind: string;
  year: number;
  tasks: number;
  assignments: number;
  actuals: number;
  progressReports: number;
  messages: Finding[];
}

/** The roll-up of a group of tasks (track/rollup.ts). */
export interface RollUp {
  total: number;
  counts: Partial<Record<Status, number>>;
  meanProgress: number | null;
  weightedProgress: number | null;
}

export interface Group {
  key: string;
  rollUp: RollUp;
}

export interface UnitRollUp {
  unit: string;
  lead: RollUp;
  co: RollUp;
  all: RollUp;
}

/** GET /api/dashboard?planId= */
export interface Dashboard {
  date: string;
  /** Mean time-elapsed progress of the plan's tasks. */
  expectedPercent: number;
  rollUp: { plan: RollUp; sections: Group[]; units: UnitRollUp[]; leaders: Group[]; scopes: Group[] };
  lagging: { id: Id; no: string; text: string; status: Status; actualPercent: number | null; deadline: string | null }[];
  trend: { period: string; reports: number; accepted: number; mean_percent?: number | null; meanPercent?: number | null }[];
}

/** One target judged against its actual (reconciliation). */
export interface PromiseRow {
  taskId?: Id;
  indicator: string;
  target: string;
  actual?: string | null;
  verdict: 'met' | 'missed' | 'partly_met' | 'no_data';
  year?: number;
}

/** A published task or livelihood project as GET /api/public/plans/:id/tasks presents it. */
export interface PublicItem {
  id: Id;
  parentId: Id | null;
  kind: TaskKind;
  livelihood: boolean;
  no: string;
  text: string;
  targets: Target[];
  district: string | null;
  deadline: string | null;
  status: Status;
  actualPercent: number | null;
  expectedPercent: number | null;
  leadUnits: string[];
}

export interface PublicPlan {
  id: Id;
  year: number;
  title: string;
  organisationId: Id;
  organisation: string;
}

/** One target of a plan with its chosen actual and verdict (GET /api/plans/:id/reconciliation). */
export interface ReconciliationItem {
  taskId: Id;
  no: string;
  text: string;
  targetIndex: number;
  target: Partial<Target> & { quote?: string };
  actual: { value: number | null; text: string; period: string } | null;
  judgement: { verdict: PromiseRow['verdict']; stretch: boolean; basis: string };
}

export interface StatusRules {
  behindPoints: number;
  seriouslyBehindPoints: number;
  nearDeadlineDays: number;
  colours: Record<string, string>;
  escalation: { letterAfter: number; talkAfter: number };
}

export type ReportingWindow = { kind: 'monthly' | 'quarterly'; dueDay: number };

export interface OrgSettings {
  organisationId: Id;
  statusRules: StatusRules;
  reporting: ReportingWindow | { kind: 'custom' };
  version: number | null;
}

export interface Webhook {
  id: Id;
  url: string;
  active: boolean;
  version: number;
}
