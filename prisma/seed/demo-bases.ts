import {
  BaseField, BaseLevel, BaseState, BidState, ChallengeState, EvaluationGrade, OrgType, RectificationState, Role,
} from "@/lib/generated/prisma/client";
import { demoAccount } from "./accounts";
import { addDays, at, between, creditCode, dateOnly, type DemoContext, ids } from "./demo-context";
import { ensureExpertUser, type ExpertInfo, type ExpertPool } from "./demo-experts";
import { addUser, type Admins, type UnitInfo } from "./demo-people";
import type { DomainKey } from "./domains";
import { organizationRow } from "./factories";
import { mobile, personName } from "./names";

// Service bases (with their host organizations, annual reports, evaluations, rectification orders) and
// 揭榜挂帅 challenges (with the posing enterprises, bids and milestones).

type BaseSpec = {
  key: string; province: string; county: string; host: string; name: string; level: BaseLevel; state: BaseState;
  established?: string; focus: string; field?: BaseField;
};

const BASES: BaseSpec[] = [
  { key: "pujiang", province: "51", county: "蒲江县", host: "蒲江县现代农业园区管理委员会", name: "蒲江县猕猴桃产业专家服务基地",
    level: BaseLevel.NATIONAL, state: BaseState.ESTABLISHED, established: "2023-06-15",
    focus: "猕猴桃、晚熟柑橘绿色高效生产技术指导，基层农技人才培养" },
  { key: "anji", province: "33", county: "安吉县", host: "安吉县白茶产业研究院", name: "安吉县白茶产业专家服务基地",
    level: BaseLevel.NATIONAL, state: BaseState.ESTABLISHED, established: "2021-09-01",
    focus: "白茶良种繁育、生态茶园建设与茶旅融合发展决策咨询" },
  { key: "shouguang", province: "37", county: "寿光市", host: "寿光市蔬菜产业发展中心", name: "寿光市设施蔬菜专家服务基地",
    level: BaseLevel.NATIONAL, state: BaseState.ESTABLISHED, established: "2020-11-20",
    focus: "设施蔬菜品种选育、智能温室技术与标准化生产，面向中西部输出技术和人才" },
  { key: "meixian", province: "61", county: "眉县", host: "眉县猕猴桃产业发展中心", name: "眉县猕猴桃产业专家服务基地",
    level: BaseLevel.PROVINCIAL, state: BaseState.ESTABLISHED, established: "2024-04-10",
    focus: "猕猴桃品种改良、果园机械化与采后贮藏技术服务" },
  { key: "meitan", province: "52", county: "湄潭县", host: "湄潭县茶产业发展中心", name: "湄潭县茶产业专家服务基地",
    level: BaseLevel.NATIONAL, state: BaseState.RECTIFYING, established: "2022-05-18",
    focus: "茶叶加工工艺提升、茶园绿色防控和茶产业人才培养" },
  { key: "anding", province: "62", county: "安定区", host: "定西市安定区马铃薯产业发展中心", name: "安定区马铃薯产业专家服务基地",
    level: BaseLevel.PROVINCIAL, state: BaseState.REMOVED, established: "2021-08-01",
    focus: "马铃薯脱毒种薯繁育与旱作栽培技术服务" },
  { key: "qianjiang", province: "42", county: "潜江市", host: "潜江市虾稻产业发展中心", name: "潜江市虾稻共作专家服务基地",
    level: BaseLevel.PROVINCIAL, state: BaseState.APPLIED, focus: "虾稻共作模式优化、苗种繁育与尾水治理技术服务" },
  { key: "menghai", province: "53", county: "勐海县", host: "勐海县茶产业发展中心", name: "勐海县普洱茶专家服务基地",
    level: BaseLevel.NATIONAL, state: BaseState.PROVINCE_APPROVED, focus: "古茶园保护、普洱茶加工与品质控制技术服务" },
  { key: "shihezi", province: "66", county: "第八师石河子市区", host: "第八师石河子市农业科学研究所",
    name: "第八师石河子垦区现代农业专家服务基地", level: BaseLevel.PROVINCIAL, state: BaseState.ESTABLISHED, established: "2024-09-01",
    focus: "棉花机采栽培、膜下滴灌水肥一体化与农业机械化技术服务" },
  // Added with the base lifecycle (lib/bases): a draft, a returned application, and a base whose rectification
  // deadline has passed without an answer (the escalation sweep flags it once the app runs).
  { key: "yaan", province: "51", county: "雨城区", host: "雅安市雨城区藏茶产业发展中心", name: "雨城区藏茶产业专家服务基地",
    level: BaseLevel.PROVINCIAL, state: BaseState.DRAFT, focus: "藏茶加工工艺与茶园生态管理技术服务" },
  { key: "dingxi-herb", province: "62", county: "渭源县", host: "渭源县中药材产业发展中心", name: "渭源县中药材专家服务基地",
    level: BaseLevel.PROVINCIAL, state: BaseState.RETURNED, focus: "党参、黄芪规范化种植与产地初加工技术服务", field: BaseField.HEALTH },
  { key: "jiangxia", province: "42", county: "江夏区", host: "武汉市江夏区农业科学研究所", name: "江夏区都市农业专家服务基地",
    level: BaseLevel.PROVINCIAL, state: BaseState.RECTIFYING, established: "2022-10-20", focus: "设施蔬菜与都市休闲农业技术服务" },
];

