import type { Tx } from "@/lib/db";
import { conflict, forbidden, invalidInput, notFound } from "@/lib/errors";
import type { NeedState } from "@/lib/generated/prisma/enums";
import type { ResourceScope } from "@/lib/auth/permissions";
import { allocateNeedCodes } from "@/lib/needs/code";
import type { NeedFormInput } from "@/lib/needs/schemas";
import { NEED_WORKFLOW, type NeedServiceStep, type NeedStep } from "@/lib/needs/workflow";
import { notify, staffIds } from "@/lib/notifications/send";

// Rules and state changes of needs. Every function takes the caller's transaction; the caller has already checked
// the actor's permission over the need's scope (read from the database by needScope).

export const MAX_ATTACHMENTS_PER_NEED = 10;

/** Unit types that may enter needs on behalf of a village or cooperative (代填). */
export const PROXY_ORG_TYPES = ["COUNTY_GOVERNMENT", "TOWNSHIP_GOVERNMENT"] as const;

/** Where a need sits, for authorization: its province and its unit, read from the row. */
export async function needScope(tx: Tx, needId: string): Promise<ResourceScope & { state: NeedState }> {
  const need = await tx.need.findUnique({ where: { id: needId }, select: { provinceCode: true, unitId: true, state: true } });
  if (!need) throw notFound("需求");
  return { provinceCode: need.provinceCode, organizationId: need.unitId, state: need.state };
}

/** The unit a user enters needs for: the organization of their unit grant. */
export async function orderingUnit(tx: Tx, organizationId: string) {
  const unit = await tx.organization.findUnique({
    where: { id: organizationId },
    select: { id: true, name: true, type: true, regionCode: true, region: { select: { provinceCode: true } } },
  });
  if (!unit) throw forbidden("账号所属单位不存在，请联系管理员");
  return { ...unit, provinceCode: unit.region.provinceCode, canProxy: (PROXY_ORG_TYPES as readonly string[]).includes(unit.type) };
}
export type OrderingUnit = Awaited<ReturnType<typeof orderingUnit>>;

/**
 * Check what the form refers to against the database: active menu items, known codes, a county of the unit's own
 * province, proxy entry only for county/township governments. Returns the need's province (from the region row).
 */
async function checkReferences(tx: Tx, unit: OrderingUnit, input: NeedFormInput): Promise<{ provinceCode: string }> {
  const errors: Record<string, string[]> = {};
  const menuIds = [...new Set(input.menuItemIds)];
  const disciplineCodes = [...new Set(input.disciplineCodes)];
  const industryCodes = [...new Set(input.industryCodes)];
  const [menu, disciplines, industries, region] = await Promise.all([
    tx.serviceMenuItem.count({ where: { id: { in: menuIds }, retiredAt: null } }),
    tx.discipline.count({ where: { code: { in: disciplineCodes } } }),
    industryCodes.length ? tx.industry.count({ where: { code: { in: industryCodes } } }) : 0,
    tx.region.findUnique({ where: { code: input.regionCode }, select: { provinceCode: true, level: true, _count: { select: { children: true } } } }),
  ]);
  if (menu !== menuIds.length) errors.menuItemIds = ["所选服务项目不存在或已下架，请重新选择"];
  if (disciplines !== disciplineCodes.length) errors.disciplineCodes = ["学科领域代码不正确"];
  if (industries !== industryCodes.length) errors.industryCodes = ["行业代码不正确"];
  if (!region) errors.regionCode = ["服务地点不存在"];
  else if (region.provinceCode !== unit.provinceCode) errors.regionCode = ["服务地点必须在本单位所在省份内"];
  else if (region.level === "PROVINCE" || (region.level === "CITY" && region._count.children > 0)) {
    errors.regionCode = ["请选择到区县一级的服务地点"];
  }
  if (input.onBehalf && !unit.canProxy) errors.onBehalfOf = ["只有县、乡镇政府可以代村或合作社填报"];
  if (Object.keys(errors).length) throw invalidInput(errors);
  return { provinceCode: region!.provinceCode };
}

function contentOf(input: NeedFormInput) {
  return {
    title: input.title,
    bottleneck: input.bottleneck,
    disciplineCodes: [...new Set(input.disciplineCodes)],
    industryCodes: [...new Set(input.industryCodes)],
    regionCode: input.regionCode,
    windowStart: input.windowStart ? new Date(`${input.windowStart}T00:00:00Z`) : null,
    windowEnd: input.windowEnd ? new Date(`${input.windowEnd}T00:00:00Z`) : null,
    expertsWanted: input.expertsWanted,
    delivery: input.delivery,
    expectedOutcome: input.expectedOutcome,
    urgency: input.urgency,
    breakBottleneck: input.breakBottleneck,
    promoteTechnology: input.promoteTechnology,
    raiseFarmerIncome: input.raiseFarmerIncome,
    onBehalfOf: input.onBehalf ? input.onBehalfOf : null,
  };
}

/** A new need (草稿) ordered from the menu; submitted at once when the form asked for it. */
export async function createNeed(tx: Tx, unit: OrderingUnit, actorId: string, input: NeedFormInput, now = new Date()) {
  const { provinceCode } = await checkReferences(tx, unit, input);
  const [code] = await allocateNeedCodes(tx, 1, now);
  const need = await tx.need.create({
    data: {
      ...contentOf(input),
      code,
      unitId: unit.id,
      provinceCode,
      enteredById: actorId,
      state: "DRAFT",
      menuItems: { create: [...new Set(input.menuItemIds)].map((menuItemId) => ({ menuItemId })) },
      events: { create: { fromState: null, toState: "DRAFT", actorId, comment: input.onBehalf ? `代 ${input.onBehalfOf} 填报` : null, createdAt: now } },
    },
    select: { id: true, code: true, version: true },
  });
  if (input.intent === "submit") {
    const step = await stepNeed(tx, { needId: need.id, step: "submit", actorId, now });
    return { ...need, state: step.to };
  }
  return { ...need, state: "DRAFT" as NeedState };
}

