import type { ExpertStatus, LibraryStatus, ProfessionalTitle, TalentCategory } from "@/lib/generated/prisma/enums";

// 重点联系专家库 admission criteria (the notice 人社厅发〔2025〕2号, as README's 重点联系专家库 section states them): 副高 or
// above, or a recognised talent category; willing (本人自愿) and healthy (身体健康); not already in the library or
// awaiting a decision.
// Pure, so the nomination form shows exactly the checks the server applies.

export const SENIOR_TITLES: readonly ProfessionalTitle[] = ["SENIOR", "ASSOCIATE_SENIOR"];

/** Being retired is a circumstance, not a distinction: it does not by itself qualify an expert. */
export const NON_QUALIFYING_CATEGORIES: readonly TalentCategory[] = ["RETIRED"];

/** Library states from which a province may (re)nominate an expert. */
export const NOMINATABLE_STATUSES: readonly LibraryStatus[] = ["NONE", "DECLINED", "LEFT"];

export type NominationCandidate = {
  status: ExpertStatus;
  title: ProfessionalTitle;
  talentCategories: readonly TalentCategory[];
  libraryStatus: LibraryStatus;
  /** A nomination in state NOMINATED exists for the expert. */
  hasPendingNomination: boolean;
};

export type NominationDeclarations = { willing: boolean; healthy: boolean };

export type CriterionKey = "status" | "level" | "willing" | "healthy" | "membership";

export type CriterionCheck = { key: CriterionKey; label: string; ok: boolean; problem: string };

export function meetsLevel(expert: Pick<NominationCandidate, "title" | "talentCategories">): boolean {
  return SENIOR_TITLES.includes(expert.title) ||
    expert.talentCategories.some((c) => !NON_QUALIFYING_CATEGORIES.includes(c));
}

function membershipProblem(expert: NominationCandidate): string {
  if (expert.libraryStatus === "IN_LIBRARY") return "该专家已在重点联系专家库中";
  if (expert.libraryStatus === "NOMINATED" || expert.hasPendingNomination) return "该专家已有待部级审定的推荐，不能重复推荐";
  return "该专家当前状态不能推荐";
}

/** Every criterion with whether it is met, in the order the form lists them. */
export function criteriaChecks(expert: NominationCandidate, input: NominationDeclarations): CriterionCheck[] {
  const member = !NOMINATABLE_STATUSES.includes(expert.libraryStatus) || expert.hasPendingNomination;
  return [
    { key: "status", label: "专家档案状态正常（已通过审核）", ok: expert.status === "ACTIVE",
      problem: "该专家档案未通过审核或已暂停，不能推荐" },
    { key: "level", label: "具有副高级及以上职称，或至少具有一项人才类别", ok: meetsLevel(expert),
      problem: "须具有副高级及以上职称，或至少具有一项人才类别（两院院士、人才工程入选者、享受政府特殊津贴专家等）" },
    { key: "willing", label: "本人自愿参加服务基层活动", ok: input.willing, problem: "须经本人自愿（请确认“本人自愿”）" },
    { key: "healthy", label: "身体健康，能够承担服务任务", ok: input.healthy, problem: "须身体健康（请确认“身体健康”）" },
    { key: "membership", label: "尚未入库，且没有待审定的推荐", ok: !member, problem: membershipProblem(expert) },
  ];
}

/** The reasons a nomination must be refused, in Chinese; empty when it may go ahead. */
export function nominationProblems(expert: NominationCandidate, input: NominationDeclarations): string[] {
  return criteriaChecks(expert, input).filter((c) => !c.ok).map((c) => c.problem);
}
