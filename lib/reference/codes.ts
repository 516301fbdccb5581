// Pure rules over the code tables (disciplines GB/T 13745, industries GB/T 4754, regions GB/T 2260).

/** Code → name over some rows of a code table; a code not among them names itself. */
export function nameLookup(rows: Iterable<{ code: string; name: string }> | ReadonlyMap<string, string>): (code: string) => string {
  const byCode = rows instanceof Map ? rows : new Map([...(rows as Iterable<{ code: string; name: string }>)].map((r) => [r.code, r.name]));
  return (code) => byCode.get(code) ?? code;
}

/**
 * A code and every code under it, at any depth, by the table's parent links ("a discipline and its
 * sub-disciplines"). The links, not the digits: industry divisions ("01") do not start with their section ("A").
 * An unknown code stands for itself.
 */
export function codeSubtree(rows: readonly { code: string; parentCode: string | null }[], code: string): string[] {
  const children = new Map<string, string[]>();
  for (const r of rows) if (r.parentCode) children.set(r.parentCode, [...(children.get(r.parentCode) ?? []), r.code]);
  const out = new Set([code]);
  for (const c of out) for (const child of children.get(c) ?? []) out.add(child);
  return [...out];
}
