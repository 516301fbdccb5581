import { describe, expect, it } from "vitest";
import { EXPERT_COLUMNS, NEED_COLUMNS } from "@/lib/import/columns";
import { idNumberCheckChar as idCheckChar } from "@/lib/experts/formats";
import type { Importer } from "@/lib/import/records";
import { codeIndex, type NeedReference, regionIndex, type RegionRow, unitMaps, type UnitRow } from "@/lib/import/reference";
import { validateExpertRow } from "@/lib/import/validate-experts";
import { validateNeedRow } from "@/lib/import/validate-needs";
import { validateSheet } from "@/lib/import/validate";
import { resolveCode, resolveCounty } from "@/lib/import/values";

const regions: RegionRow[] = [
  { code: "51", name: "四川省", level: "PROVINCE", parentCode: null, provinceCode: "51" },
  { code: "5101", name: "成都市", level: "CITY", parentCode: "51", provinceCode: "51" },
  { code: "510131", name: "蒲江县", level: "COUNTY", parentCode: "5101", provinceCode: "51" },
  { code: "5111", name: "乐山市", level: "CITY", parentCode: "51", provinceCode: "51" },
  { code: "511102", name: "市中区", level: "COUNTY", parentCode: "5111", provinceCode: "51" },
  { code: "5110", name: "内江市", level: "CITY", parentCode: "51", provinceCode: "51" },
  { code: "511002", name: "市中区", level: "COUNTY", parentCode: "5110", provinceCode: "51" },
  { code: "33", name: "浙江省", level: "PROVINCE", parentCode: null, provinceCode: "33" },
  { code: "3301", name: "杭州市", level: "CITY", parentCode: "33", provinceCode: "33" },
  { code: "330106", name: "西湖区", level: "COUNTY", parentCode: "3301", provinceCode: "33" },
  { code: "11", name: "北京市", level: "PROVINCE", parentCode: null, provinceCode: "11" },
  { code: "1101", name: "市辖区", level: "CITY", parentCode: "11", provinceCode: "11" },
  { code: "110105", name: "朝阳区", level: "COUNTY", parentCode: "1101", provinceCode: "11" },
];

const own: UnitRow = { id: "u1", name: "蒲江县猕猴桃专业合作社", creditCode: "93510131G36H64MB39", regionCode: "510131", provinceCode: "51" };
const other: UnitRow = { id: "u2", name: "蒲江县人民医院", creditCode: "12510131ABCDEFGH1X", regionCode: "510131", provinceCode: "51" };
const twinA: UnitRow = { id: "u3", name: "市中区农技站", creditCode: null, regionCode: "511102", provinceCode: "51" };
const twinB: UnitRow = { id: "u4", name: "市中区农技站", creditCode: null, regionCode: "511002", provinceCode: "51" };

const ref: NeedReference = {
  disciplines: codeIndex("学科", [
    { code: "210", name: "农学", parentCode: null },
    { code: "21060", name: "植物保护学", parentCode: "210" },
    { code: "21040", name: "园艺学", parentCode: "210" },
  ]),
  industries: codeIndex("行业", [
    { code: "A", name: "农、林、牧、渔业", parentCode: null },
    { code: "01", name: "农业", parentCode: "A" },
    { code: "P", name: "教育", parentCode: null },
    { code: "83", name: "教育", parentCode: "P" },
    { code: "X1", name: "其他", parentCode: null },
    { code: "X2", name: "其他", parentCode: null },
  ]),
  regions: regionIndex(regions),
  menu: new Map([["果树病虫害现场诊断", { id: "m1", name: "果树病虫害现场诊断" }], ["专题授课", { id: "m2", name: "专题授课" }]]),
  ...unitMaps([own, other, twinA, twinB]),
};

const sichuan: Importer = { kind: "province", provinceCode: "51" };
const national: Importer = { kind: "national" };
const unitImporter: Importer = { kind: "unit", unit: own };
const NOW = new Date("2026-11-26T00:00:00Z");

