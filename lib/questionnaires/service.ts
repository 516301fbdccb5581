import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { conflict, invalidTransition, notFound } from "@/lib/errors";
import type { FeedbackParty } from "@/lib/generated/prisma/enums";
import { parseQuestions, type Question } from "@/lib/questionnaires/questions";

// Questionnaire versions: the published one is what units and experts answer now; a draft is edited by the ministry
// and published as the next version (the old one retired in the same transaction); published and retired versions
// never change, so every stored answer keeps the wording it was given.

/** The version in use for a side (null only if none was ever published). */
export async function publishedQuestionnaire(tx: Tx, party: FeedbackParty) {
  const q = await tx.questionnaire.findFirst({ where: { party, state: "PUBLISHED" }, select: { id: true, version: true, title: true, questions: true } });
  return q && { ...q, questions: parseQuestions(q.questions) };
}

export async function questionnaireRow(tx: Tx, id: string) {
  const q = await tx.questionnaire.findUnique({ where: { id }, select: { id: true, party: true, version: true, state: true, rowVersion: true, title: true, questions: true } });
  if (!q) throw notFound("问卷");
  return q;
}

/** A new draft for a side, copied from the version in use; one draft at a time. */
export async function createDraft(tx: Tx, input: { party: FeedbackParty; actorId: string }) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`questionnaire-${input.party}`}))`;
  const existing = await tx.questionnaire.findFirst({ where: { party: input.party, state: "DRAFT" }, select: { id: true } });
  if (existing) throw conflict("已有一个草稿版本，请先编辑或发布它");
  const [current, last] = await Promise.all([
    publishedQuestionnaire(tx, input.party),
    tx.questionnaire.findFirst({ where: { party: input.party }, orderBy: { version: "desc" }, select: { version: true } }),
  ]);
  const questions: Question[] = current?.questions ?? [{ key: "satisfaction", kind: "RATING", label: "总体满意度", required: true }];
  return tx.questionnaire.create({
    data: { party: input.party, version: (last?.version ?? 0) + 1, title: current?.title ?? "服务评价问卷", questions, createdById: input.actorId },
    select: { id: true, version: true },
  });
}

/** A question without a key (added in the form) gets a fresh one; keys never change once given. */
export function withKeys(rows: { key: string; kind: Question["kind"]; label: string; required: boolean }[]): Question[] {
  return rows.map((r) => ({ ...r, key: r.key || `q${randomBytes(4).toString("hex")}` }));
}

export async function saveDraft(tx: Tx, input: { questionnaireId: string; rowVersion: number; title: string; questions: Question[] }) {
  const q = await questionnaireRow(tx, input.questionnaireId);
  if (q.state !== "DRAFT") throw invalidTransition("只能修改草稿版本；已发布的版本不能修改，请新建版本");
  const questions = parseQuestions(input.questions);
  const { count } = await tx.questionnaire.updateMany({
    where: { id: q.id, state: "DRAFT", rowVersion: input.rowVersion },
    data: { title: input.title, questions, rowVersion: { increment: 1 } },
  });
  if (count !== 1) throw conflict("该草稿已被他人修改，请刷新后重试");
  return { party: q.party, version: q.version };
}

/** Publish a draft as the version in use; the previous one is retired (the partial unique index keeps one in use). */
export async function publishDraft(tx: Tx, input: { questionnaireId: string; rowVersion: number; now?: Date }) {
  const now = input.now ?? new Date();
  const q = await questionnaireRow(tx, input.questionnaireId);
  if (q.state !== "DRAFT") throw invalidTransition("该版本不是草稿，不能发布");
  parseQuestions(q.questions);
  const retired = await tx.questionnaire.updateMany({ where: { party: q.party, state: "PUBLISHED" }, data: { state: "RETIRED", retiredAt: now } });
  const { count } = await tx.questionnaire.updateMany({
    where: { id: q.id, state: "DRAFT", rowVersion: input.rowVersion },
    data: { state: "PUBLISHED", publishedAt: now, rowVersion: { increment: 1 } },
  });
  if (count !== 1) throw conflict("该草稿已被他人修改或发布，请刷新后重试");
  return { party: q.party, version: q.version, retired: retired.count };
}
