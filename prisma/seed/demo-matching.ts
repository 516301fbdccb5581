import {
  EngagementState, EngagementType, FeedbackParty, MatchSource, MatchState, NeedState, ServiceForm, ServiceRecordState, Zone,
} from "@/lib/generated/prisma/client";
import { workingDaysDeadline } from "@/lib/calendar/working-days";
import { addDays, dateOnly, ids, minDate, SEED_NOW } from "./demo-context";
import { ensureExpertUser, type ExpertInfo } from "./demo-experts";
import type { Built, NeedCtx } from "./demo-need-shapes";
import { DOMAINS, type DomainKey } from "./domains";
import type { Rng } from "./random";
import { DISCIPLINE_NAMES, SERVICE_FORM_LABELS, SERVICE_MENU, TALENT_CATEGORY_LABELS } from "./reference-data";
import { PROVINCE_ZONES } from "./regions";

// Matching for the demo needs: scores with their parts and a Chinese explanation, then matches, engagements,
// service records and feedback consistent with each need's state and each expert's capacity.

const MEDICAL: DomainKey[] = ["primaryCare", "tcm", "publicHealth"];
const DECLINE_REASONS = ["服务时间与本单位教学科研任务冲突。", "该需求与本人研究方向匹配度不高，建议邀请其他专家。", "近期已承担较多服务任务，难以保证服务质量。"];

const MENU_FORMS = new Map(SERVICE_MENU.map((m) => [m.name, m.form]));

function needForms(nc: NeedCtx, b: Built): ServiceForm[] {
  const cached = nc.formsCache.get(b.need.id);
  if (cached) return cached;
  const rows = nc.ctx.rows.needMenuItems.filter((r) => r.needId === b.need.id);
  const byId = new Map([...nc.ctx.menuIds].map(([name, id]) => [id, MENU_FORMS.get(name)]));
  const forms = [...new Set(rows.map((r) => byId.get(r.menuItemId)).filter((f): f is ServiceForm => f !== undefined))];
  nc.formsCache.set(b.need.id, forms);
  return forms;
}

type Scored = { score: number; parts: Record<string, number>; explanation: string };

export function scoreMatch(nc: NeedCtx, b: Built, e: ExpertInfo): Scored {
  const row = nc.ctx.rows.needs[b.need.rowIndex];
  const needDisciplines = row.disciplineCodes as string[];
  const needIndustries = row.industryCodes as string[];
  const shared = needDisciplines.filter((c) => e.disciplines.includes(c));
  const sameField = needDisciplines.some((c) => e.disciplines.some((x) => x.slice(0, 3) === c.slice(0, 3)));
  const discipline = shared.length > 0 ? 0.6 + 0.4 * (shared.length / needDisciplines.length) : sameField ? 0.45 : 0.1;
  const industry = needIndustries.some((c) => e.industries.includes(c)) ? 1 : 0.3;
  const skill = e.domains[0] === b.need.domain ? 0.75 + nc.rng.next() * 0.25 : e.domains.includes(b.need.domain) ? 0.6 : 0.3;
  const forms = needForms(nc, b);
  const form = forms.length === 0 ? 0.5 : forms.filter((f) => e.forms.includes(f)).length / forms.length;
  const needProvince = b.need.unit.provinceCode;
  const needZone = PROVINCE_ZONES[needProvince];
  const eastWest = e.zone === Zone.EAST && (needZone === Zone.WEST || needZone === Zone.CENTRAL);
  const region = e.provinceCode === needProvince ? 1 : e.serviceRegions.includes(needProvince) ? 0.9 : eastWest ? 0.8 : 0.45;
  const active = nc.load.get(e.id) ?? 0;
  const load = 1 - active / Math.max(1, e.maxConcurrent);
  const talent = e.talent.some((t) => t === "ACADEMICIAN" || t === "NATIONAL_TALENT_PROGRAM" || t === "MAJOR_PROJECT_LEAD")
    ? 1 : e.talent.some((t) => t === "SPECIAL_ALLOWANCE" || t === "RETURNED_OVERSEAS" || t === "POSTDOC") ? 0.7 : 0.4;
  const parts = { discipline, industry, skill, form, region, load, talent };
  const weights = { discipline: 0.3, industry: 0.1, skill: 0.15, form: 0.15, region: 0.15, load: 0.1, talent: 0.05 };
  const score = Object.entries(parts).reduce((s, [k, v]) => s + v * weights[k as keyof typeof weights], 0);
  const rounded = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, Math.round(v * 1000) / 1000]));

  const provinceName = (code: string) => nc.ctx.regions.provinceName(code);
  const why: string[] = [];
  if (shared.length > 0) why.push(`学科吻合：${shared.slice(0, 2).map((c) => DISCIPLINE_NAMES.get(c)).join("、")}`);
  else if (sameField) why.push(`学科相近：${DISCIPLINE_NAMES.get(e.disciplines[0])}`);
  if (e.provinceCode === needProvince) why.push(`同属${provinceName(needProvince)}`);
  else if (eastWest) why.push(`东西部协作：${nc.ctx.regions.provinceShortName(e.provinceCode)}→${nc.ctx.regions.provinceShortName(needProvince)}`);
  else if (e.serviceRegions.includes(needProvince)) why.push(`愿赴${provinceName(needProvince)}服务`);
  const formHit = forms.find((f) => e.forms.includes(f));
  if (formHit) why.push(`擅长${SERVICE_FORM_LABELS[formHit]}`);
  const topTalent = e.talent.find((t) => t !== "RETIRED" && t !== "URGENT_NEED");
  if (topTalent) why.push(TALENT_CATEGORY_LABELS[topTalent]);
  why.push(active === 0 ? "当前无在服项目" : `当前在服${active}项`);
  return { score: Math.round(score * 1000) / 1000, parts: rounded, explanation: why.join(" · ") };
}

