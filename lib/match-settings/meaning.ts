import type { ScorePart } from "@/lib/matching/weights";

// What each score part measures (lib/matching/parts.ts), for the settings page's table of defaults.
export const SCORE_PART_MEANING: Record<ScorePart, string> = {
  discipline: "需求学科与专家学科在学科分类代码（GB/T 13745）上的接近程度：相同为 1，上下级 0.8，同属一个上级 0.5，更远 0.25；需求未填学科时取 0.5。",
  industry: "需求行业与专家行业在国民经济行业分类（GB/T 4754）上的接近程度，计算方法同学科。",
  text: "需求标题、瓶颈问题、预期成效与专家专长、简介、成果的文字相关程度（中文分词、英文词干，按词的稀有程度加权）。",
  form: "需求所选的服务形式是否符合专家愿意提供的形式；双方有一方未填写时取 0.7。",
  region: "同县 1、同市 0.85、同省 0.7；东部专家服务中西部 0.6（东西部协作）；可远程服务 0.6；其他 0.3。",
  availability: "需求时段内专家可以安排的天数比例（在专家申报的可服务时段内、且不在不可服务时段）。",
  load: "专家剩余可承接数占其同时服务上限的比例：手头项目越少越高。",
  talent: "人才类别优先：院士、国家级人才计划入选者、重大项目负责人等依次优先。",
  feedback: "近一年服务单位评价的平均分（评价很少时向 4 分靠拢，避免一两条评价左右结果）；没有评价时取中间值。",
  library: "专家在重点联系专家库中为 1，否则为 0。",
};