const expertCells = (over: Record<string, string> = {}) =>
  new Map(Object.entries({
    name: "张明远", gender: "男", birthYear: "1975", employer: "四川农业大学", title: "正高级",
    disciplines: "21060;园艺学", industries: "农业", skills: "猕猴桃栽培;果园病虫害防控", bio: "简介",
    talentCategories: "享受政府特殊津贴专家", region: "四川省 成都市 蒲江县", phone: "13800000000",
    email: "ZMY@Example.com", idNumber: "", retired: "否", maxConcurrent: "",
    ...over,
  }));

const needCells = (over: Record<string, string> = {}) =>
  new Map(Object.entries({
    unit: own.creditCode!, title: "猕猴桃溃疡病防控", bottleneck: "溃疡病高发", menuItems: "果树病虫害现场诊断", disciplines: "21060",
    industries: "01", county: "", windowStart: "2026-03-01", windowEnd: "2026/6/30", expertsWanted: "2", delivery: "现场",
    expectedOutcome: "", breakBottleneck: "是", promoteTechnology: "", raiseFarmerIncome: "否", urgency: "", onBehalfOf: "",
    ...over,
  }));

describe("reference lookups", () => {
  it("resolves codes, 'code name', names, and the deepest of a name repeated down one branch", () => {
    expect(resolveCode(ref.disciplines, "21060")).toEqual({ code: "21060" });
    expect(resolveCode(ref.disciplines, "21060 植物保护学")).toEqual({ code: "21060" });
    expect(resolveCode(ref.disciplines, "园艺学")).toEqual({ code: "21040" });
    expect(resolveCode(ref.industries, "教育")).toEqual({ code: "83" });
    expect(resolveCode(ref.industries, "a")).toEqual({ code: "A" });
    expect(resolveCode(ref.industries, "其他")).toMatchObject({ error: expect.stringContaining("对应多个代码") });
    expect(resolveCode(ref.disciplines, "炼金术")).toMatchObject({ error: "学科“炼金术”不存在，请填写学科代码或名称" });
  });

  it("resolves counties by code or names, refusing non-county codes and ambiguous names", () => {
    expect(resolveCounty(ref.regions, "510131")).toMatchObject({ region: { code: "510131" } });
    expect(resolveCounty(ref.regions, "四川省成都市蒲江县")).toMatchObject({ region: { code: "510131" } });
    expect(resolveCounty(ref.regions, "成都市 蒲江县")).toMatchObject({ region: { code: "510131" } });
    expect(resolveCounty(ref.regions, "北京市 朝阳区")).toMatchObject({ region: { code: "110105" } });
    expect(resolveCounty(ref.regions, "四川省 乐山市 市中区")).toMatchObject({ region: { code: "511102" } });
    expect(resolveCounty(ref.regions, "四川省 市中区")).toMatchObject({ error: expect.stringContaining("重名") });
    expect(resolveCounty(ref.regions, "5101")).toMatchObject({ error: "行政区划代码应为 6 位数字" });
    expect(resolveCounty(ref.regions, "510100")).toMatchObject({ error: "行政区划代码 510100 不存在" });
    expect(resolveCounty(ref.regions, "四川省 火星县")).toMatchObject({ error: expect.stringContaining("未找到") });
  });
});

