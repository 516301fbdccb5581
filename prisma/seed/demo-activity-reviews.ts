import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { rubricOf, rubricTotal } from "@/lib/activities/rubric";
import { currentPeriod, progressPrefill } from "@/lib/activities/progress-service";
import { ids } from "./demo-context";

// The ministry's review and the tracking of the demo's activities, written after the activities, needs and
// engagements exist (read back from the database, so it follows whatever activities the demo builds):
//   · review assignments with rubric scores on the recommended applications of the open/closed plans — the first
//     with a disagreement flag and an unscored task for the demo expert (`expert`), the last left unassigned for the
//     ministry to assign; reviewers are demo experts from other provinces, never on the activity's team;
//   · monthly progress reports on running activities, pre-filled from their engagements' confirmed service records;
//   · evaluations and feedback on completed and evaluated ones (the first completed demonstration activity is left
//     unevaluated, for the province and then the ministry to evaluate).
// Dates are relative to now, so the demo never expires.

const DAY = 86_400_000;
const daysAgo = (now: Date, n: number) => new Date(now.getTime() - n * DAY);
const monthsBack = (period: string, n: number) => {
  const [y, m] = period.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 - n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
};

type Reviewer = { id: string; username: string; provinceCodes: Set<string>; expertId: string };

const GOOD = ["方案扎实，需求来源真实，专家团队结构合理，建议入选。", "与年度主题契合度高，东西部协作安排具体，量化目标明确。", "服务内容针对产业瓶颈，预期成效可考核，建议支持。"];
const WEAK = ["需求调研不够深入，量化目标偏笼统，建议补充后再议。", "专家团队与服务内容匹配度一般，实施方案可行性有待加强。"];

