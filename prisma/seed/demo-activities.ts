import { DEFAULT_RUBRIC } from "@/lib/activities/rubric";
import { chinaDate, chinaDayEnd, chinaDayStart } from "@/lib/calendar/china-time";
import {
  ActivityState, NeedState, OrgType, PlanState, type Prisma, ProfessionalTitle, ProgramCode, Role, ServiceForm, TalentCategory,
} from "@/lib/generated/prisma/client";
import { demoAccount } from "./accounts";
import { addDays, at, dateOnly, type DemoContext, ids } from "./demo-context";
import { addUser } from "./demo-people";
import { organizationRow } from "./factories";
import type { Hosts } from "./demo-bases";
import type { ExpertPool } from "./demo-experts";
import type { NeedsResult } from "./demo-needs";
import type { Admins } from "./demo-people";

// Annual plans, demonstration activities (team, timeline, reviews, progress reports, linked needs), the State Council
// department 农业农村部 and its account, typical cases, notifications. Earlier years are history with their calendar
// dates; next year's plans are OPEN with dates RELATIVE to the moment the seed runs (window now−30d … now+60d,
// recommendation deadline now+75d), so the demo never expires.

/**
 * "open": next year's open EXPERT_SERVICE plan; "open-postdoc": next year's open POSTDOC_SERVICE plan;
 * "closed-overseas": next year's OVERSEAS_TALENT plan, closed and under ministry review (its recommendations in).
 */
type PlanRef = number | "open" | "open-postdoc" | "closed-overseas" | null;
type Applicant = "bureau" | "base" | "unit" | "department";

type ActivitySpec = {
  key: string; program: ProgramCode; year: PlanRef; applicant: Applicant; province: string; county: string;
  title: string; summary: string; start: string; end: string; experts: number; paired?: string; state: ActivityState;
  rank?: number; hostBase?: string; local?: boolean; reviewed?: boolean; reports?: string[];
  /** Applies through the department (农业农村部) rather than its province. */
  viaDepartment?: boolean; returned?: string; declined?: string;
};

