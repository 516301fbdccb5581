import { db } from "@/lib/db";
import type { ActionDefinition } from "@/lib/actions/pipeline";
import { invalidInput } from "@/lib/errors";
import { FEEDBACK_PARTY_LABEL } from "@/lib/labels";
import { questionsSchema } from "@/lib/questionnaires/questions";
import { createDraftSchema, publishSchema, saveDraftSchema } from "@/lib/questionnaires/schemas";
import { createDraft, publishDraft, saveDraft, withKeys } from "@/lib/questionnaires/service";

const ENTITY = "Questionnaire";

// Questionnaires are national: the ministry alone sets them (questionnaire.manage at national scope).

export const createDraftOp = {
  operation: "questionnaire.manage",
  schema: createDraftSchema,
  successMessage: "已新建草稿版本",
  async run(ctx) {
    ctx.authorize({}, { type: ENTITY, id: ctx.input.party });
    return db.$transaction(async (tx) => {
      const r = await createDraft(tx, { party: ctx.input.party, actorId: ctx.user.id });
      await ctx.audit(tx, { entityType: ENTITY, entityId: r.id, summary: `新建${FEEDBACK_PARTY_LABEL[ctx.input.party]}评价问卷第 ${r.version} 版（草稿）` });
      return r;
    });
  },
} satisfies ActionDefinition<typeof createDraftSchema, { id: string; version: number }>;

export const saveDraftOp = {
  operation: "questionnaire.manage",
  schema: saveDraftSchema,
  successMessage: "草稿已保存",
  async run(ctx) {
    ctx.authorize({}, { type: ENTITY, id: ctx.input.questionnaireId });
    const questions = withKeys(ctx.input.questions);
    const checked = questionsSchema.safeParse(questions);
    if (!checked.success) throw invalidInput({ questions: checked.error.issues.map((i) => i.message) }, checked.error.issues[0]?.message);
    return db.$transaction(async (tx) => {
      const r = await saveDraft(tx, { questionnaireId: ctx.input.questionnaireId, rowVersion: ctx.input.rowVersion, title: ctx.input.title, questions });
      await ctx.audit(tx, {
        entityType: ENTITY, entityId: ctx.input.questionnaireId, summary: `修改${FEEDBACK_PARTY_LABEL[r.party]}评价问卷第 ${r.version} 版草稿（${questions.length} 题）`,
        after: { title: ctx.input.title, questions },
      });
      return { version: r.version };
    });
  },
} satisfies ActionDefinition<typeof saveDraftSchema, { version: number }>;

export const publishOp = {
  operation: "questionnaire.manage",
  schema: publishSchema,
  successMessage: "新版本已发布，此后的评价使用新版本；已有评价仍按原版本显示",
  async run(ctx) {
    ctx.authorize({}, { type: ENTITY, id: ctx.input.questionnaireId });
    return db.$transaction(async (tx) => {
      const r = await publishDraft(tx, ctx.input);
      await ctx.audit(tx, {
        operation: "questionnaire.publish", entityType: ENTITY, entityId: ctx.input.questionnaireId,
        summary: `发布${FEEDBACK_PARTY_LABEL[r.party]}评价问卷第 ${r.version} 版${r.retired ? "，原版本停用" : ""}`,
      });
      return { version: r.version };
    });
  },
} satisfies ActionDefinition<typeof publishSchema, { version: number }>;
