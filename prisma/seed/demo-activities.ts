import { ActivityState, CaseState, NeedState, PlanState, ProgramCode, ServiceForm } from "@/lib/generated/prisma/client";
import { addDays, at, dateOnly, type DemoContext, ids } from "./demo-context";
import type { Hosts } from "./demo-bases";
import type { ExpertPool } from "./demo-experts";
import type { NeedsResult } from "./demo-needs";
import type { Admins } from "./demo-people";

// Annual plans, demonstration activities (reviews, progress reports, linked needs), typical cases, notifications.

type ActivitySpec = {
  key: string; program: ProgramCode; year: number | null; applicant: "bureau" | "base"; province: string; county: string;
  title: string; summary: string; start: string; end: string; experts: number; paired?: string; state: ActivityState;
  rank?: number; hostBase?: string; local?: boolean; reviewed?: boolean; reports?: string[];
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
  { key: "sc-ganzi-yak", program: ProgramCode.EXPERT_SERVICE, year: 2026, applicant: "bureau", province: "51", county: "理塘县",
    title: "专家服务甘孜州牦牛产业高质量发展示范活动", paired: "33", state: ActivityState.RECOMMENDED, rank: 3,
    summary: "围绕牦牛冷季补饲、疫病防控和良种选育，组织畜牧兽医专家赴理塘县开展技术指导和乡土人才培养。",
    start: "2027-04-01", end: "2027-09-30", experts: 6 },
  { key: "js-sn-apple", program: ProgramCode.EXPERT_SERVICE, year: 2026, applicant: "bureau", province: "61", county: "洛川县",
    title: "苏陕协作·苹果产业提质增效专家服务示范活动", paired: "32", state: ActivityState.RECOMMENDED, rank: 1,
    summary: "组织江苏、陕西果树专家，推广矮砧集约栽培和水肥一体化技术，培养本土技术骨干。",
    start: "2027-03-01", end: "2027-10-31", experts: 7 },
  { key: "nx-tansheep", program: ProgramCode.EXPERT_SERVICE, year: 2026, applicant: "bureau", province: "64", county: "盐池县",
    title: "闽宁协作·专家服务盐池滩羊产业示范活动", paired: "35", state: ActivityState.IN_PROGRESS, rank: 1,
    summary: "组织福建、宁夏畜牧兽医和食品加工专家，开展滩羊选育、标准化养殖和羊肉精深加工技术服务。",
    start: "2026-04-15", end: "2026-12-15", experts: 6, reviewed: true, reports: ["2026-Q3"] },
  { key: "yn-puer", program: ProgramCode.EXPERT_SERVICE, year: 2026, applicant: "bureau", province: "53", county: "勐海县",
    title: "沪滇协作·普洱茶产业科技服务示范活动", paired: "31", state: ActivityState.SUBMITTED,
    summary: "围绕古茶园保护、普洱茶初制所规范化改造和品质控制，组织茶学专家开展技术服务。",
    start: "2027-03-01", end: "2027-08-31", experts: 5 },
  { key: "gz-tea", program: ProgramCode.EXPERT_SERVICE, year: 2026, applicant: "bureau", province: "52", county: "湄潭县",
    title: "专家服务黔北茶产业发展示范活动", state: ActivityState.NOT_RECOMMENDED,
    summary: "组织茶学专家开展茶园管理和加工技术培训。",
    start: "2026-09-01", end: "2026-12-31", experts: 4 },
  { key: "gs-potato", program: ProgramCode.OVERSEAS_TALENT, year: 2026, applicant: "bureau", province: "62", county: "安定区",
    title: "海外赤子走进甘肃·马铃薯种业科技服务活动", state: ActivityState.COMPLETED, rank: 1,
    summary: "邀请高层次留学回国人才和海外专家，围绕马铃薯脱毒种薯繁育体系和旱作节水栽培开展讲学、技术对接和联合攻关。",
    start: "2026-04-01", end: "2026-09-30", experts: 9, reviewed: true, reports: ["2026-Q2", "2026-Q3"] },
  { key: "xj-aksu", program: ProgramCode.OVERSEAS_TALENT, year: 2026, applicant: "bureau", province: "65", county: "阿克苏市",
    title: "海外赤子为国服务·阿克苏林果业技术对接活动", paired: "33", state: ActivityState.NOT_SELECTED, rank: 1,
    summary: "组织留学回国专家赴阿克苏开展苹果、红枣提质增效技术对接。",
    start: "2026-07-01", end: "2026-10-31", experts: 5, reviewed: true },
  { key: "hn-anhua", program: ProgramCode.POSTDOC_SERVICE, year: 2026, applicant: "bureau", province: "43", county: "安化县",
    title: "博士后科技服务团赴安化黑茶产业服务行", state: ActivityState.SUBMITTED,
    summary: "组织茶学、食品科学、微生物学博士后，围绕黑茶发酵机理、品质标准和新产品开发开展科技服务。",
    start: "2027-04-01", end: "2027-07-31", experts: 8 },
  { key: "cq-fengjie", program: ProgramCode.POSTDOC_SERVICE, year: 2026, applicant: "bureau", province: "50", county: "奉节县",
    title: "博士后科技服务团走进奉节脐橙产区", state: ActivityState.DRAFT,
    summary: "围绕脐橙品种结构优化、黄龙病防控和电商营销开展博士后科技服务。",
    start: "2027-05-01", end: "2027-08-31", experts: 6 },
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
];