/** The four criteria's facts and the planned activities an application carries (lib/bases/schemas.ts). */
function applicationOf(b: BaseSpec, seed: number) {
  return {
    facts: {
      innovation: `依托单位建有${b.focus.slice(0, 6)}相关的县级以上技术研发中心，近三年承担省市科技项目${2 + (seed % 4)}项，获科技奖励${1 + (seed % 3)}项。`,
      research: `建有试验示范基地${200 + seed * 37}亩和检测实验室一处，与省内高校、科研院所建立长期合作关系。`,
      seniorExperts: 6 + (seed % 12), platforms: 1 + (seed % 3), patents: 3 + (seed % 9),
    },
    plannedActivities: [
      { title: "春季生产技术现场指导", month: 3, form: "技术指导" },
      { title: "基层技术骨干培训班", month: 6, form: "人才培养" },
      { title: "产业发展决策咨询会", month: 10, form: "决策咨询" },
    ],
  };
}

type EnterpriseSpec = { key: string; province: string; county: string; name: string };

const ENTERPRISES: EnterpriseSpec[] = [
  { key: "chuanjiao", province: "51", county: "汉源县", name: "四川川椒食品科技有限公司" },
  { key: "anji-bamboo", province: "33", county: "安吉县", name: "浙江安吉竹木科技有限公司" },
  { key: "longshu", province: "62", county: "安定区", name: "甘肃陇薯淀粉有限公司" },
  { key: "meitan-tea", province: "52", county: "湄潭县", name: "贵州湄潭茶旅科技有限公司" },
  { key: "shouguang-seed", province: "37", county: "寿光市", name: "寿光蔬菜种业集团有限公司" },
];

export type Hosts = { baseIds: Map<string, string>; baseUsers: Map<string, string>; enterpriseIds: Map<string, string>;
  enterpriseUsers: Map<string, string> };

export function buildHostsAndEnterprises(ctx: DemoContext): Hosts {
  const { rng, regions, rows } = ctx;
  const hosts: Hosts = { baseIds: new Map(), baseUsers: new Map(), enterpriseIds: new Map(), enterpriseUsers: new Map() };
  BASES.forEach((b, i) => {
    const county = regions.countyByName(b.province, b.county);
    const orgId = ids.org(`base-host-${b.key}`);
    const contact = i === 0 ? { name: demoAccount("base").displayName } : personName(rng);
    const created = at("2025-12-05T09:00:00+08:00");
    rows.organizations.push(organizationRow({ id: orgId, name: b.host, type: OrgType.BASE_HOST, regionCode: county.code,
      creditCode: creditCode(rng, "12", county.code), address: regions.fullName(county.code), contactName: contact.name,
      contactPhone: mobile(rng), createdAt: created }));
    hosts.baseUsers.set(b.key, addUser(ctx, { username: i === 0 ? "base" : `base-${i + 1}`, displayName: contact.name,
      role: Role.BASE_HOST, organizationId: orgId, createdAt: created }));
    hosts.baseIds.set(b.key, orgId);
  });
  ENTERPRISES.forEach((e, i) => {
    const county = regions.countyByName(e.province, e.county);
    const orgId = ids.org(`enterprise-${e.key}`);
    const contact = i === 0 ? { name: demoAccount("enterprise").displayName } : personName(rng);
    const created = at("2025-12-08T09:00:00+08:00");
    rows.organizations.push(organizationRow({ id: orgId, name: e.name, type: OrgType.ENTERPRISE, regionCode: county.code,
      creditCode: creditCode(rng, "91", county.code), address: regions.fullName(county.code), contactName: contact.name,
      contactPhone: mobile(rng), createdAt: created }));
    hosts.enterpriseUsers.set(e.key, addUser(ctx, { username: i === 0 ? "enterprise" : `enterprise-${i + 1}`,
      displayName: contact.name, role: Role.ENTERPRISE, organizationId: orgId, createdAt: created }));
    hosts.enterpriseIds.set(e.key, orgId);
  });
  return hosts;
}

