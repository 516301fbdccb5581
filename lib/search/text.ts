// Search over the trigger-maintained `searchText` column of needs and experts (see migration 20261126180000).
// Chinese is written without spaces, so a term matches as a substring; several terms (split on spaces) must all match.

const MAX_TERMS = 5;

/** The user's query as lower-case terms; empty when there is nothing to search for. */
export function searchTerms(query: string | null | undefined): string[] {
  if (!query) return [];
  const terms = query.toLowerCase().split(/[\s,，、;；]+/u).map((t) => t.trim()).filter(Boolean);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

/** A Prisma where-fragment requiring every term in searchText; `{}` when the query is empty. */
export function searchTextWhere(query: string | null | undefined): { AND?: { searchText: { contains: string } }[] } {
  const terms = searchTerms(query);
  return terms.length ? { AND: terms.map((term) => ({ searchText: { contains: term } })) } : {};
}
