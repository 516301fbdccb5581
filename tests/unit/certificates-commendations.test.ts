import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { CODE_PATTERN, newCertificateCode, normalizeCode } from "@/lib/certificates/code";
import { distinctDays, summarize } from "@/lib/certificates/contents";
import { canonicalJson, checkDigits, signCertificate, signatureMatches } from "@/lib/certificates/signature";
import { CERTIFICATE_WORKFLOW } from "@/lib/certificates/workflow";
import { COMMENDATION_WORKFLOW, type CommendationStep } from "@/lib/commendations/workflow";
import { CERTIFICATE_STATE_LABEL, COMMENDATION_STATE_LABEL } from "@/lib/labels";

type CState = keyof typeof COMMENDATION_STATE_LABEL;
const C_STATES = Object.keys(COMMENDATION_STATE_LABEL) as CState[];

// Written out by hand: a change to the workflow tables must be deliberate here too.
const COMMENDATION_LEGAL: Record<CommendationStep, Partial<Record<CState | "null", CState>>> = {
  nominate: { null: "PENDING" },
  renominate: { WITHDRAWN: "PENDING" },
  approve: { PENDING: "APPROVED" },
  reject: { PENDING: "REJECTED" },
  withdraw: { PENDING: "WITHDRAWN" },
};

function refused(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("not refused");
}

describe("commendation workflow table", () => {
  for (const step of Object.keys(COMMENDATION_WORKFLOW.steps) as CommendationStep[]) {
    for (const from of [null, ...C_STATES]) {
      const to = COMMENDATION_LEGAL[step][from ?? "null"];
      it(`${step} from ${from ?? "nothing"}: ${to ?? "refused"}`, () => {
        if (to) expect(COMMENDATION_WORKFLOW.next(step, from)).toBe(to);
        else expect(refused(() => COMMENDATION_WORKFLOW.next(step, from)).code).toBe("INVALID_TRANSITION");
      });
    }
  }
  it("requires a reason to reject and to withdraw, not to approve", () => {
    expect(COMMENDATION_WORKFLOW.steps.reject.reasonRequired).toBe(true);
    expect(COMMENDATION_WORKFLOW.steps.withdraw.reasonRequired).toBe(true);
    expect(COMMENDATION_WORKFLOW.steps.approve.reasonRequired).toBe(false);
  });
  it("refuses a second nomination in the expert's words", () => {
    expect(refused(() => COMMENDATION_WORKFLOW.next("renominate", "APPROVED")).message).toBe("该专家本年度已有表彰推荐，不能重复推荐");
  });
});

describe("certificate workflow table", () => {
  it("issues valid and revokes once", () => {
    expect(CERTIFICATE_WORKFLOW.next("issue", null)).toBe("VALID");
    expect(CERTIFICATE_WORKFLOW.next("revoke", "VALID")).toBe("REVOKED");
    expect(refused(() => CERTIFICATE_WORKFLOW.next("revoke", "REVOKED")).message).toBe("该服务证明已撤销，不能再次撤销");
    for (const s of Object.keys(CERTIFICATE_STATE_LABEL) as (keyof typeof CERTIFICATE_STATE_LABEL)[]) {
      expect(refused(() => CERTIFICATE_WORKFLOW.next("issue", s)).code).toBe("INVALID_TRANSITION");
    }
  });
});

describe("certificate contents", () => {
  const d = (s: string) => new Date(`${s}T00:00:00Z`);
  it("counts each calendar day once", () => {
    expect(distinctDays([{ startDate: d("2026-03-01"), endDate: d("2026-03-03") }, { startDate: d("2026-03-03"), endDate: d("2026-03-04") }])).toBe(4);
    expect(distinctDays([])).toBe(0);
  });
  it("adds hours exactly to one decimal and orders forms by hours", () => {
    const rec = (hours: number, form: "TECH_GUIDANCE" | "THEMED_LECTURE", engagementId = "e1") =>
      ({ startDate: d("2026-03-01"), endDate: d("2026-03-01"), hours, form, peopleServed: 1, peopleTrained: 0, engagementId });
    const c = summarize({
      expert: { name: "甲", employer: "乙", title: "正高级", province: "浙江省" },
      records: [rec(0.1, "THEMED_LECTURE"), rec(0.2, "TECH_GUIDANCE", "e2"), rec(0.3, "TECH_GUIDANCE", "e2")],
      engagements: [{ id: "e1", needTitle: "需求一", unitName: "单位一", activityTitle: null }, { id: "e2", needTitle: "需求二", unitName: "单位二", activityTitle: "示范活动" }],
      feedback: [{ rating: 5, solved: true, inviteAgain: null }, { rating: 4, solved: false, inviteAgain: true }],
      issuedOn: "2026-12-05",
    });
    expect(c.totals).toMatchObject({ hours: 0.6, days: 1, records: 3, units: 2 });
    expect(c.forms).toEqual([{ form: "TECH_GUIDANCE", hours: 0.5 }, { form: "THEMED_LECTURE", hours: 0.1 }]);
    expect(c.activities).toEqual(["示范活动"]);
    expect(c.feedback).toEqual({ count: 2, average: 4.5, solved: 1, inviteAgain: 1 });
  });
});

describe("certificate signature", () => {
  it("does not depend on key order, and any change to the contents or code breaks it", () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }] })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    const hash = signCertificate("FW-2026-AAAAA-BBBBB", { x: 1, y: "两" });
    expect(signatureMatches("FW-2026-AAAAA-BBBBB", { y: "两", x: 1 }, hash)).toBe(true);
    expect(signatureMatches("FW-2026-AAAAA-BBBBB", { x: 2, y: "两" }, hash)).toBe(false);
    expect(signatureMatches("FW-2026-AAAAA-BBBBC", { x: 1, y: "两" }, hash)).toBe(false);
    expect(signatureMatches("FW-2026-AAAAA-BBBBB", { x: 1, y: "两" }, "zz")).toBe(false);
    expect(checkDigits(hash)).toMatch(/^[0-9A-F]{12}$/);
  });
  it("makes codes people can type back", () => {
    const code = newCertificateCode(2026);
    expect(code).toMatch(CODE_PATTERN);
    expect(normalizeCode(` ${code.toLowerCase()} `)).toBe(code);
  });
});
