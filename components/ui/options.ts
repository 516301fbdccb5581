/** One choice of a select. */
export type Option = { value: string; label: string };
/** Choices under a heading (an <optgroup>). */
export type OptionGroup = { group: string; options: Option[] };
/** What a select offers: a label map (enum value → Chinese label) or a list, possibly grouped. */
export type Choices = Readonly<Record<string, string>> | readonly (Option | OptionGroup)[];

/** A label map's entries as options, in the map's order. */
export function labelOptions(labels: Readonly<Record<string, string>>): Option[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** What a select offers, as a list. */
export function optionsOf(choices: Choices): (Option | OptionGroup)[] {
  return Array.isArray(choices) ? [...choices] : labelOptions(choices as Readonly<Record<string, string>>);
}

/** Reference rows (provinces, …) as options. */
export function codeOptions(rows: readonly { code: string; name: string }[]): Option[] {
  return rows.map((r) => ({ value: r.code, label: r.name }));
}

/** A code tree one level deep as groups: each root first as "（全部）", then its children. */
export function groupedCodeOptions(rows: readonly { code: string; name: string; parentCode: string | null }[]): OptionGroup[] {
  return rows
    .filter((r) => !r.parentCode)
    .map((root) => ({
      group: root.name,
      options: [{ value: root.code, label: `${root.name}（全部）` }, ...codeOptions(rows.filter((r) => r.parentCode === root.code))],
    }));
}

/** The years a list offers, newest first: `last` (this year) back to `first`. */
export function yearOptions(first: number, last: number): Option[] {
  return Array.from({ length: Math.max(1, last - first + 1) }, (_, i) => String(last - i)).map((y) => ({ value: y, label: `${y} 年` }));
}