const ACTIVITIES: ActivitySpec[] = [
  { key: "zj-sc-kiwi", program: ProgramCode.EXPERT_SERVICE, year: 2026, applicant: "base", hostBase: "pujiang", province: "51",
    county: "蒲江县", title: "浙川协作·专家服务猕猴桃产业振兴示范活动", paired: "33", state: ActivityState.IN_PROGRESS, rank: 1,
    summary: "依托蒲江县猕猴桃产业专家服务基地，组织浙江、四川两省果树和植保专家，围绕猕猴桃溃疡病绿色防控、老园改造和采后处理开展“点餐式”服务，带动成都、广元、雅安等地猕猴桃产区提质增效。",
    start: "2026-05-01", end: "2026-12-31", experts: 8, reviewed: true, reports: ["2026-Q2", "2026-Q3"] },
  { key: "sc-liangshan-health", program: ProgramCode.EXPERT_SERVICE, year: 2026, applicant: "bureau", province: "51", county: "会理市",
    title: "沪川协作·专家服务凉山州基层医疗能力提升示范活动", paired: "31", state: ActivityState.SELECTED, rank: 2,
    summary: "组织上海、四川临床专家赴凉山州县级医院开展胸痛、卒中、危重孕产妇救治能力建设，以临床示范带教和进修培养为主。",
    start: "2026-12-01", end: "2027-06-30", experts: 12, reviewed: true },
  { key: "nx-tansheep", program: ProgramCode.EXPERT_SERVICE, year: 2026, applicant: "bureau", province: "64", county: "盐池县",
    title: "闽宁协作·专家服务盐池滩羊产业示范活动", paired: "35", state: ActivityState.IN_PROGRESS, rank: 1,
    summary: "组织福建、宁夏畜牧兽医和食品加工专家，开展滩羊选育、标准化养殖和羊肉精深加工技术服务。",
    start: "2026-04-15", end: "2026-12-15", experts: 6, reviewed: true, reports: ["2026-Q3"] },
  { key: "gs-potato", program: ProgramCode.OVERSEAS_TALENT, year: 2026, applicant: "bureau", province: "62", county: "安定区",
    title: "海外赤子走进甘肃·马铃薯种业科技服务活动", state: ActivityState.COMPLETED, rank: 1,
    summary: "邀请高层次留学回国人才和海外专家，围绕马铃薯脱毒种薯繁育体系和旱作节水栽培开展讲学、技术对接和联合攻关。",
    start: "2026-04-01", end: "2026-09-30", experts: 9, reviewed: true, reports: ["2026-Q2", "2026-Q3"] },
  { key: "xj-aksu", program: ProgramCode.OVERSEAS_TALENT, year: 2026, applicant: "bureau", province: "65", county: "阿克苏市",
    title: "海外赤子为国服务·阿克苏林果业技术对接活动", paired: "33", state: ActivityState.NOT_SELECTED, rank: 1,
    summary: "组织留学回国专家赴阿克苏开展苹果、红枣提质增效技术对接。",
    start: "2026-07-01", end: "2026-10-31", experts: 5, reviewed: true },
  { key: "sc-tianfu-cangxi", program: ProgramCode.EXPERT_SERVICE, year: null, local: true, applicant: "bureau", province: "51",
    county: "苍溪县", title: "四川省专家服务乡村振兴“天府行”（苍溪站）", state: ActivityState.IN_PROGRESS,
    summary: "省级自行组织的地方活动：组织省内农业、医疗专家赴苍溪县开展红心猕猴桃和基层医疗服务。",
    start: "2026-06-01", end: "2026-12-31", experts: 15, reports: ["2026-Q3"] },
  { key: "zj-chunan", program: ProgramCode.EXPERT_SERVICE, year: null, local: true, applicant: "bureau", province: "33",
    county: "淳安县", title: "浙江省专家服务山区26县行动（淳安站）", state: ActivityState.COMPLETED,
    summary: "省级自行组织的地方活动：围绕山核桃低产林改造和千岛湖生态渔业开展专家服务。",
    start: "2026-03-01", end: "2026-08-31", experts: 10, reports: ["2026-Q2"] },
  { key: "hb-zigui", program: ProgramCode.EXPERT_SERVICE, year: 2025, applicant: "bureau", province: "42", county: "秭归县",
    title: "专家服务秭归脐橙产业示范活动", state: ActivityState.EVALUATED, rank: 1,
    summary: "组织柑橘专家开展品种改良、绿色防控和采后商品化处理服务，培养本土技术队伍。",
    start: "2025-04-01", end: "2025-11-30", experts: 8, reviewed: true, reports: ["2025-Q3", "2025-Q4"] },
  // ─── Next year's open plan (dates relative to now; start/end are offsets in days) ───
  { key: "sc-ganzi-yak", program: ProgramCode.EXPERT_SERVICE, year: "open", applicant: "bureau", province: "51", county: "理塘县",
    title: "专家服务甘孜州牦牛产业高质量发展示范活动", paired: "33", state: ActivityState.RECOMMENDED, rank: 1,
    summary: "围绕牦牛冷季补饲、疫病防控和良种选育，组织畜牧兽医专家赴理塘县开展技术指导和乡土人才培养，建立“专家+合作社+牧户”服务模式。",
    start: "120", end: "300", experts: 6 },
  { key: "sc-pujiang-base", program: ProgramCode.EXPERT_SERVICE, year: "open", applicant: "base", hostBase: "pujiang", province: "51",
    county: "蒲江县", title: "专家服务基地带动川西猕猴桃产业带提质增效示范活动", paired: "33", state: ActivityState.RECOMMENDED, rank: 2,
    summary: "依托蒲江县猕猴桃产业专家服务基地，组织专家对邛崃、大邑、都江堰等产区开展溃疡病防控和品种更新巡回指导，建设示范园10个。",
    start: "100", end: "280", experts: 8 },
  { key: "sc-yibin-tea", program: ProgramCode.EXPERT_SERVICE, year: "open", applicant: "bureau", province: "51", county: "筠连县",
    title: "专家服务川南早茶产业升级示范活动", state: ActivityState.SUBMITTED,
    summary: "组织茶学和食品加工专家，围绕早茶品种选育、机采机制和品牌建设开展服务，培训茶农和加工技术骨干。",
    start: "110", end: "260", experts: 5 },
  { key: "js-sn-apple", program: ProgramCode.EXPERT_SERVICE, year: "open", applicant: "bureau", province: "61", county: "洛川县",
    title: "苏陕协作·苹果产业提质增效专家服务示范活动", paired: "32", state: ActivityState.RECOMMENDED, rank: 1,
    summary: "组织江苏、陕西果树专家，推广矮砧集约栽培和水肥一体化技术，培养本土技术骨干，建设标准化示范园。",
    start: "90", end: "330", experts: 7 },
  { key: "nx-wine", program: ProgramCode.EXPERT_SERVICE, year: "open", applicant: "bureau", province: "64", county: "永宁县",
    title: "闽宁协作·贺兰山东麓葡萄酒产业专家服务示范活动", paired: "35", state: ActivityState.RECOMMENDED, rank: 1,
    summary: "组织酿酒葡萄栽培、酿造工艺和市场营销专家，围绕酿酒葡萄越冬防寒、酒庄品控和文旅融合开展服务。",
    start: "100", end: "320", experts: 6 },
  { key: "yn-puer", program: ProgramCode.EXPERT_SERVICE, year: "open", applicant: "bureau", province: "53", county: "勐海县",
    title: "沪滇协作·普洱茶产业科技服务示范活动", paired: "31", state: ActivityState.SUBMITTED,
    summary: "围绕古茶园保护、普洱茶初制所规范化改造和品质控制，组织茶学专家开展技术服务和茶农培训。",
    start: "100", end: "280", experts: 5 },
  { key: "gz-tea", program: ProgramCode.EXPERT_SERVICE, year: "open", applicant: "bureau", province: "52", county: "湄潭县",
    title: "专家服务黔北茶产业发展示范活动", state: ActivityState.NOT_RECOMMENDED,
    declined: "活动方案与年度主题结合不够紧密，服务需求不够具体，本年度暂不推荐。",
    summary: "组织茶学专家开展茶园管理和加工技术培训，提升黔北茶叶品质。",
    start: "120", end: "240", experts: 4 },
  { key: "gs-anding-returned", program: ProgramCode.EXPERT_SERVICE, year: "open", applicant: "base", hostBase: "anding", province: "62",
    county: "安定区", title: "专家服务定西马铃薯主食化加工示范活动", state: ActivityState.RETURNED,
    returned: "请补充量化目标（培训人数、示范面积）和经费预算明细后重新提交。",
    summary: "组织食品科学专家，围绕马铃薯全粉、主食化产品开发和加工企业技术改造开展服务。",
    start: "120", end: "270", experts: 5 },
  { key: "moa-seed", program: ProgramCode.EXPERT_SERVICE, year: "open", applicant: "department", province: "46", county: "崖州区",
    title: "农业农村部专家服务南繁种业科技创新示范活动", state: ActivityState.RECOMMENDED, rank: 1,
    summary: "组织作物育种、植物检疫和种业管理专家，服务南繁科研育种基地和种业企业，开展品种测试、种子质量检测和人才培训。",
    start: "90", end: "300", experts: 8 },
  { key: "moa-meixian", program: ProgramCode.EXPERT_SERVICE, year: "open", applicant: "base", hostBase: "meixian", province: "61",
    county: "眉县", viaDepartment: true, title: "专家服务眉县猕猴桃全产业链示范活动（经农业农村部推荐）", state: ActivityState.SUBMITTED,
    summary: "依托眉县猕猴桃产业专家服务基地，组织果树、冷链物流和电商专家开展全产业链服务，带动周边县区果农增收。",
    start: "110", end: "300", experts: 6 },
  // ─── Next year's overseas plan: closed, recommendations in, under ministry review ───
  { key: "sc-overseas-kiwi", program: ProgramCode.OVERSEAS_TALENT, year: "closed-overseas", applicant: "bureau", province: "51",
    county: "苍溪县", title: "海外赤子为国服务·苍溪红心猕猴桃种业创新对接活动", paired: "33", state: ActivityState.RECOMMENDED, rank: 1,
    summary: "邀请留学回国的果树育种和植物病理专家，围绕红心猕猴桃良种选育、溃疡病监测预警开展讲学和技术对接。",
    start: "60", end: "200", experts: 6 },
  { key: "gx-overseas-sugar", program: ProgramCode.OVERSEAS_TALENT, year: "closed-overseas", applicant: "bureau", province: "45",
    county: "扶绥县", title: "海外赤子走进广西·甘蔗机械化和良种推广服务活动", paired: "44", state: ActivityState.RECOMMENDED, rank: 1,
    summary: "组织留学回国的农业机械和作物育种专家，推广甘蔗良种和全程机械化技术，培训农机手和种植大户。",
    start: "70", end: "220", experts: 5 },
  { key: "nm-overseas-dairy", program: ProgramCode.OVERSEAS_TALENT, year: "closed-overseas", applicant: "bureau", province: "15",
    county: "土默特左旗", title: "海外赤子助力内蒙古奶业振兴科技服务活动", state: ActivityState.RECOMMENDED, rank: 1,
    summary: "组织留学回国的动物营养和乳品加工专家，围绕奶牛精准饲喂、乳品质量控制开展技术服务。",
    start: "80", end: "230", experts: 5 },
  { key: "hn-anhua", program: ProgramCode.POSTDOC_SERVICE, year: "open-postdoc", applicant: "bureau", province: "43", county: "安化县",
    title: "博士后科技服务团赴安化黑茶产业服务行", state: ActivityState.SUBMITTED,
    summary: "组织茶学、食品科学、微生物学博士后，在导师带领下围绕黑茶发酵机理、品质标准和新产品开发开展科技服务。",
    start: "120", end: "240", experts: 8 },
  { key: "cq-fengjie", program: ProgramCode.POSTDOC_SERVICE, year: "open-postdoc", applicant: "bureau", province: "50", county: "奉节县",
    title: "博士后科技服务团走进奉节脐橙产区", state: ActivityState.DRAFT,
    summary: "围绕脐橙品种结构优化、黄龙病防控和电商营销开展博士后科技服务。",
    start: "130", end: "250", experts: 6 },
];