export function pickExperts(nc: NeedCtx, b: Built, count: number, needCapacity: boolean, exclude: Set<string> = new Set()): ExpertInfo[] {
  const taken = new Set([...exclude, ...nc.ctx.rows.matches.filter((m) => m.needId === b.need.id).map((m) => m.expertId)]);
  const fits = (e: ExpertInfo) => e.usable && e.n !== 0 && !taken.has(e.id) &&
    (!needCapacity || (nc.load.get(e.id) ?? 0) < e.maxConcurrent);
  let candidates = nc.pool.experts.filter((e) => fits(e) && e.domains.includes(b.need.domain));
  if (candidates.length < count) {
    const codes = nc.ctx.rows.needs[b.need.rowIndex].disciplineCodes as string[];
    candidates = nc.pool.experts.filter((e) => fits(e) &&
      (e.domains.includes(b.need.domain) || e.disciplines.some((x) => codes.some((c) => c.slice(0, 3) === x.slice(0, 3)))));
  }
  return candidates
    .map((e) => ({ e, s: scoreMatch(nc, b, e).score + nc.rng.next() * 0.12 }))
    .sort((x, y) => y.s - x.s)
    .slice(0, count)
    .map((x) => x.e);
}

export function addMatch(nc: NeedCtx, b: Built, e: ExpertInfo | undefined, state: MatchState, source: MatchSource): string | undefined {
  if (!e) return undefined;
  const { rng, ctx } = nc;
  const scored = scoreMatch(nc, b, e);
  const unitUser = b.need.unit.userId;
  const opened = b.openAt ?? b.steps[b.steps.length - 1].at;
  const decidedBy = b.matchedAt ?? addDays(SEED_NOW, -1);
  const invitedAt = source === MatchSource.EXPERT_APPLIED || state === MatchState.PROPOSED ? null
    : minDate(addDays(opened, rng.int(1, 6) + rng.next()), addDays(decidedBy, -2));
  const respondedAt = state === MatchState.INVITED || state === MatchState.PROPOSED || state === MatchState.APPLIED ||
    state === MatchState.WITHDRAWN ? null : minDate(addDays(invitedAt ?? opened, rng.int(1, 4) + rng.next()), addDays(decidedBy, -1));
  const createdAt = invitedAt ? addDays(invitedAt, -rng.next()) : addDays(opened, rng.int(1, 5) + rng.next());
  const id = ids.of("match", `${b.need.key}-${e.n}`);
  ctx.rows.matches.push({
    id, needId: b.need.id, expertId: e.id, score: scored.score, scoreParts: scored.parts, explanation: scored.explanation,
    source, state,
    assignReason: source === MatchSource.PROVINCE ? "省级统筹指派：该专家熟悉当地产业情况，曾多次在本地开展服务。" : null,
    invitedById: invitedAt ? (source === MatchSource.PROVINCE ? nc.admins.provinceAdmin.get(b.need.unit.provinceCode) ?? null : unitUser) : null,
    invitedAt,
    respondBy: invitedAt ? addDays(invitedAt, 7) : null,
    respondedAt,
    declineReason: state === MatchState.DECLINED ? rng.pick(DECLINE_REASONS) : null,
    offeredHours: state === MatchState.PROPOSED ? null : rng.int(3, 20) * 8,
    createdAt: minDate(createdAt, SEED_NOW),
    updatedAt: minDate(respondedAt ?? createdAt, SEED_NOW),
  });
  // Invitations and acceptances hold one of the expert's places (lib/matches/capacity.ts); confirmations add theirs
  // in confirmExpert while the engagement is open.
  if (state === MatchState.INVITED || state === MatchState.ACCEPTED) nc.load.set(e.id, (nc.load.get(e.id) ?? 0) + 1);
  return id;
}

