import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { conflict, invalidTransition, notFound } from "@/lib/errors";
import { PROFESSIONAL_TITLE_LABEL, TALENT_CATEGORY_LABEL } from "@/lib/labels";
import { computeExpertTerms } from "@/lib/matching/terms";
import { notify, staffIds } from "@/lib/notifications/send";

// The fields of a profile that decide eligibility and ranking (院士 and other talent categories, the title, the
// employer and the name the province verified). An expert's own change to them waits for the province; until it
// approves, the old values stay in force everywhere (matching, lists, certificates).

export const REVIEWED_FIELDS = ["name", "title", "talentCategories", "employer"] as const;
export type ReviewedField = (typeof REVIEWED_FIELDS)[number];

export const REVIEWED_FIELD_LABEL: Record<ReviewedField, string> = {
  name: "姓名", title: "职称", talentCategories: "人才类别", employer: "工作单位",
};

export type FieldChange = { from: unknown; to: unknown };
export type ReviewedChanges = Partial<Record<ReviewedField, FieldChange>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The reviewed fields whose proposed value differs from the current one. */
export function reviewedChanges(current: Record<ReviewedField, unknown>, proposed: Record<ReviewedField, unknown>): ReviewedChanges {
  const out: ReviewedChanges = {};
  for (const f of REVIEWED_FIELDS) if (!same(current[f], proposed[f])) out[f] = { from: current[f], to: proposed[f] };
  return out;
}

/** A value as a provincial officer reads it. */
export function describeValue(field: ReviewedField, value: unknown): string {
  if (field === "title") return PROFESSIONAL_TITLE_LABEL[value as keyof typeof PROFESSIONAL_TITLE_LABEL] ?? String(value ?? "—");
  if (field === "talentCategories") {
    const list = (value as string[] | null) ?? [];
    return list.length ? list.map((c) => TALENT_CATEGORY_LABEL[c as keyof typeof TALENT_CATEGORY_LABEL] ?? c).join("、") : "无";
  }
  return String(value ?? "—");
}

/**
 * Holds the expert's change to reviewed fields for the province: a new PENDING request replaces one still pending
 * (SUPERSEDED), and the province is notified. Returns the fields held.
 */
export async function requestReviewedChange(
  tx: Tx,
  expert: { id: string; name: string; provinceCode: string },
  changes: ReviewedChanges,
  requestedById: string,
): Promise<ReviewedField[]> {
  const fields = Object.keys(changes) as ReviewedField[];
  if (fields.length === 0) return [];
  await tx.expertProfileChange.updateMany({ where: { expertId: expert.id, state: "PENDING" }, data: { state: "SUPERSEDED" } });
  const change = await tx.expertProfileChange.create({
    data: { expertId: expert.id, provinceCode: expert.provinceCode, changes: changes as Prisma.InputJsonValue, requestedById },
    select: { id: true },
  });
  await notify(tx, await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: expert.provinceCode }), {
    title: `专家信息变更待审核：${expert.name}`,
    body: `${expert.name}申请修改${fields.map((f) => REVIEWED_FIELD_LABEL[f]).join("、")}，审核通过前仍按原信息使用。`,
    link: `/experts/${expert.id}#profile-change-${change.id}`,
  });
  return fields;
}

export type ProfileChangeDecision = "approve" | "reject";

/**
 * The province decides a pending change (conditional on PENDING, so of two officers deciding at once one wins).
 * Approving writes the new values onto the profile (its version moves on, so an edit form open on the old one
 * must reload) and re-indexes the expert for matching.
 */
export async function decideProfileChange(
  tx: Tx,
  changeId: string,
  decision: ProfileChangeDecision,
  actorId: string,
  reason: string | null,
  now = new Date(),
) {
  const change = await tx.expertProfileChange.findUnique({
    where: { id: changeId },
    select: { id: true, state: true, changes: true, expertId: true, expert: { select: { name: true, userId: true } } },
  });
  if (!change) throw notFound("信息变更申请");
  if (change.state !== "PENDING") throw invalidTransition("该信息变更申请已处理或已被新的申请取代");
  const { count } = await tx.expertProfileChange.updateMany({
    where: { id: changeId, state: "PENDING" },
    data: { state: decision === "approve" ? "APPROVED" : "REJECTED", decidedById: actorId, decidedAt: now, reason },
  });
  if (!count) throw conflict("该信息变更申请已被他人处理，请刷新后查看");
  const changes = change.changes as ReviewedChanges;
  if (decision === "approve") {
    const data = Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, c!.to])) as Prisma.ExpertProfileUpdateManyMutationInput;
    await tx.expertProfile.updateMany({ where: { id: change.expertId }, data: { ...data, version: { increment: 1 } } });
    await computeExpertTerms(tx, change.expertId);
  }
  const fields = (Object.keys(changes) as ReviewedField[]).map((f) => REVIEWED_FIELD_LABEL[f]).join("、");
  if (change.expert.userId) {
    await notify(tx, [change.expert.userId], decision === "approve"
      ? { title: "信息变更已通过审核", body: `您申请修改的${fields}已通过省级审核，现已生效。`, link: "/expert/profile" }
      : { title: "信息变更未通过审核", body: `您申请修改的${fields}未通过省级审核。原因：${reason}`, link: "/expert/profile" });
  }
  return { expertId: change.expertId, expertName: change.expert.name, changes };
}