type PlanSpec = { program: ProgramCode; year: PlanRef; theme: string; quota: number; state: PlanState; opens?: string; closes?: string };

const PLANS: PlanSpec[] = [
  { program: ProgramCode.EXPERT_SERVICE, year: 2025, theme: "服务乡村全面振兴", quota: 50, state: PlanState.ARCHIVED,
    opens: "2025-02-10", closes: "2025-04-30" },
  { program: ProgramCode.EXPERT_SERVICE, year: 2026, theme: "服务乡村全面振兴", quota: 60, state: PlanState.PUBLISHED,
    opens: "2026-02-01", closes: "2026-04-30" },
  { program: ProgramCode.OVERSEAS_TALENT, year: 2026, theme: "海外赤子助力乡村全面振兴", quota: 20, state: PlanState.PUBLISHED,
    opens: "2026-02-01", closes: "2026-04-30" },
  { program: ProgramCode.POSTDOC_SERVICE, year: 2026, theme: "博士后服务乡村全面振兴", quota: 15, state: PlanState.ARCHIVED,
    opens: "2026-03-01", closes: "2026-05-31" },
  { program: ProgramCode.EXPERT_SERVICE, year: "open", theme: "服务乡村全面振兴和新质生产力发展", quota: 60, state: PlanState.OPEN },
  { program: ProgramCode.POSTDOC_SERVICE, year: "open-postdoc", theme: "博士后科技服务助力产业振兴", quota: 15, state: PlanState.OPEN },
  { program: ProgramCode.OVERSEAS_TALENT, year: "closed-overseas", theme: "海外赤子助力高水平科技自立自强", quota: 20, state: PlanState.CLOSED },
];

