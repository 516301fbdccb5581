import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import { feedbackOp } from "@/lib/engagements/operations";
import { engagementDetail } from "@/lib/engagements/queries";
import { createDraftOp, publishOp, saveDraftOp } from "@/lib/questionnaires/operations";
import { myFeedbackSummary } from "@/lib/questionnaires/queries";
import { parseQuestions, type Question } from "@/lib/questionnaires/questions";
import { createNeed } from "@/prisma/seed/factories";
import { createTestUsers, expertWithUser, unitIn, userWith, type TestUsers } from "./fixtures";
import { meta, REFUSED } from "./helpers";

// Feedback questionnaires on the database: only the ministry sets them; a published version never changes; a new
// version changes what is asked from then on while every earlier answer keeps the wording it was given. Other test
// files give feedback at the same time, so the versions published here only add optional questions.

let u: TestUsers;
let secondMinistry: SessionUser;
beforeAll(async () => {
  u = await createTestUsers();
  secondMinistry = await userWith("MINISTRY_ADMIN");
});

const run = (op: unknown, user: SessionUser, input: Record<string, unknown>) =>
  executeAction(op as Parameters<typeof executeAction>[0], user, meta, input);

async function awaitingFeedback() {
  const ex = await expertWithUser();
  const { org, user } = await unitIn();
  const need = await createNeed(db, { unitId: org.id, state: "IN_SERVICE" });
  const match = await db.match.create({ data: { needId: need.id, expertId: ex.id, score: 0.8, source: "PROVINCE", state: "CONFIRMED" } });
  const e = await db.engagement.create({ data: { matchId: match.id, needId: need.id, expertId: ex.id, state: "AWAITING_FEEDBACK", finishedAt: new Date() } });
  return { engagementId: e.id, unit: user, expert: ex.session };
}

const unitQuestionnaire = async () => {
  const q = await db.questionnaire.findFirstOrThrow({ where: { party: "UNIT", state: "PUBLISHED" } });
  return { ...q, questions: parseQuestions(q.questions) };
};

/** Rows of the editor form for the given questions (plus none blank). */
function rowsOf(questions: Question[]): Record<string, string> {
  return Object.fromEntries(questions.flatMap((q, i) => [
    [`q${i}_key`, q.key], [`q${i}_label`, q.label], [`q${i}_kind`, q.kind], ...(q.required ? [[`q${i}_required`, "1"]] : []),
  ]));
}

/** A new published version of the unit questionnaire, made from the one in use by `change`. */
async function publishNext(change: (qs: Question[]) => Question[]) {
  const draft = await run(createDraftOp, u.ministry, { party: "UNIT" });
  if (!draft.ok) throw new Error(draft.error);
  const { id } = draft.data as { id: string };
  const current = await unitQuestionnaire();
  const saved = await run(saveDraftOp, u.ministry, { questionnaireId: id, rowVersion: 0, title: current.title, ...rowsOf(change(current.questions)) });
  if (!saved.ok) throw new Error(`${saved.error} ${JSON.stringify(saved.fieldErrors)}`);
  const published = await run(publishOp, u.ministry, { questionnaireId: id, rowVersion: 1 });
  if (!published.ok) throw new Error(published.error);
  return id;
}

