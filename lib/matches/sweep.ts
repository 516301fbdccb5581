import { db, type Tx } from "@/lib/db";
import { writeAudit } from "@/lib/audit/log";
import { CHINA_TIME_ZONE } from "@/lib/calendar/china-time";
import { settleNeed } from "@/lib/engagements/service";
import { AppError } from "@/lib/errors";
import { notifyStep, stepMatch } from "@/lib/matches/service";
import { notify } from "@/lib/notifications/send";
import type { Prisma } from "@/lib/generated/prisma/client";

// Invitation deadlines: a reminder on the deadline's day, expiry after it (the place goes back to the expert and
// the seat to the need). Every instance may run this at any time: each row changes by a conditional update, so a
// second sweeper finds nothing left to do. Runs on a timer in every instance (instrumentation.ts), on demand
// (POST /api/cron/sweep), and for one expert or need before an invitation is made.

const DAY_MS = 86_400_000;
const BATCH = 200;

export type SweepScope = { expertId?: string; needId?: string };

export async function sweepInvitations(client: Tx = db, now = new Date(), scope: SweepScope = {}) {
  const where: Prisma.MatchWhereInput = { state: "INVITED", ...scope };
  let expired = 0;
  const due = await client.match.findMany({ where: { ...where, respondBy: { lt: now } }, select: { id: true }, take: BATCH });
  for (const { id } of due) {
    try {
      await db.$transaction(async (tx) => {
        const r = await stepMatch(tx, { matchId: id, step: "expire", actorId: null, now });
        await writeAudit(tx, {
          operation: "match.expire", outcome: "SUCCESS", entityType: "Match", entityId: id,
          summary: "邀请超过答复期限，自动失效并释放名额", before: { state: r.from }, after: { state: r.to },
        });
        await notifyStep(tx, r);
        await settleNeed(tx, r.needId, null, now);
      });
      expired++;
    } catch (err) {
      // Another sweeper or the expert got there first.
      if (!(err instanceof AppError)) throw err;
    }
  }

  let reminded = 0;
  const soon = await client.match.findMany({
    where: { ...where, remindedAt: null, respondBy: { gte: now, lt: new Date(now.getTime() + DAY_MS) } },
    select: { id: true, respondBy: true, need: { select: { title: true } }, expert: { select: { userId: true } } },
    take: BATCH,
  });
  for (const m of soon) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.match.updateMany({ where: { id: m.id, state: "INVITED", remindedAt: null }, data: { remindedAt: now } });
      if (count !== 1) return;
      if (m.expert.userId) {
        await notify(tx, [m.expert.userId], {
          title: `邀请即将到期：${m.need.title}`,
          body: `请在 ${m.respondBy!.toLocaleString("zh-CN", { timeZone: CHINA_TIME_ZONE, hour12: false })} 前接受或婉拒，逾期邀请将自动失效。`,
          link: `/expert/invitations/${m.id}`,
        });
      }
      await writeAudit(tx, { operation: "match.remind", outcome: "SUCCESS", entityType: "Match", entityId: m.id, summary: "发送邀请答复提醒" });
      reminded++;
    });
  }
  return { expired, reminded };
}
