import * as echarts from 'echarts';
import { Resvg } from '@resvg/resvg-js';
import type { StatusCount, RankedUnit } from './bulletin-data.ts';
import { statusChartColour } from './colours.ts';

/** The CJK font charts are drawn with; resvg loads it explicitly, so no system font lookup happens. */
export const chartFont = {
  family: 'Noto Sans CJK SC',
  files: ['/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'],
};

/** Renders an ECharts option to an SVG string on the server (no DOM, no animation). */
export function renderChartSvg(option: echarts.EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, backgroundColor: '#ffffff', textStyle: { fontFamily: chartFont.family }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** SVG → PNG at `scale` times the SVG's size, text in the given font files. */
export function svgToPng(svg: string, options: { scale?: number; fontFiles?: string[] } = {}): Uint8Array {
  const resvg = new Resvg(svg, {
    font: { fontFiles: options.fontFiles ?? chartFont.files, loadSystemFonts: false, defaultFontFamily: chartFont.family },
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
  });
  return new Uint8Array(resvg.render().asPng());
}

/** Bar chart of tasks per status, each bar in its status colour. */
export function statusChartOption(counts: StatusCount[], title = '任务推进状态'): echarts.EChartsOption {
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
    grid: { left: 50, right: 20, top: 50, bottom: 40 },
    xAxis: { type: 'category', data: counts.map((c) => c.label), axisLabel: { fontSize: 13 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{
      type: 'bar',
      barMaxWidth: 60,
      label: { show: true, position: 'top', fontSize: 13 },
      data: counts.map((c) => ({ value: c.count, itemStyle: { color: statusChartColour(c.colour) } })),
    }],
  };
}

/** Horizontal bars of on-time reporting and average progress for the first `top` ranked units. */
export function unitChartOption(units: RankedUnit[], top = 12, title = '牵头单位按时报送率与平均进度'): echarts.EChartsOption {
  const shown = units.slice(0, top).reverse();
  return {
    title: { text: title, left: 'center', textStyle: { fontSize: 16 } },
    legend: { bottom: 0, data: ['按时报送率', '平均进度'] },
    grid: { left: 130, right: 30, top: 45, bottom: 40 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', data: shown.map((u) => u.unit), axisLabel: { fontSize: 12 } },
    series: [
      { name: '按时报送率', type: 'bar', data: shown.map((u) => u.onTimeRate), itemStyle: { color: '#5470C6' } },
      { name: '平均进度', type: 'bar', data: shown.map((u) => u.averageProgress), itemStyle: { color: '#91CC75' } },
    ],
  };
}
