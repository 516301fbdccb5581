export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A list's filters as URL values (absent when empty). */
export type QueryValues = Record<string, string | undefined>;

/** Text as PostgreSQL can store and compare it: without NUL characters, which it refuses in any text value. */
export const withoutNul = (s: string) => (s.includes("\u0000") ? s.replaceAll("\u0000", "") : s);

/** A page's query as single values (the first of repeated keys), ready for a zod schema. */
export async function firstValues(searchParams: SearchParams): Promise<Record<string, string | undefined>> {
  return Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => {
    const first = Array.isArray(v) ? v[0] : v;
    return [k, first === undefined ? undefined : withoutNul(first)];
  }));
}

/** A route's query string as an object for a zod schema (the last of repeated keys, as Object.fromEntries does). */
export function queryObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries([...params].map(([k, v]) => [k, withoutNul(v)]));
}

function asQueryValue(value: unknown): string | undefined {
  if (value === undefined || value === null || value === false || value === "") return undefined;
  if (value === true) return "1";
  return String(value);
}

/**
 * A parsed search as URL values, the inverse of the list's zod schema: strings kept, numbers written out, a set
 * flag as "1" (as its checkbox sends it); empty values, unset flags and `page` left out.
 */
export function queryValues(search: Record<string, unknown>): QueryValues {
  const out: QueryValues = {};
  for (const [key, raw] of Object.entries(search)) {
    const value = key === "page" ? undefined : asQueryValue(raw);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

/** The set entries of a list's filters, without `page` (kept on page links and downloads). */
export function queryEntries(values: QueryValues): [string, string][] {
  return Object.entries(values).filter((e): e is [string, string] => e[0] !== "page" && e[1] !== undefined && e[1] !== "");
}

/** The address of one page of a list (page 1 has no `page`). */
export function listHref(basePath: string, values: QueryValues, page = 1): string {
  const query = new URLSearchParams(queryEntries(values));
  if (page > 1) query.set("page", String(page));
  const s = query.toString();
  return s ? `${basePath}?${s}` : basePath;
}

/** Whether any filter is set, besides those in `ignore` (a sort order, say, filters nothing). */
export function hasFilters(values: QueryValues, ignore: readonly string[] = []): boolean {
  return queryEntries(values).some(([k]) => !ignore.includes(k));
}
