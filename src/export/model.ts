import type { QuantityRecord } from '../extract/quantity.ts';

/**
 * Plain input types for the document writers. The server and the CLI map
 * their own records to these; the writers know nothing of the store.
 * Every field a document prints is here, already decided (status, colour,
 * verdict): the writers lay out, they do not judge.
 */

/**
 * Colour of a task's supervision status as the tracking rules assign it:
 * `green`, `blue`, `yellow`, `red`, `grey`, or `#RRGGBB` (an organisation's
 * rules may configure their own).
 */
export type StatusColour = string;

/** A task's status as shown: the label the office uses and its colour. */
export interface TaskStatus {
  /** e.g. 正常推进, 进度滞后, 严重滞后, 已完成, 未启动 (see `trackStatusLabels` for the tracking engine's codes). */
  label: string;
  colour: StatusColour;
  /** How loud it is (src/track's Level); without it, yellow counts as a warning and red as an alert. */
  level?: 'ok' | 'warning' | 'alert';
}

/** The latest progress report of a task. */
export interface TaskProgress {
  /** 形象进度 in words. */
  text: string;
  /** Completion, 0–100, when the unit gave one. */
  percent?: number;
  /** ISO date of the report. */
  reportedAt?: string;
}

/** One numbered task of a plan: a row of the ledger, an item of the notice. */
export interface TaskRow {
  /** Stable id of the task in the store; the ledger's import keys on it. */
  id: string;
  /** Version of the task record when exported; import flags rows edited on an older version. */
  version: number;
  /** 序号 as printed (1, 2, … or "1.1"). */
  no: number | string;
  /** 工作任务. */
  text: string;
  /** 牵头领导: names or titles (市长, 陈仲朝). */
  leaders: string[];
  /** 牵头单位: the first responsible unit. */
  leadUnit?: string;
  /** 配合单位: the other responsible units, in order. */
  coUnits: string[];
  /** 完成时限 as it should be printed (年底前, 2019-06-30, 上半年). */
  deadline?: string;
  /** Quantified targets the task carries. */
  targets: QuantityRecord[];
  progress?: TaskProgress;
  status?: TaskStatus;
  /** True when leaders and units were proposed by the machine, not confirmed by a person. */
  suggested?: boolean;
}

/** A heading of the plan and its tasks. */
export interface PlanSection {
  /** Heading as printed, numbering included (一、2019年经济社会发展主要目标). */
  title: string;
  tasks: TaskRow[];
}

/** One row of a livelihood project's quota table: a goal split across districts. */
export interface QuotaRow {
  /** What is counted (老旧住宅小区改造面积). */
  label: string;
  /** Unit of the values (万平方米, 个). */
  unit: string;
  /** Cells in printed order. A cell whose district is unknown has `district: ''` (headers and values disagreed). */
  cells: { district: string; value: number | string }[];
  /** Progress by district for the bulletin: what is done so far. */
  done?: { district: string; value: number }[];
}

/** A livelihood project (民生实事). */
export interface LivelihoodProject {
  no: number;
  title: string;
  /** 目标任务: the goal line. */
  goal: string;
  leaders: string[];
  /** 责任单位; the first is the lead unit. */
  units: string[];
  /** 责任人. */
  persons?: string[];
  /** 配合单位. */
  partners?: string[];
  quotas: QuotaRow[];
}

/** A plan as the documents need it: the breakdown of one year's report. */
export interface PlanDoc {
  /** Notice title (2019年政府工作报告目标任务责任分解). */
  title: string;
  year: number;
  /** Issuing office (宁波市人民政府办公厅). */
  issuer: string;
  /** ISO date of issue. */
  date: string;
  /** 主送机关 line, without the trailing colon. */
  addressees?: string;
  /** Opening paragraph of the notice; a standard one is written when absent. */
  preamble?: string;
  sections: PlanSection[];
  livelihood: LivelihoodProject[];
}

/** One unit's reporting record over the bulletin's period. */
export interface UnitReporting {
  unit: string;
  /** Tasks the unit leads. */
  tasks: number;
  /** Progress reports due in the period and those received on time. */
  reportsDue: number;
  reportsOnTime: number;
  /** Mean completion of its tasks, 0–100. */
  averageProgress: number;
  /** Its tasks flagged yellow or red. */
  lagging: number;
}

/** Input of the supervision bulletin (督查通报). */
export interface BulletinInput {
  /** Bulletin title; defaults to `${period.label}重点工作督查通报`. */
  title?: string;
  issuer: string;
  /** ISO date of issue. */
  date: string;
  /** Issue number line (第6期), optional. */
  issue?: string;
  period: {
    /** 2019年6月, 2019年上半年. */
    label: string;
    /** ISO date the figures stand at. */
    asOf: string;
    /** Time-elapsed progress (序时进度) at asOf, 0–100. */
    expectedProgress?: number;
  };
  plan: PlanDoc;
  units: UnitReporting[];
}

/** How an actual compares with its target: src/track's verdicts plus `exceeded`. */
export type Verdict = 'met' | 'exceeded' | 'partly_met' | 'missed' | 'no_data';

/** One target of the year with what was achieved. */
export interface ReviewEntry {
  target: QuantityRecord;
  actual?: QuantityRecord;
  verdict: Verdict;
  /** Where the actual comes from (2020年政府工作报告, 2019年统计公报). */
  source?: string;
  /** Free comment for the drafter. */
  note?: string;
}

/** Input of the review draft "主要预期目标完成情况". */
export interface ReviewInput {
  /** Year under review. */
  year: number;
  /** Heading; defaults to `${year}年主要预期目标完成情况`. */
  title?: string;
  entries: ReviewEntry[];
}