export function matchNeed(nc: NeedCtx, b: Built, withDemoExpert: boolean): void {
  const { rng } = nc;
  const wanted = nc.ctx.rows.needs[b.need.rowIndex].expertsWanted as number;
  const needCapacity = b.need.state !== NeedState.COMPLETED;
  const chosen = withDemoExpert ? [nc.pool.demo, ...pickExperts(nc, b, wanted - 1, needCapacity)]
    : pickExperts(nc, b, wanted, needCapacity);
  if (rng.chance(0.15)) {
    const declined = pickExperts(nc, b, 1, false, new Set(chosen.map((e) => e.id)))[0];
    addMatch(nc, b, declined, MatchState.DECLINED, MatchSource.SYSTEM);
  }
  chosen.forEach((e, i) => {
    // With several experts wanted, the last one of a MATCHED need has accepted but awaits the unit's confirmation.
    const awaiting = b.need.state === NeedState.MATCHED && chosen.length > 1 && i === chosen.length - 1;
    if (awaiting) addMatch(nc, b, e, MatchState.ACCEPTED, MatchSource.SYSTEM);
    else confirmExpert(nc, b, e);
  });
  const confirmed = b.need.state === NeedState.MATCHED && chosen.length > 1 ? chosen.slice(0, -1) : chosen;
  const names = confirmed.map((e) => e.name).join("、");
  const matchedEvent = nc.ctx.rows.needEvents.find((ev) => ev.needId === b.need.id && ev.toState === NeedState.MATCHED);
  if (matchedEvent) matchedEvent.comment = `已确认专家：${names}`;
}

