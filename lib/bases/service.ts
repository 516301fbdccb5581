import type { Tx } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db";
import { conflict, forbidden, invalidInput, notFound } from "@/lib/errors";
import type { BaseState, EvaluationGrade, RectificationState } from "@/lib/generated/prisma/enums";
import type { ResourceScope } from "@/lib/auth/permissions";
import { chinaDay } from "@/lib/calendar/china-time";
import { nextBaseCode } from "@/lib/bases/code";
import { rectificationDeadline } from "@/lib/bases/deadline";
import {
  baseFactsSchema, missingFacts, plannedActivitySchema, SCORE_ITEMS, type ApplicationContent, type ApplicationInput,
  type EvaluationInput,
} from "@/lib/bases/schemas";
import { BASE_WORKFLOW, RECTIFICATION_WORKFLOW, type BaseStep } from "@/lib/bases/workflow";
import { EVALUATION_GRADE_LABEL } from "@/lib/labels";
import { notify, staffIds } from "@/lib/notifications/send";

// Rules and state changes of service bases. Every function takes the caller's transaction; the caller has already
// checked the actor's permission over the base's scope (read from the database by baseScope).

export type BaseScope = ResourceScope & {
  state: BaseState; version: number; level: "NATIONAL" | "PROVINCIAL"; name: string; hostOrgId: string; provinceCode: string;
};

/** Where a base sits, for authorization: its province and its host organization, read from the row. */
export async function baseScope(tx: Tx, baseId: string): Promise<BaseScope> {
  const b = await tx.serviceBase.findUnique({
    where: { id: baseId },
    select: { provinceCode: true, hostOrgId: true, state: true, version: true, level: true, name: true },
  });
  if (!b) throw notFound("基地");
  return { ...b, organizationId: b.hostOrgId };
}

/** The base an order belongs to, with the order's state. */
export async function orderScope(tx: Tx, orderId: string) {
  const o = await tx.rectificationOrder.findUnique({ where: { id: orderId }, select: { id: true, state: true, baseId: true } });
  if (!o) throw notFound("整改通知");
  return { order: o, base: await baseScope(tx, o.baseId) };
}

/** The host organization a base host applies for (its unit grant), with its province. */
export async function hostOrganization(tx: Tx, organizationId: string) {
  const org = await tx.organization.findUnique({
    where: { id: organizationId },
    select: { id: true, name: true, regionCode: true, region: { select: { provinceCode: true } } },
  });
  if (!org) throw forbidden("账号所属依托单位不存在，请联系管理员");
  return { id: org.id, name: org.name, regionCode: org.regionCode, provinceCode: org.region.provinceCode };
}
export type HostOrganization = Awaited<ReturnType<typeof hostOrganization>>;

/** The stored application content (facts and planned activities parsed back from their JSON). */
export function contentOf(row: { focus: string; developmentPlan: string; rules: string; facts: unknown; plannedActivities: unknown }): ApplicationContent {
  const facts = baseFactsSchema.safeParse(row.facts ?? {});
  const planned = plannedActivitySchema.array().safeParse(row.plannedActivities ?? []);
  return {
    focus: row.focus, developmentPlan: row.developmentPlan, rules: row.rules,
    facts: facts.success ? facts.data : baseFactsSchema.parse({}),
    plannedActivities: planned.success ? planned.data : [],
  };
}

const people = {
  host: (tx: Tx, orgId: string) => staffIds(tx, "BASE_HOST", { organizationId: orgId }),
  province: (tx: Tx, provinceCode: string) => staffIds(tx, "PROVINCE_ADMIN", { provinceCode }),
  ministry: (tx: Tx) => staffIds(tx, "MINISTRY_ADMIN"),
};

const event = (tx: Tx, baseId: string, action: string, actorId: string | null, comment: string | null = null, now = new Date()) =>
  tx.baseEvent.create({ data: { baseId, action, actorId, comment, createdAt: now } });