export async function seedActivityReviews(tx: Tx, activityIds: string[], now: Date = new Date()): Promise<void> {
  const ministry = ids.user("ministry");
  const experts = await tx.user.findMany({
    where: { status: "ACTIVE", roles: { some: { role: "EXPERT" } }, expertProfile: { status: "ACTIVE" } },
    orderBy: { username: "asc" },
    select: { id: true, username: true, organization: { select: { region: { select: { provinceCode: true } } } }, expertProfile: { select: { id: true, provinceCode: true } } },
  });
  const pool: Reviewer[] = experts.map((u) => ({
    id: u.id, username: u.username, expertId: u.expertProfile!.id,
    provinceCodes: new Set([u.expertProfile!.provinceCode, ...(u.organization ? [u.organization.region.provinceCode] : [])]),
  }));
  const demoExpert = pool.find((r) => r.username === "expert");
  const others = pool.filter((r) => r.username !== "expert");

  // ─── Reviews ───
  // Closed plans first (their board can decide and publish), then open ones; per plan by province.
  const recommended = await tx.demonstrationActivity.findMany({
    where: { id: { in: activityIds }, state: "RECOMMENDED", isDemonstration: true, plan: { state: { in: ["OPEN", "CLOSED"] } } },
    orderBy: [{ plan: { state: "desc" } }, { plan: { year: "asc" } }, { planId: "asc" }, { provinceCode: "asc" }, { id: "asc" }],
    select: { id: true, planId: true, provinceCode: true, team: { select: { expertId: true } }, plan: { select: { rubric: true, disagreementSpread: true } } },
  });
  let cursor = 0;
  let demoGiven = false;
  const eligible = (r: Reviewer, a: (typeof recommended)[number]) => !r.provinceCodes.has(a.provinceCode) && !a.team.some((t) => t.expertId === r.expertId);
  const pick = (a: (typeof recommended)[number], n: number) => {
    const chosen: Reviewer[] = [];
    for (let tries = 0; chosen.length < n && tries < others.length; tries++) {
      const r = others[cursor++ % others.length];
      if (eligible(r, a) && !chosen.includes(r)) chosen.push(r);
    }
    return chosen;
  };
  const rows: Prisma.ActivityReviewCreateManyInput[] = [];
  recommended.forEach((a, n) => {
    // Within its plan: the first splits its reviewers, the last is left for the ministry to assign.
    const ofPlan = recommended.filter((x) => x.planId === a.planId);
    const i = ofPlan.indexOf(a);
    if (ofPlan.length >= 2 && i === ofPlan.length - 1) return;
    const rubric = rubricOf(a.plan?.rubric);
    const spread = a.plan?.disagreementSpread ?? 15;
    // The first application splits its reviewers (a spread well over the plan's threshold); the others agree.
    const fractions = i === 0 ? [0.93, Math.max(0.3, 0.93 - (spread + 12) / 100)] : [0.86 - i * 0.02, 0.8 - i * 0.02];
    pick(a, 2).forEach((r, k) => {
      const scores = Object.fromEntries(rubric.map((c) => [c.key, Math.min(c.weight, Math.round(c.weight * fractions[k]))]));
      const submittedAt = daysAgo(now, 3 + i + k);
      rows.push({
        id: ids.of("activityReviewTask", `${a.id}:${r.id}`), activityId: a.id, reviewerId: r.id, assignedById: ministry,
        scores, total: rubricTotal(rubric, scores), comment: fractions[k] < 0.7 ? WEAK[(i + k) % WEAK.length] : GOOD[(i + k) % GOOD.length],
        submittedAt, version: 1, createdAt: daysAgo(now, 12 + n),
      });
    });
    if (!demoGiven && demoExpert && eligible(demoExpert, a)) {
      demoGiven = true;
      rows.push({ id: ids.of("activityReviewTask", `${a.id}:${demoExpert.id}`), activityId: a.id, reviewerId: demoExpert.id, assignedById: ministry, createdAt: daysAgo(now, 2) });
    }
  });
  if (rows.length) await tx.activityReview.createMany({ data: rows, skipDuplicates: true });
  if (demoGiven && demoExpert) {
    await tx.notification.create({
      data: { id: ids.of("notification", "activity-review-task"), userId: demoExpert.id, title: "新的示范活动评审任务", body: "请对分配给您的示范活动申报按年度评审细则评分并填写评审意见。", link: "/expert/reviews", createdAt: daysAgo(now, 2) },
    });
  }

  // ─── Progress reports on running activities (the last two months) ───
  const running = await tx.demonstrationActivity.findMany({
    where: { id: { in: activityIds }, state: "IN_PROGRESS" }, orderBy: { id: "asc" },
    select: { id: true, provinceCode: true, startedAt: true, reports: { select: { period: true } } },
  });
  const period = currentPeriod(now);
  for (const a of running) {
    if (!a.startedAt) await tx.demonstrationActivity.update({ where: { id: a.id }, data: { startedAt: daysAgo(now, 100) } });
    const admin = await tx.roleAssignment.findFirst({ where: { role: "PROVINCE_ADMIN", provinceCode: a.provinceCode }, select: { userId: true } });
    for (const back of [2, 1]) {
      const p = monthsBack(period, back);
      if (a.reports.some((r) => r.period === p)) continue;
      const f = await progressPrefill(tx, a.id, p);
      await tx.activityProgressReport.create({
        data: {
          id: ids.of("progressReportMonthly", `${a.id}:${p}`), activityId: a.id, period: p, submittedById: admin?.userId ?? ministry,
          content: f.records
            ? `本月组织专家 ${f.expertsCount} 名开展服务 ${f.records} 次，完成现场指导和培训，下阶段将做好跟踪回访。`
            : "本月以线上答疑和跟踪回访为主，对接解决技术问题若干，下阶段将组织集中现场指导。",
          expertsCount: f.expertsCount || 3, serviceHours: f.serviceHours || 24, serviceDays: f.serviceDays || 3,
          peopleServed: f.peopleServed || 60, peopleTrained: f.peopleTrained || 20, forms: f.forms.length ? f.forms : ["TECH_GUIDANCE"],
          createdAt: daysAgo(now, back * 30 - 25),
        },
      });
    }
  }

  // ─── Evaluations and feedback on completed and evaluated activities ───
  const finished = await tx.demonstrationActivity.findMany({
    where: { id: { in: activityIds }, state: { in: ["COMPLETED", "EVALUATED"] } }, orderBy: { id: "asc" },
    select: {
      id: true, state: true, provinceCode: true, isDemonstration: true, completedAt: true, finalReport: true,
      evaluations: { select: { level: true } }, feedback: { select: { userId: true } },
      team: { select: { expert: { select: { userId: true } } } },
      engagements: { select: { expert: { select: { userId: true } }, need: { select: { unitId: true } } } },
      needs: { select: { unitId: true } },
    },
  });
  let leftOne = false;
  for (const [i, a] of finished.entries()) {
    if (!a.completedAt || !a.finalReport) {
      await tx.demonstrationActivity.update({
        where: { id: a.id },
        data: {
          completedAt: a.completedAt ?? daysAgo(now, 40 + i), finalReport: a.finalReport ??
            "活动按计划完成：组织专家开展现场指导、专题授课和示范带教，培养本土技术骨干，服务记录均经服务单位确认，量化目标基本完成。",
        },
      });
    }
    const admin = await tx.roleAssignment.findFirst({ where: { role: "PROVINCE_ADMIN", provinceCode: a.provinceCode }, select: { userId: true } });
    const has = (level: string) => a.evaluations.some((e) => e.level === level);
    // The first completed demonstration activity waits for both evaluations (a screen with work to do).
    const waits = a.state === "COMPLETED" && a.isDemonstration && !leftOne;
    if (waits) leftOne = true;
    const evals = [];
    if (!waits && !has("PROVINCE") && (a.state === "EVALUATED" || a.isDemonstration)) {
      evals.push({ id: ids.of("activityEvaluation", `${a.id}:P`), activityId: a.id, level: "PROVINCE" as const, grade: "EXCELLENT" as const, score: 91,
        comment: "组织有力，服务记录完整，目标全部完成，群众满意度高。", evaluatorId: admin?.userId ?? ministry, createdAt: daysAgo(now, 20 + i) });
    }
    if (a.state === "EVALUATED" && a.isDemonstration && !has("MINISTRY")) {
      evals.push({ id: ids.of("activityEvaluation", `${a.id}:M`), activityId: a.id, level: "MINISTRY" as const, grade: "EXCELLENT" as const, score: 90,
        comment: "示范带动作用明显，形成了可复制推广的经验，评为优秀。", evaluatorId: ministry, createdAt: daysAgo(now, 10 + i) });
    }
    if (evals.length) await tx.activityEvaluation.createMany({ data: evals, skipDuplicates: true });

    const expertUsers = [...new Set([...a.team, ...a.engagements].flatMap((t) => (t.expert.userId ? [t.expert.userId] : [])))].slice(0, 2);
    const unitIds = [...new Set([...a.needs.map((n) => n.unitId), ...a.engagements.map((e) => e.need.unitId)])];
    const unitUsers = unitIds.length
      ? (await tx.roleAssignment.findMany({ where: { role: "UNIT_USER", organizationId: { in: unitIds } }, select: { userId: true }, take: 2, orderBy: { userId: "asc" } })).map((r) => r.userId)
      : [];
    const feedback = [
      ...expertUsers.map((userId, k) => ({ userId, role: "EXPERT" as const, rating: 5 - k, comment: "组织周到，服务单位配合积极，需求对接精准。" })),
      ...unitUsers.map((userId, k) => ({ userId, role: "UNIT_USER" as const, rating: 5 - k, comment: "专家指导针对性强，解决了生产中的实际问题。" })),
    ].filter((f) => !a.feedback.some((g) => g.userId === f.userId));
    if (feedback.length) {
      await tx.activityFeedback.createMany({
        data: feedback.map((f, k) => ({ id: ids.of("activityFeedback", `${a.id}:${f.userId}`), activityId: a.id, ...f, createdAt: daysAgo(now, 15 + k) })),
        skipDuplicates: true,
      });
    }
  }
}
