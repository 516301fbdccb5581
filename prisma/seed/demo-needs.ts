import {
  DeliveryMode, MatchSource, MatchState, NeedState, Urgency, Zone,
} from "@/lib/generated/prisma/client";
import { addDays, between, dateOnly, type DemoContext, fill, ids, minDate, SEED_NOW } from "./demo-context";
import type { ExpertPool } from "./demo-experts";
import { addMatch, matchNeed, pickExperts, proposeForOpenNeed } from "./demo-matching";
import type { Built, NeedCtx, NeedInfo } from "./demo-need-shapes";
import type { Admins, UnitInfo } from "./demo-people";
import { DOMAINS, type DomainKey, type NeedTemplate } from "./domains";
import { NEED_STATE_PATHS, needEventRows, needReviewFields, needRow, type TimelineStep } from "./factories";
import type { UnitKind } from "./places";
import { PROVINCE_ZONES } from "./regions";

// Needs with their timelines; demo-matching.ts adds matches, engagements, records and feedback where due.

const STATE_COUNTS: Record<NeedState, number> = {
  DRAFT: 14, SUBMITTED: 18, RETURNED: 8, REJECTED: 6, OPEN: 40, MATCHED: 22, IN_SERVICE: 24, COMPLETED: 28, CANCELLED: 8,
};

type DemoLink = "CONFIRMED" | "INVITED";
type FixedNeed = { state: NeedState; domain: DomainKey; template: number; product: string; wanted: number; demo?: DemoLink };

/** The `unit` demo account's needs, one story per state; the `expert` demo account serves several of them. */
const DEMO_UNIT_NEEDS: FixedNeed[] = [
  { state: NeedState.COMPLETED, domain: "fruit", template: 0, product: "猕猴桃", wanted: 1, demo: "CONFIRMED" },
  { state: NeedState.IN_SERVICE, domain: "fruit", template: 2, product: "猕猴桃", wanted: 2, demo: "CONFIRMED" },
  { state: NeedState.MATCHED, domain: "fruit", template: 3, product: "猕猴桃", wanted: 1, demo: "CONFIRMED" },
  { state: NeedState.OPEN, domain: "fruit", template: 1, product: "丑柑", wanted: 1, demo: "INVITED" },
  { state: NeedState.OPEN, domain: "tea", template: 1, product: "茶叶", wanted: 1 },
  { state: NeedState.SUBMITTED, domain: "fruit", template: 0, product: "丑柑", wanted: 1 },
  { state: NeedState.RETURNED, domain: "fruit", template: 1, product: "猕猴桃", wanted: 2 },
  { state: NeedState.DRAFT, domain: "tea", template: 0, product: "茶叶", wanted: 1 },
  { state: NeedState.COMPLETED, domain: "fruit", template: 2, product: "丑柑", wanted: 1 },
];

const AGRI: DomainKey[] = ["fruit", "veg", "crops", "tea", "livestock", "aqua", "forestry", "herbs"];

function domainOptions(unit: UnitInfo): [DomainKey, number][] {
  const productDomains = (w: number) => unit.products.map(([, d]) => [d, w] as [DomainKey, number]);
  const byKind: Record<UnitKind, [DomainKey, number][]> = {
    COOP: [[unit.products[0][1], 3], ...productDomains(0.7), ["food", 0.5], ["digital", 0.3], ["econ", 0.3]],
    ENTERPRISE: [["food", 3], ...productDomains(1.5), ["machinery", 1.5], ["digital", 1], ["chem", 0.7], ["electronics", 0.3]],
    HOSPITAL: [["primaryCare", 4], ["publicHealth", 1], ["tcm", 0.5]],
    HOSPITAL_TCM: [["tcm", 4], ["primaryCare", 1]],
    HOSPITAL_MCH: [["publicHealth", 4], ["primaryCare", 1]],
    SCHOOL: [["education", 4], ["digital", 1.5]],
    COUNTY_GOV: [["econ", 3], ["water", 1.5], ["energyEnv", 1.5], ["ruralBuild", 1.5], ["digital", 1.5], ...productDomains(1)],
    COUNTY_AGRI: [...productDomains(3), ["econ", 1.5], ["crops", 1], ["water", 1], ["machinery", 0.8]],
    TOWNSHIP: [["econ", 2], ...productDomains(2), ["energyEnv", 1], ["ruralBuild", 1]],
    STATION: [...productDomains(3), ["crops", 1], ["machinery", 0.5]],
  };
  return byKind[unit.kind];
}

