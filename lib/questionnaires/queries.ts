import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { chinaDayStart } from "@/lib/calendar/china-time";
import type { FeedbackParty } from "@/lib/generated/prisma/enums";
import { extraAnswerLines, parseQuestions, type Answers, type Question } from "@/lib/questionnaires/questions";
import type { FeedbackSearch } from "@/lib/questionnaires/schemas";

/** Every version of both sides' questionnaires, newest first, with how many answers each has. */
export async function questionnaireVersions() {
  const [rows, counts] = await Promise.all([
    db.questionnaire.findMany({
      select: { id: true, party: true, version: true, title: true, state: true, rowVersion: true, questions: true, publishedAt: true, retiredAt: true, createdAt: true },
      orderBy: [{ party: "asc" }, { version: "desc" }],
    }),
    db.feedback.groupBy({ by: ["questionnaireId"], _count: { _all: true }, where: { questionnaireId: { not: null } } }),
  ]);
  const answered = new Map(counts.map((c) => [c.questionnaireId, c._count._all]));
  const all = rows.map((q) => ({ ...q, questions: parseQuestions(q.questions), answers: answered.get(q.id) ?? 0 }));
  const of = (party: FeedbackParty) => all.filter((q) => q.party === party);
  return { UNIT: of("UNIT"), EXPERT: of("EXPERT") };
}
export type QuestionnaireVersion = Awaited<ReturnType<typeof questionnaireVersions>>["UNIT"][number];

const RECENT = 20;

/**
 * The signed-in expert's feedback from the units they served, aggregated: satisfaction (the rating every version
 * asks), each yes/no question by its key across versions (worded as in the newest version asking it), and the latest
 * answers each shown with the wording of the version it answered. A year keeps the feedback given in it.
 */
export async function myFeedbackSummary(user: SessionUser, search: FeedbackSearch = {}) {
  const expert = await db.expertProfile.findUnique({ where: { userId: user.id }, select: { id: true } });
  if (!expert) return null;
  const year = search.year ? { createdAt: { gte: chinaDayStart(`${search.year}-01-01`), lt: chinaDayStart(`${search.year + 1}-01-01`) } } : {};
  const rows = await db.feedback.findMany({
    where: { party: "UNIT", engagement: { expertId: expert.id }, ...year },
    select: {
      id: true, rating: true, comment: true, answers: true, createdAt: true,
      questionnaire: { select: { version: true, questions: true } },
      engagement: { select: { id: true, need: { select: { title: true, unit: { select: { name: true } } } } } },
    },
    orderBy: { createdAt: "desc" },
  });
  const distribution = [5, 4, 3, 2, 1].map((score) => ({ score, count: rows.filter((r) => r.rating === score).length }));
  const yesNo = new Map<string, { label: string; version: number; yes: number; no: number; asked: number }>();
  const parsed = rows.map((r) => ({ ...r, questions: r.questionnaire ? parseQuestions(r.questionnaire.questions) : ([] as Question[]) }));
  for (const r of parsed) {
    for (const q of r.questions.filter((x) => x.kind === "YES_NO")) {
      const v = r.questionnaire!.version;
      const entry = yesNo.get(q.key) ?? { label: q.label, version: v, yes: 0, no: 0, asked: 0 };
      if (v > entry.version) Object.assign(entry, { label: q.label, version: v });
      const a = (r.answers as Answers | null)?.[q.key];
      entry.asked += 1;
      if (a === true) entry.yes += 1;
      if (a === false) entry.no += 1;
      yesNo.set(q.key, entry);
    }
  }
  return {
    count: rows.length,
    average: rows.length ? Math.round((rows.reduce((s, r) => s + r.rating, 0) / rows.length) * 10) / 10 : null,
    distribution,
    yesNo: [...yesNo.entries()].map(([key, e]) => ({ key, ...e })),
    recent: parsed.slice(0, RECENT).map((r) => ({
      id: r.id, rating: r.rating, comment: r.comment, at: r.createdAt, version: r.questionnaire?.version ?? null,
      engagementId: r.engagement.id, needTitle: r.engagement.need.title, unitName: r.engagement.need.unit.name,
      answers: extraAnswerLines(r.questions, r.answers as Answers | null),
    })),
  };
}
