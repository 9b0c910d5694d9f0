import { type SafeHtml, trusted } from '@hannun/infra';
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

/** The option object of one chart (ECharts' own type, as the modular core exposes it). */
export type ChartOption = Parameters<ReturnType<typeof echarts.init>['setOption']>[0];

/** Unquoted family names: ECharts writes them inside a double-quoted style attribute. */
export const CHART_FONT = 'system-ui, Apple SD Gothic Neo, Malgun Gothic, Noto Sans KR, sans-serif';

/** Style properties that have an SVG presentation attribute of the same name. */
const PRESENTATION = new Set([
  'fill',
  'fill-opacity',
  'font-family',
  'font-size',
  'font-style',
  'font-weight',
  'opacity',
  'stroke',
  'stroke-opacity',
  'stroke-width',
]);

/** `style="a:b;c:d"` → ` a="b" c="d"` for the properties above (anything else is dropped). */
function presentationAttributes(style: string): string {
  let out = '';
  for (const declaration of style.split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    const name = declaration.slice(0, colon).trim();
    const value = declaration.slice(colon + 1).trim();
    if (PRESENTATION.has(name) && /^[^"<>&]*$/.test(value)) out += ` ${name}="${value}"`;
  }
  return out;
}

/**
 * ECharts' SVG made fit for a page whose CSP allows no inline styles: style attributes become presentation
 * attributes, the `<style>` element (hover effects only) and ECharts' bookkeeping attributes go, the fixed size
 * gives way to the viewBox (the stylesheet sizes it), and it is named for assistive technology (role img, title).
 */
export function cspSafeSvg(svg: string, a11y: { readonly id: string; readonly title: string }): string {
  const cleaned = svg
    .replace(/ style="([^"]*)"/g, (_m, style: string) => presentationAttributes(style))
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, '')
    .replace(/ class="zr\d+-cls-\d+"/g, '');
  const title = a11y.title.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return cleaned
    .replace(
      /^<svg width="[0-9.]+" height="[0-9.]+"/,
      `<svg role="img" aria-labelledby="${a11y.id}" focusable="false" class="chart"`,
    )
    .replace(/^(<svg[^>]*>)/, `$1<title id="${a11y.id}">${title}</title>`);
}

/** Render one chart on the server as SVG (ECharts SSR), ready to be placed in a page. */
export function renderChart(
  option: ChartOption,
  size: { readonly width: number; readonly height: number },
  a11y: { readonly id: string; readonly title: string },
): SafeHtml {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT, color: '#222' }, ...option });
    return trusted(cspSafeSvg(chart.renderToSVGString(), a11y));
  } finally {
    chart.dispose();
  }
}