const CREATED: Record<NeedState, [string, string]> = {
  DRAFT: ["2026-10-08", "2026-11-18"], SUBMITTED: ["2026-09-20", "2026-11-12"], RETURNED: ["2026-08-15", "2026-10-25"],
  REJECTED: ["2026-04-01", "2026-10-10"], OPEN: ["2026-05-10", "2026-10-25"], MATCHED: ["2026-04-15", "2026-09-10"],
  IN_SERVICE: ["2026-02-15", "2026-06-10"], COMPLETED: ["2025-11-10", "2026-03-20"], CANCELLED: ["2026-03-01", "2026-08-31"],
};

const RETURN_COMMENTS = ["需求描述过于笼统，请补充面临的具体技术问题和现有工作基础。", "请明确服务时间窗口和期望的专家人数。",
  "请补充种植（养殖）规模、近年损失情况等基础数据，便于精准匹配专家。"];
const REJECT_COMMENTS = ["该需求属于工程建设项目，不在专家服务范围内，建议通过项目渠道申报。",
  "需求与本年度服务重点不符，且已由省级科技特派员团队对接，不再重复安排。"];
const OPEN_COMMENTS = ["审核通过，予以发布。", "需求明确，同意发布。", "同意发布，建议优先匹配东西部协作省份专家。"];
const CANCEL_COMMENTS = ["因生产计划调整，暂不需要专家服务。", "问题已通过其他渠道解决，撤销需求。"];

export type NeedsResult = { needs: NeedInfo[]; demoUnitNeeds: NeedInfo[] };

export function buildNeeds(ctx: DemoContext, units: UnitInfo[], admins: Admins, pool: ExpertPool): NeedsResult {
  const rng = ctx.rng.fork("needs");
  const nc: NeedCtx = { ctx, rng, admins, pool, load: new Map(), formsCache: new Map() };
  const demoUnit = units[0];
  const needs: NeedInfo[] = [];
  const usedTitles = new Map<string, Set<string>>();
  const built: Built[] = [];

  const remaining = { ...STATE_COUNTS };
  for (const f of DEMO_UNIT_NEEDS) {
    remaining[f.state]--;
    const b = buildOne(nc, needs.length, demoUnit, f.state, f.domain, DOMAINS[f.domain].needs[f.template], f.product, f.wanted);
    usedTitles.set(demoUnit.id, new Set([...(usedTitles.get(demoUnit.id) ?? []), b.need.title]));
    needs.push(b.need);
    built.push(b);
  }
  const states = rng.shuffle(Object.entries(remaining).flatMap(([s, n]) => Array<NeedState>(n).fill(s as NeedState)));
  const others = rng.shuffle(units.slice(1));
  states.forEach((state, i) => {
    const unit = others[i % others.length];
    const used = usedTitles.get(unit.id) ?? new Set<string>();
    let domain: DomainKey = "econ";
    let template: NeedTemplate = DOMAINS.econ.needs[0];
    let product = unit.products[0][0];
    for (let attempt = 0; attempt < 12; attempt++) {
      domain = rng.weighted(domainOptions(unit));
      template = rng.pick(DOMAINS[domain].needs);
      product = unit.products.find(([, d]) => d === domain)?.[0] ?? unit.products[0][0];
      if (!used.has(fill(template.title, { product, county: unit.county.name }))) break;
    }
    const wanted = rng.weighted([[1, 60], [2, 30], [3, 10]] as const);
    const b = buildOne(nc, needs.length, unit, state, domain, template, product, wanted);
    used.add(b.need.title);
    usedTitles.set(unit.id, used);
    needs.push(b.need);
    built.push(b);
  });

  // Codes follow creation order, numbered per year: XQ-2026-000001 …
  const perYear = new Map<number, number>();
  [...needs].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).forEach((n) => {
    const year = Number(new Date(n.createdAt.getTime() + 8 * 3_600_000).getUTCFullYear());
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    ctx.rows.needs[n.rowIndex].code = `XQ-${year}-${String(seq).padStart(6, "0")}`;
  });

  // Matching: the demo unit's needs first, so the demo expert's story is fixed before capacity is handed out.
  // The demo expert also served one more unit in the west, and applied to another unit's open fruit need.
  const demoUnitNeed = (b: Built) => b.need.unit === demoUnit;
  const served = built.find((b) => !demoUnitNeed(b) && b.need.state === NeedState.COMPLETED && b.need.domain === "fruit" &&
    PROVINCE_ZONES[b.need.unit.provinceCode] === Zone.WEST);
  const applied = built.find((b) => !demoUnitNeed(b) && b.need.state === NeedState.OPEN && b.need.domain === "fruit");
  built.forEach((b, i) => {
    const fixed = i < DEMO_UNIT_NEEDS.length ? DEMO_UNIT_NEEDS[i] : undefined;
    if (b.need.state === NeedState.MATCHED || b.need.state === NeedState.IN_SERVICE || b.need.state === NeedState.COMPLETED) {
      matchNeed(nc, b, fixed?.demo === "CONFIRMED" || b === served);
    } else if (b.need.state === NeedState.OPEN) {
      proposeForOpenNeed(nc, b, fixed?.demo === "INVITED");
    } else if (b.need.state === NeedState.CANCELLED && rng.chance(0.5)) {
      addMatch(nc, b, pickExperts(nc, b, 1, false)[0], MatchState.WITHDRAWN, MatchSource.SYSTEM);
    }
  });
  if (applied) addMatch(nc, applied, pool.demo, MatchState.APPLIED, MatchSource.EXPERT_APPLIED);

  for (const e of pool.experts) ctx.rows.experts[e.rowIndex].activeEngagements = nc.load.get(e.id) ?? 0;
  return { needs, demoUnitNeeds: needs.slice(0, DEMO_UNIT_NEEDS.length) };
}