/** The China calendar year after the one the seed runs in: the year of the open plans. */
export function openPlanYear(now: Date = new Date()): number {
  return Number(chinaDate(now).slice(0, 4)) + 1;
}

const yearOf = (ref: PlanRef, now: Date): number | null => (typeof ref === "string" ? openPlanYear(now) : ref);

/** The department (国务院有关部门) of the demo and its `department` account. */
function buildDepartment(ctx: DemoContext): { orgId: string; userId: string } {
  const created = at("2025-12-01T09:00:00+08:00");
  const orgId = ids.org("department-moa");
  ctx.rows.organizations.push(organizationRow({
    id: orgId, name: "农业农村部", type: OrgType.DEPARTMENT, regionCode: "11", address: "北京市朝阳区农展馆南里11号",
    contactName: "人事司", contactPhone: "010-59191234", createdAt: created,
  }));
  const userId = addUser(ctx, { username: "department", displayName: demoAccount("department").displayName, role: Role.DEPARTMENT_ADMIN,
    organizationId: orgId, createdAt: created });
  return { orgId, userId };
}

/** The states an activity passed through to reach `state` (its timeline). */
function pathTo(a: ActivitySpec): ActivityState[] {
  const S = ActivityState;
  if (a.local) return [S.DRAFT, S.SUBMITTED, S.SELECTED, ...(a.state === S.SELECTED ? [] : [S.IN_PROGRESS]), ...(a.state === S.COMPLETED ? [S.COMPLETED] : [])];
  const tail: Partial<Record<ActivityState, ActivityState[]>> = {
    DRAFT: [], SUBMITTED: [S.SUBMITTED], RETURNED: [S.SUBMITTED, S.RETURNED], RECOMMENDED: [S.SUBMITTED, S.RECOMMENDED],
    NOT_RECOMMENDED: [S.SUBMITTED, S.NOT_RECOMMENDED], SELECTED: [S.SUBMITTED, S.RECOMMENDED, S.SELECTED],
    NOT_SELECTED: [S.SUBMITTED, S.RECOMMENDED, S.NOT_SELECTED], IN_PROGRESS: [S.SUBMITTED, S.RECOMMENDED, S.SELECTED, S.IN_PROGRESS],
    COMPLETED: [S.SUBMITTED, S.RECOMMENDED, S.SELECTED, S.IN_PROGRESS, S.COMPLETED],
    EVALUATED: [S.SUBMITTED, S.RECOMMENDED, S.SELECTED, S.IN_PROGRESS, S.COMPLETED, S.EVALUATED],
  };
  return [S.DRAFT, ...(tail[a.state] ?? [])];
}

