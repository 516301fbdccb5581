import { beforeAll, describe, expect, it } from "vitest";
import { db, type Tx } from "@/lib/db";
import type { DeliveryMode } from "@/lib/generated/prisma/enums";
import type { SessionUser } from "@/lib/auth/roles";
import { MATCH_PAGE_SIZE, needsForMe } from "@/lib/matches/queries";
import { loadExpertFacts, loadNeedsFacts } from "@/lib/matching/facts";
import { recommendNeeds, type NeedRecommendation } from "@/lib/matching/needs-for-expert";
import { poolModel, poolRelevance } from "@/lib/matching/pool-relevance";
import { loadScorer } from "@/lib/matching/recommend";
import { codeTables, disciplineFamily } from "@/lib/matching/reference";
import { combine, hardFilter, scoreBound, scoreParts, type HardFilter } from "@/lib/matching/score";
import { computeAllMatchTerms } from "@/lib/matching/terms";
import { createExpert, createNeed, createOrganization, uniqueSuffix } from "@/prisma/seed/factories";
import { expertWithUser } from "./fixtures";

// recommendNeeds scores with the pool model only the needs that can reach the requested page (a bound from the
// other parts). Pinned here against what it did before: every retrieved need scored, then sorted. Rows of this
// file carry a made-up token in their titles (searched with `q`); the database is shared with other files.

const token = `nf${uniqueSuffix()}`.toLowerCase();
let me: { id: string; session: SessionUser };
let busy: string;
const needIds: string[] = [];

const TITLES = ["猕猴桃溃疡病绿色防控", "果园病虫害综合治理", "设施蔬菜栽培技术", "农产品冷链贮藏"];
const DISCIPLINES = [["21060"], ["21040"], ["210"], ["21050", "21060"], []];
const INDUSTRIES = [["01"], ["05"], ["01", "05"]];
const DELIVERY: DeliveryMode[] = ["EITHER", "ONSITE", "REMOTE"];

beforeAll(async () => {
  const employer = await createOrganization(db, { regionCode: "510131" });
  const units = await Promise.all(["510131", "510104", "330106"].map((regionCode) => createOrganization(db, { regionCode })));
  const menu = await Promise.all((["TECH_GUIDANCE", "THEMED_LECTURE"] as const).map(async (form) =>
    (await db.serviceMenuItem.findFirstOrThrow({ where: { form, retiredAt: null }, select: { id: true } })).id));
  me = await expertWithUser({
    name: `评分专家${token}`, regionCode: "510131", disciplineCodes: ["21060"], industryCodes: ["01"], employerOrgId: employer.id,
    skills: ["猕猴桃溃疡病防治", "果园绿色防控"], bio: "长期从事果树病害研究", preferredForms: ["TECH_GUIDANCE"],
    serviceRegionCodes: ["51"], acceptsRemote: true,
  });
  busy = (await createExpert(db, {
    name: `满负荷${token}`, regionCode: "510131", disciplineCodes: ["21060"], industryCodes: ["01"], maxConcurrent: 1, activeEngagements: 1,
  })).id;
  // 30 kinds of need, each twice with the same content (equal scores, ordered by id), some the expert cannot take
  // (their employer's, on site outside Sichuan), some outside their fields, one declined.
  for (let copy = 0; copy < 2; copy++) {
    for (let i = 0; i < 30; i++) {
      const unit = i % 13 === 5 ? employer : units[i % 3];
      const need = await createNeed(db, {
        unitId: unit.id, state: "OPEN", title: `${TITLES[i % 4]}${token}`, bottleneck: `${TITLES[(i + 1) % 4]}方面缺少技术力量`,
        disciplineCodes: DISCIPLINES[i % 5], industryCodes: INDUSTRIES[Math.floor(i / 2) % 3], delivery: DELIVERY[Math.floor(i / 3) % 3],
        menuItemIds: [menu[Math.floor(i / 5) % 2]],
        urgency: i % 7 === 0 ? "HIGH" : "NORMAL",
      });
      needIds.push(need.id);
    }
  }
  await db.match.create({ data: { needId: needIds[0], expertId: me.id, state: "DECLINED", source: "SYSTEM", score: 0.5, declineReason: "时间冲突" } });
  await computeAllMatchTerms(db);
  await poolModel(db);
}, 300_000);

type Reference = { rows: NeedRecommendation[]; filtered: Partial<Record<HardFilter, number>>; candidates: number };

