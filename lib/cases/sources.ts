import type { Tx } from "@/lib/db";
import type { ActivityState, BaseField, CaseSourceKind, EngagementState, EvaluationGrade, ServiceForm } from "@/lib/generated/prisma/enums";
import { figuresOf, type CaseFigures } from "@/lib/cases/figures";
import { judgeActivity, judgeChallenge, judgeEngagement, type Verdict } from "@/lib/cases/shortlist";
import { LIVE_CASE_STATES } from "@/lib/cases/workflow";
import { targetsOf } from "@/lib/activities/progress-schemas";

// What a typical case can be written from. The shortlist is this list of sources, each reading its finished rows
// in the editor's provinces, their confirmed figures and the facts its rule (lib/cases/shortlist.ts) judges.

export type SourceRow = {
  kind: CaseSourceKind;
  id: string;
  title: string;
  provinceCode: string;
  regionCode: string;
  regionName: string;
  finishedAt: Date | null;
  /** The activity a case from this source links to (its activityId column). */
  activityId: string | null;
  field: BaseField | null;
  forms: ServiceForm[];
  figures: CaseFigures;
  verdict: Verdict;
  /** The console page of the source. */
  href: string;
};

/** null: every province (national scope). */
export type ProvinceFilter = string[] | null;

export type CaseSource = {
  kind: CaseSourceKind;
  label: string;
  /** Finished rows in these provinces, judged (at most `take`, most recently finished first). */
  rows(client: Tx, provinces: ProvinceFilter, take: number): Promise<SourceRow[]>;
  /** One row, judged; null when it does not exist. */
  row(client: Tx, id: string): Promise<SourceRow | null>;
};

const PRIORITY_LABEL = { breakBottleneck: "突破发展瓶颈", promoteTechnology: "推广应用技术", raiseFarmerIncome: "促进农民增收" } as const;

const RECORD_SELECT = {
  startDate: true, endDate: true, hours: true, peopleServed: true, peopleTrained: true, engagementId: true, state: true, form: true,
} as const;

const ENGAGEMENT_SELECT = {
  id: true, state: true, closedAt: true, activityId: true, expertId: true, planForms: true,
  need: {
    select: {
      title: true, provinceCode: true, regionCode: true, breakBottleneck: true, promoteTechnology: true, raiseFarmerIncome: true,
      region: { select: { name: true } },
    },
  },
  records: { select: RECORD_SELECT },
  feedback: { select: { party: true, rating: true } },
} as const;

type EngagementLoaded = {
  id: string; state: EngagementState;
  closedAt: Date | null; activityId: string | null; expertId: string; planForms: ServiceForm[];
  need: { title: string; provinceCode: string; regionCode: string; breakBottleneck: boolean; promoteTechnology: boolean; raiseFarmerIncome: boolean; region: { name: string } };
  records: { startDate: Date; endDate: Date; hours: unknown; peopleServed: number; peopleTrained: number; engagementId: string; state: string; form: ServiceForm }[];
  feedback: { party: string; rating: number }[];
};

function engagementRow(e: EngagementLoaded): SourceRow {
  const confirmed = e.records.filter((r) => r.state === "CONFIRMED").map((r) => ({ ...r, hours: Number(r.hours), expertId: e.expertId }));
  const figures = figuresOf(confirmed);
  const rating = (party: string) => e.feedback.find((f) => f.party === party)?.rating ?? null;
  const priorities = (Object.keys(PRIORITY_LABEL) as (keyof typeof PRIORITY_LABEL)[]).filter((k) => e.need[k]).map((k) => PRIORITY_LABEL[k]);
  return {
    kind: "ENGAGEMENT", id: e.id, title: e.need.title, provinceCode: e.need.provinceCode, regionCode: e.need.regionCode,
    regionName: e.need.region.name, finishedAt: e.closedAt, activityId: e.activityId, field: null,
    forms: [...new Set([...e.planForms, ...confirmed.map((r) => r.form)])],
    figures,
    verdict: judgeEngagement({
      state: e.state, figures, disputedRecords: e.records.filter((r) => r.state === "DISPUTED").length,
      unitRating: rating("UNIT"), expertRating: rating("EXPERT"), priorities,
    }),
    href: `/engagements/${e.id}`,
  };
}

