export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A page's query as single values (the first of repeated keys), ready for a zod schema. */
export async function firstValues(searchParams: SearchParams): Promise<Record<string, string | undefined>> {
  return Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}
