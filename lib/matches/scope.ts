import type { Tx } from "@/lib/db";
import type { ResourceScope } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import type { MatchState } from "@/lib/generated/prisma/enums";

// A match (and its engagement) sits in three places at once: the need's province (the province acts on it),
// the need's unit (the unit confirms the team) and the expert's account (the expert responds). Each role's grant
// picks the one it is scoped by; all three are read from the database.

export type MatchScope = ResourceScope & {
  matchId: string;
  needId: string;
  expertId: string;
  state: MatchState;
  version: number;
};

export async function matchScope(tx: Tx, matchId: string): Promise<MatchScope> {
  const m = await tx.match.findUnique({
    where: { id: matchId },
    select: {
      id: true, needId: true, expertId: true, state: true, version: true,
      need: { select: { provinceCode: true, unitId: true } },
      expert: { select: { userId: true } },
    },
  });
  if (!m) throw notFound("匹配记录");
  return {
    matchId: m.id, needId: m.needId, expertId: m.expertId, state: m.state, version: m.version,
    provinceCode: m.need.provinceCode, organizationId: m.need.unitId, ownerUserId: m.expert.userId,
  };
}

/** The same three places for a need and an expert that may not have a match yet (invite, apply). */
export async function pairScope(tx: Tx, needId: string, expertId: string): Promise<ResourceScope> {
  const [need, expert] = await Promise.all([
    tx.need.findUnique({ where: { id: needId }, select: { provinceCode: true, unitId: true } }),
    tx.expertProfile.findUnique({ where: { id: expertId }, select: { userId: true } }),
  ]);
  if (!need) throw notFound("需求");
  if (!expert) throw notFound("专家");
  return { provinceCode: need.provinceCode, organizationId: need.unitId, ownerUserId: expert.userId };
}