const engagementSource: CaseSource = {
  kind: "ENGAGEMENT",
  label: "服务项目",
  async rows(client, provinces, take) {
    const rows = await client.engagement.findMany({
      where: { state: "CLOSED", ...(provinces ? { need: { provinceCode: { in: provinces } } } : {}) },
      orderBy: [{ closedAt: "desc" }, { id: "asc" }],
      take,
      select: ENGAGEMENT_SELECT,
    });
    return rows.map((e) => engagementRow(e as EngagementLoaded));
  },
  async row(client, id) {
    const e = await client.engagement.findUnique({ where: { id }, select: ENGAGEMENT_SELECT });
    return e ? engagementRow(e as EngagementLoaded) : null;
  },
};

const ACTIVITY_SELECT = {
  id: true, title: true, state: true, completedAt: true, provinceCode: true, regionCode: true, serviceForms: true, targets: true,
  region: { select: { name: true } },
  hostBase: { select: { field: true } },
  evaluations: { select: { grade: true } },
  feedback: { select: { rating: true } },
  engagements: { select: { expertId: true, records: { where: { state: "CONFIRMED" }, select: RECORD_SELECT } } },
} as const;

type ActivityLoaded = {
  id: string; title: string; state: ActivityState; completedAt: Date | null;
  provinceCode: string; regionCode: string; serviceForms: ServiceForm[]; targets: unknown;
  region: { name: string }; hostBase: { field: BaseField } | null;
  evaluations: { grade: EvaluationGrade }[];
  feedback: { rating: number }[];
  engagements: { expertId: string; records: { startDate: Date; endDate: Date; hours: unknown; peopleServed: number; peopleTrained: number; engagementId: string }[] }[];
};

function activityRow(a: ActivityLoaded): SourceRow {
  const figures = figuresOf(a.engagements.flatMap((e) => e.records.map((r) => ({ ...r, hours: Number(r.hours), expertId: e.expertId }))));
  return {
    kind: "ACTIVITY", id: a.id, title: a.title, provinceCode: a.provinceCode, regionCode: a.regionCode, regionName: a.region.name,
    finishedAt: a.completedAt, activityId: a.id, field: a.hostBase?.field ?? null, forms: a.serviceForms, figures,
    verdict: judgeActivity({
      state: a.state, figures, grades: a.evaluations.map((e) => e.grade), feedbackRatings: a.feedback.map((f) => f.rating),
      targets: targetsOf(a.targets).map((t) => ({ indicator: t.indicator, target: t.target, actual: "actual" in t ? (t.actual as number) : null })),
    }),
    href: `/activities/${a.id}`,
  };
}

const activitySource: CaseSource = {
  kind: "ACTIVITY",
  label: "示范活动",
  async rows(client, provinces, take) {
    const rows = await client.demonstrationActivity.findMany({
      where: { state: { in: ["COMPLETED", "EVALUATED"] }, ...(provinces ? { provinceCode: { in: provinces } } : {}) },
      orderBy: [{ completedAt: "desc" }, { id: "asc" }],
      take,
      select: ACTIVITY_SELECT,
    });
    return rows.map((a) => activityRow(a as ActivityLoaded));
  },
  async row(client, id) {
    const a = await client.demonstrationActivity.findUnique({ where: { id }, select: ACTIVITY_SELECT });
    return a ? activityRow(a as ActivityLoaded) : null;
  },
};

const CHALLENGE_SELECT = {
  id: true, title: true, state: true, provinceCode: true, regionCode: true, finishedAt: true, indicators: true,
  indicatorResults: true, acceptancePassed: true, confirmedAt: true,
  region: { select: { name: true } },
  milestones: { select: { state: true } },
  bids: { where: { state: "SELECTED" }, select: { expertId: true, members: { select: { expertId: true } } } },
} as const;

