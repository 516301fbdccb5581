import { describe, expect, it } from "vitest";
import { allowedProvinces, EMPTY_INDICATORS, indicatorsOf, ratios, recordDays } from "@/lib/tracking/indicators";
import { trackingFilterSchema, trackingRecordSearchSchema } from "@/lib/tracking/schemas";
import { recordsHref } from "@/lib/tracking/links";

const rec = (o: Partial<Parameters<typeof indicatorsOf>[0][number]> = {}) => ({
  startDate: "2026-03-02", endDate: "2026-03-02", hours: 6, peopleServed: 10, peopleTrained: 5, techniquesPromoted: 0, incomeEffect: 0, expertId: "e1", ...o,
});

describe("indicator arithmetic", () => {
  it("counts days with both ends included, across a month end", () => {
    expect(recordDays("2026-03-02", "2026-03-02")).toBe(1);
    expect(recordDays("2026-02-27", "2026-03-02")).toBe(4);
    expect(recordDays(new Date("2024-02-28T00:00:00Z"), new Date("2024-03-01T00:00:00Z"))).toBe(3);
  });

  it("sums a known set: hours to 0.1, income to 0.01, experts distinct", () => {
    const i = indicatorsOf([
      rec({ hours: 6.5, incomeEffect: 0.1 }),
      rec({ startDate: "2026-03-03", endDate: "2026-03-05", hours: 20.2, peopleServed: 40, peopleTrained: 0, incomeEffect: 0.2, techniquesPromoted: 2 }),
      rec({ expertId: "e2", hours: 0.4, peopleServed: 1, peopleTrained: 1, techniquesPromoted: 1 }),
    ]);
    expect(i).toEqual({ records: 3, hours: 27.1, days: 5, experts: 2, peopleServed: 51, peopleTrained: 6, techniquesPromoted: 3, incomeEffect: 0.3 });
    expect(ratios(i)).toEqual({ hoursPerExpert: 13.6, hoursPerDay: 5.4, trainedShare: 0.118 });
  });

  it("gives zeros for nothing, without dividing by zero", () => {
    expect(indicatorsOf([])).toEqual(EMPTY_INDICATORS);
    expect(ratios(EMPTY_INDICATORS)).toEqual({ hoursPerExpert: 0, hoursPerDay: 0, trainedShare: 0 });
  });
});

describe("the provinces a dashboard query may read", () => {
  const zone = (c: string) => ({ "33": "EAST", "51": "WEST", "62": "WEST", "41": "CENTRAL" })[c];
  const all = ["33", "41", "51", "62"];
  it("is everything for the nation, narrowed by the filters", () => {
    expect(allowedProvinces(null, {}, zone, all)).toBeNull();
    expect(allowedProvinces(null, { province: "33" }, zone, all)).toEqual(["33"]);
    expect(allowedProvinces(null, { zone: "WEST" }, zone, all)).toEqual(["51", "62"]);
    expect(allowedProvinces(null, { zone: "WEST", province: "33" }, zone, all)).toEqual([]);
  });
  it("never leaves a province's own provinces, whatever the URL asks", () => {
    expect(allowedProvinces(["51"], {}, zone, all)).toEqual(["51"]);
    expect(allowedProvinces(["51"], { province: "33" }, zone, all)).toEqual([]);
    expect(allowedProvinces(["51"], { zone: "EAST" }, zone, all)).toEqual([]);
    expect(allowedProvinces(["51", "62"], { province: "62" }, zone, all)).toEqual(["62"]);
  });
});

describe("filters from the URL", () => {
  it("drops bad values instead of failing", () => {
    expect(trackingFilterSchema.parse({ year: "1999", program: "X", zone: "MARS", province: "510000", form: "NOPE" })).toEqual({});
    expect(trackingFilterSchema.parse({ year: "2026", program: "NONE", zone: "WEST", province: "51", form: "TECH_GUIDANCE" }))
      .toEqual({ year: 2026, program: "NONE", zone: "WEST", province: "51", form: "TECH_GUIDANCE" });
    expect(trackingRecordSearchSchema.parse({ month: "2026-13", priority: "none", page: "x" })).toEqual({ priority: "none", page: 1 });
  });
  it("links a number to its records with the dashboard's filters and the cell's coordinates", () => {
    expect(recordsHref({ year: 2026, zone: "WEST" }, { month: "2026-03" })).toBe("/tracking/records?year=2026&zone=WEST&month=2026-03");
    expect(recordsHref({})).toBe("/tracking/records");
  });
});
