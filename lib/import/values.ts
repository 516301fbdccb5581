import type { ColumnDef, RowError } from "@/lib/import/columns";
import { type CodeIndex, type RegionIndex, type RegionRow, stripSeparators } from "@/lib/import/reference";

// Cell parsing for the row validators. A `RowReader` reads one row's cells by column key and collects the
// errors with the column's Chinese header, so a validator reads like the template's notes.

export const splitList = (s: string) => [...new Set(s.split(/[;；]/).map((v) => v.trim()).filter(Boolean))];

const YES = new Set(["是", "Y", "YES", "TRUE", "1", "√"]);
const NO = new Set(["否", "N", "NO", "FALSE", "0", ""]);

export class RowReader {
  readonly errors: RowError[] = [];
  private readonly headers: Map<string, string>;

  constructor(
    readonly row: number,
    private readonly cells: Map<string, string>,
    defs: ColumnDef[],
  ) {
    this.headers = new Map(defs.map((d) => [d.key, d.header]));
  }

  header(key: string) {
    return this.headers.get(key) ?? key;
  }

  fail(key: string, message: string): undefined {
    this.errors.push({ row: this.row, column: this.header(key), message });
    return undefined;
  }

  raw(key: string): string {
    return (this.cells.get(key) ?? "").trim();
  }

  /** Text, required or not, at most `max` characters; "" when optional and blank. */
  text(key: string, opts: { required?: boolean; max: number }): string | undefined {
    const v = this.raw(key);
    if (!v) return opts.required ? this.fail(key, `${this.header(key)}不能为空`) : "";
    if ([...v].length > opts.max) return this.fail(key, `${this.header(key)}不能超过 ${opts.max} 个字`);
    return v;
  }

  /** One of the allowed labels (a map label → value); blank gives `fallback` (undefined: required). */
  choice<T>(key: string, options: Record<string, T>, fallback?: T, shown?: string[]): T | undefined {
    const v = this.raw(key);
    if (!v) return fallback === undefined ? this.fail(key, `${this.header(key)}不能为空`) : fallback;
    if (v in options) return options[v];
    const list = (shown ?? Object.keys(options)).map((o) => `“${o}”`).join("、");
    return this.fail(key, `${this.header(key)}“${v}”无效，只能填写 ${list}`);
  }

  flag(key: string): boolean | undefined {
    const v = this.raw(key).toUpperCase();
    if (YES.has(v)) return true;
    if (NO.has(v)) return false;
    return this.fail(key, `${this.header(key)}只能填写“是”或“否”`);
  }

  /** An integer in [min, max]; blank gives `fallback` (undefined: required). */
  int(key: string, min: number, max: number, fallback?: number): number | undefined {
    const v = this.raw(key).replace(/\.0+$/, "");
    if (!v) return fallback === undefined ? this.fail(key, `${this.header(key)}不能为空`) : fallback;
    if (!/^-?\d+$/.test(v) || Number(v) < min || Number(v) > max) {
      return this.fail(key, `${this.header(key)}应为 ${min} 至 ${max} 之间的整数`);
    }
    return Number(v);
  }

  /** A date YYYY-MM-DD (also YYYY/M/D and YYYY.M.D) as "YYYY-MM-DD"; blank gives null. */
  date(key: string): string | null | undefined {
    const v = this.raw(key);
    if (!v) return null;
    const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(v);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const date = new Date(Date.UTC(y, mo - 1, d));
      if (date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d && y >= 2000 && y <= 2100) {
        return date.toISOString().slice(0, 10);
      }
    }
    return this.fail(key, `${this.header(key)}“${v}”不是有效日期，请按 YYYY-MM-DD 填写`);
  }

  /** Codes for a `;`-separated list of codes or names; every unknown or ambiguous entry is one error. */
  codes(key: string, index: CodeIndex, opts: { required?: boolean; max: number }): string[] | undefined {
    const items = splitList(this.raw(key));
    if (!items.length) return opts.required ? this.fail(key, `${this.header(key)}不能为空`) : [];
    if (items.length > opts.max) return this.fail(key, `${this.header(key)}最多填写 ${opts.max} 项`);
    const out: string[] = [];
    let bad = false;
    for (const item of items) {
      const found = resolveCode(index, item);
      if ("code" in found) out.push(found.code);
      else {
        bad = true;
        this.fail(key, found.error);
      }
    }
    return bad ? undefined : [...new Set(out)];
  }

  /** A county by 6-digit code or by names ("省 市 县", "省县", "市县"). */
  county(key: string, index: RegionIndex, opts: { required?: boolean }): RegionRow | null | undefined {
    const v = this.raw(key);
    if (!v) return opts.required ? this.fail(key, `${this.header(key)}不能为空`) : null;
    const found = resolveCounty(index, v);
    if ("error" in found) return this.fail(key, found.error);
    return found.region;
  }
}

/** A discipline or industry by code, by "code name", or by name (the deepest when a name repeats down one branch). */
export function resolveCode(index: CodeIndex, raw: string): { code: string } | { error: string } {
  const item = raw.trim();
  const upper = item.toUpperCase();
  if (index.byCode.has(upper)) return { code: index.byCode.get(upper)!.code };
  const lead = /^([0-9A-Za-z]+)[\s.:：、-]+\S/.exec(item);
  if (lead && index.byCode.has(lead[1].toUpperCase())) return { code: index.byCode.get(lead[1].toUpperCase())!.code };
  const candidates = index.byName.get(item.replace(/\s+/g, "")) ?? [];
  if (candidates.length === 1) return { code: candidates[0].code };
  if (candidates.length > 1) {
    const sorted = [...candidates].sort((a, b) => a.code.length - b.code.length);
    const oneBranch = sorted.every((c, i) => i === 0 || isDescendant(index, c.code, sorted[i - 1].code));
    if (oneBranch) return { code: sorted[sorted.length - 1].code };
    return { error: `${index.label}“${item}”对应多个代码（${candidates.map((c) => c.code).join("、")}），请填写代码` };
  }
  return { error: `${index.label}“${item}”不存在，请填写${index.label}代码或名称` };
}

function isDescendant(index: CodeIndex, code: string, ancestor: string): boolean {
  let cur = index.byCode.get(code.toUpperCase())?.parentCode ?? null;
  for (let guard = 0; cur && guard < 10; guard++) {
    if (cur === ancestor) return true;
    cur = index.byCode.get(cur.toUpperCase())?.parentCode ?? null;
  }
  return false;
}

export function resolveCounty(index: RegionIndex, raw: string): { region: RegionRow } | { error: string } {
  const v = raw.trim();
  if (/^\d{6}$/.test(v)) {
    const r = index.byCode.get(v);
    if (!r) return { error: `行政区划代码 ${v} 不存在` };
    if (r.level !== "COUNTY") return { error: `${v} 不是县级行政区划代码` };
    return { region: r };
  }
  if (/^\d+$/.test(v)) return { error: "行政区划代码应为 6 位数字" };
  const codes = index.byPath.get(stripSeparators(v)) ?? [];
  if (codes.length === 1) return { region: index.byCode.get(codes[0])! };
  if (codes.length > 1) return { error: `地区“${v}”有重名，请按“省 市 县”填写或填写 6 位代码` };
  return { error: `未找到县级地区“${v}”，请按“省 市 县”填写或填写 6 位代码` };
}
