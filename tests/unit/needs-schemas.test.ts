import { describe, expect, it } from "vitest";
import { fieldErrorsOf, formDataToObject } from "@/lib/actions/pipeline";
import { createNeedSchema, needSearchSchema, reviewNeedSchema } from "@/lib/needs/schemas";
import { cleanFileName } from "@/lib/needs/service";

function form(entries: [string, string][]) {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return formDataToObject(fd);
}

const VALID: [string, string][] = [
  ["menuItemIds", "m1"], ["title", "猕猴桃溃疡病防控"], ["bottleneck", "近三年溃疡病发病率超过三成，损失严重。"],
  ["disciplineCodes", "21060"], ["regionCode", "510131"], ["expertsWanted", "2"], ["delivery", "ONSITE"], ["urgency", "HIGH"],
];

describe("need form schema", () => {
  it("parses a form: single values become lists, ticked boxes booleans, blanks absent", () => {
    const parsed = createNeedSchema.parse(form([...VALID, ["raiseFarmerIncome", "on"], ["windowStart", ""], ["intent", "submit"]]));
    expect(parsed).toMatchObject({
      menuItemIds: ["m1"], disciplineCodes: ["21060"], industryCodes: [], expertsWanted: 2, raiseFarmerIncome: true,
      breakBottleneck: false, windowStart: undefined, intent: "submit", onBehalf: false, expectedOutcome: "",
    });
    expect(createNeedSchema.parse(form([...VALID, ["menuItemIds", "m2"]])).menuItemIds).toEqual(["m1", "m2"]);
    expect(createNeedSchema.parse(form([...VALID, ["intent", "hack"]])).intent).toBe("draft");
  });

  it("reports each bad field in Chinese beside the field", () => {
    const r = createNeedSchema.safeParse(form([["title", "短"], ["bottleneck", "太短"], ["regionCode", "51"], ["expertsWanted", "21"], ["delivery", "BY_AIR"], ["urgency", "NORMAL"]]));
    expect(r.success).toBe(false);
    const errors = fieldErrorsOf(r.error!);
    expect(errors.menuItemIds).toEqual(["请至少选择一项服务"]);
    expect(errors.title).toEqual(["需求标题至少 4 个字"]);
    expect(errors.bottleneck?.[0]).toContain("至少写 10 个字");
    expect(errors.disciplineCodes).toEqual(["请至少选择一个学科领域"]);
    expect(errors.regionCode).toEqual(["请选择到区县一级的服务地点"]);
    expect(errors.expertsWanted).toEqual(["专家人数不超过 20 名"]);
    expect(errors.delivery).toEqual(["请选择服务方式"]);
  });

  it("requires start ≤ end and a name when entering on behalf of someone", () => {
    const r = createNeedSchema.safeParse(form([...VALID, ["windowStart", "2026-12-10"], ["windowEnd", "2026-12-01"], ["onBehalf", "on"]]));
    const errors = fieldErrorsOf(r.error!);
    expect(errors.windowEnd).toEqual(["结束日期不能早于开始日期"]);
    expect(errors.onBehalfOf).toEqual(["代填时请写明代哪个村或合作社填报"]);
    expect(createNeedSchema.safeParse(form([...VALID, ["windowStart", "2026-12-01"], ["windowEnd", "2026-12-01"]])).success).toBe(true);
    expect(fieldErrorsOf(createNeedSchema.safeParse(form([...VALID, ["windowStart", "明天"]])).error!).windowStart).toEqual(["开始日期格式不正确"]);
  });

  it("requires a reason to return or reject, not to approve", () => {
    expect(reviewNeedSchema.safeParse({ needId: "n", decision: "approve" }).success).toBe(true);
    expect(fieldErrorsOf(reviewNeedSchema.safeParse({ needId: "n", decision: "return", reason: " " }).error!).reason).toEqual(["退回修改时请写明需要修改的内容"]);
    expect(fieldErrorsOf(reviewNeedSchema.safeParse({ needId: "n", decision: "reject" }).error!).reason).toEqual(["不予通过时请写明原因"]);
    expect(reviewNeedSchema.safeParse({ needId: "n", decision: "delete", reason: "x" }).success).toBe(false);
  });
});

describe("need list filters", () => {
  it("keeps good filters and drops bad ones instead of failing the page", () => {
    expect(needSearchSchema.parse({ q: " 猕猴桃 ", state: "SUBMITTED", region: "5101", sort: "urgency", page: "2", breakBottleneck: "1" }))
      .toMatchObject({ q: "猕猴桃", state: "SUBMITTED", region: "5101", sort: "urgency", page: 2, breakBottleneck: true });
    expect(needSearchSchema.parse({ state: "BOGUS", region: "51x", sort: "rank", page: "-1", from: "昨天" }))
      .toMatchObject({ state: undefined, region: undefined, sort: "newest", page: 1, from: undefined, breakBottleneck: false });
    expect(needSearchSchema.parse({ state: "ALL" }).state).toBe("ALL");
  });
});

describe("file names", () => {
  it("strips directories and control characters and keeps the extension when shortening", () => {
    expect(cleanFileName("C:\\fakepath\\方案.docx")).toBe("方案.docx");
    expect(cleanFileName("../../etc/pa\u0000ss\".pdf")).toBe("pass.pdf");
    const long = cleanFileName(`${"长".repeat(300)}.pdf`);
    expect(long).toHaveLength(200);
    expect(long.endsWith(".pdf")).toBe(true);
    expect(cleanFileName("")).toBe("附件");
  });
});