/** Write an application (new, or a draft/returned one the form loaded at `version`), submitting it when asked. */
export async function saveApplication(tx: Tx, org: HostOrganization, actorId: string, input: ApplicationInput, now = new Date()) {
  const data = {
    name: input.name, level: input.level, field: input.field, focus: input.focus, developmentPlan: input.developmentPlan,
    rules: input.rules, facts: input.facts, plannedActivities: input.plannedActivities,
  };
  let baseId: string;
  try {
    if (!input.baseId) {
      const created = await tx.serviceBase.create({
        data: { ...data, hostOrgId: org.id, regionCode: org.regionCode, provinceCode: org.provinceCode, state: "DRAFT", createdAt: now },
        select: { id: true },
      });
      baseId = created.id;
      await tx.baseEvent.create({ data: { baseId, action: "填写申请", toState: "DRAFT", actorId, createdAt: now } });
    } else {
      baseId = input.baseId;
      const { count } = await tx.serviceBase.updateMany({
        where: { id: baseId, hostOrgId: org.id, state: { in: [...BASE_WORKFLOW.acts.edit.in] }, ...(input.version !== undefined ? { version: input.version } : {}) },
        data: { ...data, version: { increment: 1 } },
      });
      if (!count) {
        const row = await tx.serviceBase.findUnique({ where: { id: baseId }, select: { state: true } });
        if (!row) throw notFound("基地");
        BASE_WORKFLOW.assertAct("edit", row.state);
        throw conflict("该申请已被他人修改，请刷新后重试");
      }
    }
  } catch (err) {
    if (isUniqueViolation(err)) throw invalidInput({ name: ["已有同名的专家服务基地，请更换名称"] }, "已有同名的专家服务基地");
    throw err;
  }
  if (input.intent === "submit") return { id: baseId, ...(await stepBase(tx, { baseId, step: "submit", actorId, now })) };
  return { id: baseId, from: "DRAFT" as BaseState, to: "DRAFT" as BaseState };
}

export type StepBaseInput = { baseId: string; step: BaseStep; actorId: string | null; version?: number; comment?: string | null; now?: Date };

/**
 * One step of a base's application or status (submit, approve, return, reject, approveNational, rejectNational; the
 * rectification service takes rectify, pass, remove): the workflow's conditional update on the state and version,
 * the timeline row, and the notifications.
 */
