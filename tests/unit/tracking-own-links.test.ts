import { describe, expect, it } from "vitest";
import { activitySearchSchema } from "@/lib/activities/schemas";
import { chinaDayEnd, chinaDayStart } from "@/lib/calendar/china-time";
import { engagementSearchSchema } from "@/lib/engagements/schemas";
import { needSearchSchema } from "@/lib/needs/schemas";
import { feedbackSearchSchema } from "@/lib/questionnaires/schemas";
import { ownActivitiesHref, ownEngagementsHref, ownFeedbackHref, ownNeedsHref } from "@/lib/tracking/links";
import { trackingExportSchema, type TrackingFilter } from "@/lib/tracking/schemas";

// The own dashboards' numbers link to the lists behind them with the dashboard's year (and province): each link,
// read back by the target list's own schema, names the same slice the dashboard counted (lib/tracking/own.ts).

const query = (href: string) => Object.fromEntries(new URL(href, "http://x").searchParams);
const path = (href: string) => new URL(href, "http://x").pathname;

describe("own dashboard links", () => {
  it("keep the year and province on the engagements list, which reads them back", () => {
    const href = ownEngagementsHref({ year: 2022, province: "63", program: "EXPERT_SERVICE", form: "TECH_GUIDANCE" }, "ACTIVE");
    expect(path(href)).toBe("/engagements");
    expect(query(href)).toEqual({ state: "ACTIVE", year: "2022", province: "63" });
    expect(engagementSearchSchema.parse(query(href))).toMatchObject({ state: "ACTIVE", year: 2022, province: "63" });
    // Without filters: the state alone.
    expect(ownEngagementsHref({}, "CLOSED")).toBe("/engagements?state=CLOSED");
  });

  it("keep the year as the needs list's China-time date range, and the province as its region", () => {
    const href = ownNeedsHref({ year: 2024, province: "51" }, "OPEN");
    expect(query(href)).toEqual({ state: "OPEN", region: "51", from: "2024-01-01", to: "2024-12-31" });
    const parsed = needSearchSchema.parse(query(href));
    expect(parsed).toMatchObject({ state: "OPEN", region: "51", from: "2024-01-01", to: "2024-12-31" });
    // The list's range is exactly the dashboard's year: 2024-01-01 00:00 to 2025-01-01 00:00 Beijing time.
    expect(chinaDayStart(parsed.from!)).toEqual(new Date("2024-01-01T00:00:00+08:00"));
    expect(chinaDayEnd(parsed.to!)).toEqual(new Date("2025-01-01T00:00:00+08:00"));
    expect(ownNeedsHref({}, "DRAFT")).toBe("/needs?state=DRAFT");
  });

  it("keep year, program and province on the activities list; 常态化服务 is no program there", () => {
    const row = ownActivitiesHref({ year: 2025, province: "51" }, "EXPERT_SERVICE");
    expect(activitySearchSchema.parse(query(row))).toMatchObject({ year: 2025, program: "EXPERT_SERVICE", province: "51" });
    // A base's count follows the dashboard's own program filter.
    expect(query(ownActivitiesHref({ year: 2025, program: "OVERSEAS_TALENT" }))).toEqual({ year: "2025", program: "OVERSEAS_TALENT" });
    expect(ownActivitiesHref({ program: "NONE" })).toBe("/activities");
  });

  it("keep the year on the expert's feedback page", () => {
    expect(ownFeedbackHref({ year: 2023, province: "51" })).toBe("/expert/feedback?year=2023");
    expect(feedbackSearchSchema.parse(query(ownFeedbackHref({ year: 2023 })))).toEqual({ year: 2023 });
    expect(ownFeedbackHref({})).toBe("/expert/feedback");
  });

  it("the engagements list and the feedback page drop a year they cannot hold, as their other filters do", () => {
    expect(feedbackSearchSchema.parse({ year: "1999" }).year).toBeUndefined();
    expect(engagementSearchSchema.parse({ year: "abc" }).year).toBeUndefined();
    expect(engagementSearchSchema.parse({ year: "2019" }).year).toBeUndefined();
    expect(engagementSearchSchema.parse({ year: "2031" }).year).toBe(2031);
  });
});

describe("the dashboard table download's query", () => {
  const fails = (q: Record<string, string>) => {
    const r = trackingExportSchema.safeParse(q);
    return r.success ? null : r.error.issues[0].message;
  };

  it("accepts every table the dashboards link, with their filters, and defaults to the province table", () => {
    for (const table of ["province", "month", "needs", "engagements", "activities", "bases"]) {
      expect(trackingExportSchema.parse({ table, year: "2022", format: "csv" }).table).toBe(table);
    }
    const f: TrackingFilter & { table: string } = trackingExportSchema.parse({ year: "", province: "63" });
    expect(f).toEqual({ table: "province", province: "63" });
  });

  it("refuses a hand-made query with its reason in Chinese instead of widening it", () => {
    expect(fails({ table: "secrets" })).toBe("没有这张统计表");
    expect(fails({ table: "needs", year: "1999" })).toBe("年度不正确");
    expect(fails({ table: "needs", year: "2022x" })).toBe("年度不正确");
    expect(fails({ province: "330" })).toBe("省份不正确");
    expect(fails({ program: "NOPE" })).toBe("专项行动不正确");
    expect(fails({ form: "x" })).toBe("服务形式不正确");
  });
});
