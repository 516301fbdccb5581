import { describe, expect, it } from "vitest";
import { answerText, extraAnswerLines, fieldName, questionsSchema, readAnswers, type Question } from "@/lib/questionnaires/questions";

const Q: Question[] = [
  { key: "satisfaction", kind: "RATING", label: "总体满意度", required: true },
  { key: "solved", kind: "YES_NO", label: "问题是否解决", required: true },
  { key: "more", kind: "TEXT", label: "其他", required: false },
  { key: "comment", kind: "TEXT", label: "意见和建议", required: false },
];

describe("reading a questionnaire's answers", () => {
  it("reads each kind from its field and refuses what does not fit", () => {
    expect(readAnswers(Q, { rating: "4", a_solved: "yes", a_more: " 多来 ", comment: "" })).toEqual({ answers: { satisfaction: 4, solved: true, more: "多来" }, errors: {} });
    expect(readAnswers(Q, { rating: "9", a_solved: "maybe" }).errors).toEqual({ rating: ["评分为 1–5 分"], a_solved: ["请选择“是”或“否”"] });
    expect(readAnswers(Q, {}).errors).toEqual({ rating: ["请选择"], a_solved: ["请选择"] });
  });
  it("asks for a reason with a low rating", () => {
    expect(readAnswers(Q, { rating: "2", a_solved: "no" }).errors).toEqual({ comment: ["评分为 2 分及以下时，请写明原因（至少 5 个字）"] });
    expect(readAnswers(Q, { rating: "2", a_solved: "no", comment: "专家没有到场" }).errors).toEqual({});
  });
  it("names the fixed fields as the feedback form always did", () => {
    expect([fieldName("satisfaction"), fieldName("comment"), fieldName("solved")]).toEqual(["rating", "comment", "a_solved"]);
  });
  it("shows answers with the wording of their version, and unanswered ones as such", () => {
    expect(extraAnswerLines(Q, { satisfaction: 5, solved: false })).toEqual([
      { key: "solved", label: "问题是否解决", text: "否" }, { key: "more", label: "其他", text: "未作答" },
    ]);
    expect(answerText(Q[0], 3)).toBe("3 分");
  });
});

describe("what every version keeps", () => {
  it("a required satisfaction rating, a text comment, unique keys", () => {
    expect(questionsSchema.safeParse(Q).success).toBe(true);
    expect(questionsSchema.safeParse(Q.slice(1)).success).toBe(false);
    expect(questionsSchema.safeParse([{ ...Q[0], required: false }]).success).toBe(false);
    expect(questionsSchema.safeParse([Q[0], { ...Q[3], kind: "RATING" }]).success).toBe(false);
    expect(questionsSchema.safeParse([Q[0], Q[1], Q[1]]).success).toBe(false);
  });
});
