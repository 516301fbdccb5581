import type { Tx } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { can, type ResourceScope } from "@/lib/auth/permissions";
import { chinaDate } from "@/lib/calendar/china-time";
import { conflict, forbidden, invalidInput, invalidTransition, notFound } from "@/lib/errors";
import type { ActivityState, ProgramCode } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PROGRAM_CODE_LABEL } from "@/lib/labels";
import { notify, staffIds } from "@/lib/notifications/send";
import { linesOf, type ApplicationInput } from "@/lib/activities/schemas";
import { channelScope } from "@/lib/activities/scope";
import { mixRefusal } from "@/lib/activities/team-rules";
import { ACTIVITY_WORKFLOW, type ActivityStep } from "@/lib/activities/workflow";

// Applications for demonstration activities (and provinces' local activities) and their pre-review by the channel:
// the province the activity sits in, or the State Council department it applies through. Every rule that depends
// on the date takes `now`, so tests control the clock.

// ─── Who applies ───────────────────────────────────────────────────────────────

export type ApplicantKind = "unit" | "base" | "province" | "department";
export type Applicant = {
  kind: ApplicantKind;
  orgId: string;
  orgName: string;
  /** The province the applicant's activities sit in (null: a department, anywhere). */
  provinceCode: string | null;
  hostBaseId: string | null;
  /** Where the organisation sits (a county for units and bases), to start the form from. */
  regionCode: string | null;
};

/** The organisation the user applies for (their first grant of activity.apply), or a Chinese refusal. */
export async function applicantOf(tx: Tx, user: Pick<SessionUser, "roles">): Promise<Applicant> {
  for (const g of user.roles) {
    if (g.role === "PROVINCE_ADMIN" && g.provinceCode) {
      const bureau = g.organizationId
        ? await tx.organization.findUnique({ where: { id: g.organizationId }, select: { id: true, name: true } })
        : await tx.organization.findFirst({ where: { type: "PROVINCIAL_BUREAU", regionCode: g.provinceCode }, select: { id: true, name: true } });
      if (!bureau) throw forbidden("未找到本省人社部门的单位信息，无法申报");
      return { kind: "province", orgId: bureau.id, orgName: bureau.name, provinceCode: g.provinceCode, hostBaseId: null, regionCode: null };
    }
    if ((g.role === "UNIT_USER" || g.role === "BASE_HOST" || g.role === "DEPARTMENT_ADMIN") && g.organizationId) {
      const org = await tx.organization.findUnique({
        where: { id: g.organizationId },
        select: { id: true, name: true, type: true, regionCode: true, region: { select: { provinceCode: true, level: true } } },
      });
      if (!org) continue;
      if (g.role === "DEPARTMENT_ADMIN") return { kind: "department", orgId: org.id, orgName: org.name, provinceCode: null, hostBaseId: null, regionCode: null };
      const base = g.role === "BASE_HOST"
        ? await tx.serviceBase.findFirst({ where: { hostOrgId: org.id }, orderBy: [{ establishedAt: { sort: "desc", nulls: "last" } }], select: { id: true } })
        : null;
      return { kind: g.role === "BASE_HOST" ? "base" : "unit", orgId: org.id, orgName: org.name, provinceCode: org.region.provinceCode, hostBaseId: base?.id ?? null,
        regionCode: org.region.level === "COUNTY" ? org.regionCode : null };
    }
  }
  throw forbidden("账号尚未关联申报单位，无法申报示范活动");
}

/** The states of a recommendation that count against the channel's quota (recommended, then decided by the ministry). */
export const RECOMMENDED_STATES: readonly ActivityState[] = ["RECOMMENDED", "SELECTED", "NOT_SELECTED", "IN_PROGRESS", "COMPLETED", "EVALUATED"];
/** Needs an application may link: approved and not finished. */
export const LINKABLE_NEED_STATES = ["OPEN", "MATCHED", "IN_SERVICE"] as const;

