import type { RegionChoice } from "@/components/pickers/region-select";
import { keywordField, type SearchFields } from "@/components/ui/search-form";
import { BASE_FIELD_LABEL, BASE_LEVEL_LABEL, BASE_STATE_LABEL } from "@/lib/labels";

type Choices = {
  /** Provinces (ministry, public) or the counties of the user's province. */
  provinces?: { code: string; name: string }[];
  regions?: RegionChoice[];
  /** States offered (the public sees only the public ones); omitted: no state filter. */
  states?: Partial<Record<string, string>>;
};

/** The bases lists' filters: level, region, field, state. */
export function baseSearchFields({ provinces, regions, states }: Choices): SearchFields {
  return [
    keywordField("基地名称、编号、依托单位或服务方向"),
    { kind: "select", name: "level", label: "级别", choices: BASE_LEVEL_LABEL, all: "全部" },
    { kind: "select", name: "field", label: "服务领域", choices: BASE_FIELD_LABEL, all: "全部" },
    states && { kind: "select", name: "state", label: "状态", choices: states as Record<string, string>, all: { value: "ALL", label: "全部" } },
    provinces && { kind: "select", name: "region", label: "省份", choices: provinces.map((p) => ({ value: p.code, label: p.name })), all: "全部" },
    regions && regions.length > 0 && { kind: "region", name: "region", label: "地区", regions, depth: "COUNTY", wide: true },
  ];
}

export const ALL_BASE_STATES = BASE_STATE_LABEL;