/** A CONFIRMED match with its engagement (PLANNING/ACTIVE/CLOSED by the need's state), records and feedback. */
export function confirmExpert(nc: NeedCtx, b: Built, e: ExpertInfo): void {
  const { rng, ctx } = nc;
  const source = e.n === 0 ? MatchSource.SYSTEM
    : rng.weighted([[MatchSource.SYSTEM, 50], [MatchSource.PROVINCE, 20], [MatchSource.EXPERT_APPLIED, 20], [MatchSource.BATCH, 10]] as const);
  const matchId = addMatch(nc, b, e, MatchState.CONFIRMED, source) as string;
  ensureExpertUser(ctx, e);
  const state = b.need.state === NeedState.MATCHED ? EngagementState.PLANNING
    : b.need.state === NeedState.IN_SERVICE ? EngagementState.ACTIVE : EngagementState.CLOSED;
  if (state !== EngagementState.CLOSED) nc.load.set(e.id, (nc.load.get(e.id) ?? 0) + 1);

  const row = ctx.rows.needs[b.need.rowIndex];
  const forms = needForms(nc, b);
  const place = `${ctx.regions.fullName(b.need.unit.county.code)}${b.need.unit.town?.name ?? ""}`;
  const ws = b.windowStart;
  const we = b.windowEnd;
  const fmt = (d: Date) => {
    const c = new Date(d.getTime() + 8 * 3_600_000);
    return `${c.getUTCFullYear()}年${c.getUTCMonth() + 1}月${c.getUTCDate()}日`;
  };
  const mid = addDays(ws, Math.max(7, Math.round((we.getTime() - ws.getTime()) / 86_400_000 / 2)));
  const agreed = addDays(ws, -rng.int(1, 5));
  const engagementId = ids.of("engagement", `${b.need.key}-${e.n}`);
  const completedAt = b.steps.find((s) => s.toState === NeedState.COMPLETED)?.at ?? null;
  ctx.rows.engagements.push({
    id: engagementId, matchId, needId: b.need.id, expertId: e.id,
    type: rng.weighted([[EngagementType.SHORT_TERM, 70], [EngagementType.PROJECT, 22], [EngagementType.SECONDMENT, 8]] as const),
    state,
    planGoals: `围绕“${b.need.title}”开展服务：${row.expectedOutcome as string}`,
    planSchedule: `${fmt(ws)}起：现场调研，摸清${b.need.product}生产现状和主要问题；${fmt(addDays(ws, 14))}前后：集中培训与示范操作；${fmt(mid)}—${fmt(we)}：跟踪指导、总结评估。`,
    planPlace: `${place}及周边示范点`,
    planDeliverables: state === EngagementState.PLANNING && rng.chance(0.5) ? null
      : "服务方案1份、培训课件1套、现场指导记录、服务总结报告1份",
    planForms: forms.length > 0 ? forms : e.forms.slice(0, 2),
    planAgreedByExpertAt: state === EngagementState.PLANNING ? (rng.chance(0.5) ? minDate(agreed, SEED_NOW) : null) : agreed,
    planAgreedByUnitAt: state === EngagementState.PLANNING ? null : addDays(agreed, rng.next()),
    closedAt: state === EngagementState.CLOSED ? completedAt : null,
    createdAt: b.matchedAt ?? ws,
    updatedAt: completedAt ?? minDate(ws, SEED_NOW),
  });
  b.need.engagementIds.push(engagementId);
  if (state === EngagementState.PLANNING) return;

  const recordForms = forms.length > 0 ? forms : e.forms;
  const lastDay = state === EngagementState.CLOSED ? we : addDays(SEED_NOW, -3);
  const count = state === EngagementState.CLOSED ? rng.int(2, 3) : rng.int(1, 2);
  const span = Math.max(count, Math.floor((lastDay.getTime() - ws.getTime()) / 86_400_000));
  const isDemoPair = e.n === 0 && b.need.unit.n === 1;
  for (let i = 0; i < count; i++) {
    const start = addDays(ws, Math.floor((span * i) / count) + rng.int(0, 3));
    const days = rng.int(1, 3);
    const end = minDate(addDays(start, days - 1), lastDay);
    const form = rng.pick(recordForms);
    // An ACTIVE engagement's latest record waits for the unit; the demo pair always has one waiting.
    const waiting = state === EngagementState.ACTIVE && i === count - 1 && (isDemoPair || rng.chance(0.5));
    const disputed = !waiting && state === EngagementState.ACTIVE && !isDemoPair && rng.chance(0.08);
    const recordState = waiting ? ServiceRecordState.SUBMITTED : disputed ? ServiceRecordState.DISPUTED : ServiceRecordState.CONFIRMED;
    const trained = rng.int(0, 6) * 10;
    ctx.rows.serviceRecords.push({
      id: ids.of("serviceRecord", `${b.need.key}-${e.n}-${i}`), engagementId, startDate: dateOnly(start), endDate: dateOnly(end),
      hours: days * rng.int(5, 8), form, content: recordContent(rng, form, b, e, place), peopleServed: trained + rng.int(5, 80),
      peopleTrained: trained, state: recordState,
      // Derived from values already drawn, so the demo's random sequence (and every screen built on it) is unchanged.
      techniquesPromoted: form === "TECH_PROMOTION" ? 1 + (i % 2) : (i + e.n) % 3 === 0 ? 1 : 0, incomeEffect: (trained / 10) * 1.5,
      confirmedById: recordState === ServiceRecordState.CONFIRMED ? b.need.unit.userId : null,
      confirmedAt: recordState === ServiceRecordState.CONFIRMED ? minDate(addDays(end, rng.int(1, 4) + rng.next()), SEED_NOW) : null,
      disputeReason: disputed ? "记录中的培训人数与实际到场人数不符，请核实后修改。" : null,
      createdAt: minDate(addDays(end, rng.next()), SEED_NOW), updatedAt: minDate(addDays(end, 2), SEED_NOW),
    });
  }
  if (state !== EngagementState.CLOSED) return;
  const at = (completedAt ?? we) as Date;
  ctx.rows.feedback.push(
    { id: ids.of("feedback", `${engagementId}-unit`), engagementId, party: FeedbackParty.UNIT, authorId: b.need.unit.userId,
      rating: isDemoPair ? 5 : rng.weighted([[5, 60], [4, 32], [3, 8]] as const),
      comment: rng.pick(["专家认真负责，多次深入田间地头，解决了困扰我们多年的问题。", "服务针对性强，培训内容实用，群众反映很好。",
        "专家手把手教，技术骨干学会了关键操作，希望明年继续合作。", "整体满意，建议增加现场服务次数。"]),
      createdAt: minDate(addDays(at, rng.int(1, 5)), SEED_NOW) },
    { id: ids.of("feedback", `${engagementId}-expert`), engagementId, party: FeedbackParty.EXPERT,
      authorId: ensureExpertUser(ctx, e), rating: rng.weighted([[5, 50], [4, 45], [3, 5]] as const),
      comment: rng.pick(["单位组织有力，需求明确，服务对象积极性高。", "当地产业基础好，配合度高，后续可开展联合攻关。",
        "前期准备充分，工作条件有保障。", "建议单位进一步固化技术骨干队伍，巩固服务成效。"]),
      createdAt: minDate(addDays(at, rng.int(2, 8)), SEED_NOW) },
  );
}