export async function stepBase(tx: Tx, { baseId, step, actorId, version, comment, now = new Date() }: StepBaseInput) {
  const b = await tx.serviceBase.findUnique({
    where: { id: baseId },
    select: { state: true, version: true, level: true, name: true, provinceCode: true, hostOrgId: true, focus: true,
      developmentPlan: true, rules: true, facts: true, plannedActivities: true },
  });
  if (!b) throw notFound("基地");
  BASE_WORKFLOW.next(step, b.state, step === "approve" ? (b.level === "NATIONAL" ? "PROVINCE_APPROVED" : "ESTABLISHED") : undefined);
  if (step === "submit") {
    const missing = missingFacts(contentOf(b));
    if (Object.keys(missing).length) throw invalidInput(missing, `申请材料不完整：${Object.values(missing).map((m) => m[0]).join("；")}`);
  }
  const to: BaseState | undefined = step === "approve" ? (b.level === "NATIONAL" ? "PROVINCE_APPROVED" : "ESTABLISHED") : undefined;
  const establishing = to === "ESTABLISHED" || step === "approveNational";
  const reason = comment?.trim() || null;
  const review = ["approve", "return", "reject", "approveNational", "rejectNational"].includes(step);
  let code: string | null = null;
  if (establishing) code = await nextBaseCode(tx, b.level, b.provinceCode, chinaDay(now).getUTCFullYear());
  try {
    await BASE_WORKFLOW.apply(tx, {
      id: baseId, step, from: b.state, to, version: version ?? b.version, actorId, comment: reason, now,
      data: {
        ...(step === "submit" ? { submittedAt: now, reviewComment: null } : {}),
        ...(review ? { reviewedAt: now, reviewedById: actorId, reviewComment: reason } : {}),
        ...(step === "approve" && to === "PROVINCE_APPROVED" ? { provinceApprovedAt: now } : {}),
        ...(establishing ? { code, establishedAt: now } : {}),
      },
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict("基地编号分配冲突，请重试");
    throw err;
  }
  const next = to ?? BASE_WORKFLOW.next(step, b.state);
  const link = (who: "host" | "province" | "ministry") => (who === "host" ? "/base" : who === "province" ? `/province/bases/${baseId}` : `/ministry/bases/${baseId}`);
  const hostIds = await people.host(tx, b.hostOrgId);
  switch (step) {
    case "submit":
      await notify(tx, await people.province(tx, b.provinceCode), { title: `专家服务基地申请待审核：${b.name}`, link: link("province") });
      break;
    case "approve":
      if (next === "PROVINCE_APPROVED") {
        await notify(tx, await people.ministry(tx), { title: `国家级专家服务基地待审定：${b.name}`, body: "省级已审核通过，请部级审定。", link: link("ministry") });
        await notify(tx, hostIds, { title: `基地申请已通过省级审核：${b.name}`, body: "已报人社部审定。", link: link("host") });
      } else {
        await notify(tx, hostIds, { title: `专家服务基地已设立：${b.name}`, body: `基地编号 ${code}`, link: link("host") });
      }
      break;
    case "approveNational":
      await notify(tx, hostIds, { title: `国家级专家服务基地已设立：${b.name}`, body: `基地编号 ${code}`, link: link("host") });
      await notify(tx, await people.province(tx, b.provinceCode), { title: `国家级专家服务基地已设立：${b.name}`, link: link("province") });
      break;
    case "return": case "reject": case "rejectNational":
      await notify(tx, hostIds, { title: `基地申请${BASE_WORKFLOW.steps[step].label}：${b.name}`, body: reason ?? "", link: link("host") });
      break;
  }
  return { from: b.state, to: next, code, name: b.name };
}

/** What the platform already knows of a base's year: the activities it hosted, their experts and progress reports. */
export async function reportPrefill(tx: Tx, baseId: string, year: number) {
  const start = new Date(Date.UTC(year, 0, 1));
  const end = new Date(Date.UTC(year + 1, 0, 1));
  const inYear = { hostBaseId: baseId, OR: [{ plannedStart: { gte: start, lt: end } }, { plannedEnd: { gte: start, lt: end } }] };
  const [activities, engagements, progress] = await Promise.all([
    tx.demonstrationActivity.findMany({ where: inYear, select: { title: true, plannedExperts: true } }),
    tx.engagement.count({ where: { activity: inYear } }),
    tx.activityProgressReport.aggregate({ where: { activity: inYear }, _sum: { expertsCount: true, peopleServed: true } }),
  ]);
  return {
    activitiesCount: activities.length,
    expertsCount: progress._sum.expertsCount ?? activities.reduce((n, a) => n + a.plannedExperts, 0),
    peopleTrained: progress._sum.peopleServed ?? 0,
    engagements,
    content: activities.length ? `本年度依托基地开展活动：${activities.map((a) => `“${a.title}”`).join("、")}。` : "",
  };
}

export type ReportInput = { year: number; content: string; activitiesCount: number; expertsCount: number; peopleTrained: number; results: string };

/** The base's annual report (one a year; only an established base, or one under rectification, reports). */
export async function fileReport(tx: Tx, baseId: string, actorId: string, input: ReportInput, now = new Date()) {
  const base = await baseScope(tx, baseId);
  BASE_WORKFLOW.assertAct("report", base.state);
  if (input.year > chinaDay(now).getUTCFullYear()) throw invalidInput({ year: ["不能报送未来年度的报告"] });
  try {
    const report = await tx.baseAnnualReport.create({ data: { baseId, ...input, submittedById: actorId, createdAt: now }, select: { id: true } });
    await event(tx, baseId, `报送${input.year}年度报告`, actorId, null, now);
    await notify(tx, await people.province(tx, base.provinceCode), { title: `专家服务基地报送年度报告：${base.name}`, body: `${input.year}年度`, link: `/province/bases/${baseId}` });
    return { ...report, name: base.name };
  } catch (err) {
    if (isUniqueViolation(err)) throw invalidInput({ year: [`${input.year}年度报告已报送，不能重复报送`] }, `${input.year}年度报告已报送`);
    throw err;
  }
}

/** The province's (or ministry's) annual evaluation: one a year, only of an established base; scores add up. */
export async function evaluateBase(tx: Tx, baseId: string, actorId: string, input: Omit<EvaluationInput, "baseId">, now = new Date()) {
  const b = await tx.serviceBase.findUnique({ where: { id: baseId }, select: { state: true, name: true, hostOrgId: true } });
  if (!b) throw notFound("基地");
  BASE_WORKFLOW.assertAct("evaluate", b.state);
  if (input.year > chinaDay(now).getUTCFullYear()) throw invalidInput({ year: ["不能评估未来年度"] });
  const values = [input.scoreActivities, input.scoreExperts, input.scoreTraining, input.scoreManagement];
  const scores = Object.fromEntries(SCORE_ITEMS.map((k, i) => [k, values[i]]));
  const total = values.reduce((a, n) => a + n, 0);
  try {
    const row = await tx.baseEvaluation.create({
      data: { baseId, year: input.year, grade: input.grade, comment: input.comment, scores, total, evaluatorId: actorId, createdAt: now },
      select: { id: true },
    });
    // The base must still be established when the evaluation commits (a rectification may have been issued meanwhile).
    const { count } = await tx.serviceBase.updateMany({ where: { id: baseId, state: "ESTABLISHED" }, data: { version: { increment: 1 } } });
    if (!count) throw conflict("该基地已被他人处理，请刷新后重试");
    await event(tx, baseId, `${input.year}年度评估：${EVALUATION_GRADE_LABEL[input.grade]}（${total}分）`, actorId, input.comment || null, now);
    await notify(tx, await people.host(tx, b.hostOrgId), {
      title: `${input.year}年度评估结果：${EVALUATION_GRADE_LABEL[input.grade]}`, body: `${b.name}，总分 ${total}。${input.comment}`, link: "/base",
    });
    return { id: row.id, grade: input.grade as EvaluationGrade, total };
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`该基地${input.year}年度已评估，不能重复评估`);
    throw err;
  }
}

export type IssueInput = { reason: string; items: string[]; deadline?: string; evaluationYear?: number; version?: number };

/** 限期整改: the base goes under rectification and gets an order with a deadline (12 months unless set). */
export async function issueRectification(tx: Tx, baseId: string, actorId: string, input: IssueInput, now = new Date()) {
  const deadline = input.deadline ? new Date(`${input.deadline}T00:00:00Z`) : rectificationDeadline(now);
  if (deadline <= chinaDay(now)) throw invalidInput({ deadline: ["整改期限必须晚于今天"] });
  const r = await stepBase(tx, { baseId, step: "rectify", actorId, version: input.version, comment: input.reason, now });
  const order = await tx.rectificationOrder.create({
    data: { baseId, reason: input.reason, requiredItems: input.items, deadline, issuedById: actorId, evaluationYear: input.evaluationYear ?? null, createdAt: now },
    select: { id: true, deadline: true },
  });
  const b = await tx.serviceBase.findUniqueOrThrow({ where: { id: baseId }, select: { hostOrgId: true } });
  await notify(tx, await people.host(tx, b.hostOrgId), {
    title: `限期整改通知：${r.name}`, body: `请于 ${deadline.toISOString().slice(0, 10)} 前完成整改并提交整改报告。整改事由：${input.reason}`, link: "/base",
  });
  return { ...order, ...r };
}

/** The base's answer to an order, with its evidence. */
export async function respondRectification(tx: Tx, orderId: string, actorId: string, response: string, now = new Date()) {
  const o = await tx.rectificationOrder.findUnique({ where: { id: orderId }, select: { state: true, baseId: true, base: { select: { name: true, provinceCode: true } } } });
  if (!o) throw notFound("整改通知");
  await RECTIFICATION_WORKFLOW.apply(tx, { id: orderId, step: "respond", from: o.state, actorId, comment: response, now, data: { response, respondedAt: now } });
  await event(tx, o.baseId, "提交整改报告", actorId, response, now);
  await notify(tx, await people.province(tx, o.base.provinceCode), { title: `专家服务基地提交整改报告：${o.base.name}`, link: `/province/bases/${o.baseId}` });
  return { baseId: o.baseId, name: o.base.name };
}

/** The province's re-evaluation: the order passes (the base is established again) or fails (the base is removed). */
export async function reEvaluate(tx: Tx, orderId: string, actorId: string, decision: "pass" | "remove", reason: string, now = new Date()) {
  const o = await tx.rectificationOrder.findUnique({ where: { id: orderId }, select: { state: true, baseId: true } });
  if (!o) throw notFound("整改通知");
  const verdict = reason.trim() || null;
  const orderStep = decision === "pass" ? "pass" : "fail";
  const { to: orderTo } = await RECTIFICATION_WORKFLOW.apply(tx, {
    id: orderId, step: orderStep, from: o.state, actorId, comment: verdict, now, data: { verdict, decidedById: actorId, decidedAt: now },
  });
  const r = await stepBase(tx, { baseId: o.baseId, step: decision, actorId, comment: verdict, now });
  if (decision === "remove") {
    await tx.serviceBase.update({ where: { id: o.baseId }, data: { removedAt: now, removalReason: verdict } });
  }
  const b = await tx.serviceBase.findUniqueOrThrow({ where: { id: o.baseId }, select: { hostOrgId: true } });
  await notify(tx, await people.host(tx, b.hostOrgId), {
    title: decision === "pass" ? `整改通过：${r.name}` : `专家服务基地调整退出：${r.name}`, body: verdict ?? "", link: "/base",
  });
  return { baseId: o.baseId, orderState: orderTo as RectificationState, baseState: r.to, name: r.name };
}

