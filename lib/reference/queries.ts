import { cache } from "react";
import { db } from "@/lib/db";
import { codeSubtree, nameLookup } from "@/lib/reference/codes";

// Reference data for pickers and labels. Read per request (React cache), never kept in process memory.

export type CodeOption = { code: string; name: string; parentCode: string | null };
export type RegionOption = CodeOption & { level: "PROVINCE" | "CITY" | "COUNTY" };

export const disciplineOptions = cache(async (): Promise<CodeOption[]> =>
  db.discipline.findMany({ select: { code: true, name: true, parentCode: true }, orderBy: { code: "asc" } }),
);

export const industryOptions = cache(async (): Promise<CodeOption[]> =>
  db.industry.findMany({ select: { code: true, name: true, parentCode: true }, orderBy: { code: "asc" } }),
);

/** Regions of one province (or all when omitted), provinces first then by code. */
export const regionOptions = cache(async (provinceCode?: string): Promise<RegionOption[]> =>
  db.region.findMany({
    where: provinceCode ? { provinceCode } : {},
    select: { code: true, name: true, parentCode: true, level: true },
    orderBy: { code: "asc" },
  }),
);

/** The provinces (and 兵团), for filters. */
export const provinceOptions = cache(async (): Promise<{ code: string; name: string }[]> =>
  db.region.findMany({ where: { level: "PROVINCE" }, select: { code: true, name: true }, orderBy: { code: "asc" } }),
);

/** Full names like "四川省 成都市 蒲江县" for a set of region codes. */
export async function regionPaths(codes: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter(Boolean))];
  const out = new Map<string, string>();
  if (!wanted.length) return out;
  const ancestors = new Set<string>();
  for (const c of wanted) {
    ancestors.add(c);
    if (c.length >= 4) ancestors.add(c.slice(0, 4));
    ancestors.add(c.slice(0, 2));
  }
  const rows = await db.region.findMany({ where: { code: { in: [...ancestors] } }, select: { code: true, name: true } });
  const name = new Map(rows.map((r) => [r.code, r.name]));
  for (const c of wanted) {
    const parts = [c.slice(0, 2), c.length >= 4 ? c.slice(0, 4) : null, c.length === 6 ? c : null]
      .filter((p): p is string => !!p && name.has(p))
      .map((p) => name.get(p)!);
    out.set(c, [...new Set(parts)].join(" "));
  }
  return out;
}

type CodeTable = "discipline" | "industry" | "region";

/** Code → name for these codes of one table, in one query; a code not in the table names itself. */
export async function codeNames(table: CodeTable, codes: Iterable<string>): Promise<(code: string) => string> {
  const wanted = [...new Set(codes)].filter(Boolean);
  if (!wanted.length) return nameLookup([]);
  const args = { where: { code: { in: wanted } }, select: { code: true, name: true } } as const;
  const rows = table === "discipline" ? await db.discipline.findMany(args)
    : table === "industry" ? await db.industry.findMany(args)
    : await db.region.findMany(args);
  return nameLookup(rows);
}

/** A discipline (or industry) and every one under it, for list filters (lib/reference/codes codeSubtree). */
export async function withSubtree(table: "discipline" | "industry", code: string): Promise<string[]> {
  return codeSubtree(table === "discipline" ? await disciplineOptions() : await industryOptions(), code);
}
