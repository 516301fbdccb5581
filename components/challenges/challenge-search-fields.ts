import { keywordField, type SearchFields } from "@/components/ui/search-form";

/** The challenge lists' filters: keyword, state, province, and "still taking bids". */
export function challengeSearchFields({ states, provinces }: { states: Partial<Record<string, string>>; provinces?: { code: string; name: string }[] }): SearchFields {
  return [
    keywordField("题目、问题描述或出题企业"),
    { kind: "select", name: "state", label: "状态", choices: states as Record<string, string>, all: "全部" },
    provinces && { kind: "select", name: "province", label: "省份", choices: provinces.map((p) => ({ value: p.code, label: p.name })), all: "全部" },
    { kind: "check", name: "open", label: "只看正在揭榜的" },
  ];
}
