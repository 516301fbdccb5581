"use client";
import { useMemo, useState } from "react";
import { Select } from "@/components/ui/form-field";

export type RegionChoice = { code: string; name: string; parentCode: string | null; level: "PROVINCE" | "CITY" | "COUNTY" };

type RegionSelectProps = {
  /** Form field name; the deepest chosen level's code is submitted. */
  name: string;
  /** Regions to choose from (one province's, or all). */
  regions: RegionChoice[];
  defaultValue?: string | null;
  /** The deepest level that must be reached ("COUNTY" for a need's place). */
  depth?: "PROVINCE" | "CITY" | "COUNTY";
  id?: string;
  "aria-describedby"?: string;
  "aria-invalid"?: boolean;
};

/** Cascading province → city → county selects; cities without counties (东莞, 中山 …) end at the city. */
export function RegionSelect({ name, regions, defaultValue, depth = "COUNTY", id, ...a11y }: RegionSelectProps) {
  const children = useMemo(() => {
    // Linear in the regions: this runs on every server render of a list with a region filter (hundreds of regions).
    const present = new Set(regions.map((r) => r.code));
    const map = new Map<string | null, RegionChoice[]>();
    for (const r of regions) {
      const parent = r.level !== "PROVINCE" && r.parentCode && present.has(r.parentCode) ? r.parentCode : null;
      const siblings = map.get(parent);
      if (siblings) siblings.push(r);
      else map.set(parent, [r]);
    }
    return map;
  }, [regions]);
  const byCode = useMemo(() => new Map(regions.map((r) => [r.code, r])), [regions]);

  const initialPath = useMemo(() => {
    const path: string[] = [];
    let cur = defaultValue ? byCode.get(defaultValue) : undefined;
    while (cur) {
      path.unshift(cur.code);
      cur = cur.parentCode ? byCode.get(cur.parentCode) : undefined;
    }
    return path;
  }, [defaultValue, byCode]);
  const [path, setPath] = useState<string[]>(initialPath);

  const levels = ["PROVINCE", "CITY", "COUNTY"] as const;
  const maxLevels = levels.indexOf(depth) + 1;
  const selects: { options: RegionChoice[]; value: string; label: string }[] = [];
  for (let i = 0; i < maxLevels; i++) {
    const parent = i === 0 ? null : path[i - 1];
    if (i > 0 && !parent) break;
    const options = children.get(parent ?? null) ?? [];
    if (!options.length) break;
    selects.push({ options, value: path[i] ?? "", label: ["省份", "地市", "区县"][i] });
  }
  const value = path[path.length - 1] ?? "";

  return (
    <div className="grid gap-2 sm:grid-cols-3">
      <input type="hidden" name={name} value={value} />
      {selects.map((s, i) => (
        <Select
          key={i}
          id={i === 0 ? id : undefined}
          aria-label={s.label}
          value={s.value}
          onChange={(e) => setPath([...path.slice(0, i), ...(e.target.value ? [e.target.value] : [])])}
          {...(i === 0 ? a11y : {})}
        >
          <option value="">请选择{s.label}</option>
          {s.options.map((o) => (
            <option key={o.code} value={o.code}>{o.name}</option>
          ))}
        </Select>
      ))}
    </div>
  );
}