type ChallengeLoaded = {
  id: string; title: string; state: string; provinceCode: string; regionCode: string; finishedAt: Date | null;
  indicators: string[]; indicatorResults: unknown; acceptancePassed: boolean | null; confirmedAt: Date | null;
  region: { name: string };
  milestones: { state: string }[];
  bids: { expertId: string; members: { expertId: string }[] }[];
};

/** Indicators the acceptance marked met (indicatorResults: [{ indicator, met, note }]). */
function indicatorsMet(results: unknown): number {
  return Array.isArray(results) ? results.filter((r) => r && typeof r === "object" && (r as { met?: unknown }).met === true).length : 0;
}

function challengeRow(c: ChallengeLoaded): SourceRow {
  const team = new Set(c.bids.flatMap((b) => [b.expertId, ...b.members.map((m) => m.expertId)]));
  // A challenge has no service records: its figures are its team; the acceptance speaks for the results.
  const figures = { ...figuresOf([]), experts: team.size };
  return {
    kind: "CHALLENGE", id: c.id, title: c.title, provinceCode: c.provinceCode, regionCode: c.regionCode, regionName: c.region.name,
    finishedAt: c.finishedAt, activityId: null, field: null, forms: [], figures,
    verdict: judgeChallenge({
      state: c.state, acceptancePassed: c.acceptancePassed, confirmed: c.confirmedAt !== null,
      indicators: c.indicators.length, indicatorsMet: Math.min(c.indicators.length, indicatorsMet(c.indicatorResults)),
      milestones: c.milestones.length, milestonesPassed: c.milestones.filter((m) => m.state === "PASSED").length, teamSize: team.size,
    }),
    href: `/challenges/${c.id}`,
  };
}

const challengeSource: CaseSource = {
  kind: "CHALLENGE",
  label: "揭榜挂帅",
  async rows(client, provinces, take) {
    const rows = await client.challenge.findMany({
      where: { state: "COMPLETED", ...(provinces ? { provinceCode: { in: provinces } } : {}) },
      orderBy: [{ finishedAt: "desc" }, { id: "asc" }],
      take,
      select: CHALLENGE_SELECT,
    });
    return rows.map((c) => challengeRow(c as ChallengeLoaded));
  },
  async row(client, id) {
    const c = await client.challenge.findUnique({ where: { id }, select: CHALLENGE_SELECT });
    return c ? challengeRow(c as ChallengeLoaded) : null;
  },
};

/** Every source of the shortlist, in the order the page lists them. */
export const CASE_SOURCES: readonly CaseSource[] = [activitySource, engagementSource, challengeSource];

export function sourceOf(kind: CaseSourceKind): CaseSource | null {
  return CASE_SOURCES.find((s) => s.kind === kind) ?? null;
}

/** How many finished rows per source the shortlist reads (the most recent; older ones rarely become new cases). */
export const SHORTLIST_WINDOW = 300;

/**
 * The shortlist: eligible rows of every source in these provinces that have no live case yet, best first.
 * Each keeps its verdict, so the page shows why it was picked.
 */
export async function shortlist(client: Tx, provinces: ProvinceFilter, take = 50): Promise<SourceRow[]> {
  const all = (await Promise.all(CASE_SOURCES.map((s) => s.rows(client, provinces, SHORTLIST_WINDOW)))).flat().filter((r) => r.verdict.eligible);
  if (!all.length) return [];
  const taken = await client.typicalCase.findMany({
    where: { state: { in: [...LIVE_CASE_STATES] }, sourceId: { in: all.map((r) => r.id) } },
    select: { sourceKind: true, sourceId: true },
  });
  const has = new Set(taken.map((t) => `${t.sourceKind}:${t.sourceId}`));
  return all.filter((r) => !has.has(`${r.kind}:${r.id}`)).sort((a, b) => b.verdict.score - a.verdict.score || a.id.localeCompare(b.id)).slice(0, take);
}
