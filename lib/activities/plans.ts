import type { Tx } from "@/lib/db";
import { chinaDate, chinaDayEnd, chinaDayStart } from "@/lib/calendar/china-time";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import type { PlanState, ProgramCode } from "@/lib/generated/prisma/enums";
import type { Prisma } from "@/lib/generated/prisma/client";
import { PROGRAM_CODE_LABEL } from "@/lib/labels";
import { rubricOf, type RubricCriterion } from "@/lib/activities/rubric";
import { parseQuotaLines, type ChannelQuotaInput, type PlanInput, type UpdatePlanInput } from "@/lib/activities/schemas";
import { PLAN_WORKFLOW, planChangeNeedsRevision, type PlanStep } from "@/lib/activities/workflow";

// Annual plans: created by the ministry, opened, closed (and reopened with a reason), archived. After the window
// opened, every change is kept as a versioned PlanRevision with its reason; two editors at once → one wins (version).

/** A plan's dates as stored: the window opens at 00:00 China time of its first day and closes after its last day. */
export function planDates(input: Pick<PlanInput, "applicationOpensAt" | "applicationClosesAt" | "recommendDeadline">) {
  return {
    applicationOpensAt: chinaDayStart(input.applicationOpensAt),
    applicationClosesAt: chinaDayEnd(input.applicationClosesAt),
    recommendDeadline: chinaDayEnd(input.recommendDeadline),
  };
}

/** The last day of a stored exclusive end, as the form shows it. */
export const lastDayOf = (end: Date | null): string | null => (end ? chinaDate(new Date(end.getTime() - 1)) : null);

async function checkChannels(tx: Tx, quotas: ChannelQuotaInput[]): Promise<void> {
  const seen = new Set<string>();
  for (const q of quotas) {
    const key = q.provinceCode ?? `dept:${q.departmentOrgId}`;
    if (seen.has(key)) throw invalidInput({ channelQuotas: [`推荐渠道 ${key} 重复设置了名额`] }, `推荐渠道 ${key} 重复设置了名额`);
    seen.add(key);
  }
  const provinces = quotas.flatMap((q) => (q.provinceCode ? [q.provinceCode] : []));
  const departments = quotas.flatMap((q) => (q.departmentOrgId ? [q.departmentOrgId] : []));
  const [knownProvinces, knownDepartments] = await Promise.all([
    tx.region.findMany({ where: { code: { in: provinces }, level: "PROVINCE" }, select: { code: true } }),
    tx.organization.findMany({ where: { id: { in: departments }, type: "DEPARTMENT" }, select: { id: true } }),
  ]);
  const badProvince = provinces.find((p) => !knownProvinces.some((k) => k.code === p));
  if (badProvince) throw invalidInput({ channelQuotas: [`省份代码 ${badProvince} 不存在`] }, `省份代码 ${badProvince} 不存在`);
  const badDept = departments.find((d) => !knownDepartments.some((k) => k.id === d));
  if (badDept) throw invalidInput({ channelQuotas: [`部门 ${badDept} 不是国务院有关部门`] }, `部门 ${badDept} 不是国务院有关部门`);
}

async function programIdOf(tx: Tx, code: ProgramCode): Promise<string> {
  const program = await tx.program.findUnique({ where: { code }, select: { id: true } });
  if (!program) throw notFound("项目类别");
  return program.id;
}

function planRow(input: PlanInput, programId: string) {
  return {
    programId, year: input.year, theme: input.theme, description: input.description, quota: input.quota,
    provinceQuota: input.provinceQuota, ...planDates(input), rubric: input.rubric as unknown as Prisma.InputJsonValue,
    baseBonus: input.baseBonus, baseReservedPlaces: input.baseReservedPlaces, disagreementSpread: input.disagreementSpread,
  };
}

export async function createPlan(tx: Tx, input: PlanInput) {
  const quotas = parseQuotaLines(input.channelQuotas);
  await checkChannels(tx, quotas);
  const programId = await programIdOf(tx, input.programCode);
  const clash = await tx.annualPlan.findUnique({ where: { programId_year: { programId, year: input.year } }, select: { id: true } });
  if (clash) throw conflict(`${input.year}年度“${PROGRAM_CODE_LABEL[input.programCode]}”的计划已存在，请在原计划上修改`);
  return tx.annualPlan.create({
    data: { ...planRow(input, programId), quotas: { create: quotas } },
    select: { id: true, year: true, theme: true },
  });
}

type Comparable = string | number | null;

/** The plan as its revisions compare it: one plain value per field the form edits. */
function comparable(p: {
  year: number; theme: string; description: string; quota: number; provinceQuota: number; programCode: ProgramCode;
  applicationOpensAt: Date | null; applicationClosesAt: Date | null; recommendDeadline: Date | null;
  rubric: readonly RubricCriterion[]; baseBonus: number; baseReservedPlaces: number; disagreementSpread: number;
  quotas: ChannelQuotaInput[];
}): Record<string, Comparable> {
  return {
    programCode: p.programCode, year: p.year, theme: p.theme, description: p.description, quota: p.quota,
    provinceQuota: p.provinceQuota,
    applicationOpensAt: p.applicationOpensAt ? chinaDate(p.applicationOpensAt) : null,
    applicationClosesAt: lastDayOf(p.applicationClosesAt),
    recommendDeadline: lastDayOf(p.recommendDeadline),
    rubric: p.rubric.map((c) => `${c.label}(${c.key}) ${c.weight}`).join("；"),
    baseBonus: p.baseBonus, baseReservedPlaces: p.baseReservedPlaces, disagreementSpread: p.disagreementSpread,
    channelQuotas: p.quotas
      .map((q) => `${q.provinceCode ?? `dept:${q.departmentOrgId}`}=${q.quota}`)
      .sort()
      .join("，"),
  };
}

