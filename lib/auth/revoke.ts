import type { Tx } from "@/lib/db";

/**
 * End every session of the account on every instance: tokens carry the session version they began with
 * (lib/auth/options.ts) and lookupSession refuses one that no longer matches. With `fromVersion`, only when the
 * account is still at that version (a second sign-out of an already revoked token changes nothing).
 */
export async function revokeSessions(tx: Tx, userId: string, fromVersion?: number): Promise<boolean> {
  const { count } = await tx.user.updateMany({
    where: { id: userId, ...(fromVersion === undefined ? {} : { sessionVersion: fromVersion }) },
    data: { sessionVersion: { increment: 1 } },
  });
  return count > 0;
}
