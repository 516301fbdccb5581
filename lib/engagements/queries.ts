import { db } from "@/lib/db";
import { chinaDayStart } from "@/lib/calendar/china-time";
import { can, type ResourceScope } from "@/lib/auth/permissions";
import { recordInScope, type InScope } from "@/lib/auth/load-in-scope";
import type { SessionUser } from "@/lib/auth/roles";
import { EXPORT_ROW_LIMIT } from "@/lib/export/table";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { FeedbackParty, ServiceRecordState } from "@/lib/generated/prisma/enums";
import { extraAnswerLines, parseQuestions, type Answers } from "@/lib/questionnaires/questions";
import { publishedQuestionnaire } from "@/lib/questionnaires/service";
import { regionPaths } from "@/lib/reference/queries";
import { searchTerms } from "@/lib/search/text";
import type { EngagementSearch } from "@/lib/engagements/schemas";
import { partyOf, readableEngagementsWhere } from "@/lib/engagements/scope";
import { canRecordStep, ENGAGEMENT_WORKFLOW, finishBlocker, missingPlanParts } from "@/lib/engagements/workflow";

export const ENGAGEMENT_PAGE_SIZE = 20;

/** Each term must match the need (code, title, unit… via its searchText) or the expert's name. */
function textWhere(q: string | undefined): Prisma.EngagementWhereInput {
  const terms = searchTerms(q);
  if (!terms.length) return {};
  return {
    AND: terms.map((term) => ({
      OR: [{ need: { searchText: { contains: term } } }, { expert: { name: { contains: term, mode: "insensitive" as const } } }],
    })),
  };
}

function filtersOf(user: SessionUser, search: EngagementSearch): Prisma.EngagementWhereInput | null {
  const scope = readableEngagementsWhere(user);
  if (!scope) return null;
  const where: Prisma.EngagementWhereInput[] = [scope, textWhere(search.q)];
  if (search.state) where.push({ state: search.state });
  if (search.type) where.push({ type: search.type });
  if (search.province) where.push({ need: { provinceCode: search.province } });
  if (search.year) where.push({ createdAt: { gte: chinaDayStart(`${search.year}-01-01`), lt: chinaDayStart(`${search.year + 1}-01-01`) } });
  return { AND: where };
}

const listSelect = {
  id: true, state: true, type: true, createdAt: true, updatedAt: true, finishedAt: true, closedAt: true,
  need: { select: { id: true, code: true, title: true, regionCode: true, provinceCode: true, unit: { select: { name: true } } } },
  expert: { select: { name: true, employer: true } },
} satisfies Prisma.EngagementSelect;

const ORDER: Prisma.EngagementOrderByWithRelationInput[] = [{ updatedAt: "desc" }, { id: "asc" }];

type RecordTotals = {
  counts: Partial<Record<ServiceRecordState, number>>;
  /** Confirmed records only: what the engagement delivered. */
  hours: number; served: number; trained: number;
  /** Every record's hours, waiting and disputed ones included. */
  allHours: number;
};

/**
 * Per engagement: its records by state and their totals, summed by PostgreSQL (hours are decimals: exact there,
 * not 0.1 + 0.2 in JavaScript). The one place totals are computed, for lists and the detail page alike.
 */
async function recordTotals(ids: string[]): Promise<Map<string, RecordTotals>> {
  const groups = ids.length
    ? await db.serviceRecord.groupBy({
      by: ["engagementId", "state"], where: { engagementId: { in: ids } },
      _count: { _all: true }, _sum: { hours: true, peopleServed: true, peopleTrained: true },
    })
    : [];
  const out = new Map<string, RecordTotals>(ids.map((id) => [id, { counts: {}, hours: 0, served: 0, trained: 0, allHours: 0 }]));
  for (const g of groups) {
    const t = out.get(g.engagementId)!;
    const hours = Number(g._sum.hours ?? 0);
    t.counts[g.state] = g._count._all;
    t.allHours += hours;
    if (g.state === "CONFIRMED") {
      t.hours += hours;
      t.served += g._sum.peopleServed ?? 0;
      t.trained += g._sum.peopleTrained ?? 0;
    }
  }
  return out;
}

async function rowsOf<T extends { id: string; need: { regionCode: string; unit: { name: string } } }>(rows: T[]) {
  const [places, totals] = await Promise.all([regionPaths(rows.map((r) => r.need.regionCode)), recordTotals(rows.map((r) => r.id))]);
  return rows.map((r) => ({ ...r, place: places.get(r.need.regionCode) ?? r.need.regionCode, unitName: r.need.unit.name, totals: totals.get(r.id)! }));
}

