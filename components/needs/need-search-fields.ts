import type { PickerOption } from "@/components/pickers/code-picker";
import type { RegionChoice } from "@/components/pickers/region-select";
import { keywordField, type SearchFields } from "@/components/ui/search-form";
import { NEED_STATE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { NEED_SORTS, PRIORITY_FLAGS, PRIORITY_LABEL } from "@/lib/needs/schemas";

type Choices = {
  /** Regions the user may filter by (none for a unit: its needs are all in its own place). */
  regions: RegionChoice[];
  regionDepth: "PROVINCE" | "CITY" | "COUNTY";
  disciplines: PickerOption[];
  menuItems: { id: string; name: string; retired: boolean }[];
};

/** The needs list's filters. */
export function needSearchFields({ regions, regionDepth, disciplines, menuItems }: Choices): SearchFields {
  return [
    keywordField("编号、标题、瓶颈问题、单位、学科或行业名称"),
    { kind: "select", name: "state", label: "状态", choices: NEED_STATE_LABEL, all: { value: "ALL", label: "全部" } },
    { kind: "select", name: "sort", label: "排序", choices: NEED_SORTS, defaultValue: "newest" },
    regions.length > 0 && { kind: "region", name: "region", label: "地区", regions, depth: regionDepth, wide: true },
    { kind: "code", name: "discipline", label: "学科领域", options: disciplines, wide: true },
    { kind: "select", name: "form", label: "服务形式", choices: SERVICE_FORM_LABEL, all: "全部" },
    {
      kind: "select", name: "menuItem", label: "服务项目", all: "全部",
      choices: menuItems.map((m) => ({ value: m.id, label: `${m.name}${m.retired ? "（已下架）" : ""}` })),
    },
    { kind: "date", name: "from", label: "填报日期起" },
    { kind: "date", name: "to", label: "填报日期止" },
    { kind: "flags", legend: "优先支持方向", flags: PRIORITY_FLAGS.map((f) => ({ value: f, label: PRIORITY_LABEL[f] })) },
  ];
}
