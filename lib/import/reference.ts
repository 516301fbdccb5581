import type { Tx } from "@/lib/db";
import type { RegionLevel } from "@/lib/generated/prisma/enums";

// Lookups a file is validated against, built once per import from plain lists (the unit tests build them by hand).

export type CodeRow = { code: string; name: string; parentCode: string | null };

export type CodeIndex = {
  label: string; // 学科 / 行业
  byCode: Map<string, CodeRow>;
  byName: Map<string, CodeRow[]>;
};

export function codeIndex(label: string, rows: CodeRow[]): CodeIndex {
  const byCode = new Map(rows.map((r) => [r.code.toUpperCase(), r]));
  const byName = new Map<string, CodeRow[]>();
  for (const r of rows) {
    const key = r.name.replace(/\s+/g, "");
    byName.set(key, [...(byName.get(key) ?? []), r]);
  }
  return { label, byCode, byName };
}

export type RegionRow = { code: string; name: string; level: RegionLevel; parentCode: string | null; provinceCode: string };

export type RegionIndex = {
  byCode: Map<string, RegionRow>;
  /** County codes by name path with separators removed: 省市县, 省县, 市县. */
  byPath: Map<string, string[]>;
};

export const stripSeparators = (s: string) => s.replace(/[\s/\\\-—|,，、>]+/g, "");

export function regionIndex(rows: RegionRow[]): RegionIndex {
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const byPath = new Map<string, string[]>();
  const add = (key: string, code: string) => {
    const list = byPath.get(key) ?? [];
    if (!list.includes(code)) list.push(code);
    byPath.set(key, list);
  };
  for (const r of rows) {
    if (r.level !== "COUNTY") continue;
    const city = r.parentCode ? byCode.get(r.parentCode) : undefined;
    const province = byCode.get(r.provinceCode);
    const p = province?.name ?? "";
    const c = city && city.level === "CITY" ? city.name : "";
    add(stripSeparators(p + c + r.name), r.code);
    add(stripSeparators(p + r.name), r.code);
    if (c) add(stripSeparators(c + r.name), r.code);
  }
  return { byCode, byPath };
}

/** "四川省 成都市 蒲江县" for a county (the names the template and the notes use). */
export function regionPath(index: RegionIndex, code: string): string {
  const r = index.byCode.get(code);
  if (!r) return code;
  const city = r.parentCode ? index.byCode.get(r.parentCode) : undefined;
  const province = index.byCode.get(r.provinceCode);
  return [province?.name, city?.level === "CITY" ? city.name : undefined, r.name].filter(Boolean).join(" ");
}

export type MenuRow = { id: string; name: string };
export type UnitRow = { id: string; name: string; creditCode: string | null; regionCode: string; provinceCode: string };

export type ExpertReference = { disciplines: CodeIndex; industries: CodeIndex; regions: RegionIndex };
export type NeedReference = ExpertReference & {
  menu: Map<string, MenuRow>;
  /** Units a province importer may name: by credit code, and by exact name (several when names repeat). */
  unitsByCredit: Map<string, UnitRow>;
  unitsByName: Map<string, UnitRow[]>;
};

export function unitMaps(units: UnitRow[]) {
  const unitsByCredit = new Map<string, UnitRow>();
  const unitsByName = new Map<string, UnitRow[]>();
  for (const u of units) {
    if (u.creditCode) unitsByCredit.set(u.creditCode.toUpperCase(), u);
    unitsByName.set(u.name, [...(unitsByName.get(u.name) ?? []), u]);
  }
  return { unitsByCredit, unitsByName };
}

// Organizations that can file needs (not the administrations themselves).
const NON_UNIT_TYPES = ["MINISTRY", "PROVINCIAL_BUREAU", "DEPARTMENT"] as const;

export async function loadExpertReference(tx: Tx): Promise<ExpertReference> {
  const [disciplines, industries, regions] = await Promise.all([
    tx.discipline.findMany({ select: { code: true, name: true, parentCode: true } }),
    tx.industry.findMany({ select: { code: true, name: true, parentCode: true } }),
    tx.region.findMany({ select: { code: true, name: true, level: true, parentCode: true, provinceCode: true } }),
  ]);
  return { disciplines: codeIndex("学科", disciplines), industries: codeIndex("行业", industries), regions: regionIndex(regions) };
}

/** `provinceCode`: the province whose units a province importer may name (none for a unit importer). */
export async function loadNeedReference(tx: Tx, provinceCode: string | null): Promise<NeedReference> {
  const [base, menu, units] = await Promise.all([
    loadExpertReference(tx),
    tx.serviceMenuItem.findMany({ where: { retiredAt: null }, select: { id: true, name: true } }),
    provinceCode
      ? tx.organization.findMany({
          where: { region: { provinceCode }, type: { notIn: [...NON_UNIT_TYPES] } },
          select: { id: true, name: true, creditCode: true, regionCode: true, region: { select: { provinceCode: true } } },
        })
      : Promise.resolve([]),
  ]);
  return {
    ...base,
    menu: new Map(menu.map((m) => [m.name.replace(/\s+/g, ""), m])),
    ...unitMaps(units.map((u) => ({ id: u.id, name: u.name, creditCode: u.creditCode, regionCode: u.regionCode, provinceCode: u.region.provinceCode }))),
  };
}