function recordContent(rng: Rng, form: ServiceForm, b: Built, e: ExpertInfo, place: string): string {
  const medical = MEDICAL.includes(b.need.domain);
  // A skill naming the need's product, else the need itself: "石榴干腐病防治" has no place in a kiwifruit orchard.
  const skill = [...e.skills, ...DOMAINS[b.need.domain].skills].find((s) => s.includes(b.need.product)) ?? b.need.title;
  switch (form) {
    case ServiceForm.TECH_GUIDANCE:
    case ServiceForm.DEMONSTRATION_TEACHING:
    case ServiceForm.MENTORSHIP:
      return medical
        ? `在${b.need.unit.name}开展教学查房${rng.int(2, 6)}次、疑难病例讨论${rng.int(2, 8)}例，示范${skill}关键技术，带教本院医师${rng.int(2, 8)}名。`
        : `赴${place}开展现场指导，查看${b.need.product}生产情况，围绕${skill}示范关键操作，提出改进建议${rng.int(3, 9)}条。`;
    case ServiceForm.PUBLIC_WELFARE:
      return medical
        ? `在${place}开展义诊，接诊群众${rng.int(6, 30) * 10}人次，开展健康讲座${rng.int(1, 3)}场。`
        : `开展科普惠民活动，发放技术资料${rng.int(2, 8) * 100}份，现场解答群众咨询。`;
    case ServiceForm.TOURING_LECTURE:
    case ServiceForm.THEMED_LECTURE:
    case ServiceForm.JOINT_TRAINING:
      return `举办“${skill}”专题培训${rng.int(1, 4)}场，培训${medical ? "基层医务人员" : "技术骨干和群众"}${rng.int(4, 20) * 10}人次。`;
    case ServiceForm.DECISION_CONSULTING:
    case ServiceForm.INTERMEDIARY:
      return `开展实地调研和座谈${rng.int(2, 5)}次，形成《${b.need.title}咨询意见》${rng.chance(0.5) ? "初稿" : "并通过评审"}。`;
    default:
      return `与${b.need.unit.name}技术人员共同开展${skill}试验示范，布置试验${rng.int(2, 8)}组，完成阶段性数据采集与分析。`;
  }
}

/**
 * Open invitations stay answerable after seeding: their deadline counts from the day the demo is seeded, not from
 * SEED_NOW (otherwise the first sweep would expire them all).
 */
function openDeadline(): Date {
  return workingDaysDeadline(new Date(Math.max(Date.now(), SEED_NOW.getTime())), 5);
}

/** Open needs: system proposals for about half, an invitation for some; the demo expert is invited to one. */
export function proposeForOpenNeed(nc: NeedCtx, b: Built, inviteDemoExpert: boolean): void {
  const { rng } = nc;
  if (inviteDemoExpert) {
    const id = addMatch(nc, b, nc.pool.demo, MatchState.INVITED, MatchSource.SYSTEM);
    const m = nc.ctx.rows.matches.find((x) => x.id === id);
    if (m) {
      m.invitedAt = addDays(SEED_NOW, -2);
      m.respondBy = openDeadline();
      m.createdAt = addDays(SEED_NOW, -3);
      m.updatedAt = m.invitedAt;
    }
    addMatch(nc, b, pickExperts(nc, b, 1, true)[0], MatchState.PROPOSED, MatchSource.SYSTEM);
    return;
  }
  if (rng.chance(0.5)) {
    for (const e of pickExperts(nc, b, rng.int(1, 3), true)) addMatch(nc, b, e, MatchState.PROPOSED, MatchSource.SYSTEM);
  }
  if (rng.chance(0.2)) {
    const id = addMatch(nc, b, pickExperts(nc, b, 1, true)[0], MatchState.INVITED, MatchSource.SYSTEM);
    const m = nc.ctx.rows.matches.find((x) => x.id === id);
    if (m) {
      m.invitedAt = addDays(SEED_NOW, -rng.int(1, 5));
      m.respondBy = openDeadline();
      m.createdAt = addDays(m.invitedAt, -1);
      m.updatedAt = m.invitedAt;
    }
  }
}
