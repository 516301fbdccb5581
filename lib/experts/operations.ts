import { db, isUniqueViolation } from "@/lib/db";
import { openPersonal } from "@/lib/privacy/at-rest";
import { decideProfileChange, REVIEWED_FIELD_LABEL, type ReviewedField } from "@/lib/experts/profile-review";
import { writeAudit, type RequestMeta } from "@/lib/audit/log";
import { fieldErrorsOf, type ActionContext, type ActionDefinition, type ActionResult } from "@/lib/actions/pipeline";
import { hashPassword } from "@/lib/auth/password";
import { AppError, GENERIC_ERROR, invalidInput, notFound, tooMany } from "@/lib/errors";
import {
  achievementSchema, availabilitySchema, createExpertSchema, decideProfileChangeSchema, expertIdSchema, registerSchema, rejectSchema,
  removeAchievementSchema, removeAvailabilitySchema, updateAchievementSchema, updateProfileSchema,
} from "@/lib/experts/schemas";
import {
  addAchievement, addAvailability, approveRegistration, createExpertProfile, expertRegion,
  registerExpert, rejectRegistration, removeAchievement, removeAvailability, updateAchievement, updateProfile,
} from "@/lib/experts/service";
import { formDataToObject } from "@/lib/actions/pipeline";
import type { PersonalData } from "@/lib/privacy/mask";
import { newPasswordProblem } from "@/lib/auth/password-policy";
import { addressKey, LIMITS, overLimit } from "@/lib/security/rate-limit";

const USERNAME_TAKEN = "该账号已被注册，请换一个";

/**
 * Registrations tried from one network address per hour (lib/security/rate-limit.ts, counted in PostgreSQL so all
 * instances share it, before the deliberately slow password hash). Generous, because a university's experts may all
 * register from behind one address.
 */
export const REGISTRATIONS_PER_ADDRESS_PER_HOUR = LIMITS.registerPerAddress.max;
const TOO_MANY_REGISTRATIONS = "该网络地址一小时内注册申请过多，请稍后再试或联系所在省级人社部门";

async function tooManyRegistrations(meta: RequestMeta): Promise<boolean> {
  return overLimit(db, `register:addr:${addressKey(meta.ip)}`, LIMITS.registerPerAddress);
}

/** The expert's province and owner, read from the database, checked against the operation's scope. */
async function authorizeExpert(ctx: ActionContext<{ expertId: string }>) {
  const expert = await db.expertProfile.findUnique({
    where: { id: ctx.input.expertId },
    select: { id: true, name: true, provinceCode: true, userId: true, status: true },
  });
  if (!expert) throw notFound("专家");
  ctx.authorize({ provinceCode: expert.provinceCode, ownerUserId: expert.userId }, { type: "ExpertProfile", id: expert.id });
  return expert;
}