/** One page of the engagements the user may read, filtered. */
export async function searchEngagements(user: SessionUser, search: EngagementSearch) {
  const where = filtersOf(user, search);
  if (!where) return { total: 0, rows: [], page: 1, pageSize: ENGAGEMENT_PAGE_SIZE };
  const [total, rows] = await Promise.all([
    db.engagement.count({ where }),
    db.engagement.findMany({ where, orderBy: ORDER, skip: (search.page - 1) * ENGAGEMENT_PAGE_SIZE, take: ENGAGEMENT_PAGE_SIZE, select: listSelect }),
  ]);
  return { total, page: search.page, pageSize: ENGAGEMENT_PAGE_SIZE, rows: await rowsOf(rows) };
}
export type EngagementListRow = Awaited<ReturnType<typeof searchEngagements>>["rows"][number];

/** Every row the filters select within the user's scope (capped), for the spreadsheet. */
export async function engagementsForExport(user: SessionUser, search: EngagementSearch) {
  const where = filtersOf(user, search);
  if (!where) return [];
  const rows = await db.engagement.findMany({
    where, orderBy: ORDER, take: EXPORT_ROW_LIMIT,
    select: {
      ...listSelect, planGoals: true, planPlace: true, planForms: true, planAgreedByUnitAt: true, planAgreedByExpertAt: true,
      cancelReason: true, feedback: { select: { party: true, rating: true } },
    },
  });
  return rowsOf(rows);
}

const loadEngagement = (engagementId: string) => db.engagement.findUnique({
  where: { id: engagementId },
  include: {
    need: {
      select: {
        id: true, code: true, title: true, state: true, regionCode: true, provinceCode: true, unitId: true, expectedOutcome: true,
        windowStart: true, windowEnd: true, unit: { select: { name: true } },
      },
    },
    expert: { select: { id: true, name: true, employer: true, title: true, userId: true } },
    match: { select: { id: true, source: true, offeredHours: true, explanation: true, score: true } },
    records: { orderBy: [{ startDate: "asc" }, { createdAt: "asc" }] },
    feedback: { orderBy: { createdAt: "asc" }, include: { questionnaire: { select: { version: true, questions: true } } } },
  },
});
type EngagementRow = NonNullable<Awaited<ReturnType<typeof loadEngagement>>>;

// An engagement sits where its match sits: the need's province and unit, and the expert's account.
const engagementResource = (e: EngagementRow): ResourceScope => ({
  provinceCode: e.need.provinceCode, organizationId: e.need.unitId, ownerUserId: e.expert.userId,
});

/** An engagement with what its page shows, in the user's scope for engagement.read (for lib/auth/load-in-scope). */
export function engagementInScope(engagementId: string): InScope<EngagementRow> {
  return { operation: "engagement.read", entity: { type: "Engagement", id: engagementId }, load: () => loadEngagement(engagementId), scopeOf: engagementResource };
}

/** An engagement as its page shows it, or null when it does not exist or the user may not read it (refusal audited). */
export async function engagementDetail(user: SessionUser, engagementId: string) {
  const e = await recordInScope(user, engagementInScope(engagementId));
  return e && describeEngagement(user, e);
}

/**
 * The page's view of an engagement the user may read: the need and expert, the plan with who agreed when, records
 * with totals, feedback, the acts the user may take now, and a timeline built from the engagement's own fields.
 */
