import type { DeliveryMode, LibraryStatus, ServiceForm, TalentCategory, Zone } from "@/lib/generated/prisma/enums";
import type { StoredField } from "@/lib/matching/terms";
import type { TermVector } from "@/lib/matching/text";

// Plain facts the engine scores: loaded from PostgreSQL by the retrieval step, or from JSON lines by the CLI.

export type DateRange = { start: Date; end: Date };

export type NeedFacts = {
  id: string;
  unitId: string | null;
  disciplineCodes: string[];
  industryCodes: string[];
  forms: ServiceForm[];
  regionCode: string | null; // county
  zone: Zone | null;
  delivery: DeliveryMode;
  window: DateRange | null;
  text: TermVector;
};

export type ExpertFacts = {
  id: string;
  employerOrgId: string | null;
  disciplineCodes: string[];
  industryCodes: string[];
  preferredForms: ServiceForm[];
  regionCode: string | null;
  zone: Zone | null;
  serviceRegionCodes: string[];
  acceptsRemote: boolean;
  maxConcurrent: number;
  activeEngagements: number;
  matchable: boolean; // lib/experts/eligibility: active, and a retired expert has both attestations
  talentCategories: TalentCategory[];
  libraryStatus: LibraryStatus;
  available: DateRange[]; // declared windows; empty = no restriction
  blackouts: DateRange[];
  feedback: { average: number; count: number } | null;
  declinedNeedIds: ReadonlySet<string>;
  text: TermVector;
  // The term counts kept per field (lib/matching/terms) and when they were computed, as retrieval returns them:
  // the pool model reads them without another query. Absent when the facts came another way.
  stored?: { at: number | null; fields: StoredField[] | null };
};

/** Names the explanation needs (codes → Chinese names). */
export type NameBook = {
  discipline: (code: string) => string;
  industry: (code: string) => string;
  region: (code: string) => string;
};

/** Walks a code table upwards (discipline or industry). */
export type ParentOf = (code: string) => string | null;
