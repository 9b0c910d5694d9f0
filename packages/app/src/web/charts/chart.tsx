import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from './echarts.ts';

/** ECharts is loaded when the first chart mounts, after the page is usable: numbers and tables come first. */
let echartsModule: Promise<typeof import('./echarts.ts')> | undefined;
const loadECharts = () => {
  echartsModule ??= import('./echarts.ts');
  return echartsModule;
};

/**
 * One ECharts chart (SVG) with a text alternative: the chart is an image to assistive technology, labelled by
 * `label`; the same numbers are in the table the caller puts beside it.
 */
export function Chart({
  option,
  label,
  height = 240,
}: {
  readonly option: EChartsCoreOption;
  readonly label: string;
  readonly height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let cleanup = () => {};
    void loadECharts().then(({ echarts }) => {
      const el = ref.current;
      if (disposed || !el) return;
      const chart = echarts.init(el, undefined, { renderer: 'svg' });
      chart.setOption(option);
      const resize = new ResizeObserver(() => chart.resize());
      resize.observe(el);
      cleanup = () => {
        resize.disconnect();
        chart.dispose();
      };
    });
    return () => {
      disposed = true;
      cleanup();
    };
  }, [option]);
  return <div className="chart" ref={ref} role="img" aria-label={label} style={{ height }} />;
}

/** The palette (contrast ≥ 3:1 against white for graphical objects). */
export const PALETTE = ['#1f5fbf', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#4b5563'];
