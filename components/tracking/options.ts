import type { ChartOption } from "@/components/tracking/chart";

// ECharts options built on the server from the dashboard's rows (plain data only — no functions — since they are
// passed to the client chart). Each data
// item carries the address of the records behind it, which the chart opens on click.

export type Point = { label: string; value: number; href: string };

const COLOR = "#1d4ed8";
const tooltip = { trigger: "item" as const, confine: true };

/** Horizontal bars, largest first (long Chinese names read better down the side). */
export function barOption(points: Point[], seriesName: string, unit: string): ChartOption {
  const sorted = [...points].sort((a, b) => a.value - b.value);
  return {
    tooltip: { ...tooltip, formatter: `{b}：{c} ${unit}` },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value" },
    yAxis: { type: "category", data: sorted.map((p) => p.label), axisLabel: { width: 140, overflow: "truncate" } },
    series: [{ type: "bar", name: seriesName, itemStyle: { color: COLOR }, cursor: "pointer", data: sorted.map((p) => ({ value: p.value, href: p.href, name: p.label })) }],
  };
}

/** Hours per month as a line with points. */
export function lineOption(points: Point[], seriesName: string): ChartOption {
  return {
    tooltip: { trigger: "axis" as const, confine: true },
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: "category", data: points.map((p) => p.label) },
    yAxis: { type: "value" },
    series: [{
      type: "line", name: seriesName, symbolSize: 8, itemStyle: { color: COLOR }, cursor: "pointer",
      data: points.map((p) => ({ value: p.value, href: p.href, name: p.label })),
    }],
  };
}

export type Flow = { from: string; to: string; value: number; href: string };

/** Experts' provinces (left) → served provinces (right); the left names carry 「专家」 so no node is on both sides. */
export function sankeyOption(flows: Flow[]): ChartOption {
  const names = new Set<string>();
  for (const f of flows) names.add(`${f.from}专家`).add(f.to);
  return {
    tooltip: { ...tooltip, formatter: "{b}：{c} 小时" },
    series: [{
      // right: room for the longest province name (新疆维吾尔自治区, 8 characters at 12 px) beside the last column.
      type: "sankey", left: 8, right: 112, top: 8, bottom: 8, nodeGap: 6, draggable: false, emphasis: { focus: "adjacency" },
      lineStyle: { color: "source", opacity: 0.35 }, label: { fontSize: 12 },
      data: [...names].map((name) => ({ name })),
      links: flows.map((f) => ({ source: `${f.from}专家`, target: f.to, value: f.value, href: f.href })),
    }],
  };
}
