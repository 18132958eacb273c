import type { Message } from '../message.ts';

/** Offsets into the text the notice was parsed from. */
export interface Span {
  start: number;
  end: number;
}

/** One numbered task of a breakdown notice. */
export interface BreakdownItem {
  no: number;
  text: string;
  leaders: string[];
  /** Every responsible unit in the order listed; the first is the lead unit. */
  units: string[];
  leadUnit?: string;
  coUnits: string[];
  deadline?: string;
  span: Span;
}

export interface BreakdownSection {
  title: string;
  /** Leaders named by the heading itself (layout "grouped": 一、X市长牵头重点工作). */
  leaders: string[];
  items: BreakdownItem[];
  span: Span;
}

/** One cell of a quota row: the column it stands under (null when the headers ran out) and its number. */
export interface QuotaCell {
  scope: string | null;
  /** null for `/`, `—` or an empty cell. */
  value: number | null;
  raw: string;
}

export interface QuotaRow {
  label: string;
  unit?: string;
  cells: QuotaCell[];
}

/** A row summed and compared with the figure of the goal line it distributes. */
export interface QuotaCheck {
  row: string;
  goal: number;
  sum: number;
  ok: boolean;
  /** The goal phrase the row was matched to, e.g. `3000家放心消费示范单位`. */
  goalQuote: string;
}

export interface QuotaTable {
  /** Column headers of each header block, as read (a table may restart its headers midway). */
  headers: string[][];
  rows: QuotaRow[];
  checks: QuotaCheck[];
  span: Span;
}

/** A livelihood project (民生实事) with its quota table. */
export interface LivelihoodProject {
  no: number;
  title: string;
  goal: string;
  leaders: string[];
  units: string[];
  people: string[];
  partners: string[];
  quota?: QuotaTable;
  span: Span;
}

export type BreakdownLayout = 'listed' | 'grouped' | 'table';

export interface BreakdownNotice {
  title?: string;
  issuer?: string;
  /** ISO date of issue (YYYY-MM-DD) when the notice states one. */
  date?: string;
  layout: BreakdownLayout;
  sections: BreakdownSection[];
  projects: LivelihoodProject[];
  findings: Message[];
}
