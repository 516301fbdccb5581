import { TALENT_CATEGORY_LABEL } from "@/lib/labels";
import {
  availabilityFit, feedbackFit, formFit, hierarchyFit, libraryFit, loadFit, regionFit, talentFit, textFit, willingToServe,
  type PartResult, type Parts,
} from "@/lib/matching/parts";
import { pairKey, type RelevanceTable } from "@/lib/matching/pool-relevance";
import type { ExpertFacts, NameBook, NeedFacts, ParentOf } from "@/lib/matching/types";
import { SCORE_PARTS, type ScorePart, type Weights } from "@/lib/matching/weights";

export type HardFilter = "UNMATCHABLE" | "AT_CAPACITY" | "CONFLICT" | "DECLINED" | "UNAVAILABLE" | "NO_REMOTE" | "NOT_WILLING";

export const HARD_FILTER_LABEL: Record<HardFilter, string> = {
  UNMATCHABLE: "暂不可匹配（未审核、已暂停，或退休专家未提交健康与自愿声明）",
  AT_CAPACITY: "在办服务已达上限",
  CONFLICT: "利益冲突：专家就职于需求单位",
  DECLINED: "已婉拒过该需求",
  UNAVAILABLE: "需求时段内无法安排",
  NO_REMOTE: "需求为远程服务，专家不接受远程",
  NOT_WILLING: "需求为现场服务，不在专家愿意服务的地区",
};

/** The first reason the expert cannot serve this need at all, or null. Order: cheapest checks first. */
export function hardFilter(need: NeedFacts, expert: ExpertFacts): HardFilter | null {
  if (!expert.matchable) return "UNMATCHABLE";
  if (expert.activeEngagements >= expert.maxConcurrent) return "AT_CAPACITY";
  if (need.unitId && expert.employerOrgId === need.unitId) return "CONFLICT";
  if (expert.declinedNeedIds.has(need.id)) return "DECLINED";
  if (need.delivery === "REMOTE" && !expert.acceptsRemote) return "NO_REMOTE";
  if (need.delivery === "ONSITE" && !willingToServe(need, expert)) return "NOT_WILLING";
  if (availabilityFit(need, expert).value === 0) return "UNAVAILABLE";
  return null;
}

export type Scored = { score: number; parts: Record<string, number>; explanation: string };

/**
 * What scoring reads besides the two sides. `relevance`: the pool model's text part for the pairs it was computed
 * for (lib/matching/pool-relevance) and the disciplines it inferred for needs that name none; a pair it has not
 * seen falls back to the plain TF-IDF cosine.
 */
export type Scorer = { weights: Weights; names: NameBook; disciplineParent: ParentOf; industryParent: ParentOf; relevance?: RelevanceTable | null };

/** A need without disciplines: the inferred ones, trusted as far as the classifier is sure (neutral 0.5 otherwise). */
function inferredFit(need: NeedFacts, expert: ExpertFacts, s: Scorer): PartResult | null {
  const inferred = need.disciplineCodes.length ? undefined : s.relevance?.inferred.get(need.id);
  if (!inferred) return null;
  const fit = hierarchyFit(inferred.codes, expert.disciplineCodes, s.disciplineParent, s.names.discipline, "学科（据需求内容推断）");
  return { value: 0.5 + inferred.p * (fit.value - 0.5), detail: fit.detail };
}

export function scoreParts(need: NeedFacts, expert: ExpertFacts, s: Scorer): Parts {
  return {
    ...plainParts(need, expert, s),
    discipline: inferredFit(need, expert, s) ?? hierarchyFit(need.disciplineCodes, expert.disciplineCodes, s.disciplineParent, s.names.discipline, "学科"),
    text: s.relevance?.text.get(pairKey(need.id, expert.id)) ?? textFit(need, expert),
  };
}

/** Parts read from the two sides alone; the others (discipline, text) may read the pool model (s.relevance). */
export type PlainPart = Exclude<ScorePart, "discipline" | "text">;

export function plainParts(need: NeedFacts, expert: ExpertFacts, s: Scorer): Record<PlainPart, PartResult> {
  return {
    industry: hierarchyFit(need.industryCodes, expert.industryCodes, s.industryParent, s.names.industry, "行业"),
    form: formFit(need, expert),
    region: regionFit(need, expert, s.names),
    availability: availabilityFit(need, expert),
    load: loadFit(expert),
    talent: talentFit(expert, (c) => TALENT_CATEGORY_LABEL[c]),
    feedback: feedbackFit(expert),
    library: libraryFit(expert),
  };
}

/**
 * The highest score the pair can get whatever the pool model says: the plain parts exactly, the discipline part
 * exactly when the need names disciplines (the model only infers them for a need that names none), the rest at 1.
 * Every part is in [0, 1] and both go through combine (rounding is monotone), so the exact score is never above this.
 */
export function scoreBound(need: NeedFacts, expert: ExpertFacts, s: Scorer): number {
  const discipline = need.disciplineCodes.length
    ? hierarchyFit(need.disciplineCodes, expert.disciplineCodes, s.disciplineParent, s.names.discipline, "学科")
    : { value: 1 };
  return combine({ ...plainParts(need, expert, s), discipline, text: { value: 1 } }, s.weights).score;
}

/** Weighted mean of the parts, rounded to 4 places, with the three biggest contributions that have a detail. */
export function combine(parts: Parts, weights: Weights): Scored {
  let sum = 0;
  let total = 0;
  const contributions: { detail: string; amount: number }[] = [];
  for (const p of SCORE_PARTS) {
    const w = weights[p];
    sum += w;
    total += w * parts[p].value;
    const detail = parts[p].detail;
    if (detail && w > 0) contributions.push({ detail, amount: w * parts[p].value });
  }
  const score = sum > 0 ? Math.round((total / sum) * 10_000) / 10_000 : 0;
  contributions.sort((a, b) => b.amount - a.amount);
  return {
    score,
    parts: Object.fromEntries(SCORE_PARTS.map((p) => [p, Math.round(parts[p].value * 1000) / 1000])),
    explanation: contributions.slice(0, 3).map((c) => c.detail).join(" · "),
  };
}

/** Score one pair: null when a hard filter excludes the expert. */
export function scorePair(need: NeedFacts, expert: ExpertFacts, s: Scorer): (Scored & { filtered: null }) | { filtered: HardFilter } {
  const filtered = hardFilter(need, expert);
  if (filtered) return { filtered };
  return { ...combine(scoreParts(need, expert, s), s.weights), filtered: null };
}
