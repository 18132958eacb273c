import type { Queryable } from '../../store/db.ts';
import type { Visibility } from '../../store/tasks.ts';
import { dataDictionaryMarkdown, quantitiesCsv, quantitiesJsonl } from '../../export/research.ts';
import type { SheetLayout } from '../../export/task-workbook.ts';
import { badRequest } from '../problem.ts';
import { loadBulletinInput } from './bulletin-input.ts';
import type { DocumentFile } from './download.ts';
import { loadPlanSnapshot, withoutProjects, type SnapshotOptions } from './plan-doc.ts';
import { parsePeriod } from './periods.ts';
import { workspaceQuantities } from './quantities.ts';
import { loadReviewInput } from './review-input.ts';

export const DOCUMENT_KINDS = [
  'ledger', 'notice', 'bulletin-docx', 'bulletin-pdf', 'review-docx', 'review-md', 'quantities-csv', 'quantities-jsonl', 'data-dictionary',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The ledger's sheet layouts as the API and CLI name them. */
export const LEDGER_LAYOUTS: Record<'single' | 'section' | 'unit', SheetLayout> = { single: 'single', section: 'by-section', unit: 'by-unit' };

export interface DocumentRequest {
  planId: number;
  /** Today in the workspace's time zone: statuses and dates of issue. */
  today: string;
  visibility?: Visibility;
  /** Ledger only: the task-list filters. */
  filters?: SnapshotOptions['filters'];
  layout?: keyof typeof LEDGER_LAYOUTS;
  /** Bulletin only: 2020-06, 2020Q2, 2020H1, 2020. */
  period?: string;
  issuer?: string;
  issue?: string;
}

const encoder = new TextEncoder();

/**
 * Writes one document of a plan from the workspace: reads the store, maps
 * the rows to the writers' model (src/export/model.ts) and writes. The API
 * and the CLI both come here, so a document is the same from either. The writers (exceljs,
 * docx, ECharts with resvg: about 100 MB of a server's memory) load with the first document
 * of their kind, not with the server.
 */
export async function writeDocument(db: Queryable, kind: DocumentKind, r: DocumentRequest): Promise<DocumentFile> {
  const plain = `plan-${r.planId}`;
  switch (kind) {
    case 'ledger': {
      const s = await loadPlanSnapshot(db, r.planId, { filters: r.filters, visibility: r.visibility, asOf: r.today, issuer: r.issuer });
      const { writeLedger } = await import('../../export/ledger.ts');
      const bytes = await writeLedger(s.doc, { layout: LEDGER_LAYOUTS[r.layout ?? 'single'] });
      return { bytes, name: `${s.plan.title}落实台账.xlsx`, asciiName: `${plain}-ledger.xlsx`, extension: 'xlsx' };
    }
    case 'notice': {
      const s = await loadPlanSnapshot(db, r.planId, { visibility: r.visibility, asOf: r.today, issuer: r.issuer });
      const { writeBreakdownNotice } = await import('../../export/notice.ts');
      return { bytes: await writeBreakdownNotice(withoutProjects(s)), name: `${s.doc.title}.docx`, asciiName: `${plain}-notice.docx`, extension: 'docx' };
    }
    case 'bulletin-docx':
    case 'bulletin-pdf': {
      if (!r.period) throw badRequest('a bulletin needs its period (2020-06, 2020Q2, 2020H1)');
      const input = await loadBulletinInput(db, r.planId, { period: r.period, today: r.today, visibility: r.visibility, issuer: r.issuer, issue: r.issue });
      const pdf = kind === 'bulletin-pdf';
      const { writeBulletin, writeBulletinPdf } = await import('../../export/bulletin.ts');
      const code = parsePeriod(r.period)!.code;
      return {
        bytes: pdf ? await writeBulletinPdf(input) : await writeBulletin(input),
        name: `${input.period.label}督查通报.${pdf ? 'pdf' : 'docx'}`, asciiName: `${plain}-bulletin-${code}.${pdf ? 'pdf' : 'docx'}`,
        extension: pdf ? 'pdf' : 'docx',
      };
    }
    case 'review-docx':
    case 'review-md': {
      const input = await loadReviewInput(db, r.planId, r.visibility);
      const md = kind === 'review-md';
      const { reviewTitle, writeReviewDocx, writeReviewMarkdown } = await import('../../export/review.ts');
      return {
        bytes: md ? encoder.encode(writeReviewMarkdown(input)) : await writeReviewDocx(input),
        name: `${reviewTitle(input)}.${md ? 'md' : 'docx'}`, asciiName: `${plain}-review.${md ? 'md' : 'docx'}`, extension: md ? 'md' : 'docx',
      };
    }
    case 'quantities-csv':
    case 'quantities-jsonl': {
      const records = await workspaceQuantities(db, r.planId);
      const csv = kind === 'quantities-csv';
      return {
        bytes: csv ? quantitiesCsv(records) : quantitiesJsonl(records),
        name: `quantities.${csv ? 'csv' : 'jsonl'}`, asciiName: `${plain}-quantities.${csv ? 'csv' : 'jsonl'}`, extension: csv ? 'csv' : 'jsonl',
      };
    }
    case 'data-dictionary':
      return dataDictionaryFile();
  }
}

/** The data dictionary of the research files: the same for every plan. */
export function dataDictionaryFile(): DocumentFile {
  return { bytes: encoder.encode(dataDictionaryMarkdown()), name: 'data-dictionary.md', asciiName: 'data-dictionary.md', extension: 'md' };
}
