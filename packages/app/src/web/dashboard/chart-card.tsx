import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '../charts/chart.tsx';
import type { EChartsCoreOption } from '../charts/echarts.ts';

/** A titled chart with its numbers as a table under "show as a table" (the text alternative). */
export function ChartCard(props: {
  readonly title: string;
  readonly option: EChartsCoreOption;
  readonly label: string;
  readonly table: ReactNode;
  readonly kind?: string;
}) {
  const { t } = useTranslation();
  return (
    <article className="card" data-section={props.kind}>
      <h2>{props.title}</h2>
      <Chart option={props.option} label={props.label} />
      <details>
        <summary>{t('dashboard.table')}</summary>
        {props.table}
      </details>
    </article>
  );
}
