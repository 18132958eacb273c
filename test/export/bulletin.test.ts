import { describe, expect, it } from 'vitest';
import { countByStatus, laggingTasks, livelihoodByDistrict, rankUnits } from '../../src/export/bulletin-data.ts';
import { renderChartSvg, statusChartOption, svgToPng } from '../../src/export/charts.ts';
import { bulletinTitle, writeBulletin } from '../../src/export/bulletin.ts';
import { statusChartColour, statusFill, statusLevel, trackStatusLabels } from '../../src/export/colours.ts';
import { docxParts, docxText } from './docx-xml.ts';
import { sampleBulletin, samplePlan, smallPlan } from './fixtures.ts';

describe('what the bulletin says', () => {
  const plan = samplePlan();

  it('counts tasks by status, done and on track first', () => {
    const counts = countByStatus(plan);
    expect(counts.map((c) => c.colour)).toEqual(['green', 'blue', 'yellow', 'red']);
    expect(counts.reduce((s, c) => s + c.count, 0)).toBe(187);
  });

  it('lists lagging tasks red first, then by number', () => {
    const lagging = laggingTasks(plan);
    expect(lagging[0].status!.colour).toBe('red');
    const firstYellow = lagging.findIndex((t) => t.status!.colour === 'yellow');
    expect(lagging.slice(firstYellow).every((t) => t.status!.colour === 'yellow')).toBe(true);
    expect(Number(lagging[1].no)).toBeGreaterThan(Number(lagging[0].no));
  });

  it('ranks units by on-time reporting then progress, ties sharing a rank', () => {
    const ranked = rankUnits([
      { unit: '市甲局', tasks: 2, reportsDue: 12, reportsOnTime: 12, averageProgress: 40, lagging: 1 },
      { unit: '市乙局', tasks: 2, reportsDue: 12, reportsOnTime: 9, averageProgress: 90, lagging: 0 },
      { unit: '市丙局', tasks: 2, reportsDue: 12, reportsOnTime: 12, averageProgress: 60, lagging: 0 },
      { unit: '市丁局', tasks: 1, reportsDue: 6, reportsOnTime: 6, averageProgress: 60, lagging: 0 },
    ]);
    expect(ranked.map((u) => [u.rank, u.unit, u.onTimeRate])).toEqual([
      [1, '市丙局', 100], [1, '市丁局', 100], [3, '市甲局', 100], [4, '市乙局', 75],
    ]);
  });

  it('gives livelihood completion by district and leaves cells without a district out', () => {
    const { districts, rows } = livelihoodByDistrict(plan.livelihood);
    expect(districts.slice(0, 3)).toEqual(['海曙', '江北', '镇海']);
    expect(rows[0]).toMatchObject({ project: '老旧住宅小区改造', quotaTotal: 100 });
    expect(rows[0].byDistrict.get('海曙')).toBe(30);
  });
});

describe('charts drawn on the server', () => {
  it('renders ECharts to SVG and the SVG to a PNG with the Chinese labels', () => {
    const svg = renderChartSvg(statusChartOption(countByStatus(smallPlan())), 640, 320);
    expect(svg).toMatch(/^<svg[^>]+width="640"/);
    expect(svg).toContain('任务推进状态');
    const png = svgToPng(svg);
    expect([...png.slice(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    // Width in the IHDR chunk: twice the SVG's width.
    expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(1280);
  });
});

describe('the bulletin document', async () => {
  const input = sampleBulletin();
  const parts = docxParts(await writeBulletin(input));
  const text = docxText(parts.document);

  it('has the title, the counts, the lagging tasks, the ranking and the livelihood table', () => {
    expect(text).toContain(bulletinTitle(input));
    expect(text).toMatch(/纳入督查的187项任务中，已完成\d+项，正常推进\d+项，进度滞后\d+项，严重滞后\d+项。/);
    expect(text).toContain('序时进度为50%');
    expect(text).toContain('二、进度滞后的任务');
    expect(text).toContain('三、各单位报送和推进情况');
    expect(text).toContain('四、民生实事项目推进情况');
    expect(parts.document.match(/<w:tbl>/g)).toHaveLength(3);
    expect(text).toContain('宁波市人民政府督查室\n2019年7月10日');
  });

  it('embeds the two charts as PNG images', () => {
    expect(parts.media).toHaveLength(2);
    expect(parts.media.every((m) => m.endsWith('.png'))).toBe(true);
  });
});

describe('status colours as the tracking rules give them', () => {
  it('fills named colours with light tones and configured #RRGGBB as given', () => {
    expect(statusFill('red')).toBe('FFC7CE');
    expect(statusFill('#ff8800')).toBe('FF8800');
    expect(statusFill('purple')).toBe(statusFill('grey'));
    expect(statusChartColour('#ff8800')).toBe('#FF8800');
  });

  it('takes the level from the tracking engine before reading the colour', () => {
    expect(statusLevel({ label: '逾期未完成', colour: '#aa0000', level: 'alert' })).toBe('alert');
    expect(statusLevel({ label: '进度滞后', colour: 'yellow' })).toBe('warning');
    expect(statusLevel({ label: '已完成', colour: 'blue' })).toBe('ok');
    expect(trackStatusLabels.seriously_behind).toBe('严重滞后');
  });
});
