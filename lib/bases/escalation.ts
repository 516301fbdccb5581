import type { PrismaClient } from "@/lib/generated/prisma/client";
import { writeAudit } from "@/lib/audit/log";
import { chinaDay } from "@/lib/calendar/china-time";
import { notify, staffIds } from "@/lib/notifications/send";

/**
 * 整改逾期自动上报: every order still ISSUED (no answer) whose deadline day has passed in China is flagged once and
 * its people told — the province's staff, the ministry and the base host. Each order is claimed by a conditional
 * update (`where { id, state: ISSUED, escalatedAt: null, deadline < today }`) in the transaction that writes the
 * notifications, so however many sweeps run at once (several app instances, pg-boss workers, the interval
 * fallback) each order escalates exactly once and its notifications are written exactly once.
 */
export async function escalateOverdueRectifications(db: PrismaClient, now: Date = new Date()): Promise<{ escalated: number }> {
  const today = chinaDay(now);
  const due = await db.rectificationOrder.findMany({
    where: { state: "ISSUED", escalatedAt: null, deadline: { lt: today } },
    select: { id: true }, orderBy: { deadline: "asc" }, take: 200,
  });
  let escalated = 0;
  for (const { id } of due) {
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.rectificationOrder.updateMany({
        where: { id, state: "ISSUED", escalatedAt: null, deadline: { lt: today } },
        data: { escalatedAt: now },
      });
      if (count !== 1) return false;
      const o = await tx.rectificationOrder.findUniqueOrThrow({
        where: { id }, select: { deadline: true, baseId: true, base: { select: { name: true, provinceCode: true, hostOrgId: true } } },
      });
      const day = o.deadline.toISOString().slice(0, 10);
      await tx.baseEvent.create({ data: { baseId: o.baseId, action: "整改逾期未答复，自动上报", actorId: null, comment: `整改期限 ${day}`, createdAt: now } });
      const [province, ministry, host] = await Promise.all([
        staffIds(tx, "PROVINCE_ADMIN", { provinceCode: o.base.provinceCode }),
        staffIds(tx, "MINISTRY_ADMIN"),
        staffIds(tx, "BASE_HOST", { organizationId: o.base.hostOrgId }),
      ]);
      const body = `${o.base.name}的限期整改已于 ${day} 到期，基地未提交整改报告，请省级复评（整改未通过可调整退出）。`;
      await notify(tx, [...province, ...ministry], { title: `整改逾期：${o.base.name}`, body, link: `/province/bases/${o.baseId}` });
      await notify(tx, host, { title: `整改逾期已上报：${o.base.name}`, body: `整改期限 ${day} 已过，未收到整改报告，已上报省级和部级主管部门。`, link: "/base" });
      await writeAudit(tx, {
        operation: "base.escalate", outcome: "SUCCESS", entityType: "RectificationOrder", entityId: id,
        summary: `整改逾期自动上报：${o.base.name}（期限 ${day}）`, after: { escalatedAt: now.toISOString() },
      });
      return true;
    });
    if (done) escalated += 1;
  }
  return { escalated };
}