// ─── Facts of an application ───────────────────────────────────────────────────

type Resolved = {
  planId: string | null; programId: string; programCode: ProgramCode; channelOrgId: string | null; isDemonstration: boolean;
  regionCode: string; provinceCode: string;
};

const refuse = (field: string, message: string) => invalidInput({ [field]: [message] }, message);

/** The needs an applicant may link to an activity in `provinceCode` (their own for a unit, else the province's). */
export function linkableNeedsWhere(applicant: Pick<Applicant, "kind" | "orgId">, provinceCode: string, activityId?: string): Prisma.NeedWhereInput {
  return {
    state: { in: [...LINKABLE_NEED_STATES] },
    OR: [{ activityId: null }, ...(activityId ? [{ activityId }] : [])],
    ...(applicant.kind === "unit" ? { unitId: applicant.orgId } : { provinceCode }),
  };
}

async function resolveFacts(tx: Tx, applicant: Applicant, input: ApplicationInput, activityId?: string): Promise<Resolved> {
  const local = input.kind === "local";
  if (local && applicant.kind !== "province") throw refuse("kind", "只有省级人社部门可以组织地方示范活动");

  const program = await tx.program.findUnique({ where: { code: input.programCode }, select: { id: true, code: true } });
  if (!program) throw refuse("programCode", "请选择项目类别");

  let planId: string | null = null;
  if (!local) {
    if (!input.planId) throw refuse("planId", "请选择申报的年度计划");
    const plan = await tx.annualPlan.findUnique({ where: { id: input.planId }, select: { id: true, programId: true, program: { select: { code: true } } } });
    if (!plan) throw refuse("planId", "所选年度计划不存在");
    if (plan.programId !== program.id) {
      throw refuse("programCode", `申报项目类别须与年度计划一致（该计划为“${PROGRAM_CODE_LABEL[plan.program.code]}”）`);
    }
    planId = plan.id;
  }

  const region = await tx.region.findUnique({ where: { code: input.regionCode }, select: { level: true, provinceCode: true, zone: true } });
  if (!region || region.level !== "COUNTY") throw refuse("regionCode", "请选择到区县一级的活动地点");
  if (applicant.provinceCode && region.provinceCode !== applicant.provinceCode) throw refuse("regionCode", "活动地点须在本省范围内");

  let channelOrgId: string | null = null;
  if (applicant.kind === "department") channelOrgId = applicant.orgId;
  else if (!local && input.channelOrgId && applicant.kind !== "province") {
    const dept = await tx.organization.findUnique({ where: { id: input.channelOrgId }, select: { type: true } });
    if (dept?.type !== "DEPARTMENT") throw refuse("channelOrgId", "所选推荐渠道不是国务院有关部门");
    channelOrgId = input.channelOrgId;
  }

  if (input.pairedProvinceCode) {
    const paired = await tx.region.findUnique({ where: { code: input.pairedProvinceCode }, select: { level: true, zone: true } });
    if (!paired || paired.level !== "PROVINCE") throw refuse("pairedProvinceCode", "结对省份不存在");
    if (paired.zone !== "EAST") throw refuse("pairedProvinceCode", "东中西部人才协作的结对省份须为东部省份");
    if (region.zone !== "CENTRAL" && region.zone !== "WEST") throw refuse("pairedProvinceCode", "东中西部人才协作须由东部省份结对服务中西部地区，本活动地点不在中西部");
  }

  if (input.needIds.length) {
    const ok = await tx.need.findMany({
      where: { id: { in: input.needIds }, ...linkableNeedsWhere(applicant, region.provinceCode, activityId) },
      select: { id: true },
    });
    if (ok.length !== new Set(input.needIds).size) {
      throw refuse("needIds", "所选需求中有不在可关联范围内的（须为本单位或本省已发布、未完成且未关联其他活动的需求）");
    }
  }
  return {
    planId, programId: program.id, programCode: program.code, channelOrgId, isDemonstration: !local,
    regionCode: input.regionCode, provinceCode: region.provinceCode,
  };
}

