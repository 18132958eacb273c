import type { DraftRow } from './draft.ts';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 12 → 十二, 20 → 二十: section numbers as a notice prints them. */
export function chineseOrdinal(n: number): string {
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** A numbered section of the draft notice and its rows. */
export interface DraftSection {
  /** Heading as the notice prints it: 一、坚定不移抓实体经济,培育壮大新动能. */
  title: string;
  /** The report heading it comes from, as written. */
  source?: string;
  rows: DraftRow[];
}

/** Report headings a notice keeps as its sections: 一、 and (一). Deeper ones (1.) and topic phrases stay inside. */
const SECTION_HEADING = /^(?:[一二三四五六七八九十百]{1,3}、|[(（][一二三四五六七八九十百]{1,3}[)）])\s*/;

/** The deepest 一、/(一) heading on a task's path: the area of work a notice section would cover. */
function sectionHeading(path: string[]): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (SECTION_HEADING.test(path[i])) return path[i];
  return undefined;
}

/**
 * Groups the draft rows into the notice's numbered sections, in report order:
 * one section per report heading 一、 or (一) — whichever is deepest on the
 * path — renumbered 一、二、… as a notice numbers them. The plan's opening,
 * where only the main targets are taken, becomes 主要预期目标, as in notices.
 */
export function groupIntoSections(rows: DraftRow[], year?: number): DraftSection[] {
  const sections: { source?: string; rows: DraftRow[] }[] = [];
  for (const row of rows) {
    const source = sectionHeading(row.section) ?? row.section[row.section.length - 1];
    const last = sections[sections.length - 1];
    if (last && last.source === source) last.rows.push(row);
    else sections.push({ source, rows: [row] });
  }
  return sections.map((s, i) => {
    const targets = s.rows.every((r) => r.kind === 'target');
    const name = targets ? `${year ? `${year}年` : ''}经济社会发展主要预期目标` : (s.source ?? '其他工作').replace(SECTION_HEADING, '');
    const section: DraftSection = { title: `${chineseOrdinal(i + 1)}、${name}`, rows: s.rows };
    if (s.source) section.source = s.source;
    return section;
  });
}
