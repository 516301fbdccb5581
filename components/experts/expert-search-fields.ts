import type { PickerOption } from "@/components/pickers/code-picker";
import { codeOptions } from "@/components/ui/options";
import { keywordField, type SearchFields } from "@/components/ui/search-form";
import {
  EXPERT_STATUS_LABEL, LIBRARY_STATUS_LABEL, PROFESSIONAL_TITLE_LABEL, TALENT_CATEGORY_LABEL,
} from "@/lib/labels";

type Choices = {
  provinces: { code: string; name: string }[];
  disciplines: PickerOption[];
  industries: PickerOption[];
  /** Province staff see the 本省 / 外省共享 filter. */
  showOrigin: boolean;
};

const SORTS = { updated: "最近更新", confirmed: "最近确认", name: "姓名", birthYear: "年龄从大到小" };

/** The expert pool's filters. */
export function expertSearchFields({ provinces, disciplines, industries, showOrigin }: Choices): SearchFields {
  return [
    keywordField("姓名、单位、专长、简介、学科或行业名称；多个词用空格分开"),
    showOrigin && { kind: "select", name: "origin", label: "来源", choices: { own: "本省", shared: "外省共享" }, all: "全部" },
    { kind: "select", name: "province", label: "所在省份", choices: codeOptions(provinces), all: "全部" },
    { kind: "code", name: "discipline", label: "学科", options: disciplines },
    { kind: "code", name: "industry", label: "行业", options: industries },
    { kind: "select", name: "title", label: "职称", choices: PROFESSIONAL_TITLE_LABEL, all: "全部" },
    { kind: "select", name: "talent", label: "人才类别", choices: TALENT_CATEGORY_LABEL, all: "全部" },
    { kind: "select", name: "library", label: "重点联系专家库", choices: LIBRARY_STATUS_LABEL, all: "全部" },
    { kind: "select", name: "status", label: "档案状态", choices: { ...EXPERT_STATUS_LABEL, PENDING: "待审核（注册申请）" }, all: "全部" },
    { kind: "select", name: "retired", label: "退休", choices: { yes: "退休专家", no: "在职专家" }, all: "全部" },
    { kind: "select", name: "sharing", label: "跨地区共享", choices: { yes: "同意共享", no: "不共享" }, all: "全部" },
    { kind: "select", name: "sort", label: "排序", choices: SORTS },
    { kind: "check", name: "stale", label: "包含超过12个月未确认的专家" },
  ];
}
