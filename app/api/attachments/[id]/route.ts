import { downloadResponse } from "@/lib/export/table";
import { db } from "@/lib/db";
import { can, holds } from "@/lib/auth/permissions";
import { challengeReadableBy } from "@/lib/challenges/queries";
import { PUBLIC_CHALLENGE_STATES } from "@/lib/challenges/workflow";
import { auditDenied, auditSessionEnded, lookupSession } from "@/lib/auth/session";
import { PLACE_HOLDING } from "@/lib/matches/workflow";
import { storage } from "@/lib/storage/storage";

// Download one attachment. The reader must be allowed to read the record it belongs to (scope from the database),
// or be an expert invited to (or serving) the need; anything else answers 404, so attachment ids reveal nothing.

const notFound = () => new Response("附件不存在或无权查看", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** The user is an expert holding a place on the need (invited, accepted or confirmed). */
async function invitedExpert(userId: string, needId: string): Promise<boolean> {
  const m = await db.match.findFirst({
    where: { needId, state: { in: [...PLACE_HOLDING] }, expert: { userId } },
    select: { id: true },
  });
  return m !== null;
}

export async function GET(_req: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const session = await lookupSession();
  if (!session.user) {
    await auditSessionEnded(session, `/api/attachments/${id}`);
    return new Response("请先登录", { status: 401, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  }
  const user = session.user;
  const att = await db.attachment.findUnique({ where: { id: id.slice(0, 40) } });
  if (!att) return notFound();
  if (att.ownerType === "ServiceBase" || att.ownerType === "RectificationOrder") {
    // Evidence of a service base (lib/bases/evidence.ts): whoever may read the base may read it.
    const baseId = att.ownerType === "ServiceBase" ? att.ownerId
      : (await db.rectificationOrder.findUnique({ where: { id: att.ownerId }, select: { baseId: true } }))?.baseId;
    const base = baseId ? await db.serviceBase.findUnique({ where: { id: baseId }, select: { provinceCode: true, hostOrgId: true } }) : null;
    if (!base || !can(user, "base.read", { provinceCode: base.provinceCode, organizationId: base.hostOrgId })) {
      await auditDenied(user, "base.read", { type: "Attachment", id: att.id });
      return notFound();
    }
    return stream(att);
  }
  if (att.ownerType === "Challenge") {
    // A challenge's files: the enterprise and its government, and — once it is published — the experts who may bid.
    const c = await db.challenge.findUnique({ where: { id: att.ownerId }, select: { state: true, enterpriseId: true, provinceCode: true } });
    const open = !!c && PUBLIC_CHALLENGE_STATES.includes(c.state) && holds(user, "challenge.bid");
    if (!c || !(open || challengeReadableBy(user, c))) {
      await auditDenied(user, "challenge.read", { type: "Attachment", id: att.id });
      return notFound();
    }
    return stream(att);
  }
  if (att.ownerType !== "Need") return notFound();
  const need = await db.need.findUnique({ where: { id: att.ownerId }, select: { id: true, provinceCode: true, unitId: true } });
  if (!need || !(can(user, "need.read", { provinceCode: need.provinceCode, organizationId: need.unitId }) || (await invitedExpert(user.id, need.id)))) {
    await auditDenied(user, "need.read", { type: "Attachment", id: att.id });
    return notFound();
  }
  return stream(att);
}

async function stream(att: { id: string; storageKey: string; mimeType: string; fileName: string; sizeBytes: number }) {
  let body: ReadableStream<Uint8Array>;
  try {
    body = await storage().stream(att.storageKey);
  } catch (err) {
    console.error(`[attachment ${att.id}] file missing`, err);
    return notFound();
  }
  return downloadResponse(body, att.mimeType, att.fileName, {
    "Content-Length": String(att.sizeBytes),
    "Cache-Control": "private, no-store",
  });
}
