import type { Tx } from "@/lib/db";
import { grantedScopes, type Operation, type ResourceScope } from "@/lib/auth/permissions";
import { scopeWhere } from "@/lib/auth/scope";
import type { SessionUser } from "@/lib/auth/roles";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EngagementState } from "@/lib/generated/prisma/enums";
import { matchScope, type MatchScope } from "@/lib/matches/scope";
import type { Party } from "@/lib/engagements/workflow";

// An engagement sits where its match sits: the need's province, the need's unit and the expert's account.

export type EngagementScope = MatchScope & { engagementId: string; engagementState: EngagementState; engagementVersion: number };

export async function engagementScope(tx: Tx, engagementId: string): Promise<EngagementScope> {
  const e = await tx.engagement.findUnique({ where: { id: engagementId }, select: { matchId: true, state: true, version: true } });
  if (!e) throw notFound("服务项目");
  return { ...(await matchScope(tx, e.matchId)), engagementId, engagementState: e.state, engagementVersion: e.version };
}

/**
 * The side the user acts for under `operation` over this scope: the expert themself (self grant), the need's unit
 * (unit grant) or the need's province (province grant); null when none. An account both the expert and a user of
 * the unit (which the matching filters keep from happening) acts as the expert.
 */
export function partyOf(user: Pick<SessionUser, "id" | "roles">, operation: Operation, scope: ResourceScope): Party | null {
  const granted = grantedScopes(user, operation, scope);
  if (granted.includes("self")) return "EXPERT";
  if (granted.includes("unit")) return "UNIT";
  if (granted.includes("province")) return "PROVINCE";
  return null;
}

/** The engagements a user may read (engagement.read): all, their province's, their unit's or their own; null for none. */
export function readableEngagementsWhere(user: Pick<SessionUser, "id" | "roles">): Prisma.EngagementWhereInput | null {
  return scopeWhere<Prisma.EngagementWhereInput>(user, "engagement.read", {
    province: (codes) => ({ need: { provinceCode: { in: codes } } }),
    unit: (ids) => ({ need: { unitId: { in: ids } } }),
    self: (userId) => ({ expert: { userId } }),
  });
}
