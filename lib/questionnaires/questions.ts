import { z } from "zod";

// A questionnaire's questions, and reading a form's answers against them. Keys are stable across versions: a later
// version may reword a question, but an answer is always shown with the wording of the version it answered. Two keys
// are fixed because other parts of the platform read them: "satisfaction" (1–5) is Feedback.rating, which matching
// and certificates use, and "comment" is Feedback.comment.

export const QUESTION_KINDS = ["RATING", "YES_NO", "TEXT"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];
export const QUESTION_KIND_LABEL: Record<QuestionKind, string> = { RATING: "评分（1–5 分）", YES_NO: "是 / 否", TEXT: "文字" };

export type Question = { key: string; kind: QuestionKind; label: string; required: boolean };

export const SATISFACTION = "satisfaction";
export const COMMENT = "comment";
export const MAX_QUESTIONS = 12;
/** A comment is required with a satisfaction of this or less (the other side and the province learn what went wrong). */
export const LOW_SATISFACTION = 2;

export const questionSchema = z.object({
  key: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,39}$/),
  kind: z.enum(QUESTION_KINDS, { error: "请选择题型" }),
  label: z.string().trim().min(2, "题目至少 2 个字").max(100, "题目不超过 100 字"),
  required: z.boolean(),
});

/** The rules every version keeps: one required satisfaction rating, a text comment if any, unique keys, a bounded length. */
export const questionsSchema = z
  .array(questionSchema)
  .max(MAX_QUESTIONS, `问卷至多 ${MAX_QUESTIONS} 题`)
  .superRefine((qs, ctx) => {
    const keys = new Set<string>();
    for (const q of qs) {
      if (keys.has(q.key)) ctx.addIssue({ code: "custom", message: `题目编号重复：${q.key}` });
      keys.add(q.key);
    }
    const sat = qs.find((q) => q.key === SATISFACTION);
    if (!sat || sat.kind !== "RATING" || !sat.required) ctx.addIssue({ code: "custom", message: "问卷必须保留必答的“总体满意度”评分题" });
    const comment = qs.find((q) => q.key === COMMENT);
    if (comment && comment.kind !== "TEXT") ctx.addIssue({ code: "custom", message: "“意见和建议”必须是文字题" });
  });

export function parseQuestions(value: unknown): Question[] {
  return questionsSchema.parse(value);
}

/** The form field a question's answer arrives in (the two fixed ones keep the names the feedback form always used). */
export function fieldName(key: string): string {
  return key === SATISFACTION ? "rating" : key === COMMENT ? "comment" : `a_${key}`;
}

export type Answer = number | boolean | string;
export type Answers = Record<string, Answer>;

/** The answers in a submitted form, checked against the questions; errors by field name, in Chinese. */
export function readAnswers(questions: Question[], input: Record<string, unknown>): { answers: Answers; errors: Record<string, string[]> } {
  const answers: Answers = {};
  const errors: Record<string, string[]> = {};
  const fail = (q: Question, message: string) => (errors[fieldName(q.key)] ??= []).push(message);
  for (const q of questions) {
    const raw = input[fieldName(q.key)];
    const text = typeof raw === "string" ? raw.trim() : typeof raw === "number" || typeof raw === "boolean" ? String(raw) : "";
    if (!text) {
      if (q.required) fail(q, q.kind === "TEXT" ? "请填写此项" : "请选择");
      continue;
    }
    if (q.kind === "RATING") {
      const n = Number(text);
      if (!Number.isInteger(n) || n < 1 || n > 5) fail(q, "评分为 1–5 分");
      else answers[q.key] = n;
    } else if (q.kind === "YES_NO") {
      if (text === "yes" || text === "true") answers[q.key] = true;
      else if (text === "no" || text === "false") answers[q.key] = false;
      else fail(q, "请选择“是”或“否”");
    } else if (text.length > 1000) fail(q, "不超过 1000 字");
    else answers[q.key] = text;
  }
  const sat = answers[SATISFACTION];
  const comment = answers[COMMENT];
  if (typeof sat === "number" && sat <= LOW_SATISFACTION && (typeof comment !== "string" || comment.length < 5)) {
    (errors[fieldName(COMMENT)] ??= []).push(`评分为 ${LOW_SATISFACTION} 分及以下时，请写明原因（至少 5 个字）`);
  }
  return { answers, errors };
}

/** An answer as text, with its question's wording in the version it answered. */
export function answerText(q: Question, a: Answer | undefined): string {
  if (a === undefined) return "未作答";
  if (q.kind === "YES_NO") return a === true ? "是" : "否";
  if (q.kind === "RATING") return `${a} 分`;
  return String(a);
}

/** The answers beyond satisfaction and comment (which the feedback shows on its own), as label and text. */
export function extraAnswerLines(questions: Question[], answers: Answers | null): { key: string; label: string; text: string }[] {
  if (!answers) return [];
  return questions
    .filter((q) => q.key !== SATISFACTION && q.key !== COMMENT)
    .map((q) => ({ key: q.key, label: q.label, text: answerText(q, answers[q.key]) }));
}