type PlanSpec = { program: ProgramCode; year: number; theme: string; quota: number; state: PlanState; opens: string; closes: string };

const PLANS: PlanSpec[] = [
  { program: ProgramCode.EXPERT_SERVICE, year: 2025, theme: "服务乡村全面振兴", quota: 50, state: PlanState.ARCHIVED,
    opens: "2025-02-10", closes: "2025-04-30" },
  { program: ProgramCode.EXPERT_SERVICE, year: 2026, theme: "服务乡村全面振兴", quota: 60, state: PlanState.CLOSED,
    opens: "2026-02-01", closes: "2026-04-30" },
  { program: ProgramCode.OVERSEAS_TALENT, year: 2026, theme: "海外赤子助力乡村全面振兴", quota: 20, state: PlanState.CLOSED,
    opens: "2026-02-01", closes: "2026-04-30" },
  { program: ProgramCode.POSTDOC_SERVICE, year: 2026, theme: "博士后服务乡村全面振兴", quota: 15, state: PlanState.OPEN,
    opens: "2026-09-01", closes: "2026-12-31" },
  { program: ProgramCode.EXPERT_SERVICE, year: 2027, theme: "服务乡村全面振兴和新质生产力发展", quota: 60, state: PlanState.DRAFT,
    opens: "2027-02-01", closes: "2027-04-30" },
];

export function buildPlansAndActivities(ctx: DemoContext, admins: Admins, hosts: Hosts, baseIds: Map<string, string>,
  needs: NeedsResult): void {
  const { rng, regions, rows } = ctx;
  const planId = (program: ProgramCode, year: number) => ids.of("plan", `${program}-${year}`);
  for (const p of PLANS) {
    rows.plans.push({
      id: planId(p.program, p.year), programId: ctx.programIds.get(p.program) as string, year: p.year, theme: p.theme,
      description: `${p.year}年度示范活动围绕“${p.theme}”主题，重点支持突破发展瓶颈、推广应用技术、促进农民增收的项目，优先支持东中西部人才协作和专家服务基地承办的活动。`,
      quota: p.quota, provinceQuota: 3, applicationOpensAt: at(p.opens), applicationClosesAt: at(`${p.closes}T18:00:00+08:00`),
      state: p.state, createdAt: addDays(at(p.opens), -20), updatedAt: at(p.opens),
    });
  }
  for (const a of ACTIVITIES) {
    const county = regions.countyByName(a.province, a.county);
    const id = ids.of("activity", a.key);
    const recommended = a.rank !== undefined;
    const selectedStates: ActivityState[] = [ActivityState.SELECTED, ActivityState.IN_PROGRESS, ActivityState.COMPLETED,
      ActivityState.EVALUATED];
    const selected = selectedStates.includes(a.state) && !a.local;
    rows.activities.push({
      id, planId: a.year ? planId(a.program, a.year) : null, programId: ctx.programIds.get(a.program) as string,
      applicantOrgId: a.applicant === "base" && a.hostBase ? hosts.baseIds.get(a.hostBase) as string : admins.bureauIds.get(a.province) as string,
      hostBaseId: a.hostBase ? baseIds.get(a.hostBase) ?? null : null, regionCode: county.code, provinceCode: a.province,
      isDemonstration: !a.local, title: a.title, summary: a.summary, plannedStart: dateOnly(a.start), plannedEnd: dateOnly(a.end),
      plannedExperts: a.experts, pairedProvinceCode: a.paired ?? null, state: a.state, recommendRank: a.rank ?? null,
      recommendComment: recommended ? "需求真实具体，专家团队结构合理，同意推荐。"
        : a.state === ActivityState.NOT_RECOMMENDED ? "活动方案与年度主题结合不够紧密，服务需求不够具体，本年度暂不推荐。" : null,
      selectionComment: selected ? "主题契合度高，东西部协作特色鲜明，同意入选年度示范活动。"
        : a.state === ActivityState.NOT_SELECTED ? "方案可行，但与已入选活动内容重复，本年度未入选，建议作为地方活动实施。" : null,
      createdAt: addDays(at(a.start), -rng.int(60, 120)), updatedAt: addDays(at(a.start), -rng.int(1, 20)),
    });
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
    linkNeeds(ctx, id, a, county.code, needs);
  }
}

