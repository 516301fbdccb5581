import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { allocateNeedCodes } from "@/lib/needs/code";
import { notify, staffIds } from "@/lib/notifications/send";
import { searchTextWhere } from "@/lib/search/text";
import { createExpert, createNeed, createOrganization, createUser, uniqueSuffix } from "@/prisma/seed/factories";

// searchText is kept by database triggers (migration 20261126180000), so every writer agrees.
describe("search text triggers", () => {
  let unitId: string;
  const tag = uniqueSuffix();

  beforeAll(async () => {
    unitId = (await createOrganization(db, { name: `蒲江县寿安镇${tag}猕猴桃专业合作社` })).id;
  });

  it("fills a need's searchText from its fields, its unit's name and its discipline names", async () => {
    const need = await createNeed(db, { unitId, title: `猕猴桃溃疡病防控${tag}`, bottleneck: "春季溃疡病爆发，缺少 Bacterial canker 防治经验", disciplineCodes: ["21060"] });
    const row = await db.need.findUniqueOrThrow({ where: { id: need.id }, select: { searchText: true } });
    expect(row.searchText).toContain("溃疡病防控");
    expect(row.searchText).toContain("寿安镇");
    expect(row.searchText).toContain("bacterial canker"); // lower-cased
    const discipline = await db.discipline.findUniqueOrThrow({ where: { code: "21060" } });
    expect(row.searchText).toContain(discipline.name);
  });

  it("finds needs by several Chinese substrings, and stays current after an update", async () => {
    const need = await createNeed(db, { unitId, title: `茶叶加工工艺改进${tag}`, bottleneck: "夏秋茶利用率低" });
    const find = (q: string) => db.need.findMany({ where: { unitId, ...searchTextWhere(q) }, select: { id: true } });
    expect((await find("茶叶 利用率")).map((n) => n.id)).toEqual([need.id]);
    expect(await find("茶叶 溃疡")).toEqual([]);
    await db.need.update({ where: { id: need.id }, data: { title: `红茶萎凋设备${tag}` } });
    expect((await find("萎凋")).map((n) => n.id)).toEqual([need.id]);
    expect(await find("加工工艺")).toEqual([]);
  });

  it("fills an expert's searchText from name, employer, skills and biography", async () => {
    const expert = await createExpert(db, { name: `黄${tag}`, employer: "四川农业大学", skills: ["土壤改良", "Drip irrigation"], bio: "长期从事丘陵山区节水灌溉研究" });
    const hits = await db.expertProfile.findMany({ where: { ...searchTextWhere("节水灌溉 drip 四川农业"), id: expert.id }, select: { id: true } });
    expect(hits).toHaveLength(1);
  });
});

describe("need codes", () => {
  it("come from one sequence: unique under parallel allocation, in the XQ-<year>-<n> form", async () => {
    const batches = await Promise.all(Array.from({ length: 8 }, () => db.$transaction((tx) => allocateNeedCodes(tx, 25, new Date("2026-06-01")))));
    const codes = batches.flat();
    expect(new Set(codes).size).toBe(200);
    for (const c of codes) expect(c).toMatch(/^XQ-2026-\d{6,}$/);
    expect(await db.$transaction((tx) => allocateNeedCodes(tx, 0))).toEqual([]);
  });
});

describe("notifications helper", () => {
  it("notifies the active staff of one province only, once each", async () => {
    const a = await createUser(db, { role: "PROVINCE_ADMIN", provinceCode: "62" });
    const b = await createUser(db, { role: "PROVINCE_ADMIN", provinceCode: "62" });
    const disabled = await createUser(db, { role: "PROVINCE_ADMIN", provinceCode: "62", status: "DISABLED" });
    const other = await createUser(db, { role: "PROVINCE_ADMIN", provinceCode: "63" });
    const ids = await staffIds(db, "PROVINCE_ADMIN", { provinceCode: "62" });
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(ids).not.toContain(disabled.id);
    expect(ids).not.toContain(other.id);
    const title = `待审核需求${uniqueSuffix()}`;
    expect(await notify(db, [a.id, a.id, b.id], { title, link: "/needs" })).toBe(2);
    expect(await db.notification.count({ where: { title } })).toBe(2);
  });
});