function rowOf(input: ApplicationInput, r: Resolved) {
  const { budget, targets } = linesOf(input);
  return {
    planId: r.planId, programId: r.programId, channelOrgId: r.channelOrgId, isDemonstration: r.isDemonstration,
    regionCode: r.regionCode, provinceCode: r.provinceCode, title: input.title, summary: input.summary, themeFit: input.themeFit,
    plannedStart: input.plannedStart ? new Date(`${input.plannedStart}T00:00:00Z`) : null,
    plannedEnd: input.plannedEnd ? new Date(`${input.plannedEnd}T00:00:00Z`) : null,
    plannedExperts: input.plannedExperts, serviceForms: input.serviceForms,
    budget: budget as unknown as Prisma.InputJsonValue, targets: targets as unknown as Prisma.InputJsonValue,
    pairedProvinceCode: input.pairedProvinceCode ?? null,
  };
}

async function linkNeeds(tx: Tx, activityId: string, needIds: string[]): Promise<void> {
  await tx.need.updateMany({ where: { activityId, id: { notIn: needIds } }, data: { activityId: null } });
  if (needIds.length) {
    const linked = await tx.need.updateMany({ where: { id: { in: needIds }, OR: [{ activityId: null }, { activityId }] }, data: { activityId } });
    if (linked.count !== new Set(needIds).size) throw conflict("所选需求已被其他活动关联，请刷新后重试");
  }
}

export async function createApplication(tx: Tx, applicant: Applicant, input: ApplicationInput, actorId: string, now: Date) {
  const r = await resolveFacts(tx, applicant, input);
  const activity = await tx.demonstrationActivity.create({
    data: { ...rowOf(input, r), applicantOrgId: applicant.orgId, hostBaseId: applicant.hostBaseId, state: "DRAFT", createdAt: now },
    select: { id: true, title: true, provinceCode: true, applicantOrgId: true, channelOrgId: true },
  });
  await tx.activityEvent.create({ data: { activityId: activity.id, toState: "DRAFT", actorId, comment: "创建申报", createdAt: now } });
  await linkNeeds(tx, activity.id, input.needIds);
  return activity;
}

export async function updateApplication(tx: Tx, applicant: Applicant, activityId: string, version: number, input: ApplicationInput) {
  const current = await tx.demonstrationActivity.findUnique({ where: { id: activityId }, select: { state: true } });
  if (!current) throw notFound("示范活动");
  ACTIVITY_WORKFLOW.assertAct("edit", current.state);
  const r = await resolveFacts(tx, applicant, input, activityId);
  const { count } = await tx.demonstrationActivity.updateMany({
    where: { id: activityId, version, state: current.state },
    data: { ...rowOf(input, r), version: { increment: 1 } },
  });
  if (count !== 1) throw conflict(ACTIVITY_WORKFLOW.conflict);
  await linkNeeds(tx, activityId, input.needIds);
  return { version: version + 1 };
}

// ─── Submission ────────────────────────────────────────────────────────────────

type Budget = { item: string; amount: number }[];
type Targets = { indicator: string; target: number; unit: string }[];

/** What is missing before an application may be submitted (Chinese, one entry per fact), or [] when complete. */
export function missingFacts(a: {
  isDemonstration: boolean; summary: string; themeFit: string; plannedStart: Date | null; plannedEnd: Date | null;
  plannedExperts: number; serviceForms: readonly string[]; targets: unknown; budget: unknown; teamSize: number;
}, today: string): string[] {
  const out: string[] = [];
  if (a.summary.trim().length < 20) out.push("活动方案（至少 20 字）");
  if (a.isDemonstration && a.themeFit.trim().length < 10) out.push("与年度主题的契合说明（至少 10 字）");
  if (!a.plannedStart || !a.plannedEnd) out.push("计划起止日期");
  else if (a.plannedStart.toISOString().slice(0, 10) < today) out.push("开始日期不能早于今天");
  if (a.plannedExperts < 1) out.push("计划专家人数");
  if (a.serviceForms.length === 0) out.push("服务形式");
  if (!Array.isArray(a.targets) || (a.targets as Targets).length === 0) out.push("至少一项量化目标");
  if (!Array.isArray(a.budget) || (a.budget as Budget).length === 0) out.push("经费预算");
  if (a.teamSize === 0) out.push("计划团队（至少 1 名专家）");
  return out;
}