describe("questionnaire versions", () => {
  it("are the ministry's alone to create, edit and publish", async () => {
    for (const user of [u.sichuan, u.zhejiang, u.unit, u.expert, u.base, u.enterprise]) {
      expect(await run(createDraftOp, user, { party: "UNIT" })).toEqual(REFUSED);
      expect(await run(publishOp, user, { questionnaireId: "x", rowVersion: 0 })).toEqual(REFUSED);
      expect(await run(saveDraftOp, user, { questionnaireId: "x", rowVersion: 0, title: "问卷", q0_label: "总体满意度", q0_kind: "RATING", q0_required: "1" })).toEqual(REFUSED);
    }
  });

  it("keep old answers' meaning: a reworded question shows each answer with the wording it was given", async () => {
    const v1 = await unitQuestionnaire();
    const first = await awaitingFeedback();
    expect(await run(feedbackOp, first.unit, { engagementId: first.engagementId, rating: "5", comment: "专家认真负责", a_solved: "yes", a_inviteAgain: "no" })).toMatchObject({ ok: true });
    const stored = await db.feedback.findFirstOrThrow({ where: { engagementId: first.engagementId, party: "UNIT" } });
    expect(stored).toMatchObject({ questionnaireId: v1.id, rating: 5, answers: { satisfaction: 5, comment: "专家认真负责", solved: true, inviteAgain: false } });

    const oldSolved = v1.questions.find((q) => q.key === "solved")!.label;
    const reworded = `${oldSolved}（${Date.now()}）`;
    const v2id = await publishNext((qs) => [
      ...qs.map((q) => (q.key === "solved" ? { ...q, label: reworded } : q)),
      { key: "", kind: "TEXT", label: "还希望得到哪些服务", required: false },
    ]);
    const v2 = await unitQuestionnaire();
    expect(v2.id).toBe(v2id);
    expect(v2.version).toBe(v1.version + 1);
    expect(await db.questionnaire.findUniqueOrThrow({ where: { id: v1.id } })).toMatchObject({ state: "RETIRED", questions: v1.questions });
    expect(await db.questionnaire.count({ where: { party: "UNIT", state: "PUBLISHED" } })).toBe(1);
    const added = v2.questions.find((q) => q.label === "还希望得到哪些服务")!;
    expect(added.key).toMatch(/^q[0-9a-f]{8}$/);

    const second = await awaitingFeedback();
    expect(await run(feedbackOp, second.unit, { engagementId: second.engagementId, rating: "4", comment: "", a_solved: "no", [`a_${added.key}`]: "病虫害监测" })).toMatchObject({ ok: true });

    const lines = async (unit: SessionUser, engagementId: string) =>
      (await engagementDetail(unit, engagementId))!.feedback.find((f) => f.party === "UNIT")!;
    const old = await lines(first.unit, first.engagementId);
    expect(old.questionnaireVersion).toBe(v1.version);
    expect(old.answers).toContainEqual({ key: "solved", label: oldSolved, text: "是" });
    expect(old.answers.map((a) => a.label)).not.toContain("还希望得到哪些服务");
    const now = await lines(second.unit, second.engagementId);
    expect(now.questionnaireVersion).toBe(v2.version);
    expect(now.answers).toContainEqual({ key: "solved", label: reworded, text: "否" });
    expect(now.answers).toContainEqual({ key: added.key, label: "还希望得到哪些服务", text: "病虫害监测" });
  });

  it("never change once published, and refuse a version without the satisfaction rating", async () => {
    const current = await unitQuestionnaire();
    const edit = await run(saveDraftOp, u.ministry, { questionnaireId: current.id, rowVersion: current.rowVersion, title: "改", ...rowsOf(current.questions) });
    expect(edit).toMatchObject({ ok: false });
    const draft = await run(createDraftOp, u.ministry, { party: "EXPERT" });
    expect(draft.ok).toBe(true);
    const { id } = (draft as { data: { id: string } }).data;
    expect(await run(createDraftOp, secondMinistry, { party: "EXPERT" })).toMatchObject({ ok: false, error: "已有一个草稿版本，请先编辑或发布它" });
    const noRating = await run(saveDraftOp, u.ministry, { questionnaireId: id, rowVersion: 0, title: "专家评价问卷", q0_label: "是否愿意再次服务", q0_kind: "YES_NO" });
    expect(noRating).toMatchObject({ ok: false, error: "问卷必须保留必答的“总体满意度”评分题" });
    const short = await run(saveDraftOp, u.ministry, { questionnaireId: id, rowVersion: 0, title: "专家评价问卷", q0_key: "satisfaction", q0_label: "满", q0_kind: "RATING", q0_required: "1" });
    expect(short).toMatchObject({ ok: false, fieldErrors: { "questions.0.label": ["题目至少 2 个字"] } });
    expect((await db.questionnaire.findUniqueOrThrow({ where: { id } })).rowVersion).toBe(0);

    // Two ministry staff publishing the same draft at once: one version is published, once.
    const results = await Promise.all([u.ministry, secondMinistry].map((m) => run(publishOp, m, { questionnaireId: id, rowVersion: 0 })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.questionnaire.count({ where: { party: "EXPERT", state: "PUBLISHED" } })).toBe(1);
    expect((await db.questionnaire.findUniqueOrThrow({ where: { id } })).state).toBe("PUBLISHED");
  });

  it("feedback checks the answers against the version in use", async () => {
    const f = await awaitingFeedback();
    expect(await run(feedbackOp, f.unit, { engagementId: f.engagementId, rating: "5", comment: "", a_solved: "maybe" }))
      .toMatchObject({ ok: false, fieldErrors: { a_solved: ["请选择“是”或“否”"] } });
    expect(await db.feedback.count({ where: { engagementId: f.engagementId } })).toBe(0);
  });
});

describe("an expert's own feedback", () => {
  it("is aggregated across versions by question, each answer worded as asked", async () => {
    const f1 = await awaitingFeedback();
    const ex = await db.engagement.findUniqueOrThrow({ where: { id: f1.engagementId }, select: { expertId: true } });
    expect(await run(feedbackOp, f1.unit, { engagementId: f1.engagementId, rating: "4", comment: "", a_solved: "yes", a_inviteAgain: "yes" })).toMatchObject({ ok: true });
    const s = (await myFeedbackSummary(f1.expert))!;
    expect(s).toMatchObject({ count: 1, average: 4 });
    expect(s.distribution.find((d) => d.score === 4)!.count).toBe(1);
    expect(s.yesNo.find((q) => q.key === "solved")).toMatchObject({ yes: 1, no: 0, asked: 1 });
    expect(s.recent[0].answers.find((a) => a.key === "inviteAgain")!.text).toBe("是");
    expect(ex.expertId).toBeTruthy();
    expect(await myFeedbackSummary(u.ministry)).toBeNull();
  });
});
