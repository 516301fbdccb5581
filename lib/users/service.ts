import type { Tx } from "@/lib/db";
import { conflict, forbidden } from "@/lib/errors";

/** Lift a login lockout. Conditional, so two administrators unlocking at once both see a consistent result. */
export async function unlockUser(tx: Tx, userId: string, now = new Date()) {
  const { count } = await tx.user.updateMany({
    where: { id: userId, lockedUntil: { gt: now } },
    data: { lockedUntil: null, failedLoginCount: 0 },
  });
  if (!count) throw conflict("该账号当前未被锁定（可能已被他人解锁或已自动解锁）");
}

export const SELF_STATUS = "不能停用或启用自己的账号";

/** Enable or disable an account; only from the opposite state, and never one's own. */
export async function setUserStatus(tx: Tx, actorId: string, userId: string, status: "ACTIVE" | "DISABLED") {
  if (actorId === userId) throw forbidden(SELF_STATUS);
  const from = status === "ACTIVE" ? "DISABLED" : "ACTIVE";
  const { count } = await tx.user.updateMany({ where: { id: userId, status: from }, data: { status } });
  if (!count) throw conflict(status === "ACTIVE" ? "该账号当前不是停用状态，无法启用" : "该账号当前不是正常状态，无法停用");
}