/** Why the plan's window refuses a submission at `now`, or null. */
export function windowRefusal(plan: { state: string; applicationOpensAt: Date | null; applicationClosesAt: Date | null }, now: Date): string | null {
  if (plan.state !== "OPEN") return "该年度计划当前不接受申报";
  if (plan.applicationOpensAt && now < plan.applicationOpensAt) return `申报尚未开始（${chinaDate(plan.applicationOpensAt)} 开始）`;
  if (plan.applicationClosesAt && now >= plan.applicationClosesAt) {
    return `申报已于 ${chinaDate(new Date(plan.applicationClosesAt.getTime() - 1))} 截止，不能再提交`;
  }
  return null;
}

const activityForRules = {
  id: true, state: true, version: true, title: true, planId: true, applicantOrgId: true, provinceCode: true, channelOrgId: true,
  isDemonstration: true, summary: true, themeFit: true, plannedStart: true, plannedEnd: true, plannedExperts: true,
  serviceForms: true, targets: true, budget: true, recommendRank: true,
  program: { select: { code: true } },
  plan: { select: { id: true, state: true, year: true, theme: true, applicationOpensAt: true, applicationClosesAt: true, recommendDeadline: true, provinceQuota: true } },
  team: { select: { role: true } },
} satisfies Prisma.DemonstrationActivitySelect;

async function loadForRules(tx: Tx, activityId: string) {
  const a = await tx.demonstrationActivity.findUnique({ where: { id: activityId }, select: activityForRules });
  if (!a) throw notFound("示范活动");
  return a;
}

/** The users who apply for the organisation (and the province's staff for a bureau), to tell them of a decision. */
async function applicantUserIds(tx: Tx, a: { applicantOrgId: string }): Promise<string[]> {
  const rows = await tx.roleAssignment.findMany({
    where: { organizationId: a.applicantOrgId, role: { in: ["UNIT_USER", "BASE_HOST", "DEPARTMENT_ADMIN", "PROVINCE_ADMIN"] }, user: { status: "ACTIVE" } },
    select: { userId: true },
  });
  return rows.map((r) => r.userId);
}

async function channelUserIds(tx: Tx, a: { provinceCode: string; channelOrgId: string | null }): Promise<string[]> {
  return a.channelOrgId
    ? staffIds(tx, "DEPARTMENT_ADMIN", { organizationId: a.channelOrgId })
    : staffIds(tx, "PROVINCE_ADMIN", { provinceCode: a.provinceCode });
}

/**
 * Submit (or resubmit after a return): refused outside the plan's window, with facts or the program's team mix
 * missing, or when the applicant already submitted an application of the same title to the plan.
 */