export function buildPlansAndActivities(ctx: DemoContext, admins: Admins, hosts: Hosts, baseIds: Map<string, string>,
  needs: NeedsResult, pool?: ExpertPool): void {
  const { rng, regions, rows } = ctx;
  const now = new Date();
  const rel = (days: number) => new Date(now.getTime() + days * 86_400_000);
  const department = buildDepartment(ctx);
  const planId = (program: ProgramCode, year: number) => ids.of("plan", `${program}-${year}`);
  for (const p of PLANS) {
    const year = yearOf(p.year, now) as number;
    const open = typeof p.year === "string";
    // Next year's plans: the open ones take applications now; the closed one closed ten days ago, its recommendations in.
    const closed = p.year === "closed-overseas";
    const opensAt = open ? chinaDayStart(chinaDate(rel(closed ? -90 : -30))) : at(p.opens as string);
    const closesAt = open ? chinaDayEnd(chinaDate(rel(closed ? -10 : 60))) : at(`${p.closes}T18:00:00+08:00`);
    rows.plans.push({
      id: planId(p.program, year), programId: ctx.programIds.get(p.program) as string, year, theme: p.theme,
      description: `${year}年度示范活动围绕“${p.theme}”主题，重点支持突破发展瓶颈、推广应用技术、促进农民增收的项目，优先支持东中西部人才协作和专家服务基地承办的活动。`,
      quota: p.quota, provinceQuota: 3, applicationOpensAt: opensAt, applicationClosesAt: closesAt,
      recommendDeadline: open ? chinaDayEnd(chinaDate(rel(closed ? -3 : 75))) : addDays(closesAt, 15),
      rubric: DEFAULT_RUBRIC as unknown as Prisma.InputJsonValue, baseBonus: 3, baseReservedPlaces: open ? 5 : 0, disagreementSpread: 15,
      publishedAt: p.state === PlanState.PUBLISHED || p.state === PlanState.ARCHIVED ? addDays(closesAt, 45) : null,
      state: p.state, createdAt: addDays(opensAt, -20), updatedAt: opensAt,
    });
  }
  // 四川 is at its quota in the open plan (two recommended), so the over-quota refusal is visible; the department has room.
  const openPlan = planId(ProgramCode.EXPERT_SERVICE, openPlanYear(now));
  rows.planQuotas.push(
    { id: ids.of("planQuota", "open-51"), planId: openPlan, provinceCode: "51", departmentOrgId: null, quota: 2 },
    { id: ids.of("planQuota", "open-33"), planId: openPlan, provinceCode: "33", departmentOrgId: null, quota: 5 },
    { id: ids.of("planQuota", "open-moa"), planId: openPlan, provinceCode: null, departmentOrgId: department.orgId, quota: 3 },
  );

  const teamPool = (pool?.experts ?? []).filter((e) => e.usable);
  for (const a of ACTIVITIES) {
    const county = regions.countyByName(a.province, a.county);
    const id = ids.of("activity", a.key);
    const year = yearOf(a.year, now);
    const open = typeof a.year === "string";
    const start = open ? dateOnly(rel(Number(a.start))) : dateOnly(a.start);
    const end = open ? dateOnly(rel(Number(a.end))) : dateOnly(a.end);
    const created = open ? rel(-rng.int(10, 25)) : addDays(at(a.start), -rng.int(60, 120));
    const recommended = a.rank !== undefined;
    const selectedStates: ActivityState[] = [ActivityState.SELECTED, ActivityState.IN_PROGRESS, ActivityState.COMPLETED,
      ActivityState.EVALUATED];
    const selected = selectedStates.includes(a.state) && !a.local;
    const applicantOrgId = a.applicant === "department" ? department.orgId
      : a.applicant === "base" && a.hostBase ? hosts.baseIds.get(a.hostBase) as string : admins.bureauIds.get(a.province) as string;
    const steps = pathTo(a);
    const submittedAt = steps.includes(ActivityState.SUBMITTED) ? addDays(created, 2) : null;
    const recommendedAt = recommended ? addDays(created, 5) : null;
    rows.activities.push({
      id, planId: year ? planId(a.program, year) : null, programId: ctx.programIds.get(a.program) as string,
      applicantOrgId, hostBaseId: a.hostBase ? baseIds.get(a.hostBase) ?? null : null,
      channelOrgId: a.applicant === "department" || a.viaDepartment ? department.orgId : null,
      regionCode: county.code, provinceCode: a.province,
      isDemonstration: !a.local, title: a.title, summary: a.summary,
      themeFit: a.local ? "" : "紧扣年度主题，聚焦产业发展瓶颈，需求来自基层单位在平台上的点单，东中西部协作、专家服务基地带动特色鲜明。",
      plannedStart: start, plannedEnd: end, plannedExperts: a.experts, pairedProvinceCode: a.paired ?? null, state: a.state,
      serviceForms: [ServiceForm.TECH_GUIDANCE, ServiceForm.DEMONSTRATION_TEACHING, ServiceForm.TOURING_LECTURE].slice(0, 2 + (a.experts % 2)),
      budget: [{ item: "专家差旅和食宿", amount: a.experts * 6000 }, { item: "培训场地和资料", amount: 15000 }, { item: "示范点建设", amount: 30000 }] as unknown as Prisma.InputJsonValue,
      targets: [{ indicator: "培训基层技术人员", target: a.experts * 20, unit: "人次" }, { indicator: "解决技术难题", target: a.experts * 2, unit: "个" },
        { indicator: "建设示范点", target: Math.max(2, Math.round(a.experts / 2)), unit: "个" }] as unknown as Prisma.InputJsonValue,
      recommendRank: recommended && (a.state === ActivityState.RECOMMENDED || !open) ? a.rank ?? null : null,
      recommendedAt,
      recommendComment: recommended ? "需求真实具体，专家团队结构合理，同意推荐。" : a.declined ?? null,
      returnReason: a.returned ?? null,
      submittedAt,
      selectionComment: selected ? "主题契合度高，东西部协作特色鲜明，同意入选年度示范活动。"
        : a.state === ActivityState.NOT_SELECTED ? "方案可行，但与已入选活动内容重复，本年度未入选，建议作为地方活动实施。" : null,
      selectedAt: selected ? addDays(created, 40) : null,
      createdAt: created, updatedAt: addDays(created, steps.length),
    });
    // The timeline: one event per step, by the applicant's province admin (or the department) for decisions.
    const decider = a.applicant === "department" || a.viaDepartment ? department.userId : admins.provinceAdmin.get(a.province) as string;
    steps.forEach((to, i) => {
      const from = i === 0 ? null : steps[i - 1];
      const by = to === ActivityState.SELECTED || to === ActivityState.NOT_SELECTED || to === ActivityState.EVALUATED
        ? (a.local ? decider : admins.ministryUserId) : i === 0 || to === ActivityState.SUBMITTED ? null : decider;
      rows.activityEvents.push({
        id: ids.of("activityEvent", `${a.key}-${i}`), activityId: id, fromState: from, toState: to, actorId: by,
        comment: i === 0 ? "创建申报" : to === ActivityState.RETURNED ? a.returned ?? null : to === ActivityState.NOT_RECOMMENDED ? a.declined ?? null : null,
        createdAt: i === 0 ? created : addDays(created, i * (open ? 1 : 8)),
      });
    });
    // The planned team: experts of the pool, postdocs with a mentor for 博士后科技服务团.
    const size = Math.min(4, a.experts);
    const offset = rng.int(0, Math.max(0, teamPool.length - 20));
    const team = teamPool.slice(offset, offset + 20);
    const members: { id: string; role: string }[] = [];
    if (a.program === ProgramCode.POSTDOC_SERVICE) {
      const postdoc = team.find((e) => e.talent.includes(TalentCategory.POSTDOC));
      const mentor = team.find((e) => e.title === ProfessionalTitle.SENIOR && !e.talent.includes(TalentCategory.POSTDOC));
      if (postdoc) members.push({ id: postdoc.id, role: "博士后" });
      if (mentor) members.push({ id: mentor.id, role: "导师" });
    }
    for (const e of team) {
      if (members.length >= size) break;
      if (!members.some((m) => m.id === e.id) && !e.talent.includes(TalentCategory.POSTDOC)) members.push({ id: e.id, role: "专家" });
    }
    members.forEach((m, i) => rows.activityTeam.push({ id: ids.of("activityTeam", `${a.key}-${i}`), activityId: id, expertId: m.id, role: m.role, createdAt: created }));
    if (!open) {
      for (const period of a.reports ?? []) {
        rows.progressReports.push({
          id: ids.of("progressReport", `${a.key}-${period}`), activityId: id, period,
          content: `本季度组织专家${rng.int(3, a.experts)}名赴${county.name}开展服务，完成现场指导和培训，对接解决技术问题${rng.int(3, 12)}个。下阶段将重点做好跟踪指导和成效评估。`,
          expertsCount: rng.int(3, a.experts), serviceHours: rng.int(20, 90) * 8, peopleServed: rng.int(20, 150) * 10,
          forms: rng.sample([ServiceForm.TECH_GUIDANCE, ServiceForm.TOURING_LECTURE, ServiceForm.DEMONSTRATION_TEACHING,
            ServiceForm.THEMED_LECTURE, ServiceForm.ACADEMIC_EXCHANGE], rng.int(2, 3)),
          submittedById: admins.provinceAdmin.get(a.province) as string,
          createdAt: at(`${period.slice(0, 4)}-${String(Number(period.slice(-1)) * 3).padStart(2, "0")}-25T16:00:00+08:00`),
        });
      }
    }
    linkNeeds(ctx, id, a, county.code, needs);
  }
}