export const createExpertOp = {
  operation: "expert.create",
  schema: createExpertSchema,
  successMessage: "专家已录入",
  async run(ctx) {
    const region = await expertRegion(db, ctx.input.regionCode);
    ctx.authorize({ provinceCode: region.provinceCode });
    const passwordHash = ctx.input.createAccount && ctx.input.password ? await hashPassword(ctx.input.password) : null;
    try {
      return await db.$transaction(async (tx) => {
        const expert = await createExpertProfile(tx, ctx.input, passwordHash);
        await ctx.audit(tx, {
          entityType: "ExpertProfile", entityId: expert.id,
          summary: `录入专家 ${ctx.input.name}${expert.userId ? `，开通账号 ${ctx.input.username}` : ""}`,
          after: { name: ctx.input.name, regionCode: ctx.input.regionCode, account: expert.userId ? ctx.input.username ?? null : null },
        });
        return { id: expert.id };
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw invalidInput({ username: [USERNAME_TAKEN] }, USERNAME_TAKEN);
      throw err;
    }
  },
} satisfies ActionDefinition<typeof createExpertSchema, { id: string }>;

export const updateExpertOp = {
  operation: "expert.update",
  schema: updateProfileSchema,
  successMessage: ({ heldForReview }) => heldForReview.length
    ? `专家档案已保存；${heldForReview.map((f) => REVIEWED_FIELD_LABEL[f]).join("、")}的修改已提交省级审核，审核通过前仍按原信息使用`
    : "专家档案已保存",
  async run(ctx) {
    const expert = await authorizeExpert(ctx);
    const bySelf = !!expert.userId && expert.userId === ctx.user.id;
    // A province may not move an expert into another province's care; the expert may move anywhere.
    if (!bySelf) {
      const region = await expertRegion(db, ctx.input.regionCode);
      ctx.authorize({ provinceCode: region.provinceCode }, { type: "ExpertProfile", id: expert.id });
    }
    return db.$transaction(async (tx) => {
      const result = await updateProfile(tx, ctx.input, { bySelf, actorId: ctx.user.id });
      const held = result.heldForReview.map((f) => REVIEWED_FIELD_LABEL[f]).join("、");
      await ctx.audit(tx, {
        entityType: "ExpertProfile", entityId: expert.id,
        summary: `${bySelf ? "专家本人确认并修改档案" : "修改专家档案"}：${expert.name}${result.changed.length ? `（${result.changed.join("、")}）` : "（无字段变化）"}${held ? `；${held}的修改待省级审核` : ""}`,
        before: result.before, after: result.after,
      });
      return { version: result.version, heldForReview: result.heldForReview };
    });
  },
} satisfies ActionDefinition<typeof updateProfileSchema, { version: number; heldForReview: ReviewedField[] }>;

/** The province of the expert's change (read from the row) approves it — the new values take effect — or refuses it. */
export const decideProfileChangeOp = {
  operation: "expert.approve",
  schema: decideProfileChangeSchema,
  successMessage: ({ decision }) => (decision === "approve" ? "已通过，新信息已生效" : "已退回，专家将收到原因"),
  async run(ctx) {
    const change = await db.expertProfileChange.findUnique({ where: { id: ctx.input.changeId }, select: { provinceCode: true } });
    if (!change) throw notFound("信息变更申请");
    ctx.authorize({ provinceCode: change.provinceCode }, { type: "ExpertProfileChange", id: ctx.input.changeId });
    const { decision, reason } = ctx.input;
    return db.$transaction(async (tx) => {
      const done = await decideProfileChange(tx, ctx.input.changeId, decision, ctx.user.id, reason ?? null);
      const fields = (Object.keys(done.changes) as ReviewedField[]).map((f) => REVIEWED_FIELD_LABEL[f]).join("、");
      await ctx.audit(tx, {
        operation: decision === "approve" ? "expert.changeApprove" : "expert.changeReject",
        entityType: "ExpertProfile", entityId: done.expertId,
        summary: `${decision === "approve" ? "通过" : "退回"}专家信息变更：${done.expertName}（${fields}）${reason ? `，原因：${reason}` : ""}`,
        after: done.changes as never,
      });
      return { decision };
    });
  },
} satisfies ActionDefinition<typeof decideProfileChangeSchema, { decision: "approve" | "reject" }>;

export const approveExpertOp = {
  operation: "expert.approve",
  schema: expertIdSchema,
  successMessage: "已审核通过",
  async run(ctx) {
    const expert = await authorizeExpert(ctx);
    await db.$transaction(async (tx) => {
      await approveRegistration(tx, expert.id);
      await ctx.audit(tx, {
        entityType: "ExpertProfile", entityId: expert.id, summary: `专家注册审核通过：${expert.name}`,
        before: { status: "PENDING" }, after: { status: "ACTIVE" },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof expertIdSchema, null>;

export const rejectExpertOp = {
  operation: "expert.approve",
  schema: rejectSchema,
  successMessage: "已退回注册申请",
  async run(ctx) {
    const expert = await authorizeExpert(ctx);
    await db.$transaction(async (tx) => {
      await rejectRegistration(tx, expert.id, ctx.input.reason);
      await ctx.audit(tx, {
        operation: "expert.reject", entityType: "ExpertProfile", entityId: expert.id,
        summary: `专家注册审核不通过：${expert.name}。原因：${ctx.input.reason}`,
        before: { status: "PENDING" }, after: { status: "SUSPENDED", reviewComment: ctx.input.reason },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof rejectSchema, null>;

/** 显示完整信息: the unmasked contact details, for the expert, their province and the ministry; always audited. */
export const revealPersonalOp = {
  operation: "expert.viewPersonal",
  schema: expertIdSchema,
  async run(ctx) {
    const expert = await authorizeExpert(ctx);
    // Throttled per user (a bulk harvest of contact details one click at a time is refused and audited).
    if (await overLimit(db, `reveal:user:${ctx.user.id}`, LIMITS.revealPerUser)) throw tooMany("查看完整个人信息过于频繁，请一小时后再试");
    return db.$transaction(async (tx) => {
      const row = await tx.expertProfile.findUniqueOrThrow({ where: { id: expert.id }, select: { phone: true, email: true, idNumber: true } });
      await ctx.audit(tx, { entityType: "ExpertProfile", entityId: expert.id, summary: `查看专家完整个人信息：${expert.name}` });
      return openPersonal(row);
    });
  },
} satisfies ActionDefinition<typeof expertIdSchema, PersonalData>;

export const addAchievementOp = {
  operation: "expert.update",
  schema: achievementSchema,
  successMessage: "成果已添加",
  async run(ctx) {
    const expert = await authorizeExpert(ctx);
    return db.$transaction(async (tx) => {
      const a = await addAchievement(tx, expert.id, ctx.input);
      await ctx.audit(tx, {
        operation: "expert.achievement.add", entityType: "ExpertAchievement", entityId: a.id,
        summary: `为 ${expert.name} 添加代表性成果：${ctx.input.title}`, after: { ...ctx.input },
      });
      return { id: a.id };
    });
  },
} satisfies ActionDefinition<typeof achievementSchema, { id: string }>;

export const updateAchievementOp = {
  operation: "expert.update",
  schema: updateAchievementSchema,
  successMessage: "成果已保存",
  async run(ctx) {
    const expert = await authorizeExpert(ctx);
    await db.$transaction(async (tx) => {
      await updateAchievement(tx, expert.id, ctx.input.achievementId, ctx.input);
      await ctx.audit(tx, {
        operation: "expert.achievement.update", entityType: "ExpertAchievement", entityId: ctx.input.achievementId,
        summary: `修改 ${expert.name} 的代表性成果：${ctx.input.title}`, after: { ...ctx.input },
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof updateAchievementSchema, null>;

export const removeAchievementOp = {
  operation: "expert.update",
  schema: removeAchievementSchema,
  successMessage: "成果已删除",
  async run(ctx) {
    const expert = await authorizeExpert(ctx);
    await db.$transaction(async (tx) => {
      await removeAchievement(tx, expert.id, ctx.input.achievementId);
      await ctx.audit(tx, {
        operation: "expert.achievement.remove", entityType: "ExpertAchievement", entityId: ctx.input.achievementId,
        summary: `删除 ${expert.name} 的一项代表性成果`,
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof removeAchievementSchema, null>;

export const addAvailabilityOp = {
  operation: "expert.update",
  schema: availabilitySchema,
  successMessage: "已添加",
  async run(ctx) {
    const expert = await authorizeExpert(ctx);
    return db.$transaction(async (tx) => {
      const a = await addAvailability(tx, expert.id, ctx.input);
      await ctx.audit(tx, {
        operation: "expert.availability.add", entityType: "ExpertAvailability", entityId: a.id,
        summary: `为 ${expert.name} 添加${ctx.input.kind === "AVAILABLE" ? "可服务时段" : "不可服务日期"} ${ctx.input.startsOn} 至 ${ctx.input.endsOn}`,
      });
      return { id: a.id };
    });
  },
} satisfies ActionDefinition<typeof availabilitySchema, { id: string }>;

export const removeAvailabilityOp = {
  operation: "expert.update",
  schema: removeAvailabilitySchema,
  successMessage: "已删除",
  async run(ctx) {
    const expert = await authorizeExpert(ctx);
    await db.$transaction(async (tx) => {
      await removeAvailability(tx, expert.id, ctx.input.availabilityId);
      await ctx.audit(tx, {
        operation: "expert.availability.remove", entityType: "ExpertAvailability", entityId: ctx.input.availabilityId,
        summary: `删除 ${expert.name} 的一个服务时段`,
      });
    });
    return null;
  },
} satisfies ActionDefinition<typeof removeAvailabilitySchema, null>;

/**
 * Public self-registration (no session, so outside the role pipeline): zod → one transaction creating the PENDING
 * account and profile, notifying the province, and auditing with the new account as the actor.
 */
export async function registerExpertPublic(raw: FormData | Record<string, unknown>, meta: RequestMeta): Promise<ActionResult<{ expertId: string }>> {
  const parsed = registerSchema.safeParse(formDataToObject(raw));
  if (!parsed.success) return { ok: false, error: "请检查填写内容", fieldErrors: fieldErrorsOf(parsed.error) };
  const input = parsed.data;
  try {
    if (await tooManyRegistrations(meta)) {
      await writeAudit(db, { actor: null, operation: "expert.register", outcome: "DENIED", summary: `注册过于频繁被拒：账号 ${input.username}`, meta });
      return { ok: false, error: TOO_MANY_REGISTRATIONS };
    }
    const weak = newPasswordProblem(input.password, input.username);
    if (weak) return { ok: false, error: "请检查填写内容", fieldErrors: { password: [weak] } };
    // Fail fast on a taken name before the deliberately slow argon2 hash.
    if (await db.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
      return { ok: false, error: USERNAME_TAKEN, fieldErrors: { username: [USERNAME_TAKEN] } };
    }
    const passwordHash = await hashPassword(input.password);
    const created = await db.$transaction(async (tx) => {
      const r = await registerExpert(tx, input, passwordHash);
      await writeAudit(tx, {
        actor: { id: r.userId, displayName: input.name }, operation: "expert.register", outcome: "SUCCESS",
        entityType: "ExpertProfile", entityId: r.expertId,
        summary: `专家自助注册：${input.name}（账号 ${input.username}），待省级审核`,
        after: { username: input.username, name: input.name, regionCode: input.regionCode }, meta,
      });
      return r;
    });
    return { ok: true, data: { expertId: created.expertId }, message: "注册申请已提交，请等待所在省级人社部门审核" };
  } catch (err) {
    if (isUniqueViolation(err)) return { ok: false, error: USERNAME_TAKEN, fieldErrors: { username: [USERNAME_TAKEN] } };
    if (err instanceof AppError) return { ok: false, error: err.message, fieldErrors: err.fieldErrors };
    console.error("[action expert.register]", err);
    return { ok: false, error: GENERIC_ERROR };
  }
}