export function buildBases(ctx: DemoContext, admins: Admins, hosts: Hosts): Map<string, string> {
  const { rng, regions, rows } = ctx;
  const baseIds = new Map<string, string>();
  for (const b of BASES) {
    const id = ids.of("base", b.key);
    baseIds.set(b.key, id);
    const county = regions.countyByName(b.province, b.county);
    const removed = b.state === BaseState.REMOVED;
    const applied = at(b.established ? `${Number(b.established.slice(0, 4)) - 1}-10-15` : "2026-09-20");
    rows.bases.push({
      id, hostOrgId: hosts.baseIds.get(b.key) as string, name: b.name, level: b.level, regionCode: county.code,
      provinceCode: b.province, focus: b.focus,
      developmentPlan: `立足${regions.get(county.code).name}主导产业，围绕“${b.focus}”，三年内组织专家服务活动不少于30场次，培养本土技术骨干100名以上，形成可复制推广的技术模式2—3项。`,
      rules: "已制定《专家服务基地管理办法》《专家工作站运行制度》《专家服务经费管理细则》，明确专人负责专家联络、服务记录和成效评估。",
      state: b.state,
      field: b.field ?? BaseField.AGRICULTURE,
      ...applicationOf(b, BASES.indexOf(b)),
      code: b.established ? `ZJJD-${b.level === BaseLevel.NATIONAL ? "GJ" : "SJ"}-${b.province}-${b.established.slice(0, 4)}-${String(BASES.indexOf(b) + 1).padStart(3, "0")}` : null,
      submittedAt: b.state === BaseState.DRAFT ? null : applied,
      reviewComment: b.state === BaseState.RETURNED ? "请补充近三年专家服务活动记录和内部管理制度文本。" : null,
      provinceApprovedAt: b.state === BaseState.PROVINCE_APPROVED ? addDays(applied, 20) : null,
      establishedAt: b.established ? at(b.established) : null,
      removedAt: removed ? at("2025-12-20T15:00:00+08:00") : null,
      removalReason: removed ? "连续两年评估不合格，限期整改期满仍未达到要求，依据《专家服务基地建设管理办法》予以调整退出。" : null,
      createdAt: applied, updatedAt: removed ? at("2025-12-20T15:00:00+08:00") : b.established ? at(b.established) : applied,
    });
    const reporter = hosts.baseUsers.get(b.key) as string;
    const evaluator = b.level === BaseLevel.NATIONAL ? admins.ministryUserId : admins.provinceAdmin.get(b.province) as string;
    const since = b.established ? Number(b.established.slice(0, 4)) : 9999;
    for (const year of [2024, 2025]) {
      if (year < since || (removed && year > 2024)) continue;
      rows.baseReports.push({
        id: ids.of("baseReport", `${b.key}-${year}`), baseId: id, year,
        content: `${year}年，基地围绕${b.focus}，组织专家开展现场指导、专题培训和联合攻关等服务活动，建立示范点${rng.int(2, 8)}个，推广新品种新技术${rng.int(3, 10)}项。${removed ? "受人员调整影响，部分计划未能按期完成。" : "服务成效得到当地群众和主管部门认可。"}`,
        expertsCount: removed ? rng.int(2, 5) : rng.int(8, 30), activitiesCount: removed ? 1 : rng.int(6, 24),
        peopleTrained: removed ? rng.int(30, 80) : rng.int(200, 1500), submittedById: reporter,
        createdAt: at(`${year + 1}-01-${rng.int(10, 28)}`),
      });
      const grade = (b.key === "meitan" && year === 2025) || (removed && year === 2024) ? EvaluationGrade.UNQUALIFIED
        : rng.chance(0.4) ? EvaluationGrade.EXCELLENT : EvaluationGrade.QUALIFIED;
      const scores = grade === EvaluationGrade.UNQUALIFIED ? [10, 12, 11, 8] : grade === EvaluationGrade.EXCELLENT ? [23, 22, 24, 22] : [19, 18, 20, 18];
      rows.baseEvaluations.push({
        id: ids.of("baseEvaluation", `${b.key}-${year}`), baseId: id, year, grade, evaluatorId: evaluator,
        scores: { 服务活动: scores[0], 专家组织: scores[1], 人才培养: scores[2], 管理制度: scores[3] }, total: scores.reduce((a, n) => a + n, 0),
        comment: grade === EvaluationGrade.UNQUALIFIED ? "年度内组织专家服务活动不足2次，服务记录不完整，内部管理制度未有效落实。"
          : grade === EvaluationGrade.EXCELLENT ? "服务活动扎实，示范带动作用明显，人才培养成效突出。" : "完成年度服务任务，建议进一步加强服务成效跟踪。",
        createdAt: at(`${year + 1}-03-${rng.int(10, 28)}`),
      });
    }
    if (b.key === "meitan") {
      rows.rectifications.push({
        id: ids.of("rectification", b.key), baseId: id,
        reason: "2025年度评估不合格：年度内组织专家服务活动不足2次，专家服务记录不完整，内部管理制度未有效落实。",
        // Relative to the real today, so the demo never shows it expired: a year from issue, months still to go.
        deadline: dateOnly(addDays(new Date(), 130)), state: RectificationState.RESPONDED, issuedById: evaluator, evaluationYear: 2025,
        requiredItems: ["年度内组织专家服务活动不少于6次", "补齐2025年度专家服务记录", "修订并落实内部管理制度"],
        response: "基地已调整依托单位负责人，新聘请专家12名，2026年已组织服务活动9场次，完善了专家服务记录和经费管理制度，申请整改验收。",
        respondedAt: at("2026-10-28T16:20:00+08:00"), createdAt: at("2026-04-10T10:00:00+08:00"),
        updatedAt: at("2026-10-28T16:20:00+08:00"),
      });
    }
    if (b.key === "jiangxia") {
      rows.rectifications.push({
        id: ids.of("rectification", b.key), baseId: id, evaluationYear: 2024,
        reason: "日常管理检查发现：基地专家服务活动长期停滞，专家联络和服务记录制度未落实。",
        requiredItems: ["恢复常态化专家服务活动", "建立专家联络和服务记录台账"],
        // Overdue relative to the real today and not answered: the escalation sweep (lib/jobs) flags it once.
        deadline: dateOnly(addDays(new Date(), -3)), state: RectificationState.ISSUED, issuedById: evaluator,
        createdAt: addDays(new Date(), -368), updatedAt: addDays(new Date(), -368),
      });
    }
    pushEvents(rows, b, id, applied, evaluator, reporter);
    if (removed) {
      rows.rectifications.push({
        id: ids.of("rectification", b.key), baseId: id,
        reason: "2024年度评估不合格：专家服务活动长期停滞，基地运行经费挪作他用。",
        deadline: dateOnly("2025-12-31"), state: RectificationState.FAILED, issuedById: evaluator, evaluationYear: 2024,
        requiredItems: ["恢复专家服务活动", "经费专款专用并说明使用情况"],
        response: "已制定整改方案，计划于下半年恢复专家服务活动。", respondedAt: at("2025-11-30T11:00:00+08:00"),
        verdict: "整改期满仍未达到要求，同意调整退出。", decidedById: evaluator, decidedAt: at("2025-12-20T15:00:00+08:00"),
        createdAt: at("2025-01-15T10:00:00+08:00"), updatedAt: at("2025-12-20T15:00:00+08:00"),
      });
    }
  }
  return baseIds;
}