export async function submitApplication(tx: Tx, args: { activityId: string; actorId: string; now: Date; version?: number }) {
  const a = await loadForRules(tx, args.activityId);
  ACTIVITY_WORKFLOW.next("submit", a.state);
  if (a.isDemonstration) {
    if (!a.plan) throw invalidTransition("示范活动须申报到一个年度计划");
    const closed = windowRefusal(a.plan, args.now);
    if (closed) throw invalidTransition(closed);
    const twin = await tx.demonstrationActivity.findFirst({
      where: { id: { not: a.id }, planId: a.plan.id, applicantOrgId: a.applicantOrgId, title: a.title, state: { not: "DRAFT" } },
      select: { id: true },
    });
    if (twin) throw invalidTransition(`本单位已向该年度计划申报过同名活动“${a.title}”，不能重复申报`);
  }
  const missing = missingFacts({ ...a, teamSize: a.team.length }, chinaDate(args.now));
  if (missing.length) throw invalidTransition(`申报材料不完整，请补充：${missing.join("、")}`);
  const mix = mixRefusal(a.program.code, a.team.map((m) => m.role));
  if (mix) throw invalidTransition(mix);

  const r = await ACTIVITY_WORKFLOW.apply(tx, {
    id: a.id, step: "submit", from: a.state, version: args.version, actorId: args.actorId, now: args.now,
    data: { submittedAt: args.now, returnReason: null },
  });
  await notify(tx, await channelUserIds(tx, a), {
    title: a.isDemonstration ? "有新的示范活动申报待推荐" : "有新的地方示范活动待批准",
    body: `“${a.title}”已提交，请及时预审。`,
    link: "/activities/recommend",
  });
  return { ...r, title: a.title };
}

// ─── Pre-review by the channel ─────────────────────────────────────────────────

export type Channel = { provinceCode: string | null; channelOrgId: string | null };

export const channelOf = (a: { provinceCode: string; channelOrgId: string | null }): Channel =>
  a.channelOrgId ? { provinceCode: null, channelOrgId: a.channelOrgId } : { provinceCode: a.provinceCode, channelOrgId: null };

export const channelWhere = (c: Channel): Prisma.DemonstrationActivityWhereInput =>
  c.channelOrgId ? { channelOrgId: c.channelOrgId } : { provinceCode: c.provinceCode ?? "", channelOrgId: null };

/** The channel's quota in a plan: its own row, else the plan's default for every channel. */
export async function channelQuota(tx: Tx, plan: { id: string; provinceQuota: number }, c: Channel): Promise<number> {
  const row = await tx.planChannelQuota.findFirst({
    where: { planId: plan.id, ...(c.channelOrgId ? { departmentOrgId: c.channelOrgId } : { provinceCode: c.provinceCode }) },
    select: { quota: true },
  });
  return row?.quota ?? plan.provinceQuota;
}

/** Why recommending (or changing a recommendation) is refused at `now`, or null: plan OPEN or CLOSED, before the deadline. */
export function deadlineRefusal(plan: { state: string; recommendDeadline: Date | null }, now: Date): string | null {
  if (plan.state !== "OPEN" && plan.state !== "CLOSED") return "该年度计划已进入遴选或已归档，推荐名单不能再变更";
  if (plan.recommendDeadline && now >= plan.recommendDeadline) {
    return `推荐已于 ${chinaDate(new Date(plan.recommendDeadline.getTime() - 1))} 截止，不能再变更推荐名单`;
  }
  return null;
}

/**
 * Serialises the recommendations of one plan: a row lock on the plan, taken before counting, so two staff
 * recommending the last place at once are counted one after the other and exactly one wins.
 */