function buildOne(nc: NeedCtx, key: number, unit: UnitInfo, state: NeedState, domain: DomainKey, template: NeedTemplate,
  product: string, wanted: number): Built {
  const { ctx, rng, admins } = nc;
  const id = ids.of("need", key);
  const values = { product, county: unit.county.name, area: rng.int(2, 30), pct: rng.int(30, 60),
    households: rng.int(20, 150) * 100 };
  const title = fill(template.title, values);
  const reviewer = admins.provinceAdmin.get(unit.provinceCode) ?? null;
  const proxyVillage = (unit.kind === "COUNTY_GOV" || unit.kind === "COUNTY_AGRI" || unit.kind === "TOWNSHIP") &&
    [...AGRI, "econ", "energyEnv", "ruralBuild"].includes(domain) && unit.villages.length > 0 && rng.chance(0.6)
    ? rng.pick(unit.villages) : undefined;
  const onBehalfOf = proxyVillage ? `${proxyVillage}股份经济合作社` : null;
  const latest = addDays(SEED_NOW, -1);
  const clamp = (d: Date) => minDate(d, latest);

  const created = between(rng, ...CREATED[state]);
  const steps: TimelineStep[] = [{ toState: NeedState.DRAFT, at: created, actorId: unit.userId,
    comment: onBehalfOf ? `代${onBehalfOf}填报` : null }];
  const push = (toState: NeedState, days: [number, number], actorId: string | null, comment: string | null = null) => {
    const prev = steps[steps.length - 1].at;
    const when = addDays(prev, rng.int(days[0], days[1]) + rng.int(30, 600) / 1440);
    steps.push({ toState, at: clamp(new Date(Math.floor(when.getTime() / 60_000) * 60_000)), actorId, comment });
  };
  const path = NEED_STATE_PATHS[state];
  let openAt: Date | undefined;
  let matchedAt: Date | undefined;
  let windowStart: Date;
  let windowEnd: Date;
  for (const s of path.slice(1)) {
    if (s === NeedState.SUBMITTED) push(s, [0, 4], unit.userId);
    else if (s === NeedState.RETURNED) push(s, [2, 7], reviewer, rng.pick(RETURN_COMMENTS));
    else if (s === NeedState.REJECTED) push(s, [2, 7], reviewer, rng.pick(REJECT_COMMENTS));
    else if (s === NeedState.OPEN) {
      if (rng.chance(0.2)) {
        push(NeedState.RETURNED, [2, 6], reviewer, rng.pick(RETURN_COMMENTS));
        push(NeedState.SUBMITTED, [2, 6], unit.userId, "已按审核意见补充完善。");
      }
      push(s, [2, 8], reviewer, rng.pick(OPEN_COMMENTS));
      openAt = steps[steps.length - 1].at;
    } else if (s === NeedState.MATCHED) {
      push(s, [10, 45], unit.userId, "已确认专家");
      matchedAt = steps[steps.length - 1].at;
    } else if (s === NeedState.CANCELLED) push(s, [10, 40], unit.userId, rng.pick(CANCEL_COMMENTS));
  }
  if (state === NeedState.IN_SERVICE || state === NeedState.COMPLETED) {
    windowStart = clamp(addDays(matchedAt as Date, rng.int(5, 20)));
    windowEnd = state === NeedState.COMPLETED
      ? clamp(addDays(windowStart, rng.int(60, 120)))
      : between(rng, "2026-12-20", "2027-06-30");
    push(NeedState.IN_SERVICE, [0, 0], unit.userId, "工作方案已经双方确认，服务开始。");
    steps[steps.length - 1].at = windowStart;
    if (state === NeedState.COMPLETED) {
      push(NeedState.COMPLETED, [1, 7], unit.userId, "服务已完成，服务记录已确认。");
    }
  } else if (state === NeedState.MATCHED) {
    windowStart = between(rng, "2026-12-05", "2027-03-31");
    windowEnd = addDays(windowStart, rng.int(60, 150));
  } else {
    const base = steps[steps.length - 1].at;
    windowStart = addDays(base.getTime() < new Date("2026-12-15").getTime() ? new Date("2026-12-15") : base, rng.int(20, 240));
    windowEnd = minDate(addDays(windowStart, rng.int(30, 150)), new Date("2027-12-31"));
  }
  const timeline = steps;

  const menuNames = rng.sample(DOMAINS[domain].menu, rng.int(1, 3));
  const delivery = rng.weighted([[DeliveryMode.ONSITE, 55], [DeliveryMode.EITHER, 35], [DeliveryMode.REMOTE, 10]] as const);
  const agri = AGRI.includes(domain);
  const row = needRow({
    id,
    code: `XQ-TMP-${key}`,
    unitId: unit.id,
    regionCode: unit.county.code,
    provinceCode: unit.provinceCode,
    title,
    bottleneck: fill(template.bottleneck, values),
    disciplineCodes: [DOMAINS[domain].disciplines[0], ...rng.sample(DOMAINS[domain].disciplines.slice(1), rng.int(0, 1))],
    industryCodes: rng.sample(DOMAINS[domain].industries, rng.int(1, 2)),
    windowStart: dateOnly(windowStart),
    windowEnd: dateOnly(windowEnd),
    expertsWanted: wanted,
    delivery,
    expectedOutcome: fill(template.outcome, values),
    breakBottleneck: rng.chance(0.55),
    promoteTechnology: rng.chance(agri ? 0.65 : 0.4),
    raiseFarmerIncome: agri ? rng.chance(0.75) : false,
    urgency: rng.weighted([[Urgency.HIGH, 20], [Urgency.NORMAL, 65], [Urgency.LOW, 15]] as const),
    state,
    enteredById: onBehalfOf ? unit.userId : null,
    onBehalfOf,
    ...needReviewFields(state, timeline),
    createdAt: created,
    updatedAt: timeline[timeline.length - 1].at,
  });
  ctx.rows.needs.push(row);
  for (const name of menuNames) {
    const menuItemId = ctx.menuIds.get(name);
    if (!menuItemId) throw new Error(`服务菜单中没有“${name}”`);
    ctx.rows.needMenuItems.push({ needId: id, menuItemId });
  }
  ctx.rows.needEvents.push(...needEventRows(id, timeline, (i) => ids.of("needEvent", `${key}-${i}`)));
  const need: NeedInfo = { key, id, unit, state, domain, title, product, createdAt: created,
    rowIndex: ctx.rows.needs.length - 1, engagementIds: [] };
  return { need, steps: timeline, openAt, matchedAt, windowStart, windowEnd };
}