/** The base's timeline rows, matching its seeded state. */
function pushEvents(rows: DemoContext["rows"], b: BaseSpec, baseId: string, applied: Date, reviewer: string, host: string) {
  const e = (key: string, action: string, createdAt: Date, actorId: string | null, fromState: BaseState | null, toState: BaseState | null, comment: string | null = null) =>
    rows.baseEvents.push({ id: ids.of("baseEvent", `${b.key}-${key}`), baseId, action, createdAt, actorId, fromState, toState, comment });
  e("draft", "填写申请", addDays(applied, -5), host, null, BaseState.DRAFT);
  if (b.state === BaseState.DRAFT) return;
  e("submit", "提交申请", applied, host, BaseState.DRAFT, BaseState.APPLIED);
  if (b.state === BaseState.APPLIED) return;
  if (b.state === BaseState.RETURNED) return void e("return", "退回修改", addDays(applied, 10), reviewer, BaseState.APPLIED, BaseState.RETURNED, "请补充近三年专家服务活动记录和内部管理制度文本。");
  if (b.level === BaseLevel.NATIONAL) e("province", "省级审核通过，报部级审定", addDays(applied, 20), reviewer, BaseState.APPLIED, BaseState.PROVINCE_APPROVED);
  if (b.state === BaseState.PROVINCE_APPROVED || !b.established) return;
  e("establish", "设立", at(b.established), reviewer, b.level === BaseLevel.NATIONAL ? BaseState.PROVINCE_APPROVED : BaseState.APPLIED, BaseState.ESTABLISHED);
  if (b.key === "meitan") {
    e("rectify", "下达限期整改", at("2026-04-10T10:00:00+08:00"), reviewer, BaseState.ESTABLISHED, BaseState.RECTIFYING, "2025年度评估不合格");
    e("respond", "提交整改报告", at("2026-10-28T16:20:00+08:00"), host, null, null);
  }
  if (b.key === "jiangxia") e("rectify", "下达限期整改", addDays(new Date(), -368), reviewer, BaseState.ESTABLISHED, BaseState.RECTIFYING, "日常管理检查发现问题");
  if (b.state === BaseState.REMOVED) {
    e("rectify", "下达限期整改", at("2025-01-15T10:00:00+08:00"), reviewer, BaseState.ESTABLISHED, BaseState.RECTIFYING, "2024年度评估不合格");
    e("remove", "调整退出", at("2025-12-20T15:00:00+08:00"), reviewer, BaseState.RECTIFYING, BaseState.REMOVED, "整改期满仍未达到要求，同意调整退出。");
  }
}

