import { z } from "zod";
import { MAX_QUESTIONS, QUESTION_KINDS } from "@/lib/questionnaires/questions";

const party = z.enum(["UNIT", "EXPERT"], { error: "请选择问卷对象" });

export const createDraftSchema = z.object({ party });

const row = z.object({
  key: z.string().max(40).default(""),
  label: z.string().trim().min(2, "题目至少 2 个字").max(100, "题目不超过 100 字"),
  kind: z.enum(QUESTION_KINDS, { error: "请选择题型" }),
  required: z.boolean(),
});

/**
 * The draft editor's form: rows q<i>_label, q<i>_kind, q<i>_required, q<i>_key (hidden, empty for a new question).
 * A row whose label is left empty is dropped (that is how a question is removed).
 */
export const saveDraftSchema = z.preprocess(
  (raw) => {
    const o = (raw ?? {}) as Record<string, unknown>;
    const rows: unknown[] = [];
    for (let i = 0; i < MAX_QUESTIONS + 4; i++) {
      const label = o[`q${i}_label`];
      if (typeof label !== "string" || !label.trim()) continue;
      rows.push({ key: o[`q${i}_key`] ?? "", label, kind: o[`q${i}_kind`], required: o[`q${i}_required`] === "1" || o[`q${i}_required`] === "on" });
    }
    return { ...o, questions: rows };
  },
  z.object({
    questionnaireId: z.string().min(1, "缺少问卷"),
    rowVersion: z.coerce.number().int().min(0),
    title: z.string().trim().min(2, "问卷名称至少 2 个字").max(60, "问卷名称不超过 60 字"),
    questions: z.array(row).min(1, "请至少保留一道题").max(MAX_QUESTIONS, `问卷至多 ${MAX_QUESTIONS} 题`),
  }),
);

export const publishSchema = z.object({
  questionnaireId: z.string().min(1, "缺少问卷"),
  rowVersion: z.coerce.number().int().min(0),
});

/** The expert's feedback page (from the URL): the year the units gave it (China time), as the expert's dashboard counts. */
export const feedbackSearchSchema = z.object({
  year: z.coerce.number().int().min(2020).max(2100).optional().catch(undefined),
});
export type FeedbackSearch = z.infer<typeof feedbackSearchSchema>;