describe("expert rows", () => {
  it("turns a good row into a record (codes resolved, defaults applied)", () => {
    const result = validateExpertRow(2, expertCells(), ref, sichuan, NOW);
    expect(result).toEqual({
      ok: true,
      record: {
        row: 2, name: "张明远", gender: "MALE", birthYear: 1975, employer: "四川农业大学", title: "SENIOR",
        disciplineCodes: ["21060", "21040"], industryCodes: ["01"], skills: ["猕猴桃栽培", "果园病虫害防控"], bio: "简介",
        talentCategories: ["SPECIAL_ALLOWANCE"], regionCode: "510131", provinceCode: "51", phone: "13800000000",
        email: "zmy@example.com", idNumber: null, isRetired: false, maxConcurrent: 2,
      },
    });
  });

  it("adds the retired category to retired experts and accepts a valid ID number", () => {
    const body = "51013119750101003";
    const result = validateExpertRow(2, expertCells({ retired: "是", idNumber: body + idCheckChar(body) }), ref, sichuan, NOW);
    expect(result).toMatchObject({ ok: true, record: { isRetired: true, talentCategories: ["SPECIAL_ALLOWANCE", "RETIRED"] } });
  });

  const bad: [string, Record<string, string>, string, RegExp][] = [
    ["empty name", { name: "" }, "姓名", /姓名不能为空/],
    ["long name", { name: "张".repeat(51) }, "姓名", /不能超过 50 个字/],
    ["gender", { gender: "未知" }, "性别", /“男”、“女”/],
    ["birth year text", { birthYear: "七五年" }, "出生年份", /1920 至 2008/],
    ["birth year too late", { birthYear: "2015" }, "出生年份", /整数/],
    ["title", { title: "教授" }, "职称", /正高级/],
    ["discipline", { disciplines: "21060;炼金术" }, "学科领域", /炼金术/],
    ["no discipline", { disciplines: " ; " }, "学科领域", /不能为空/],
    ["industry", { industries: "航天" }, "行业领域", /航天/],
    ["talent", { talentCategories: "院士" }, "人才类别", /院士/],
    ["region missing", { region: "" }, "所在地区", /不能为空/],
    ["region other province", { region: "330106" }, "所在地区", /不在本省/],
    ["phone", { phone: "12345" }, "手机号码", /格式不正确/],
    ["email", { email: "no-at-sign" }, "电子邮箱", /格式不正确/],
    ["id checksum", { idNumber: `51013119750101003${idCheckChar("51013119750101003") === "1" ? "2" : "1"}` }, "身份证号", /校验位/],
    ["id year mismatch", { idNumber: `51013119800101003${idCheckChar("51013119800101003")}` }, "身份证号", /不一致/],
    ["retired flag", { retired: "也许" }, "是否退休", /“是”或“否”/],
    ["max concurrent", { maxConcurrent: "99" }, "最多同时服务项目数", /1 至 10/],
    ["skills", { skills: "很".repeat(31) }, "专业特长", /30 个字/],
  ];
  for (const [what, over, column, message] of bad) {
    it(`reports a bad ${what} with its row and column`, () => {
      const result = validateExpertRow(7, expertCells(over), ref, sichuan, NOW);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toContainEqual({ row: 7, column, message: expect.stringMatching(message) });
    });
  }

  it("lets the ministry import any region, reports every bad cell of a row at once", () => {
    expect(validateExpertRow(2, expertCells({ region: "浙江省 杭州市 西湖区" }), ref, national, NOW)).toMatchObject({ ok: true, record: { provinceCode: "33" } });
    const result = validateExpertRow(3, expertCells({ gender: "?", title: "?", phone: "1" }), ref, sichuan, NOW);
    expect(result.ok ? [] : result.errors.map((e) => e.column)).toEqual(["性别", "职称", "手机号码"]);
  });
});