/** What recommendNeeds returned before it bounded: every retrieved need scored with the pool model, then sorted. */
async function scoreEveryNeed(tx: Tx, expertId: string): Promise<Reference> {
  const profile = await tx.expertProfile.findUniqueOrThrow({ where: { id: expertId }, select: { disciplineCodes: true, industryCodes: true } });
  const family = disciplineFamily(profile.disciplineCodes, await codeTables(tx));
  const ids = (await tx.need.findMany({
    where: {
      state: "OPEN", title: { contains: token },
      OR: [{ disciplineCodes: { hasSome: family } }, { industryCodes: { hasSome: profile.industryCodes } }],
      NOT: { matches: { some: { expertId, state: "DECLINED" } } },
    },
    select: { id: true },
  })).map((n) => n.id);
  const [[expert], needs, scorer] = await Promise.all([loadExpertFacts(tx, [expertId], ids), loadNeedsFacts(tx, ids), loadScorer(tx)]);
  scorer.relevance = await poolRelevance(tx, needs.map((need) => ({ need, experts: [expert] })));
  const free = { ...expert, matchable: true, activeEngagements: Math.min(expert.activeEngagements, expert.maxConcurrent - 1) };
  const filtered: Partial<Record<HardFilter, number>> = {};
  const rows: NeedRecommendation[] = [];
  for (const need of needs) {
    const f = hardFilter(need, free);
    if (f) filtered[f] = (filtered[f] ?? 0) + 1;
    else rows.push({ needId: need.id, ...combine(scoreParts(need, expert, scorer), scorer.weights) });
  }
  rows.sort((a, b) => b.score - a.score || a.needId.localeCompare(b.needId));
  return { rows, filtered, candidates: ids.length };
}

/** Both in one snapshot, so that both score with the same pool model while other files add experts. */
const inOneSnapshot = <T>(work: (tx: Tx) => Promise<T>) =>
  db.$transaction((tx) => work(tx), { isolationLevel: "RepeatableRead", timeout: 120_000 });

describe("needs for an expert, scored a page at a time", () => {
  it("returns every page exactly as scoring every need did: same needs, order (ties by id), scores and reasons", async () => {
    await inOneSnapshot(async (tx) => {
      const reference = await scoreEveryNeed(tx, me.id);
      // The fixture is what it claims: more needs than a page, ties, and filters.
      expect(reference.rows.length).toBeGreaterThan(MATCH_PAGE_SIZE);
      expect(reference.rows.some((r, i) => i > 0 && r.score === reference.rows[i - 1].score)).toBe(true);
      expect(reference.filtered.CONFLICT).toBeGreaterThan(0);
      expect(reference.filtered.NOT_WILLING).toBeGreaterThan(0);
      for (const pageSize of [MATCH_PAGE_SIZE, 7, 1]) {
        const pages = Math.ceil(reference.rows.length / pageSize) + 1;
        for (let page = 1; page <= pages; page++) {
          const r = await recommendNeeds(tx, me.id, { q: token, page, pageSize });
          expect(r!.rows).toEqual(reference.rows.slice((page - 1) * pageSize, page * pageSize));
          expect(r!.total).toBe(reference.rows.length);
          expect(r!.filtered).toEqual(reference.filtered);
          expect(r!.candidates).toBe(reference.candidates);
        }
      }
    });
  });

  it("bounds every need's score from above, and the bound leaves needs unscored on the first page", async () => {
    await inOneSnapshot(async (tx) => {
      const reference = await scoreEveryNeed(tx, me.id);
      const [[expert], needs, scorer] = await Promise.all([loadExpertFacts(tx, [me.id]), loadNeedsFacts(tx, reference.rows.map((r) => r.needId)), loadScorer(tx)]);
      const score = new Map(reference.rows.map((r) => [r.needId, r.score]));
      const bounds = needs.map((need) => ({ bound: scoreBound(need, expert, scorer), score: score.get(need.id)! }));
      for (const b of bounds) expect(b.bound + 5e-5).toBeGreaterThanOrEqual(b.score);
      const seventh = reference.rows[6].score;
      expect(bounds.filter((b) => b.bound + 1e-4 < seventh).length).toBeGreaterThan(0);
    });
  });

  it("scores an expert whose places are all taken the same way, and says so", async () => {
    await inOneSnapshot(async (tx) => {
      const reference = await scoreEveryNeed(tx, busy);
      const r = await recommendNeeds(tx, busy, { q: token, pageSize: 7, page: 2 });
      expect(r!.blocked).toBe("AT_CAPACITY");
      expect(r!.rows).toEqual(reference.rows.slice(7, 14));
      expect(r!.total).toBe(reference.rows.length);
    });
  });

  it("gives the expert's list page the first page of that order, with those scores", async () => {
    const page = await needsForMe(me.session, { q: token, page: 1, province: undefined, form: undefined });
    const reference = await inOneSnapshot((tx) => scoreEveryNeed(tx, me.id));
    expect(page!.total).toBe(reference.rows.length);
    expect(page!.rows.map((r) => [r.need.id, r.score, r.explanation])).toEqual(
      reference.rows.slice(0, MATCH_PAGE_SIZE).map((r) => [r.needId, r.score, r.explanation]),
    );
  });
});
