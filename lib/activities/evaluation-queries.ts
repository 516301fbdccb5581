import { db } from "@/lib/db";
import { grantedScopes } from "@/lib/auth/permissions";
import type { SessionUser } from "@/lib/auth/roles";
import { ACTIVITY_WORKFLOW } from "@/lib/activities/workflow";
import { targetsOf } from "@/lib/activities/progress-schemas";
import { feedbackParties } from "@/lib/activities/evaluation-service";

/** The evaluation page: both evaluations, the feedback, and what the user may do here. */
export async function evaluationPage(
  user: SessionUser,
  a: { id: string; state: Parameters<typeof ACTIVITY_WORKFLOW.canAct>[1]; provinceCode: string; isDemonstration: boolean; targets: unknown },
) {
  const [evaluations, feedback, parties] = await Promise.all([
    db.activityEvaluation.findMany({ where: { activityId: a.id }, orderBy: { level: "asc" } }),
    db.activityFeedback.findMany({ where: { activityId: a.id }, orderBy: { createdAt: "asc" }, select: { id: true, role: true, rating: true, comment: true, createdAt: true } }),
    feedbackParties(db, a.id),
  ]);
  const scopes = grantedScopes(user, "activity.evaluate", { provinceCode: a.provinceCode });
  const has = (level: "PROVINCE" | "MINISTRY") => evaluations.some((e) => e.level === level);
  const completed = a.state === "COMPLETED";
  const served = user.roles.some((g) => g.role === "UNIT_USER" && g.organizationId && parties.unitIds.has(g.organizationId));
  const teamExpert = parties.expertUserIds.has(user.id) && user.roles.some((g) => g.role === "EXPERT");
  return {
    evaluations,
    feedback,
    average: feedback.length ? Math.round((feedback.reduce((s, f) => s + f.rating, 0) / feedback.length) * 10) / 10 : null,
    targets: targetsOf(a.targets),
    can: {
      province: completed && scopes.includes("province") && !has("PROVINCE"),
      ministry: completed && a.isDemonstration && scopes.includes("national") && !has("MINISTRY"),
      ministryWaits: completed && a.isDemonstration && scopes.includes("national") && !has("PROVINCE"),
      feedback: ACTIVITY_WORKFLOW.canAct("feedback", a.state) && (served || teamExpert) && !(await db.activityFeedback.count({ where: { activityId: a.id, userId: user.id } })),
    },
  };
}
