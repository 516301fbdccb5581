import type { ActivityState, EngagementState, EvaluationGrade } from "@/lib/generated/prisma/enums";
import type { CaseFigures } from "@/lib/cases/figures";

// Which finished work is strong enough to become a typical case, and why — pure rules over facts the sources
// (lib/cases/sources.ts) read from the database. Every verdict carries its reasons in Chinese, shown to the editor
// beside the candidate; a refusal says what is missing.

export type Verdict = { eligible: boolean; score: number; reasons: string[]; missing: string[] };

/** Thresholds, in one place so the page can state them. */
export const SHORTLIST_RULES = {
  engagementMinHours: 16,
  engagementMinRecords: 2,
  minRating: 4,
  activityMinFeedbackMean: 4,
} as const;

export type EngagementFacts = {
  state: EngagementState;
  figures: CaseFigures;
  /** Records the unit disputed and nobody resolved. */
  disputedRecords: number;
  unitRating: number | null;
  expertRating: number | null;
  /** The need's priority flags (突破发展瓶颈, 推广应用技术, 促进农民增收) that hold. */
  priorities: string[];
};

export function judgeEngagement(f: EngagementFacts): Verdict {
  const R = SHORTLIST_RULES;
  const missing: string[] = [];
  const reasons: string[] = [];
  if (f.state !== "CLOSED") missing.push("服务尚未结束并完成双方评价");
  if (f.figures.records < R.engagementMinRecords || f.figures.hours < R.engagementMinHours) {
    missing.push(`已确认的服务记录不足（需至少 ${R.engagementMinRecords} 条、${R.engagementMinHours} 小时）`);
  } else {
    reasons.push(`已确认服务 ${f.figures.hours} 小时（${f.figures.records} 条记录）`);
  }
  if (f.disputedRecords > 0) missing.push(`有 ${f.disputedRecords} 条服务记录存在异议`);
  if (f.unitRating === null) missing.push("服务单位尚未评价");
  else if (f.unitRating < R.minRating) missing.push(`服务单位评价 ${f.unitRating} 分，低于 ${R.minRating} 分`);
  else reasons.push(`服务单位评价 ${f.unitRating} 分`);
  if (f.expertRating !== null && f.expertRating < R.minRating - 1) missing.push(`专家评价 ${f.expertRating} 分，偏低`);
  if (f.figures.peopleServed + f.figures.peopleTrained > 0) {
    reasons.push(`服务群众 ${f.figures.peopleServed} 人次、培训 ${f.figures.peopleTrained} 人次`);
  }
  reasons.push(...f.priorities);
  const score = (f.unitRating ?? 0) * 10 + Math.min(40, f.figures.hours / 2) + Math.min(20, (f.figures.peopleServed + f.figures.peopleTrained) / 10)
    + f.priorities.length * 3;
  return { eligible: missing.length === 0, score: Math.round(score * 10) / 10, reasons, missing };
}

export type ActivityFacts = {
  state: ActivityState;
  figures: CaseFigures;
  grades: EvaluationGrade[];
  feedbackRatings: number[];
  /** Quantified targets with the result reported on completion (actual null: not reported). */
  targets: { indicator: string; target: number; actual: number | null }[];
};

export function judgeActivity(f: ActivityFacts): Verdict {
  const R = SHORTLIST_RULES;
  const missing: string[] = [];
  const reasons: string[] = [];
  if (f.state !== "COMPLETED" && f.state !== "EVALUATED") missing.push("示范活动尚未完成");
  const excellent = f.grades.includes("EXCELLENT");
  if (f.grades.includes("UNQUALIFIED")) missing.push("评估结果为不合格");
  else if (excellent) reasons.push("评估结果为优秀");
  const mean = f.feedbackRatings.length ? f.feedbackRatings.reduce((a, b) => a + b, 0) / f.feedbackRatings.length : null;
  if (mean !== null && mean >= R.activityMinFeedbackMean) reasons.push(`专家和服务单位评价平均 ${mean.toFixed(1)} 分（${f.feedbackRatings.length} 份）`);
  if (!excellent && (mean === null || mean < R.activityMinFeedbackMean)) {
    missing.push(mean === null ? "尚无评估优秀或评价反馈" : `评价平均 ${mean.toFixed(1)} 分，低于 ${R.activityMinFeedbackMean} 分且评估未获优秀`);
  }
  const reported = f.targets.filter((t) => t.actual !== null);
  const reached = reported.filter((t) => (t.actual as number) >= t.target);
  if (reported.length) {
    if (reached.length * 2 < reported.length) missing.push(`量化目标完成 ${reached.length}/${reported.length} 项，未过半`);
    else reasons.push(`量化目标完成 ${reached.length}/${reported.length} 项`);
  }
  if (f.figures.hours > 0) reasons.push(`已确认服务 ${f.figures.hours} 小时，专家 ${f.figures.experts} 人`);
  const score = (excellent ? 30 : 0) + (mean ?? 0) * 10 + (reported.length ? (20 * reached.length) / reported.length : 0) + Math.min(30, f.figures.hours / 4);
  return { eligible: missing.length === 0, score: Math.round(score * 10) / 10, reasons, missing };
}

export type ChallengeFacts = {
  state: string;
  /** The acceptance's verdict (null: not yet accepted) and whether the enterprise confirmed it. */
  acceptancePassed: boolean | null;
  confirmed: boolean;
  indicators: number;
  indicatorsMet: number;
  milestones: number;
  milestonesPassed: number;
  /** The selected team: lead and members. */
  teamSize: number;
};

export function judgeChallenge(f: ChallengeFacts): Verdict {
  const missing: string[] = [];
  const reasons: string[] = [];
  if (f.state !== "COMPLETED" || f.acceptancePassed !== true) missing.push("攻关尚未通过验收");
  else if (!f.confirmed) missing.push("验收结论尚待企业确认");
  else reasons.push("验收通过并经企业确认");
  if (f.indicators > 0) {
    if (f.indicatorsMet < f.indicators) missing.push(`技术指标达到 ${f.indicatorsMet}/${f.indicators} 项`);
    else reasons.push(`${f.indicators} 项技术指标全部达到`);
  }
  if (f.milestones > 0 && f.milestonesPassed === f.milestones) reasons.push(`${f.milestones} 个里程碑均通过中期检查`);
  if (f.teamSize > 1) reasons.push(`攻关团队 ${f.teamSize} 人`);
  const score = 40 + f.indicatorsMet * 10 + f.milestonesPassed * 5 + Math.min(20, f.teamSize * 4);
  return { eligible: missing.length === 0, score, reasons, missing };
}
