"use client";
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import * as echarts from "echarts/core";
import { BarChart, LineChart, SankeyChart } from "echarts/charts";
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

// Only the chart types and parts the dashboards use are bundled (tree-shaken echarts/core); nothing is fetched.
echarts.use([BarChart, LineChart, SankeyChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

type Props = {
  option: ChartOption;
  /** What the chart shows, for screen readers (the table beside it carries the numbers). */
  label: string;
  height?: number;
};

/** An ECharts chart; a bar, point or flow whose data item has an `href` opens the records behind it. */
export function Chart({ option, label, height = 300 }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const router = useRouter();
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, undefined, { renderer: "svg" });
    chart.setOption({ aria: { enabled: true, label: { description: label } }, animation: false, ...option });
    chart.on("click", (params) => {
      const href = (params.data as { href?: string } | undefined)?.href;
      if (href) router.push(href);
    });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option, label, router]);
  return <div ref={ref} style={{ height }} className="w-full" role="img" aria-label={label} data-testid="chart" />;
}
