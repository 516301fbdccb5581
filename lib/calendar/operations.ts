import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { DAY_KIND_LABEL, removeRunSchema, setRunSchema } from "@/lib/calendar/schemas";
import { removeRun, setRun } from "@/lib/calendar/service";

const ENTITY = "CalendarDay";
const span = (start: string, end: string) => (start === end ? start : `${start} 至 ${end}`);

export const setCalendarRunOp = {
  operation: "calendar.manage",
  schema: setRunSchema,
  successMessage: "已保存，新发出的邀请按新的工作日历计算答复期限",
  async run(ctx) {
    const { start, end, kind, name } = ctx.input;
    ctx.authorize({}, { type: ENTITY, id: start });
    return db.$transaction(async (tx) => {
      const r = await setRun(tx, ctx.input, ctx.user.id);
      const replaced = r.replaced.length ? `（覆盖原有 ${r.replaced.length} 天）` : "";
      await ctx.audit(tx, {
        entityType: ENTITY, entityId: start,
        summary: `工作日历：${name} ${DAY_KIND_LABEL[kind]} ${span(start, end)}，共 ${r.days.length} 天${replaced}`,
        before: r.replaced.length ? { days: r.replaced } : undefined,
        after: { start, end, kind, name },
      });
      return { days: r.days.length };
    });
  },
} satisfies ActionDefinition<typeof setRunSchema, { days: number }>;

export const removeCalendarRunOp = {
  operation: "calendar.manage",
  schema: removeRunSchema,
  successMessage: "已删除",
  async run(ctx) {
    const { start, end, kind, name } = ctx.input;
    ctx.authorize({}, { type: ENTITY, id: start });
    return db.$transaction(async (tx) => {
      const removed = await removeRun(tx, ctx.input);
      await ctx.audit(tx, {
        operation: "calendar.remove", entityType: ENTITY, entityId: start,
        summary: `工作日历：删除 ${name} ${DAY_KIND_LABEL[kind]} ${span(start, end)}，共 ${removed} 天`,
        before: { start, end, kind, name },
      });
      return { days: removed };
    });
  },
} satisfies ActionDefinition<typeof removeRunSchema, { days: number }>;
