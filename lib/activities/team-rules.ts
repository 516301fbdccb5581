import type { ProgramCode, ProfessionalTitle, TalentCategory } from "@/lib/generated/prisma/enums";
import type { TeamRole } from "@/lib/activities/schemas";

// A program's team mix as data: the roles a planned team must hold before the application can be submitted.
// 博士后科技服务团 brings postdocs with their mentors (导师) and senior experts (专家) — at least one of each.

export const PROGRAM_MIX: Record<ProgramCode, Partial<Record<TeamRole, number>>> = {
  EXPERT_SERVICE: {},
  OVERSEAS_TALENT: {},
  POSTDOC_SERVICE: { 专家: 1, 导师: 1, 博士后: 1 },
};

/** Why the team does not meet the program's mix (Chinese), or null when it does. */
export function mixRefusal(program: ProgramCode, roles: readonly string[]): string | null {
  const need = PROGRAM_MIX[program];
  const missing = (Object.entries(need) as [TeamRole, number][])
    .filter(([role, n]) => roles.filter((r) => r === role).length < n)
    .map(([role, n]) => `${n} 名${role}`);
  return missing.length ? `该项目的团队至少需要${missing.join("、")}（当前团队缺少）` : null;
}

type PoolFacts = { talentCategories: readonly TalentCategory[]; title: ProfessionalTitle };

/** Who can fill a role: 博士后 are postdocs; 导师 are (associate) senior experts who are not postdocs; 专家 anyone else. */
export const ROLE_FITS: Record<TeamRole, (e: PoolFacts) => boolean> = {
  博士后: (e) => e.talentCategories.includes("POSTDOC"),
  导师: (e) => !e.talentCategories.includes("POSTDOC") && (e.title === "SENIOR" || e.title === "ASSOCIATE_SENIOR"),
  专家: (e) => !e.talentCategories.includes("POSTDOC"),
};

/** The role an expert of the pool takes in a team unless a mix rule needs another: a postdoc, else an expert. */
export const naturalRole = (e: PoolFacts): TeamRole => (ROLE_FITS.博士后(e) ? "博士后" : "专家");