/** Needs served under an activity (and their engagements) point at it: the demo unit's for 浙川协作, others by county. */
function linkNeeds(ctx: DemoContext, activityId: string, a: ActivitySpec, countyCode: string, needs: NeedsResult): void {
  const served: NeedState[] = [NeedState.MATCHED, NeedState.IN_SERVICE, NeedState.COMPLETED];
  const candidates = a.key === "zj-sc-kiwi"
    ? needs.demoUnitNeeds.filter((n) => n.state === NeedState.IN_SERVICE || n.state === NeedState.COMPLETED).slice(0, 2)
    : a.state === ActivityState.IN_PROGRESS || a.state === ActivityState.COMPLETED
      ? needs.needs.filter((n) => n.unit.county.code === countyCode && served.includes(n.state) && n.unit.n !== 1)
      : [];
  for (const n of candidates) {
    ctx.rows.needs[n.rowIndex].activityId = activityId;
    for (const e of ctx.rows.engagements) if (n.engagementIds.includes(e.id as string)) e.activityId = activityId;
  }
}

// ─── Typical cases and notifications ─────────────────────────────────────────────

export function buildCases(ctx: DemoContext, admins: Admins): void {
  const sc = admins.provinceAdmin.get("51") as string;
  const cases: [string, string, string, string, CaseState, string | null, string][] = [
    ["浙川携手“点餐式”服务 让蒲江猕猴桃溃疡病不再“谈虎色变”", "51", "zj-sc-kiwi", sc, CaseState.PUBLISHED, "2026-10-15",
      "蒲江县猕猴桃专业合作社通过平台“点单”，浙江大学林晓峰教授团队“接单”，三年来累计开展现场指导26次，示范园溃疡病发病率由18%降至3%以下。"],
    ["海外赤子走进定西：脱毒种薯让马铃薯单产提高两成", "62", "gs-potato", admins.provinceAdmin.get("62") as string,
      CaseState.PUBLISHED, "2026-10-28", "留学回国专家带来高效脱毒快繁技术，帮助安定区建成种薯繁育体系，示范区单产提高21%。"],
    ["秭归脐橙：一次示范活动带出一支本土技术队伍", "42", "hb-zigui", admins.provinceAdmin.get("42") as string,
      CaseState.PUBLISHED, "2026-01-20", "专家与本土农技人员师徒结对，培养“土专家”32名，成为脐橙产业持续发展的骨干力量。"],
    ["闽宁协作专家团助力盐池滩羊提质增效", "64", "nx-tansheep", admins.provinceAdmin.get("64") as string,
      CaseState.SUBMITTED, null, "福建、宁夏专家联合开展滩羊选育和精深加工技术服务，带动养殖户户均增收4000元。"],
    ["淳安县山核桃低产林改造专家服务纪实", "33", "zj-chunan", admins.provinceAdmin.get("33") as string,
      CaseState.DRAFT, null, "专家服务团队深入淳安山区，推广山核桃林地生草和病虫害绿色防控技术。"],
  ];
  cases.forEach(([title, province, activity, author, state, published, summary], i) => {
    const created = published ? addDays(at(published), -12) : at("2026-11-10T10:00:00+08:00");
    ctx.rows.cases.push({
      id: ids.of("case", i), title, summary, provinceCode: province, activityId: ids.of("activity", activity), state,
      authorId: author, publishedAt: published ? at(published) : null,
      body: `${summary}\n\n一、需求从基层来。活动坚持“点餐式”服务，由基层单位在平台上提出需求，省级人社部门审核后发布，专家根据自身专长“接单”，避免了“专家想讲的、群众不想听”的问题。\n\n二、服务在一线干。专家团队把课堂搬到田间地头和生产车间，示范带教与跟踪指导相结合，服务记录由服务单位确认，服务时长和成效可查可核。\n\n三、成效靠机制留。通过师徒结对、联合培养和建立专家服务基地，专家走了，技术和人才留了下来，为当地产业持续发展提供了支撑。`,
      createdAt: created, updatedAt: published ? at(published) : created,
    });
  });
}

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
