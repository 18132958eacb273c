import { Tag } from 'antd';
import type { Colour, Status } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { normStatus, STATUS_COLOUR } from '../lib/task.ts';

/** The supervision colours: green on track, yellow behind, red seriously behind or overdue. */
export const COLOUR_HEX: Record<Colour, string> = {
  green: '#389e0d',
  yellow: '#d4b106',
  red: '#cf1322',
  blue: '#1677ff',
  grey: '#8c8c8c',
};

export const COLOUR_LABEL: Record<Colour, string> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  blue: '已销号',
  grey: '未开始',
};

export const STATUS_LABEL: Record<Status, string> = {
  not_started: '未开始',
  on_track: '正常推进',
  behind: '滞后',
  seriously_behind: '严重滞后',
  overdue: '逾期',
  done: '已完成',
  closed: '已销号',
};

export function StatusTag({ status: raw }: { status?: string | null }) {
  const { t } = useI18n();
  const status = raw ? normStatus(raw) : null;
  const c = status ? STATUS_COLOUR[status] ?? 'grey' : 'grey';
  return (
    <Tag color={COLOUR_HEX[c]} style={{ marginInlineEnd: 0 }} data-status={status ?? ''}>
      {t(status ? STATUS_LABEL[status] ?? status : '未开始')}
    </Tag>
  );
}

/** A percentage, rounded, or a dash when unknown. */
export function pct(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)}%`;
}