// ─── Challenges (揭榜挂帅) ───────────────────────────────────────────────────────

type ChallengeSpec = {
  key: string; enterprise: string; state: ChallengeState; title: string; problem: string; requirements: string;
  disciplines: string[]; reward: number | null; deadline: string | null; published: string | null;
  bidDomains: DomainKey[]; bids: BidState[]; approach: string; milestones?: [string, string, string | null][];
};

const CHALLENGES: ChallengeSpec[] = [
  { key: "pepper-oil", enterprise: "chuanjiao", state: ChallengeState.PUBLISHED, title: "花椒精油低温萃取与风味保持关键技术",
    problem: "现有花椒油采用高温油浸提，麻味物质（山椒素）损失大、香气不持久，产品货架期短，高端市场竞争力弱；企业缺少低温萃取和微胶囊包埋技术。",
    requirements: "提出可在年产500吨生产线上实施的工艺方案；麻味物质保留率提高30%以上；12个月内完成中试并通过第三方检测。",
    disciplines: ["55020", "53067"], reward: 800_000, deadline: "2027-01-31", published: "2026-10-20",
    bidDomains: ["food", "chem"], bids: [BidState.SUBMITTED, BidState.SHORTLISTED, BidState.SUBMITTED],
    approach: "亚临界萃取＋分子蒸馏＋β-环糊精包埋" },
  { key: "pepper-dry", enterprise: "chuanjiao", state: ChallengeState.AWARDED, title: "鲜花椒采后快速干燥与色泽保持技术",
    problem: "鲜花椒采后主要靠自然晾晒，遇连阴雨易霉变发黑，干椒色泽和开口率不稳定，每年损失约两成。",
    requirements: "干燥周期缩短至12小时以内；色泽达到一级品标准；设备单批处理量不低于200公斤。",
    disciplines: ["55020", "41650"], reward: 500_000, deadline: "2026-05-31", published: "2026-03-15",
    bidDomains: ["food", "machinery"], bids: [BidState.SELECTED, BidState.REJECTED, BidState.REJECTED],
    approach: "热泵分段变温干燥＋护色预处理",
    milestones: [["完成干燥工艺小试", "2026-08-31", "2026-08-25"], ["完成200公斤/批中试", "2026-12-31", null],
      ["工艺包交付与验收", "2027-04-30", null]] },
  { key: "bamboo", enterprise: "anji-bamboo", state: ChallengeState.COMPLETED, title: "竹材重组材防霉防变形关键技术",
    problem: "户外用竹材重组材在高湿环境下易霉变、易开裂变形，出口订单多次因质量问题被索赔。",
    requirements: "防霉等级达到0级，吸水厚度膨胀率降低50%，技术可在现有热压生产线上实施。",
    disciplines: ["22055", "43055"], reward: 1_200_000, deadline: "2025-11-30", published: "2025-09-10",
    bidDomains: ["forestry", "chem"], bids: [BidState.SELECTED, BidState.REJECTED],
    approach: "竹束热处理改性＋低醛胶黏剂复合",
    milestones: [["完成改性工艺小试", "2026-03-31", "2026-03-20"], ["完成生产线中试", "2026-07-31", "2026-07-28"],
      ["产品检测与技术验收", "2026-10-31", "2026-10-16"]] },
  { key: "bamboo-shoot", enterprise: "anji-bamboo", state: ChallengeState.PUBLISHED, title: "竹笋加工废弃物高值化利用技术",
    problem: "竹笋加工产生大量笋壳、笋头等废弃物，目前只能低价出售或填埋，处理成本高。",
    requirements: "开发膳食纤维或饲料等高值化产品1—2个，形成年处理5000吨的工艺路线。",
    disciplines: ["55050", "53067"], reward: 300_000, deadline: "2027-02-28", published: "2026-11-05",
    bidDomains: ["food"], bids: [BidState.SUBMITTED], approach: "酶解提取膳食纤维＋残渣发酵饲料化" },
  { key: "potato-water", enterprise: "longshu", state: ChallengeState.CLOSED, title: "马铃薯淀粉加工废水蛋白回收与资源化",
    problem: "淀粉加工季每天产生高浓度有机废水，COD高、处理成本大，其中的马铃薯蛋白未被回收利用。",
    requirements: "蛋白回收率不低于60%，废水处理成本降低30%，回收蛋白达到饲料原料标准。",
    disciplines: ["53067", "61030"], reward: 600_000, deadline: "2026-11-10", published: "2026-08-25",
    bidDomains: ["chem", "energyEnv", "food"], bids: [BidState.SUBMITTED, BidState.SHORTLISTED],
    approach: "膜分离浓缩＋热絮凝回收蛋白" },
  { key: "matcha", enterprise: "meitan-tea", state: ChallengeState.SUBMITTED, title: "夏秋茶抹茶连续化加工装备与工艺",
    problem: "夏秋茶利用率低，抹茶加工依赖进口设备，碾磨效率低、色泽不稳定。",
    requirements: "研制国产化连续加工生产线，产能每小时50公斤以上，产品色泽达到一级抹茶标准。",
    disciplines: ["55020", "46020"], reward: 700_000, deadline: null, published: null, bidDomains: [], bids: [], approach: "" },
  { key: "tomato", enterprise: "shouguang-seed", state: ChallengeState.PUBLISHED, title: "设施番茄耐低温弱光品种选育",
    problem: "冬春茬日光温室番茄遇低温寡照易落花落果，现有品种耐性不足，种子依赖进口。",
    requirements: "三年内选育耐低温弱光番茄新品种1—2个，通过品种登记，产量不低于进口对照品种。",
    disciplines: ["21040", "18051"], reward: 1_500_000, deadline: "2027-03-31", published: "2026-09-18",
    bidDomains: ["veg", "crops"], bids: [BidState.SUBMITTED, BidState.SUBMITTED], approach: "分子标记辅助选择＋多生态区鉴定" },
];