export async function describeEngagement(user: SessionUser, e: EngagementRow) {
  const scope = engagementResource(e);
  const userIds = [...new Set([...e.records.map((r) => r.confirmedById), ...e.feedback.map((f) => f.authorId)].filter((x): x is string => !!x))];
  const [people, places, summed] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, displayName: true } }),
    regionPaths([e.need.regionCode]),
    recordTotals([e.id]),
  ]);
  const nameOf = new Map(people.map((p) => [p.id, p.displayName]));

  // Each act with the side the user takes for it (none: not allowed).
  const allowed = ENGAGEMENT_WORKFLOW.allowed(user, e.state, scope, (op) => partyOf(user, op, scope));
  const party = partyOf(user, "engagement.read", scope);
  const side: FeedbackParty | null = party === "UNIT" || party === "EXPERT" ? party : null;

  const { counts, ...totals } = summed.get(e.id)!;
  const feedbackGiven = new Set(e.feedback.map((f) => f.party));
  if (allowed.feedback && side && feedbackGiven.has(side)) allowed.feedback = false;

  const records = e.records.map((r) => ({
    id: r.id, version: r.version, state: r.state, startDate: r.startDate, endDate: r.endDate, hours: Number(r.hours), form: r.form,
    content: r.content, peopleServed: r.peopleServed, peopleTrained: r.peopleTrained, disputeReason: r.disputeReason,
    techniquesPromoted: r.techniquesPromoted, incomeEffect: Number(r.incomeEffect),
    confirmedAt: r.confirmedAt, confirmedByName: r.confirmedById ? nameOf.get(r.confirmedById) ?? "服务单位" : null,
    canEdit: allowed.editRecord && canRecordStep("edit", r.state),
    canReview: allowed.confirmRecord && canRecordStep("confirm", r.state),
  }));

  type Step = { key: string; at: Date; label: string; detail?: string | null };
  const timeline: Step[] = [{ key: "confirm", at: e.createdAt, label: "服务单位确认专家，开始商定工作方案" }];
  if (e.planAgreedByExpertAt) timeline.push({ key: "agree-expert", at: e.planAgreedByExpertAt, label: "专家同意工作方案" });
  if (e.planAgreedByUnitAt) timeline.push({ key: "agree-unit", at: e.planAgreedByUnitAt, label: "服务单位同意工作方案" });
  for (const r of e.records) {
    timeline.push({ key: `rec-${r.id}`, at: r.createdAt, label: "专家填写服务记录", detail: `${Number(r.hours)} 小时：${r.content.slice(0, 40)}` });
    if (r.confirmedAt) timeline.push({ key: `conf-${r.id}`, at: r.confirmedAt, label: "服务单位确认服务记录" });
  }
  if (e.finishedAt) timeline.push({ key: "finish", at: e.finishedAt, label: "服务结束，等待双方评价" });
  for (const f of e.feedback) timeline.push({ key: `fb-${f.id}`, at: f.createdAt, label: `${f.party === "UNIT" ? "服务单位" : "专家"}评价：${f.rating} 分` });
  if (e.closedAt) timeline.push({ key: "close", at: e.closedAt, label: "双方均已评价，服务项目结束" });
  if (e.state === "CANCELLED") timeline.push({ key: "cancel", at: e.updatedAt, label: "省级管理员取消服务项目", detail: e.cancelReason });
  timeline.sort((a, b) => a.at.getTime() - b.at.getTime());

  return {
    id: e.id, state: e.state, type: e.type, version: e.version, createdAt: e.createdAt, finishedAt: e.finishedAt, closedAt: e.closedAt,
    cancelReason: e.cancelReason,
    need: { ...e.need, place: places.get(e.need.regionCode) ?? e.need.regionCode, readable: can(user, "need.read", scope) },
    expert: { id: e.expert.id, name: e.expert.name, employer: e.expert.employer, title: e.expert.title },
    match: e.match,
    plan: {
      goals: e.planGoals, schedule: e.planSchedule, place: e.planPlace, deliverables: e.planDeliverables, forms: e.planForms,
      agreedByUnitAt: e.planAgreedByUnitAt, agreedByExpertAt: e.planAgreedByExpertAt, missing: missingPlanParts(e),
    },
    records, counts, totals,
    finishBlocker: e.state === "ACTIVE" ? finishBlocker(counts) : null,
    feedback: e.feedback.map((f) => ({
      id: f.id, party: f.party, rating: f.rating, comment: f.comment, at: f.createdAt, authorName: nameOf.get(f.authorId) ?? null,
      // Each answer with the wording of the questionnaire version it answered.
      questionnaireVersion: f.questionnaire?.version ?? null,
      answers: f.questionnaire ? extraAnswerLines(parseQuestions(f.questionnaire.questions), f.answers as Answers | null) : [],
    })),
    /** The questions the user's side answers now (the version in use), when the user may give feedback. */
    questionnaire: allowed.feedback && side ? await publishedQuestionnaire(db, side) : null,
    party: side,
    allowed,
    ownAgreement: side ? (side === "UNIT" ? e.planAgreedByUnitAt : e.planAgreedByExpertAt) : null,
    timeline,
  };
}
export type EngagementDetail = NonNullable<Awaited<ReturnType<typeof engagementDetail>>>;

/**
 * The need's team for its page: experts who accepted and wait for the unit, and confirmed ones with their
 * engagement. Null when the user may not read the need's engagements (or the need does not exist).
 */
export async function needTeam(user: SessionUser, needId: string) {
  const need = await db.need.findUnique({ where: { id: needId }, select: { provinceCode: true, unitId: true, expertsWanted: true } });
  if (!need) return null;
  const scope = { provinceCode: need.provinceCode, organizationId: need.unitId };
  if (!can(user, "engagement.read", scope)) return null;
  const matches = await db.match.findMany({
    where: { needId, state: { in: ["ACCEPTED", "CONFIRMED"] } },
    orderBy: [{ respondedAt: "asc" }, { createdAt: "asc" }],
    select: {
      id: true, state: true, version: true, explanation: true, score: true, offeredHours: true, respondedAt: true, source: true,
      expert: { select: { name: true, employer: true, title: true } },
      engagement: { select: { id: true, state: true } },
    },
  });
  const row = (m: (typeof matches)[number]) => ({
    matchId: m.id, version: m.version, name: m.expert.name, employer: m.expert.employer, title: m.expert.title,
    explanation: m.explanation, score: m.score, offeredHours: m.offeredHours, respondedAt: m.respondedAt, source: m.source,
    engagementId: m.engagement?.id ?? null, engagementState: m.engagement?.state ?? null,
  });
  return {
    expertsWanted: need.expertsWanted,
    canDecide: can(user, "engagement.confirm", scope),
    waiting: matches.filter((m) => m.state === "ACCEPTED").map(row),
    confirmed: matches.filter((m) => m.state === "CONFIRMED").map(row),
  };
}
