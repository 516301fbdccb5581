import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { forbidden } from "@/lib/errors";
import { issueCertificateSchema, revokeCertificateSchema } from "@/lib/certificates/schemas";
import { certificateScope, issueCertificate, revokeCertificate } from "@/lib/certificates/service";

const ENTITY = "Certificate";

/** The expert issues a certificate of their own confirmed service (their profile is the one linked to the account). */
export const issueCertificateOp = {
  operation: "certificate.issue",
  schema: issueCertificateSchema,
  successMessage: (r) => `服务证明已开具，验证码 ${r.code}`,
  async run(ctx) {
    const expert = await db.expertProfile.findUnique({ where: { userId: ctx.user.id }, select: { id: true, provinceCode: true, userId: true } });
    if (!expert) throw forbidden("账号尚未关联专家档案，不能开具服务证明");
    ctx.authorize({ ownerUserId: expert.userId, provinceCode: expert.provinceCode }, { type: "ExpertProfile", id: expert.id });
    return db.$transaction(async (tx) => {
      const r = await issueCertificate(tx, { expertId: expert.id, from: ctx.input.from, to: ctx.input.to, actorId: ctx.user.id });
      await ctx.audit(tx, {
        entityType: ENTITY, entityId: r.id,
        summary: `开具服务证明 ${r.code}：${r.contents.period.from} 至 ${r.contents.period.to}，${r.contents.totals.hours} 小时，${r.contents.totals.units} 个服务单位`,
        after: { code: r.code, period: r.contents.period, totals: r.contents.totals },
      });
      return { id: r.id, code: r.code };
    });
  },
} satisfies ActionDefinition<typeof issueCertificateSchema, { id: string; code: string }>;

/** The expert's province revokes a certificate, with a reason. */
export const revokeCertificateOp = {
  operation: "certificate.revoke",
  schema: revokeCertificateSchema,
  successMessage: "服务证明已撤销",
  async run(ctx) {
    const scope = await certificateScope(db, ctx.input.certificateId);
    ctx.authorize({ provinceCode: scope.provinceCode }, { type: ENTITY, id: scope.id });
    return db.$transaction(async (tx) => {
      const r = await revokeCertificate(tx, { ...ctx.input, actorId: ctx.user.id });
      await ctx.audit(tx, {
        entityType: ENTITY, entityId: scope.id, summary: `撤销服务证明 ${r.code}（专家 ${r.expertName}），原因：${ctx.input.reason}`,
        before: { state: r.from }, after: { state: r.to, reason: ctx.input.reason },
      });
      return { state: r.to };
    });
  },
} satisfies ActionDefinition<typeof revokeCertificateSchema, { state: string }>;
