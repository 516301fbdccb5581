import type { Tx } from "@/lib/db";
import { invalidInput, invalidTransition, notFound } from "@/lib/errors";
import type { EvidenceKind } from "@/lib/bases/schemas";
import { BASE_WORKFLOW, RECTIFICATION_WORKFLOW } from "@/lib/bases/workflow";

// Evidence files (lib/storage) of a base: of its application while the host may edit it, and of its answer to a
// rectification order while the order waits for it. Attachment.ownerType says which.

export const EVIDENCE_OWNER: Record<EvidenceKind, "ServiceBase" | "RectificationOrder"> = {
  application: "ServiceBase", rectification: "RectificationOrder",
};
export const MAX_EVIDENCE_FILES = 10;

/** Lock the owner row and refuse unless its state still takes evidence. */
async function lockOwner(tx: Tx, kind: EvidenceKind, ownerId: string) {
  if (kind === "application") {
    const rows = await tx.$queryRaw<{ state: string }[]>`SELECT "state"::text AS state FROM "ServiceBase" WHERE "id" = ${ownerId} FOR UPDATE`;
    if (!rows.length) throw notFound("基地");
    BASE_WORKFLOW.assertAct("edit", rows[0].state as never);
    return;
  }
  const rows = await tx.$queryRaw<{ state: string }[]>`SELECT "state"::text AS state FROM "RectificationOrder" WHERE "id" = ${ownerId} FOR UPDATE`;
  if (!rows.length) throw notFound("整改通知");
  if (!RECTIFICATION_WORKFLOW.canStep("respond", rows[0].state as never)) throw invalidTransition("整改报告已提交或整改已结束，不能再增删佐证材料");
}

export type StoredFile = { fileName: string; mimeType: string; sizeBytes: number; sha256: string; storageKey: string };

export async function addEvidence(tx: Tx, kind: EvidenceKind, ownerId: string, file: StoredFile, uploadedById: string) {
  await lockOwner(tx, kind, ownerId);
  const ownerType = EVIDENCE_OWNER[kind];
  if ((await tx.attachment.count({ where: { ownerType, ownerId } })) >= MAX_EVIDENCE_FILES) {
    throw invalidInput({ file: [`最多上传 ${MAX_EVIDENCE_FILES} 个佐证材料`] }, `最多上传 ${MAX_EVIDENCE_FILES} 个佐证材料`);
  }
  return tx.attachment.create({ data: { ownerType, ownerId, uploadedById, ...file }, select: { id: true, fileName: true } });
}

export async function removeEvidence(tx: Tx, kind: EvidenceKind, attachmentId: string) {
  const att = await tx.attachment.findUnique({ where: { id: attachmentId }, select: { ownerType: true, ownerId: true, storageKey: true, fileName: true } });
  if (!att || att.ownerType !== EVIDENCE_OWNER[kind]) throw notFound("附件");
  await lockOwner(tx, kind, att.ownerId);
  await tx.attachment.delete({ where: { id: attachmentId } });
  return att;
}

/** The base an evidence owner belongs to (the base itself, or the order's base). */
export async function evidenceBaseId(tx: Tx, kind: EvidenceKind, ownerId: string): Promise<string> {
  if (kind === "application") return ownerId;
  const o = await tx.rectificationOrder.findUnique({ where: { id: ownerId }, select: { baseId: true } });
  if (!o) throw notFound("整改通知");
  return o.baseId;
}
