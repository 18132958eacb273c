import type { StatusColour } from './model.ts';

/**
 * Fills for status colours: light enough that black text stays readable on
 * paper and in greyscale print, which is how ledgers usually travel.
 */
export const statusFill: Record<StatusColour, { argb: string; name: string }> = {
  green: { argb: 'FFC6EFCE', name: '绿' },
  blue: { argb: 'FFBDD7EE', name: '蓝' },
  yellow: { argb: 'FFFFEB9C', name: '黄' },
  red: { argb: 'FFFFC7CE', name: '红' },
  grey: { argb: 'FFD9D9D9', name: '灰' },
};

/** Chart colours per status colour (strong tones for bars). */
export const statusChartColour: Record<StatusColour, string> = {
  green: '#3BA272',
  blue: '#5470C6',
  yellow: '#FAC858',
  red: '#EE6666',
  grey: '#A0A0A0',
};

/** Order in which statuses are counted and charted: done and on track first, then the laggards. */
export const colourOrder: StatusColour[] = ['green', 'blue', 'yellow', 'red', 'grey'];
