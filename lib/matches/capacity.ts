import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { conflict } from "@/lib/errors";
import { PLACE_HOLDING } from "@/lib/matches/workflow";

// Places and seats, guarded by the database so that parallel requests on several instances cannot overbook:
// an expert's places (ExpertProfile.activeEngagements < maxConcurrent, one conditional UPDATE) and a need's seats
// (place-holding matches < Need.expertsWanted, counted under a row lock on the need).

/** Take one of the expert's places, or refuse when all are taken. */
export async function takePlace(tx: Tx, expertId: string): Promise<void> {
  const taken = await tx.$executeRaw`
    UPDATE "ExpertProfile" SET "activeEngagements" = "activeEngagements" + 1, "updatedAt" = now()
     WHERE "id" = ${expertId} AND "activeEngagements" < "maxConcurrent"`;
  if (taken !== 1) throw conflict("该专家同时服务的项目已满（含待答复的邀请），暂不能再邀请或接受");
}

/** Give one place back (never below zero). */
export async function freePlace(tx: Tx, expertId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "ExpertProfile" SET "activeEngagements" = "activeEngagements" - 1, "updatedAt" = now()
     WHERE "id" = ${expertId} AND "activeEngagements" > 0`;
}

/** Apply a placeDelta from workflow.ts. */
export async function movePlace(tx: Tx, expertId: string, delta: -1 | 0 | 1): Promise<void> {
  if (delta === 1) await takePlace(tx, expertId);
  else if (delta === -1) await freePlace(tx, expertId);
}

/**
 * The matches that fill one of their need's seats: invitations, acceptances and confirmations, except a confirmed
 * expert whose engagement was cancelled. Every count of seats (checks, queues, pages) uses this.
 */
export const SEAT_HOLDING = {
  state: { in: [...PLACE_HOLDING] }, NOT: { engagement: { state: "CANCELLED" } },
} satisfies Prisma.MatchWhereInput;

/**
 * Lock the need's row for the rest of the transaction and refuse when every seat is held
 * (call before a step that makes a match place-holding).
 */
export async function holdSeat(tx: Tx, needId: string): Promise<void> {
  // Two statements on purpose: under READ COMMITTED a count in the locking statement would still see the snapshot
  // taken before waiting for the lock; the second statement sees what the previous holder committed.
  const locked = await tx.$queryRaw<{ wanted: number }[]>`SELECT "expertsWanted" AS wanted FROM "Need" WHERE "id" = ${needId} FOR UPDATE`;
  if (!locked.length) return;
  const wanted = locked[0].wanted;
  const held = await tx.match.count({ where: { needId, ...SEAT_HOLDING } });
  if (held >= wanted) throw conflict(`该需求计划邀请 ${wanted} 位专家，名额已满；如需更换，请先撤回一位`);
}