/** Needs served under an activity (and their engagements) point at it: the demo unit's for 浙川协作, others by county. */
function linkNeeds(ctx: DemoContext, activityId: string, a: ActivitySpec, countyCode: string, needs: NeedsResult): void {
  const served: NeedState[] = [NeedState.MATCHED, NeedState.IN_SERVICE, NeedState.COMPLETED];
  const linked = new Set(ctx.rows.needs.filter((n) => n.activityId).map((n) => n.id));
  const candidates = a.key === "zj-sc-kiwi"
    ? needs.demoUnitNeeds.filter((n) => n.state === NeedState.IN_SERVICE || n.state === NeedState.COMPLETED).slice(0, 2)
    : a.state === ActivityState.IN_PROGRESS || a.state === ActivityState.COMPLETED
      ? needs.needs.filter((n) => n.unit.county.code === countyCode && served.includes(n.state) && n.unit.n !== 1)
      : typeof a.year === "string" && a.state !== ActivityState.DRAFT
        ? needs.needs.filter((n) => n.unit.county.code === countyCode && n.state === NeedState.OPEN && n.unit.n !== 1).slice(0, 2)
        : [];
  for (const n of candidates.filter((x) => !linked.has(ctx.rows.needs[x.rowIndex].id as string))) {
    ctx.rows.needs[n.rowIndex].activityId = activityId;
    for (const e of ctx.rows.engagements) if (n.engagementIds.includes(e.id as string)) e.activityId = activityId;
  }
}