export function buildChallenges(ctx: DemoContext, admins: Admins, hosts: Hosts, pool: ExpertPool, units: UnitInfo[]): void {
  const { rng, regions, rows } = ctx;
  const specs = [...CHALLENGES];
  const sanqi = units.find((u) => u.kind === "ENTERPRISE" && u.county.name === "文山市");
  for (const spec of specs) {
    const e = ENTERPRISES.find((x) => x.key === spec.enterprise) as EnterpriseSpec;
    const county = regions.countyByName(e.province, e.county);
    const id = ids.of("challenge", spec.key);
    const created = spec.published ? addDays(at(spec.published), -rng.int(10, 30)) : between(rng, "2026-10-01", "2026-11-15");
    rows.challenges.push({
      id, enterpriseId: hosts.enterpriseIds.get(e.key) as string, regionCode: county.code, provinceCode: e.province,
      title: spec.title, problem: spec.problem, requirements: spec.requirements, disciplineCodes: spec.disciplines,
      rewardYuan: spec.reward, bidDeadline: spec.deadline ? at(`${spec.deadline}T18:00:00+08:00`) : null, state: spec.state,
      publishedById: spec.published ? admins.provinceAdmin.get(e.province) ?? null : null,
      publishedAt: spec.published ? at(spec.published) : null, createdAt: created, updatedAt: spec.published ? at(spec.published) : created,
    });
    const bidders = pickBidders(pool, spec.bidDomains, spec.bids.length, spec.key);
    spec.bids.forEach((state, i) => {
      const expert = bidders[i];
      if (!expert) return;
      ensureExpertUser(ctx, expert);
      const mate = personName(rng);
      rows.bids.push({
        id: ids.of("bid", `${spec.key}-${i}`), challengeId: id, expertId: expert.id,
        team: `${expert.name}（负责人）、${mate.name}等${rng.int(3, 8)}人，依托${expert.employer}`,
        proposal: `拟组建由${expert.employer}牵头的攻关团队，采用“${spec.approach}”技术路线，分小试、中试、示范三个阶段实施，预计${rng.int(10, 18)}个月完成攻关任务，知识产权按约定共享。`,
        state, createdAt: addDays(at(spec.published as string), rng.int(3, 20)), updatedAt: addDays(at(spec.published as string), rng.int(21, 40)),
      });
    });
    (spec.milestones ?? []).forEach(([title, due, done], i) => rows.milestones.push({
      id: ids.of("milestone", `${spec.key}-${i}`), challengeId: id, title, dueOn: dateOnly(due), doneAt: done ? at(done) : null,
      note: done ? "已按期完成，企业确认。" : null,
    }));
  }
  if (sanqi) {
    rows.challenges.push({
      id: ids.of("challenge", "sanqi"), enterpriseId: sanqi.id, regionCode: sanqi.county.code, provinceCode: sanqi.provinceCode,
      title: "三七连作障碍土壤修复技术", state: ChallengeState.DRAFT, disciplineCodes: ["36040", "21050"], rewardYuan: 1_000_000,
      problem: "三七种植后需轮作10年以上才能再种，新垦地越来越少，连作地块根腐病发病率高。",
      requirements: "形成可连作2茬以上的土壤修复技术方案，连作地块存苗率不低于80%。",
      createdAt: at("2026-11-12T15:00:00+08:00"), updatedAt: at("2026-11-12T15:00:00+08:00"),
    });
  }
}

function pickBidders(pool: ExpertPool, domains: DomainKey[], count: number, key: string): ExpertInfo[] {
  const fit = pool.experts.filter((e) => e.usable && e.n !== 0 && e.domains.some((d) => domains.includes(d)));
  const offset = key.length % Math.max(1, fit.length);
  return [...fit.slice(offset), ...fit.slice(0, offset)].slice(0, count);
}