/** Change a draft or returned need; conditional on the version the form was loaded with. */
export async function updateNeed(tx: Tx, unit: OrderingUnit, needId: string, version: number, input: NeedFormInput) {
  const { provinceCode } = await checkReferences(tx, unit, input);
  const { count } = await tx.need.updateMany({
    where: { id: needId, unitId: unit.id, version, state: { in: [...NEED_WORKFLOW.acts.edit.in] } },
    data: { ...contentOf(input), provinceCode, version: { increment: 1 } },
  });
  if (!count) {
    const now = await tx.need.findUnique({ where: { id: needId }, select: { state: true } });
    if (!now) throw notFound("需求");
    NEED_WORKFLOW.assertAct("edit", now.state);
    throw conflict("该需求已被他人修改，请刷新后重试");
  }
  await tx.needMenuItem.deleteMany({ where: { needId } });
  await tx.needMenuItem.createMany({ data: [...new Set(input.menuItemIds)].map((menuItemId) => ({ needId, menuItemId })) });
  return { id: needId, version: version + 1 };
}

export type StepInput = { needId: string; step: NeedStep | NeedServiceStep; actorId: string | null; version?: number; comment?: string | null; now?: Date };

/**
 * One workflow step (submit, approve, return, reject, withdraw, and the service steps): the workflow's conditional
 * update on the state and the version the actor saw (by default the one read here), the timeline event, and a
 * notification to whoever must act next.
 */
export async function stepNeed(tx: Tx, { needId, step, actorId, version, comment, now = new Date() }: StepInput) {
  const need = await tx.need.findUnique({
    where: { id: needId },
    select: { state: true, version: true, code: true, title: true, provinceCode: true, unitId: true, enteredById: true },
  });
  if (!need) throw notFound("需求");
  const review = step === "approve" || step === "return" || step === "reject";
  const reason = comment?.trim() || null;
  const { to } = await NEED_WORKFLOW.apply(tx, {
    id: needId, step, from: need.state, version: version ?? need.version, actorId, comment: reason, now,
    data: {
      ...(step === "submit" ? { submittedAt: now, reviewedAt: null, reviewedById: null, reviewComment: null } : {}),
      ...(review ? { reviewedAt: now, reviewedById: actorId, reviewComment: reason } : {}),
    },
  });
  const rule = NEED_WORKFLOW.steps[step];

  const link = `/needs/${needId}`;
  const subject = `${need.code}「${need.title}」`;
  if (step === "submit") {
    await notify(tx, await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: need.provinceCode }), {
      title: `新需求待审核：${need.title}`, body: `${subject}已提交，请审核。`, link,
    });
  } else if (review) {
    const unitUsers = await staffIds(tx, "UNIT_USER", { organizationId: need.unitId });
    await notify(tx, [...unitUsers, ...(need.enteredById ? [need.enteredById] : [])], {
      title: `需求${rule.label}：${need.title}`,
      body: reason ? `${subject}${rule.label}。审核意见：${reason}` : `${subject}${rule.label}。`,
      link,
    });
  } else if (step === "withdraw" && need.state === "SUBMITTED") {
    await notify(tx, await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: need.provinceCode }), {
      title: `需求已撤销：${need.title}`, body: `${subject}已由填报单位撤销，无需审核。`, link,
    });
  }
  return { from: need.state, to, code: need.code };
}

// ─── Attachments ──────────────────────────────────────────────────────────────

/** Lock the need's row while its attachments change, refusing unless it is still editable. */
async function lockEditableNeed(tx: Tx, needId: string) {
  const rows = await tx.$queryRaw<{ state: NeedState }[]>`SELECT "state" FROM "Need" WHERE "id" = ${needId} FOR UPDATE`;
  if (!rows.length) throw notFound("需求");
  NEED_WORKFLOW.assertAct("attach", rows[0].state);
}

export type StoredFile = { fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string };

export async function addNeedAttachment(tx: Tx, needId: string, file: StoredFile, uploadedById: string) {
  await lockEditableNeed(tx, needId);
  const existing = await tx.attachment.count({ where: { ownerType: "Need", ownerId: needId } });
  if (existing >= MAX_ATTACHMENTS_PER_NEED) throw invalidInput({ file: [`每项需求最多 ${MAX_ATTACHMENTS_PER_NEED} 个附件`] }, `每项需求最多 ${MAX_ATTACHMENTS_PER_NEED} 个附件`);
  return tx.attachment.create({ data: { ownerType: "Need", ownerId: needId, uploadedById, ...file }, select: { id: true, fileName: true } });
}

export async function removeNeedAttachment(tx: Tx, attachmentId: string) {
  const att = await tx.attachment.findUnique({ where: { id: attachmentId }, select: { ownerType: true, ownerId: true, storageKey: true, fileName: true } });
  if (!att || att.ownerType !== "Need") throw notFound("附件");
  await lockEditableNeed(tx, att.ownerId);
  await tx.attachment.delete({ where: { id: attachmentId } });
  return att;
}

/** A safe display name: no directories, no control characters, at most 200 characters (keeping the extension). */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "").replace(/[\u0000-\u001f\u007f"]/g, "").trim();
  if (base.length <= 200) return base || "附件";
  const dot = base.lastIndexOf(".");
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : "";
  return base.slice(0, 200 - ext.length) + ext;
}
