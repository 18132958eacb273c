/** The tracking engine's public surface: pure functions over plain data, "today" always passed in. */
export * from './date.ts';
export { expectedProgress, taskPeriod, type Milestone, type Schedule, type Period } from './schedule.ts';
export { actualProgress, latestAccepted, isStateTarget, type ActualProgress, type ProgressBasis, type ProgressReport } from './progress.ts';
export { DEFAULT_RULES, STATUSES, parseStatusRules, type Level, type RulesResult, type Status, type StatusRules } from './rules.ts';
export { taskStatus, type StatusResult, type TaskState } from './status.ts';
export { assessTask, type Assessment, type TrackedTaskInput } from './assess.ts';
export { rollUp, rollUpBy, rollUpByUnit, rollUpPlan, type Group, type PlanRollUp, type RollUp, type TrackedTask, type UnitRollUp } from './rollup.ts';
export { treeProgress, type NodeProgress, type TaskNode } from './tree.ts';
export { DEFAULT_WINDOW, deadlineReminders, dueReports, parseWindowRule, reportingPeriods, type DeadlineReminder, type ReportDue, type ReportingPeriod, type ScheduledTask, type WindowRule } from './windows.ts';
export { escalation, type Escalation, type StatusEntry } from './escalation.ts';
export type { ActualFigure, Reason, TargetFigure } from './figures.ts';
export { DEFAULT_TOLERANCES, type Tolerances } from './standing.ts';
export { judgeTarget, type Judgement, type Verdict } from './judge.ts';
export { DEFAULT_MATCH_OPTIONS, matchCandidates, type ActualRecord, type Match, type MatchOptions, type TargetRecord } from './match.ts';
export { indicatorSimilarity, normaliseIndicator } from './similarity.ts';
export { KEEPING_BY, promiseKeeping, reconcile, reconcileReports, type PromiseKeeping, type ReconcileOptions, type ReconciledTarget } from './reconcile.ts';
