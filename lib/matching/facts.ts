import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { matchability } from "@/lib/experts/eligibility";
import { vectorFromCounts, termVector } from "@/lib/matching/text";
import type { ExpertFacts, NeedFacts } from "@/lib/matching/types";

// Loads what the engine scores from PostgreSQL: one need, and the candidate experts retrieval found.

export async function loadNeedFacts(tx: Tx, needId: string): Promise<(NeedFacts & { provinceCode: string; expertsWanted: number }) | null> {
  const n = await tx.need.findUnique({
    where: { id: needId },
    select: {
      id: true, unitId: true, title: true, bottleneck: true, expectedOutcome: true, disciplineCodes: true, industryCodes: true,
      regionCode: true, provinceCode: true, delivery: true, windowStart: true, windowEnd: true, expertsWanted: true,
      region: { select: { zone: true } }, menuItems: { select: { menuItem: { select: { form: true } } } },
    },
  });
  if (!n) return null;
  return {
    id: n.id, unitId: n.unitId, disciplineCodes: n.disciplineCodes, industryCodes: n.industryCodes,
    forms: [...new Set(n.menuItems.map((m) => m.menuItem.form))], regionCode: n.regionCode, zone: n.region.zone,
    delivery: n.delivery, window: n.windowStart && n.windowEnd ? { start: n.windowStart, end: n.windowEnd } : null,
    text: termVector([n.title, n.bottleneck, n.expectedOutcome]), provinceCode: n.provinceCode, expertsWanted: n.expertsWanted,
  };
}

export async function loadExpertFacts(tx: Tx, ids: string[], needIds: string[] = []): Promise<ExpertFacts[]> {
  if (!ids.length) return [];
  const [rows, feedback, declined] = await Promise.all([
    tx.expertProfile.findMany({
      where: { id: { in: ids } },
      select: {
        id: true, employerOrgId: true, disciplineCodes: true, industryCodes: true, preferredForms: true, regionCode: true,
        serviceRegionCodes: true, acceptsRemote: true, maxConcurrent: true, activeEngagements: true, status: true,
        isRetired: true, healthAttestedAt: true, consentAttestedAt: true, lastConfirmedAt: true, talentCategories: true, libraryStatus: true,
        matchTermCounts: true, region: { select: { zone: true } },
        availability: { select: { kind: true, startsOn: true, endsOn: true } },
      },
    }),
    tx.$queryRaw<{ expertId: string; average: number; count: bigint }[]>`
      SELECT en."expertId", avg(f."rating")::float8 AS average, count(*) AS count
        FROM "Feedback" f JOIN "Engagement" en ON en."id" = f."engagementId"
       WHERE f."party" = 'UNIT' AND f."createdAt" > now() - interval '1 year' AND en."expertId" IN (${Prisma.join(ids)})
       GROUP BY en."expertId"`,
    needIds.length
      ? tx.match.findMany({ where: { expertId: { in: ids }, needId: { in: needIds }, state: "DECLINED" }, select: { expertId: true, needId: true } })
      : Promise.resolve([]),
  ]);
  const feedbackOf = new Map(feedback.map((f) => [f.expertId, { average: f.average, count: Number(f.count) }]));
  const declinedOf = new Map<string, Set<string>>();
  for (const d of declined) declinedOf.set(d.expertId, (declinedOf.get(d.expertId) ?? new Set()).add(d.needId));
  const range = (a: { startsOn: Date; endsOn: Date }) => ({ start: a.startsOn, end: a.endsOn }); // whole days, both ends included
  return rows.map((e) => ({
    id: e.id, employerOrgId: e.employerOrgId, disciplineCodes: e.disciplineCodes, industryCodes: e.industryCodes,
    preferredForms: e.preferredForms, regionCode: e.regionCode, zone: e.region.zone, serviceRegionCodes: e.serviceRegionCodes,
    acceptsRemote: e.acceptsRemote, maxConcurrent: e.maxConcurrent, activeEngagements: e.activeEngagements,
    matchable: matchability(e).matchable, talentCategories: e.talentCategories, libraryStatus: e.libraryStatus,
    available: e.availability.filter((a) => a.kind === "AVAILABLE").map(range),
    blackouts: e.availability.filter((a) => a.kind === "BLACKOUT").map(range),
    feedback: feedbackOf.get(e.id) ?? null,
    declinedNeedIds: declinedOf.get(e.id) ?? new Set(),
    text: vectorFromCounts((e.matchTermCounts ?? {}) as Record<string, number>),
  }));
}
