import { formatDate } from "@/lib/format";
import { DELIVERY_MODE_LABEL } from "@/lib/labels";

// A need in a few lines, as the expert's lists show it: unit, place, window, delivery and the menu items ordered.

export type NeedSummaryView = {
  code: string;
  unitName: string;
  place: string;
  windowStart: Date | null;
  windowEnd: Date | null;
  delivery: keyof typeof DELIVERY_MODE_LABEL;
  expertsWanted: number;
  menu: { id: string; name: string; formLabel: string }[];
};

export const windowText = (n: { windowStart: Date | null; windowEnd: Date | null }) =>
  n.windowStart || n.windowEnd ? `${formatDate(n.windowStart)} 至 ${formatDate(n.windowEnd)}` : "时间不限";

export function NeedSummary({ need }: { need: NeedSummaryView }) {
  return (
    <div className="space-y-1 text-sm text-slate-700">
      <p>
        <span className="font-mono text-xs text-slate-500">{need.code}</span>
        <span className="ml-2">{need.unitName}</span>
        <span className="ml-2 text-slate-600">{need.place}</span>
      </p>
      <p className="text-slate-600">
        期望时间：{windowText(need)} · 服务方式：{DELIVERY_MODE_LABEL[need.delivery]} · 需要专家 {need.expertsWanted} 名
      </p>
      {need.menu.length > 0 && (
        <p className="text-slate-600">所点服务：{need.menu.map((m) => `${m.name}（${m.formLabel}）`).join("、")}</p>
      )}
    </div>
  );
}
