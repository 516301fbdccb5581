import { z } from "zod";
import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { notFound } from "@/lib/errors";

const markReadSchema = z.object({ id: z.string().min(1).max(40).optional(), all: z.stringbool().optional() });

/** Mark one notification (or all of the user's) as read. Ownership is read from the row. */
export const markNotificationsReadOp = {
  operation: "notification.read",
  schema: markReadSchema,
  async run({ input, user, authorize, audit }) {
    return db.$transaction(async (tx) => {
      if (input.id) {
        const n = await tx.notification.findUnique({ where: { id: input.id }, select: { userId: true } });
        if (!n) throw notFound("通知");
        authorize({ ownerUserId: n.userId }, { type: "Notification", id: input.id });
        const { count } = await tx.notification.updateMany({ where: { id: input.id, readAt: null }, data: { readAt: new Date() } });
        if (count) await audit(tx, { entityType: "Notification", entityId: input.id, summary: "标记通知已读" });
        return { updated: count };
      }
      authorize({ ownerUserId: user.id });
      const { count } = await tx.notification.updateMany({ where: { userId: user.id, readAt: null }, data: { readAt: new Date() } });
      if (count) await audit(tx, { entityType: "Notification", summary: `全部标记已读（${count} 条）` });
      return { updated: count };
    });
  },
} satisfies ActionDefinition<typeof markReadSchema, { updated: number }>;
