import * as echarts from 'echarts';

export interface Series {
  label: string;
  /** One value per period, null where none was reported. */
  values: (number | null)[];
}

// Colours distinguishable in print and for the common colour-vision deficiencies (Okabe–Ito).
const COLOURS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9'];

const numberFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 2 });

/** An ECharts option as SVG, rendered on the server (no DOM, no script), in the reports' colours and type. */
function renderSvg(option: echarts.EChartsCoreOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, color: COLOURS, textStyle: { fontFamily: 'Arial, Helvetica, sans-serif' }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** Series over periods (an indicator's breakdowns over the quarters), as an SVG line chart. */
export function timeSeriesSvg(periods: string[], series: Series[], unit: string, width = 640, height = 260): string {
  return renderSvg(
    {
      grid: { left: 56, right: 16, top: 36, bottom: 32 },
      legend: { top: 0, data: series.map((s) => s.label) },
      xAxis: { type: 'category', data: periods, axisLabel: { fontSize: 10 } },
      yAxis: {
        type: 'value',
        name: unit,
        scale: true,
        axisLabel: { formatter: (v: number) => numberFormat.format(v) },
      },
      series: series.map((s) => ({
        name: s.label,
        type: 'line',
        data: s.values,
        connectNulls: false,
        symbolSize: 6,
        label: { show: false },
      })),
    },
    width,
    height,
  );
}

/**
 * Series over categories (the funding of each field of action by funder level), as horizontal bars,
 * stacked: a bar's length is the category's total. Long German category names fit on the left.
 */
export function stackedBarSvg(categories: string[], series: Series[], unit: string, width = 640, height = 40 + categories.length * 28): string {
  return renderSvg(
    {
      grid: { left: 180, right: 24, top: 36, bottom: 28 },
      legend: { top: 0, data: series.map((s) => s.label) },
      // The first category on top, as in the table beside it.
      yAxis: { type: 'category', data: categories, inverse: true, axisLabel: { fontSize: 10, width: 170, overflow: 'truncate' } },
      xAxis: { type: 'value', name: unit, axisLabel: { formatter: (v: number) => numberFormat.format(v) } },
      series: series.map((s) => ({ name: s.label, type: 'bar', stack: 'total', data: s.values, barMaxWidth: 18 })),
    },
    width,
    height,
  );
}