describe("need rows", () => {
  it("turns a province's row into a record of the named unit (credit code or exact name)", () => {
    const result = validateNeedRow(2, needCells(), ref, sichuan);
    expect(result).toEqual({
      ok: true,
      record: {
        row: 2, unitId: "u1", regionCode: "510131", provinceCode: "51", title: "猕猴桃溃疡病防控", bottleneck: "溃疡病高发",
        menuItemIds: ["m1"], disciplineCodes: ["21060"], industryCodes: ["01"], windowStart: "2026-03-01", windowEnd: "2026-06-30",
        expertsWanted: 2, delivery: "ONSITE", expectedOutcome: "", breakBottleneck: true, promoteTechnology: false,
        raiseFarmerIncome: false, urgency: "NORMAL", onBehalfOf: null,
      },
    });
    expect(validateNeedRow(2, needCells({ unit: "蒲江县人民医院" }), ref, sichuan)).toMatchObject({ ok: true, record: { unitId: "u2" } });
  });

  it("gives a unit importer its own unit, and refuses another unit's name", () => {
    expect(validateNeedRow(2, needCells({ unit: "" }), ref, unitImporter)).toMatchObject({ ok: true, record: { unitId: "u1" } });
    expect(validateNeedRow(2, needCells({ unit: own.name }), ref, unitImporter)).toMatchObject({ ok: true });
    const result = validateNeedRow(4, needCells({ unit: "蒲江县人民医院" }), ref, unitImporter);
    expect(result).toMatchObject({ ok: false, errors: [{ row: 4, column: "需求单位", message: expect.stringContaining("只能导入本单位") }] });
  });

  const bad: [string, Record<string, string>, string, RegExp][] = [
    ["unit missing", { unit: "" }, "需求单位", /不能为空/],
    ["unknown unit", { unit: "不存在的合作社" }, "需求单位", /未找到本省单位/],
    ["ambiguous unit name", { unit: "市中区农技站" }, "需求单位", /统一社会信用代码/],
    ["title", { title: "" }, "需求标题", /不能为空/],
    ["bottleneck", { bottleneck: "x".repeat(2001) }, "瓶颈问题", /2000/],
    ["menu", { menuItems: "果树病虫害现场诊断;不存在的服务" }, "服务菜单", /不存在或已停用/],
    ["no menu", { menuItems: "" }, "服务菜单", /不能为空/],
    ["discipline", { disciplines: "" }, "学科领域", /不能为空/],
    ["county in another province", { county: "330106" }, "所在县（区）", /不在本省/],
    ["bad date", { windowStart: "2026-02-30" }, "服务开始日期", /不是有效日期/],
    ["end before start", { windowEnd: "2026-01-01" }, "服务结束日期", /不能早于/],
    ["experts wanted", { expertsWanted: "0" }, "需要专家人数", /1 至 20/],
    ["delivery", { delivery: "邮寄" }, "服务方式", /现场或远程/],
    ["flag", { promoteTechnology: "可能" }, "推广应用技术", /“是”或“否”/],
    ["urgency", { urgency: "特急" }, "紧急程度", /不急/],
    ["on behalf of", { onBehalfOf: "村".repeat(101) }, "代填对象", /100/],
  ];
  for (const [what, over, column, message] of bad) {
    it(`reports a bad ${what}`, () => {
      const result = validateNeedRow(5, needCells(over), ref, sichuan);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors).toContainEqual({ row: 5, column, message: expect.stringMatching(message) });
    });
  }
});

describe("whole sheets", () => {
  const expertHeader = EXPERT_COLUMNS.map((c) => c.header);
  const rowOf = (cells: Map<string, string>) => EXPERT_COLUMNS.map((c) => cells.get(c.key) ?? "");

  it("keeps good rows, reports bad and duplicate rows with their spreadsheet row numbers", () => {
    const sheet = {
      header: [...expertHeader, "备注"],
      rows: [
        { row: 2, cells: rowOf(expertCells()) },
        { row: 3, cells: rowOf(expertCells({ gender: "X" })) },
        { row: 5, cells: rowOf(expertCells({ name: "李华", phone: "13900000000" })) },
        { row: 6, cells: rowOf(expertCells()) },
      ],
    };
    const v = validateSheet("EXPERTS", sheet, ref, sichuan, NOW);
    expect(v.totalRows).toBe(4);
    expect(v.records.map((r) => r.row)).toEqual([2, 5]);
    expect(v.errors).toEqual([
      { row: 1, column: "备注", message: expect.stringContaining("无法识别") },
      { row: 3, column: "性别", message: expect.stringContaining("性别") },
      { row: 6, column: "姓名", message: "与第 2 行重复（姓名和手机号码相同）" },
    ]);
  });

  it("reports duplicate needs (same title and unit) and stops at a missing required column", () => {
    const header = NEED_COLUMNS.map((c) => c.header);
    const needRow = (cells: Map<string, string>) => NEED_COLUMNS.map((c) => cells.get(c.key) ?? "");
    const v = validateSheet("NEEDS", { header, rows: [{ row: 2, cells: needRow(needCells()) }, { row: 3, cells: needRow(needCells({ unit: own.name })) }] }, ref, sichuan);
    expect(v.records).toHaveLength(1);
    expect(v.errors).toEqual([{ row: 3, column: "需求标题", message: "与第 2 行重复（需求标题和需求单位相同）" }]);

    const missing = validateSheet("NEEDS", { header: header.slice(1), rows: [{ row: 2, cells: needRow(needCells()).slice(1) }] }, ref, sichuan);
    expect(missing.records).toEqual([]);
    expect(missing.errors).toEqual([{ row: 1, column: "需求单位", message: "缺少必填列" }]);
  });
});
