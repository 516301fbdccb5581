import { describe, expect, it } from "vitest";
import { BATCH_PROPOSAL, isBatchProposal } from "@/lib/batch/plan";
import { chinaDate, chinaDay, chinaDayEnd, chinaDayStart } from "@/lib/calendar/china-time";
import { codeSubtree, nameLookup } from "@/lib/reference/codes";

// The rules that used to be written out in several places, each now in one home.

describe("today in China", () => {
  it("is the UTC+8 calendar day, whatever the UTC date", () => {
    expect(chinaDate(new Date("2026-03-01T16:00:00Z"))).toBe("2026-03-02");
    expect(chinaDate(new Date("2026-03-01T15:59:59.999Z"))).toBe("2026-03-01");
    expect(chinaDay(new Date("2026-12-31T16:30:00Z"))).toEqual(new Date("2027-01-01T00:00:00Z"));
  });
  it("starts and ends a China day at its midnights, from a date or from chinaDay", () => {
    expect(chinaDayStart("2026-11-20")).toEqual(new Date("2026-11-20T00:00:00+08:00"));
    expect(chinaDayEnd("2026-11-20")).toEqual(new Date("2026-11-21T00:00:00+08:00"));
    const at = new Date("2026-11-20T23:30:00+08:00");
    expect(chinaDayStart(chinaDay(at))).toEqual(new Date("2026-11-20T00:00:00+08:00"));
  });
  it("defaults to now", () => {
    const before = chinaDate(new Date());
    expect([before, chinaDate(new Date())]).toContain(chinaDate());
  });
});

describe("a code and its sub-codes", () => {
  // Three levels of disciplines (GB/T 13745 nests 3 → 5 → 7 digits) and industries, whose divisions ("01") do not
  // start with their section ("A"): only the table's parent links give the right answer for both.
  const rows = [
    { code: "210", parentCode: null }, { code: "21010", parentCode: "210" }, { code: "2101010", parentCode: "21010" },
    { code: "21020", parentCode: "210" }, { code: "220", parentCode: null }, { code: "22010", parentCode: "220" },
    { code: "A", parentCode: null }, { code: "01", parentCode: "A" }, { code: "02", parentCode: "A" }, { code: "B", parentCode: null },
  ];
  it("takes every level under the code, and nothing beside it", () => {
    expect(codeSubtree(rows, "210").sort()).toEqual(["210", "21010", "2101010", "21020"]);
    expect(codeSubtree(rows, "21010").sort()).toEqual(["21010", "2101010"]);
    expect(codeSubtree(rows, "2101010")).toEqual(["2101010"]);
  });
  it("follows the links where the digits do not nest", () => {
    expect(codeSubtree(rows, "A").sort()).toEqual(["01", "02", "A"]);
  });
  it("keeps an unknown code (it matches itself)", () => {
    expect(codeSubtree(rows, "999")).toEqual(["999"]);
  });
});

describe("code → name", () => {
  it("names known codes and shows unknown ones as the code", () => {
    const name = nameLookup([{ code: "51", name: "四川省" }]);
    expect(["51", "99"].map(name)).toEqual(["四川省", "99"]);
    expect(nameLookup(new Map([["A", "农、林、牧、渔业"]]))("A")).toBe("农、林、牧、渔业");
  });
});

describe("the batch proposal", () => {
  it("is a proposed match from the batch, and nothing else", () => {
    expect(BATCH_PROPOSAL).toEqual({ state: "PROPOSED", source: "BATCH" });
    expect(isBatchProposal({ state: "PROPOSED", source: "BATCH" })).toBe(true);
    expect(isBatchProposal({ state: "INVITED", source: "BATCH" })).toBe(false);
    expect(isBatchProposal({ state: "PROPOSED", source: "SYSTEM" })).toBe(false);
  });
});