// ─── Typical cases and notifications ─────────────────────────────────────────────

export function buildNotifications(ctx: DemoContext, admins: Admins, hosts: Hosts, pool: ExpertPool, needs: NeedsResult): void {
  const rows = ctx.rows;
  const demoNeed = (state: NeedState) => needs.demoUnitNeeds.find((n) => n.state === state);
  const inService = demoNeed(NeedState.IN_SERVICE);
  const returned = demoNeed(NeedState.RETURNED);
  const invited = needs.demoUnitNeeds.filter((n) => n.state === NeedState.OPEN)[0];
  const unitUser = ids.user("unit");
  const expertUser = pool.demo.userId as string;
  const pending = rows.needs.filter((n) => n.provinceCode === "51" && n.state === NeedState.SUBMITTED).length;
  const list: [string, string, string, string | null, string | null, string][] = [
    [unitUser, "专家已提交服务记录，请确认", `林晓峰专家提交了“${inService?.title ?? ""}”的服务记录，请核对服务时间和内容后确认。`,
      "/unit", null, "2026-11-18T19:30:00+08:00"],
    [unitUser, "需求被退回修改", `您提交的需求“${returned?.title ?? ""}”已被退回，请根据审核意见修改后重新提交。`,
      "/unit", null, "2026-10-20T10:00:00+08:00"],
    [unitUser, "需求已进入服务阶段", `需求“${inService?.title ?? ""}”的工作方案已确认，服务正式开始。`,
      "/unit", "2026-08-02T09:00:00+08:00", "2026-08-01T10:00:00+08:00"],
    [expertUser, "新的服务邀请", `蒲江县猕猴桃专业合作社邀请您参与“${invited?.title ?? ""}”，请在7日内答复。`,
      "/expert", null, "2026-11-18T10:05:00+08:00"],
    [expertUser, "服务记录已确认", "蒲江县猕猴桃专业合作社已确认您提交的服务记录。", "/expert",
      "2026-09-03T08:10:00+08:00", "2026-09-02T17:00:00+08:00"],
    [expertUser, "请确认您的专家信息", "为保证匹配准确，请每年至少确认一次个人信息、可服务时间和服务意愿。", "/expert",
      null, "2026-11-01T09:00:00+08:00"],
    [admins.provinceAdmin.get("51") as string, "有需求待审核", `本省有${pending}条需求待审核，请及时处理。`, "/province",
      null, "2026-11-19T09:00:00+08:00"],
    [admins.provinceAdmin.get("51") as string, "年度示范活动遴选结果已公布", "2026年专家服务基层示范活动遴选结果已公布，本省2项活动入选。",
      "/province", "2026-06-21T10:00:00+08:00", "2026-06-20T15:00:00+08:00"],
    [admins.provinceAdmin.get("33") as string, "本省专家入选重点联系专家库", "浙江大学林晓峰教授已入选服务基层重点联系专家库。",
      "/province", "2025-07-19T09:00:00+08:00", "2025-07-18T15:10:00+08:00"],
    [admins.ministryUserId, "示范活动推荐待遴选", "四川、陕西等省已报送2026年示范活动推荐名单，请组织遴选。", "/ministry",
      null, "2026-05-08T09:00:00+08:00"],
    [admins.ministryUserId, "基地提交整改报告", "湄潭县茶产业专家服务基地已提交整改报告，请审核。", "/ministry",
      null, "2026-10-28T16:25:00+08:00"],
    [hosts.baseUsers.get("pujiang") as string, "年度报告提交提醒", "请于2027年1月31日前提交基地2026年度工作报告。", "/base",
      null, "2026-11-15T09:00:00+08:00"],
    [hosts.enterpriseUsers.get("chuanjiao") as string, "榜单收到新的揭榜方案", "您发布的“花椒精油低温萃取与风味保持关键技术”收到新的揭榜方案。",
      "/enterprise", null, "2026-11-12T14:00:00+08:00"],
  ];
  list.forEach(([userId, title, body, link, readAt, createdAt], i) => rows.notifications.push({
    id: ids.of("notification", i), userId, title, body, link, readAt: readAt ? at(readAt) : null, createdAt: at(createdAt),
  }));
}