async function lockPlan(tx: Tx, planId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "AnnualPlan" WHERE id = ${planId} FOR UPDATE`;
}

async function recommendedCount(tx: Tx, planId: string, c: Channel): Promise<number> {
  return tx.demonstrationActivity.count({ where: { planId, ...channelWhere(c), state: { in: [...RECOMMENDED_STATES] } } });
}

export type ChannelDecision = "recommend" | "return" | "decline" | "approveLocal";

export async function decideApplication(
  tx: Tx,
  args: { activityId: string; decision: ChannelDecision; reason?: string; actorId: string; now: Date; version?: number },
) {
  const a = await loadForRules(tx, args.activityId);
  const reason = args.reason?.trim() || null;
  let data: Prisma.DemonstrationActivityUpdateManyMutationInput = {};
  let step: ActivityStep = args.decision;
  if (args.decision === "recommend" || args.decision === "approveLocal") {
    ACTIVITY_WORKFLOW.next(step, a.state);
    if (args.decision === "approveLocal") {
      if (a.isDemonstration) throw invalidTransition("示范活动须推荐给部里遴选，只有地方示范活动可由省级直接批准实施");
      data = { selectedAt: args.now, selectionComment: reason };
    } else {
      if (!a.isDemonstration || !a.plan) throw invalidTransition("地方示范活动不需推荐，请直接批准实施");
      const late = deadlineRefusal(a.plan, args.now);
      if (late) throw invalidTransition(late);
      await lockPlan(tx, a.plan.id);
      const c = channelOf(a);
      const [quota, used] = await Promise.all([channelQuota(tx, a.plan, c), recommendedCount(tx, a.plan.id, c)]);
      if (used >= quota) throw invalidTransition(`推荐名额已满：本渠道在该年度计划的推荐名额为 ${quota} 项，已推荐 ${used} 项。如需推荐，请先撤回一项推荐`);
      const last = await tx.demonstrationActivity.aggregate({
        where: { planId: a.plan.id, ...channelWhere(c), state: "RECOMMENDED" }, _max: { recommendRank: true },
      });
      data = { recommendRank: (last._max.recommendRank ?? 0) + 1, recommendedAt: args.now, recommendComment: reason };
    }
  } else if (args.decision === "return") {
    data = { returnReason: reason };
  } else {
    step = "decline";
    data = { recommendComment: reason };
  }
  const r = await ACTIVITY_WORKFLOW.apply(tx, {
    id: a.id, step, from: a.state, version: args.version, actorId: args.actorId, comment: reason, now: args.now, data,
  });
  const titles: Record<ChannelDecision, string> = {
    recommend: "示范活动申报已获推荐", return: "示范活动申报被退回修改", decline: "示范活动申报未获推荐", approveLocal: "地方示范活动已批准实施",
  };
  await notify(tx, await applicantUserIds(tx, a), {
    title: titles[args.decision],
    body: `“${a.title}”${reason ? `，意见：${reason}` : ""}`,
    link: `/activities/${a.id}`,
  });
  return { ...r, title: a.title, rank: (data as { recommendRank?: number }).recommendRank ?? null };
}

/** Renumber the channel's recommendations in a plan 1..n in their current order. */
async function renumber(tx: Tx, planId: string, c: Channel): Promise<void> {
  const rows = await tx.demonstrationActivity.findMany({
    where: { planId, ...channelWhere(c), state: "RECOMMENDED" },
    orderBy: [{ recommendRank: { sort: "asc", nulls: "last" } }, { recommendedAt: "asc" }, { id: "asc" }],
    select: { id: true, recommendRank: true },
  });
  for (const [i, row] of rows.entries()) {
    if (row.recommendRank !== i + 1) await tx.demonstrationActivity.update({ where: { id: row.id }, data: { recommendRank: i + 1 } });
  }
}

export async function revokeRecommendation(tx: Tx, args: { activityId: string; reason: string; actorId: string; now: Date; version?: number }) {
  const a = await loadForRules(tx, args.activityId);
  ACTIVITY_WORKFLOW.next("revoke", a.state);
  if (!a.plan) throw invalidTransition("该活动没有年度计划");
  const late = deadlineRefusal(a.plan, args.now);
  if (late) throw invalidTransition(late);
  await lockPlan(tx, a.plan.id);
  const r = await ACTIVITY_WORKFLOW.apply(tx, {
    id: a.id, step: "revoke", from: a.state, version: args.version, actorId: args.actorId, comment: args.reason, now: args.now,
    data: { recommendRank: null, recommendedAt: null },
  });
  await renumber(tx, a.plan.id, channelOf(a));
  await notify(tx, await applicantUserIds(tx, a), {
    title: "示范活动的推荐已撤回", body: `“${a.title}”的推荐已撤回，原因：${args.reason}`, link: `/activities/${a.id}`,
  });
  return { ...r, title: a.title };
}

/** Move a recommendation one place up or down in its channel's ranking (before the deadline). */
export async function moveRank(tx: Tx, args: { activityId: string; direction: "up" | "down"; now: Date }) {
  const a = await loadForRules(tx, args.activityId);
  if (a.state !== "RECOMMENDED" || !a.plan) throw invalidTransition("只有已推荐的申报可以排序");
  const late = deadlineRefusal(a.plan, args.now);
  if (late) throw invalidTransition(late);
  await lockPlan(tx, a.plan.id);
  const c = channelOf(a);
  await renumber(tx, a.plan.id, c);
  const rows = await tx.demonstrationActivity.findMany({
    where: { planId: a.plan.id, ...channelWhere(c), state: "RECOMMENDED" }, orderBy: { recommendRank: "asc" }, select: { id: true, recommendRank: true },
  });
  const i = rows.findIndex((r) => r.id === a.id);
  const j = args.direction === "up" ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= rows.length) throw invalidTransition(args.direction === "up" ? "已排在第一位" : "已排在最后一位");
  await tx.demonstrationActivity.update({ where: { id: rows[i].id }, data: { recommendRank: j + 1 } });
  await tx.demonstrationActivity.update({ where: { id: rows[j].id }, data: { recommendRank: i + 1 } });
  return { title: a.title, from: i + 1, to: j + 1 };
}

/**
 * Submit the channel's ranked list to the ministry: before the deadline, within the quota, ranks 1..n. The list
 * itself is the RECOMMENDED rows; the submission is the audited act and the ministry's notification.
 */
export async function submitRanking(tx: Tx, args: { planId: string; channel: Channel; now: Date }) {
  const plan = await tx.annualPlan.findUnique({
    where: { id: args.planId }, select: { id: true, year: true, theme: true, state: true, recommendDeadline: true, provinceQuota: true },
  });
  if (!plan) throw notFound("年度计划");
  const late = deadlineRefusal(plan, args.now);
  if (late) throw invalidTransition(late);
  await lockPlan(tx, plan.id);
  await renumber(tx, plan.id, args.channel);
  const [quota, used, list] = await Promise.all([
    channelQuota(tx, plan, args.channel),
    recommendedCount(tx, plan.id, args.channel),
    tx.demonstrationActivity.findMany({
      where: { planId: plan.id, ...channelWhere(args.channel), state: "RECOMMENDED" },
      orderBy: { recommendRank: "asc" }, select: { id: true, title: true, recommendRank: true },
    }),
  ]);
  if (list.length === 0) throw invalidTransition("推荐名单为空，请先推荐申报");
  if (used > quota) throw invalidTransition(`推荐数量 ${used} 项超过本渠道名额 ${quota} 项，请先撤回多出的推荐`);
  await notify(tx, await staffIds(tx, "MINISTRY_ADMIN"), {
    title: "收到示范活动推荐名单",
    body: `${plan.year}年度“${plan.theme}”：已报送 ${list.length} 项推荐（按排序）：${list.map((x) => `${x.recommendRank}. ${x.title}`).join("；")}`,
    link: `/ministry/plans/${plan.id}`,
  });
  return { plan, list, quota };
}

// ─── Scope helpers for the operations ──────────────────────────────────────────

export async function activityPlace(tx: Tx, activityId: string) {
  const a = await tx.demonstrationActivity.findUnique({
    where: { id: activityId },
    select: { id: true, state: true, title: true, applicantOrgId: true, provinceCode: true, channelOrgId: true, isDemonstration: true, planId: true },
  });
  if (!a) throw notFound("示范活动");
  return a;
}

/** A local activity is decided by its province; a demonstration one by its channel. */
export const decisionScope = (a: { provinceCode: string; channelOrgId: string | null; applicantOrgId: string }): ResourceScope => channelScope(a);

/** Whether the user may act as the channel of `channel` (province or department) — for the ranking submission. */
export function holdsChannel(user: Pick<SessionUser, "id" | "roles">, c: Channel): boolean {
  return can(user, "activity.recommend", c.channelOrgId ? { organizationId: c.channelOrgId } : { provinceCode: c.provinceCode ?? "" });
}