export type PlanChanges = Record<string, { from: Comparable; to: Comparable }>;

export function diffPlan(before: Record<string, Comparable>, after: Record<string, Comparable>): PlanChanges {
  const out: PlanChanges = {};
  for (const k of Object.keys(after)) if (before[k] !== after[k]) out[k] = { from: before[k] ?? null, to: after[k] };
  return out;
}

export const PLAN_FIELD_LABEL: Record<string, string> = {
  programCode: "项目类别", year: "年度", theme: "年度主题", description: "说明", quota: "遴选名额", provinceQuota: "默认推荐名额",
  applicationOpensAt: "申报开始", applicationClosesAt: "申报截止", recommendDeadline: "推荐截止", rubric: "评审细则",
  baseBonus: "基地加分", baseReservedPlaces: "基地预留名额", disagreementSpread: "分歧阈值", channelQuotas: "各渠道推荐名额",
};

/**
 * Change a plan (ministry). In DRAFT the change is simply saved; once the window opened (any other state it may
 * be edited in) it needs a reason and is kept as a PlanRevision with the plan's new version. The update is
 * conditional on the version the editor saw, so of two editors the second is told to reload.
 */
export async function updatePlan(tx: Tx, input: UpdatePlanInput, actorId: string) {
  const plan = await tx.annualPlan.findUnique({
    where: { id: input.planId },
    include: { program: { select: { code: true } }, quotas: { select: { provinceCode: true, departmentOrgId: true, quota: true } } },
  });
  if (!plan) throw notFound("年度计划");
  PLAN_WORKFLOW.assertAct("edit", plan.state);
  const quotas = parseQuotaLines(input.channelQuotas);
  await checkChannels(tx, quotas);
  const programId = await programIdOf(tx, input.programCode);
  const row = planRow(input, programId);
  const changes = diffPlan(
    comparable({ ...plan, programCode: plan.program.code, rubric: rubricOf(plan.rubric), quotas: plan.quotas }),
    comparable({ ...row, programCode: input.programCode, rubric: input.rubric, quotas }),
  );
  if (Object.keys(changes).length === 0) return { id: plan.id, version: plan.version, changes, revised: false };
  const revised = planChangeNeedsRevision(plan.state);
  if (revised && input.reason.length < 2) {
    throw invalidInput({ reason: ["计划已开放申报，修改须写明原因（将记入修改记录）"] }, "计划已开放申报，修改须写明原因（将记入修改记录）");
  }
  if ((changes.programCode || changes.year) && revised) {
    throw invalidInput({ programCode: ["计划已开放申报，不能再改变项目类别或年度"] }, "计划已开放申报，不能再改变项目类别或年度");
  }
  const updated = await tx.annualPlan.updateMany({
    where: { id: plan.id, version: input.version },
    data: { ...row, version: { increment: 1 } },
  });
  if (updated.count !== 1) throw conflict(PLAN_WORKFLOW.conflict);
  await tx.planChannelQuota.deleteMany({ where: { planId: plan.id } });
  if (quotas.length) await tx.planChannelQuota.createMany({ data: quotas.map((q) => ({ ...q, planId: plan.id })) });
  if (revised) {
    await tx.planRevision.create({
      data: { planId: plan.id, version: plan.version + 1, changes: changes as unknown as Prisma.InputJsonValue, reason: input.reason, changedById: actorId },
    });
  }
  return { id: plan.id, version: plan.version + 1, changes, revised };
}

export async function stepPlan(
  tx: Tx,
  args: { planId: string; step: PlanStep; version?: number; reason?: string; actorId: string; now?: Date },
): Promise<{ from: PlanState; to: PlanState; theme: string; year: number }> {
  const plan = await tx.annualPlan.findUnique({ where: { id: args.planId }, select: { state: true, version: true, theme: true, year: true } });
  if (!plan) throw notFound("年度计划");
  const r = await PLAN_WORKFLOW.apply(tx, {
    id: args.planId, step: args.step, from: plan.state, version: args.version, comment: args.reason, actorId: args.actorId, now: args.now,
  });
  // The plan keeps no timeline of its own: a reopening (the only step with a reason) is kept as a revision.
  if (args.step === "reopen") {
    await tx.planRevision.create({
      data: {
        planId: args.planId, version: plan.version + 1, reason: r.comment ?? "",
        changes: { state: { from: r.from, to: r.to } } as unknown as Prisma.InputJsonValue, changedById: args.actorId,
      },
    });
  }
  return { from: r.from, to: r.to, theme: plan.theme, year: plan.year };
}
