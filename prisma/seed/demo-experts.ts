import {
  AchievementKind, AvailabilityKind, ExpertStatus, Gender, LibraryStatus, NominationState, ProfessionalTitle, Role,
  ServiceForm, TalentCategory, UserStatus, Zone,
} from "@/lib/generated/prisma/client";
import { demoAccount } from "./accounts";
import { addDays, at, between, dateOnly, type DemoContext, ids, SEED_NOW } from "./demo-context";
import { addUser, type Admins } from "./demo-people";
import { DOMAIN_KEYS, DOMAINS, type DomainKey, type EmployerKind } from "./domains";
import { expertRow } from "./factories";
import { type Employer, employersFor, idNumber, mobile, personName } from "./names";
import { PROVINCE_ZONES, XPCC_CODE } from "./regions";

// The expert pool: ≥ 300 experts with achievements, availability windows and library nominations, plus the
// `expert` demo account. Accounts are given lazily (ensureExpertUser) to experts who serve, bid or self-registered.

export type ExpertInfo = {
  n: number;
  id: string;
  name: string;
  gender: Gender;
  provinceCode: string;
  zone: Zone;
  employer: string;
  title: ProfessionalTitle;
  domains: DomainKey[];
  disciplines: string[];
  industries: string[];
  skills: string[];
  forms: ServiceForm[];
  talent: TalentCategory[];
  serviceRegions: string[];
  acceptsRemote: boolean;
  maxConcurrent: number;
  status: ExpertStatus;
  usable: boolean; // ACTIVE, and (if retired) healthy and willing
  userId: string | null;
  /** Index into ctx.rows.experts, to set userId / activeEngagements once they are known. */
  rowIndex: number;
};

/** Where experts work: weighted toward the east and the large provinces. */
const EXPERT_PROVINCE_WEIGHTS: [string, number][] = [
  ["11", 30], ["33", 24], ["32", 24], ["31", 18], ["37", 16], ["44", 16], ["51", 20], ["42", 13], ["43", 11],
  ["61", 13], ["41", 9], ["35", 9], ["34", 9], ["13", 6], ["12", 5], ["21", 7], ["22", 5], ["23", 7], ["50", 8],
  ["36", 5], ["45", 5], ["53", 7], ["52", 5], ["62", 5], ["65", 5], ["14", 4], ["15", 4], ["46", 3], ["54", 2],
  ["63", 2], ["64", 3], ["66", 3],
];

const POSTS: Record<EmployerKind, Record<ProfessionalTitle, string>> = {
  agri: { SENIOR: "研究员", ASSOCIATE_SENIOR: "副研究员", INTERMEDIATE: "助理研究员", JUNIOR: "研究实习员" },
  forest: { SENIOR: "教授", ASSOCIATE_SENIOR: "副教授", INTERMEDIATE: "讲师", JUNIOR: "助教" },
  med: { SENIOR: "主任医师", ASSOCIATE_SENIOR: "副主任医师", INTERMEDIATE: "主治医师", JUNIOR: "住院医师" },
  tcm: { SENIOR: "主任中医师", ASSOCIATE_SENIOR: "副主任中医师", INTERMEDIATE: "主治中医师", JUNIOR: "中医师" },
  eng: { SENIOR: "教授", ASSOCIATE_SENIOR: "副教授", INTERMEDIATE: "讲师", JUNIOR: "助教" },
  general: { SENIOR: "教授", ASSOCIATE_SENIOR: "副教授", INTERMEDIATE: "讲师", JUNIOR: "助教" },
  edu: { SENIOR: "教授", ASSOCIATE_SENIOR: "副教授", INTERMEDIATE: "讲师", JUNIOR: "助教" },
  enterprise: { SENIOR: "正高级工程师", ASSOCIATE_SENIOR: "高级工程师", INTERMEDIATE: "工程师", JUNIOR: "助理工程师" },
};

const JOURNALS: Record<"agri" | "med" | "eng" | "soc", { zh: string[]; en: string[] }> = {
  agri: { zh: ["中国农业科学", "园艺学报", "植物保护学报", "作物学报", "畜牧兽医学报", "茶叶科学", "林业科学", "水产学报", "中国中药杂志"],
    en: ["Plant Disease", "Horticulture Research", "Journal of Integrative Agriculture", "Frontiers in Plant Science", "Aquaculture"] },
  med: { zh: ["中华医学杂志", "中国全科医学", "中华心血管病杂志", "中华预防医学杂志", "中国针灸"],
    en: ["BMJ Open", "The Lancet Regional Health – Western Pacific", "Chinese Medical Journal"] },
  eng: { zh: ["农业工程学报", "农业机械学报", "环境科学", "水利学报", "计算机学报", "化工学报", "土木工程学报"],
    en: ["Computers and Electronics in Agriculture", "Water Research", "Journal of Cleaner Production", "IEEE Access"] },
  soc: { zh: ["中国农村经济", "农业经济问题", "管理世界", "教育研究", "中国职业技术教育"],
    en: ["China Economic Review", "Journal of Rural Studies", "International Journal of Educational Development"] },
};

function journalGroup(domain: DomainKey): keyof typeof JOURNALS {
  if (["primaryCare", "tcm", "publicHealth"].includes(domain)) return "med";
  if (["econ", "education"].includes(domain)) return "soc";
  if (["digital", "machinery", "energyEnv", "water", "ruralBuild", "chem", "electronics"].includes(domain)) return "eng";
  return "agri";
}

const AWARDS_NATIONAL = ["国家科学技术进步奖二等奖", "全国农牧渔业丰收奖（农业技术推广成果奖）一等奖", "中华农业科技奖二等奖",
  "梁希林业科学技术奖二等奖", "中华医学科技奖三等奖", "中国中西医结合学会科学技术奖一等奖"];

function titleFor(rng: DemoContext["rng"], birthYear: number, retired: boolean): ProfessionalTitle {
  const { SENIOR, ASSOCIATE_SENIOR, INTERMEDIATE } = ProfessionalTitle;
  if (retired) return rng.chance(0.75) ? SENIOR : ASSOCIATE_SENIOR;
  if (birthYear >= 1988) return rng.chance(0.6) ? INTERMEDIATE : ASSOCIATE_SENIOR;
  if (birthYear >= 1980) return rng.weighted([[ASSOCIATE_SENIOR, 50], [SENIOR, 35], [INTERMEDIATE, 15]] as const);
  return rng.chance(0.68) ? SENIOR : ASSOCIATE_SENIOR;
}

const EMAIL_DOMAINS = ["163.com", "126.com", "sina.com", "foxmail.com", "aliyun.com"];

export type ExpertPool = { experts: ExpertInfo[]; demo: ExpertInfo };

/** ≥ 300 experts plus the `expert` demo account (林晓峰, index 0). */
export function buildExperts(ctx: DemoContext, admins: Admins, count = 320): ExpertPool {
  const experts: ExpertInfo[] = [buildDemoExpert(ctx, admins)];
  const rng = ctx.rng.fork("experts");
  const usedNames = new Set(experts.map((e) => e.name));
  const domainWeights = DOMAIN_KEYS.map((k) => [k, DOMAINS[k].expertWeight] as const);
  for (let n = 1; n <= count; n++) {
    const domain = rng.weighted(domainWeights);
    const d = DOMAINS[domain];
    const related = DOMAIN_KEYS.filter((k) => k !== domain && DOMAINS[k].employers.some((e) => d.employers.includes(e)));
    const second = related.length > 0 && rng.chance(0.25) ? rng.pick(related) : undefined;
    const provinceCode = rng.weighted(EXPERT_PROVINCE_WEIGHTS);
    const employer: Employer = rng.pick(employersFor(provinceCode, d.employers));
    const county = employer.county
      ? ctx.regions.countyByName(provinceCode, employer.county)
      : rng.pick(ctx.regions.capitalCounties(provinceCode));
    let person = personName(rng);
    while (usedNames.has(person.name)) person = personName(rng);
    usedNames.add(person.name);

    const retired = rng.chance(0.15);
    const birthYear = retired ? rng.int(1945, 1962) : rng.int(1963, 1992);
    const title = titleFor(rng, birthYear, retired);
    const attested = retired && rng.chance(0.5);

    const talent = new Set<TalentCategory>();
    if (retired) talent.add(TalentCategory.RETIRED);
    if (title === ProfessionalTitle.SENIOR && birthYear <= 1966 && rng.chance(0.08)) talent.add(TalentCategory.ACADEMICIAN);
    if (title !== ProfessionalTitle.INTERMEDIATE && rng.chance(0.09)) talent.add(TalentCategory.NATIONAL_TALENT_PROGRAM);
    if (rng.chance(0.22)) talent.add(TalentCategory.PROVINCIAL_TALENT_PROGRAM);
    if (title === ProfessionalTitle.SENIOR && birthYear <= 1975 && rng.chance(0.3)) talent.add(TalentCategory.SPECIAL_ALLOWANCE);
    if (!retired && rng.chance(0.13)) talent.add(TalentCategory.RETURNED_OVERSEAS);
    if (birthYear >= 1982 && rng.chance(0.3)) talent.add(TalentCategory.POSTDOC);
    if (title === ProfessionalTitle.SENIOR && rng.chance(0.12)) talent.add(TalentCategory.MAJOR_PROJECT_LEAD);
    if (rng.chance(0.08)) talent.add(TalentCategory.URGENT_NEED);
    // Most pool members carry at least one category; some ordinary 副高/中级 experts carry none.
    if (talent.size === 0 && (title === ProfessionalTitle.SENIOR || rng.chance(0.5))) {
      talent.add(rng.chance(0.5) ? TalentCategory.PROVINCIAL_TALENT_PROGRAM : TalentCategory.URGENT_NEED);
    }

    const status = n % 29 === 0 ? ExpertStatus.PENDING : n % 83 === 0 ? ExpertStatus.SUSPENDED : ExpertStatus.ACTIVE;
    const disciplines = [d.disciplines[0], ...rng.sample(d.disciplines.slice(1), rng.int(0, 1)),
      ...(second ? [DOMAINS[second].disciplines[0]] : [])];
    const industries = [...new Set([d.industries[0], ...rng.sample(d.industries.slice(1), rng.int(0, 1))])].slice(0, 2);
    const skills = [...rng.sample(d.skills, rng.int(2, 4)), ...(second ? rng.sample(DOMAINS[second].skills, 1) : [])];
    const forms = rng.sample([...new Set([...d.forms, ...(talent.has(TalentCategory.RETURNED_OVERSEAS)
      ? [ServiceForm.ACADEMIC_EXCHANGE, ServiceForm.INTERMEDIARY, ServiceForm.PART_TIME_POST] : [])])], rng.int(2, 4));
    const zone = PROVINCE_ZONES[provinceCode];
    const westward = ["51", "52", "53", "54", "62", "63", "64", "65", "45", "50", "15", "66"];
    const serviceRegions = rng.chance(0.4) ? [] : [...new Set([provinceCode,
      ...rng.sample(zone === Zone.EAST ? westward : westward.concat(["41", "42", "43", "36", "34", "14"]), rng.int(0, 3))])];
    const post = POSTS[employer.kind][title];
    const library = chooseLibraryStatus(rng, status, title, retired, attested);
    const row = expertRow({
      id: ids.expert(n),
      name: person.name,
      gender: person.gender,
      birthYear,
      employer: employer.name,
      title,
      disciplineCodes: [...new Set(disciplines)],
      industryCodes: industries,
      skills,
      bio: expertBio(rng, person.name, employer.name, post, d.label, skills, retired, ctx.regions.provinceShortName(provinceCode)),
      talentCategories: [...talent],
      regionCode: county.code,
      provinceCode,
      preferredForms: forms,
      serviceRegionCodes: serviceRegions,
      acceptsRemote: rng.chance(0.7),
      maxConcurrent: rng.int(1, 4),
      phone: mobile(rng),
      email: `${person.pinyin}${rng.int(10, 9999)}@${rng.pick(EMAIL_DOMAINS)}`,
      // 兵团 residents hold Xinjiang (65) ID numbers.
      idNumber: idNumber(rng, rng.pick(ctx.regions.counties(provinceCode === XPCC_CODE ? "65" : provinceCode)).code,
        birthYear, person.gender),
      isRetired: retired,
      healthAttestedAt: attested ? between(rng, "2026-01-05", "2026-10-30") : null,
      consentAttestedAt: attested ? between(rng, "2026-01-05", "2026-10-30") : null,
      shareAcrossRegions: rng.chance(0.6),
      status,
      libraryStatus: library,
      libraryJoinedAt: library === LibraryStatus.IN_LIBRARY || library === LibraryStatus.LEFT
        ? between(rng, "2024-06-01", "2026-06-30") : null,
      lastConfirmedAt: status === ExpertStatus.PENDING ? null : rng.weighted([
        [between(rng, "2026-01-05", "2026-11-15"), 75], [between(rng, "2024-05-01", "2025-10-31"), 20], [null, 5]] as const),
      createdAt: between(rng, "2025-12-15", "2026-10-31"),
    });
    row.updatedAt = (row.lastConfirmedAt as Date | null) ?? row.createdAt;
    ctx.rows.experts.push(row);
    const info: ExpertInfo = {
      n, id: row.id as string, name: person.name, gender: person.gender, provinceCode, zone, employer: employer.name,
      title, domains: second ? [domain, second] : [domain], disciplines: [...new Set(disciplines)], industries, skills,
      forms, talent: [...talent], serviceRegions, acceptsRemote: row.acceptsRemote as boolean,
      maxConcurrent: row.maxConcurrent as number, status, usable: status === ExpertStatus.ACTIVE && (!retired || attested),
      userId: null, rowIndex: ctx.rows.experts.length - 1,
    };
    experts.push(info);
    addAchievements(ctx, rng, info, domain);
    addAvailability(ctx, rng, info);
    addNomination(ctx, rng, info, library, admins, row.libraryJoinedAt as Date | null);
    if (status === ExpertStatus.PENDING || rng.chance(0.3)) ensureExpertUser(ctx, info);
    if (status === ExpertStatus.PENDING) ctx.rows.users[ctx.rows.users.length - 1].status = UserStatus.PENDING;
  }
  return { experts, demo: experts[0] };
}

function chooseLibraryStatus(rng: DemoContext["rng"], status: ExpertStatus, title: ProfessionalTitle, retired: boolean,
  attested: boolean): LibraryStatus {
  // The key-contact library admits experts at 副高 or above who are willing and healthy.
  const eligible = status === ExpertStatus.ACTIVE && title !== ProfessionalTitle.INTERMEDIATE && (!retired || attested);
  if (!eligible) return LibraryStatus.NONE;
  return rng.weighted([[LibraryStatus.NONE, 62], [LibraryStatus.IN_LIBRARY, 22], [LibraryStatus.NOMINATED, 9],
    [LibraryStatus.DECLINED, 4], [LibraryStatus.LEFT, 3]] as const);
}

function expertBio(rng: DemoContext["rng"], name: string, employer: string, post: string, field: string, skills: string[],
  retired: boolean, province: string): string {
  const first = `${name}，${employer}${retired ? "退休" : ""}${post}。长期从事${field}领域的科研与技术推广工作，在${skills.slice(0, 2).join("、")}等方面积累了丰富经验。`;
  const second = rng.pick([
    `主持国家和省部级科研项目${rng.int(3, 12)}项，获省部级科技奖励${rng.int(1, 5)}项。`,
    `近年来多次赴中西部地区基层开展技术服务，累计培训基层技术人员${rng.int(3, 40) * 100}人次。`,
    `作为${province}产业技术体系专家，常年在生产一线开展试验示范，多项技术被列为当地主推技术。`,
    `注重把论文写在大地上，先后在${rng.int(3, 15)}个县建立示范基地。`,
  ]);
  return first + second + (retired ? "退休后仍坚持深入生产一线，热心服务基层。" : "");
}

function addAchievements(ctx: DemoContext, rng: DemoContext["rng"], e: ExpertInfo, domain: DomainKey): void {
  const d = DOMAINS[domain];
  const journals = JOURNALS[journalGroup(domain)];
  const province = ctx.regions.provinceName(e.provinceCode);
  const count = rng.int(1, 4);
  const used = new Set<string>();
  for (let i = 0; i < count; i++) {
    const kind = rng.weighted([[AchievementKind.PAPER, 50], [AchievementKind.PATENT, 15], [AchievementKind.PROJECT, 20],
      [AchievementKind.AWARD, 15]] as const);
    const year = rng.int(2010, 2025);
    let title: string;
    let abstract: string;
    if (kind === AchievementKind.PAPER) {
      const english = rng.chance(0.35);
      title = english ? rng.pick(d.papersEn) : rng.pick(d.papersZh);
      abstract = english
        ? `Published in ${rng.pick(journals.en)}; the study provides field evidence on ${d.label} for smallholders.`
        : `发表于《${rng.pick(journals.zh)}》，针对${rng.pick(e.skills)}中的关键问题提出改进方法，成果已在基层示范应用。`;
    } else if (kind === AchievementKind.PATENT && d.patents.length > 0) {
      title = rng.pick(d.patents);
      abstract = `国家发明专利（第${rng.int(1, 3)}发明人），已授权并在${rng.int(1, 6)}家企业（合作社）实施转化。`;
    } else if (kind === AchievementKind.AWARD) {
      title = e.title === ProfessionalTitle.SENIOR && rng.chance(0.3)
        ? rng.pick(AWARDS_NATIONAL)
        : `${province}科学技术进步奖${rng.pick(["一", "二", "三"])}等奖`;
      abstract = `第${rng.int(1, 5)}完成人，获奖成果“${rng.pick(e.skills)}关键技术集成与应用”在基层推广成效显著。`;
    } else {
      title = rng.pick(d.projects);
      abstract = `作为负责人主持，执行期${year}—${year + rng.int(2, 4)}年，形成技术规程${rng.int(1, 4)}项，成果已在多地推广应用。`;
    }
    if (used.has(title)) continue;
    used.add(title);
    ctx.rows.achievements.push({
      id: ids.of("achievement", `${e.n}-${i}`), expertId: e.id,
      kind: kind === AchievementKind.PATENT && d.patents.length === 0 ? AchievementKind.PROJECT : kind,
      title, abstract, year, createdAt: SEED_NOW, updatedAt: SEED_NOW,
    });
  }
}

function addAvailability(ctx: DemoContext, rng: DemoContext["rng"], e: ExpertInfo): void {
  if (!rng.chance(0.4)) return;
  const start = between(rng, "2026-12-01", "2027-06-30");
  ctx.rows.availability.push({
    id: ids.of("availability", `${e.n}-a`), expertId: e.id, kind: AvailabilityKind.AVAILABLE,
    startsOn: dateOnly(start), endsOn: dateOnly(addDays(start, rng.int(30, 120))),
    note: rng.pick(["可赴基层驻点服务", "寒暑假期间可集中服务", "可远程指导，现场服务需提前两周预约", null]),
  });
  if (rng.chance(0.5)) {
    const from = rng.chance(0.5) ? at("2027-01-28") : between(rng, "2027-03-01", "2027-10-31");
    ctx.rows.availability.push({
      id: ids.of("availability", `${e.n}-b`), expertId: e.id, kind: AvailabilityKind.BLACKOUT,
      startsOn: dateOnly(from), endsOn: dateOnly(addDays(from, rng.int(14, 30))),
      note: rng.pick(["春节假期", "出国学术交流", "承担单位重要科研任务", "教学任务集中"]),
    });
  }
}

function addNomination(ctx: DemoContext, rng: DemoContext["rng"], e: ExpertInfo, status: LibraryStatus, admins: Admins,
  joinedAt: Date | null): void {
  if (status === LibraryStatus.NONE) return;
  const nominatedBy = admins.provinceAdmin.get(e.provinceCode) as string;
  const nominatedAt = status === LibraryStatus.NOMINATED
    ? between(rng, "2026-09-01", "2026-11-15")
    : addDays(joinedAt ?? between(rng, "2025-03-01", "2026-06-30"), -rng.int(20, 60));
  const decided = status === LibraryStatus.NOMINATED ? null : joinedAt ?? addDays(nominatedAt, rng.int(20, 50));
  const state: NominationState = {
    NONE: NominationState.NOMINATED, NOMINATED: NominationState.NOMINATED, IN_LIBRARY: NominationState.ADMITTED,
    DECLINED: NominationState.DECLINED, LEFT: NominationState.ADMITTED,
  }[status];
  ctx.rows.nominations.push({
    id: ids.of("nomination", e.n), expertId: e.id, provinceCode: e.provinceCode, nominatedById: nominatedBy,
    reason: `${e.name}长期服务基层，在${e.skills[0]}方面专业能力突出，本人自愿参加专家服务基层活动，身体健康，推荐纳入重点联系专家库。`,
    state, decidedById: decided ? admins.ministryUserId : null, decidedAt: decided,
    decisionReason: status === LibraryStatus.DECLINED ? "本年度该领域入库名额已满，建议下一批次再行推荐。"
      : status === LibraryStatus.LEFT ? "同意入库。（2026年本人申请退出）" : decided ? "同意入库。" : null,
    createdAt: nominatedAt, updatedAt: decided ?? nominatedAt,
  });
}

/** Gives an expert an EXPERT account `expert-<n>` (the demo expert has `expert`), once; returns the user id. */
export function ensureExpertUser(ctx: DemoContext, e: ExpertInfo): string {
  if (e.userId) return e.userId;
  const username = e.n === 0 ? "expert" : `expert-${e.n}`;
  const row = ctx.rows.experts[e.rowIndex];
  e.userId = addUser(ctx, { username, displayName: e.name, role: Role.EXPERT,
    createdAt: (row.createdAt as Date | undefined) ?? SEED_NOW, phone: row.phone ?? null });
  row.userId = e.userId;
  return e.userId;
}

function buildDemoExpert(ctx: DemoContext, admins: Admins): ExpertInfo {
  const account = demoAccount("expert");
  const id = ids.expert(0);
  const skills = ["猕猴桃溃疡病防治", "果园绿色防控", "果树病害分子诊断", "柑橘黄龙病综合防控", "果品采后商品化处理"];
  const forms = [ServiceForm.TECH_GUIDANCE, ServiceForm.TECH_PROMOTION, ServiceForm.DEMONSTRATION_TEACHING,
    ServiceForm.JOINT_RESEARCH, ServiceForm.THEMED_LECTURE];
  const talent = [TalentCategory.NATIONAL_TALENT_PROGRAM, TalentCategory.SPECIAL_ALLOWANCE, TalentCategory.RETURNED_OVERSEAS];
  const joined = at("2025-07-18T15:00:00+08:00");
  const row = expertRow({
    id, name: account.displayName, gender: Gender.MALE, birthYear: 1972, employer: "浙江大学", title: ProfessionalTitle.SENIOR,
    disciplineCodes: ["21060", "21040"], industryCodes: ["01", "05"], skills,
    bio: "林晓峰，浙江大学农业与生物技术学院教授、博士生导师，国家现代农业产业技术体系岗位科学家。2003年于美国康奈尔大学获植物病理学博士学位后回国工作，长期从事果树病害流行规律与绿色防控研究。主持国家重点研发计划课题等项目12项，获国家科学技术进步奖二等奖1项、浙江省科学技术进步奖一等奖1项。2019年起每年赴四川、贵州猕猴桃产区开展服务，带出本土植保技术骨干40余名。",
    talentCategories: talent, regionCode: "330106", provinceCode: "33", preferredForms: forms,
    serviceRegionCodes: ["51", "52", "62", "65"], acceptsRemote: true, maxConcurrent: 5,
    phone: "13857100000", email: "linxiaofeng@example.edu.cn",
    idNumber: idNumber(ctx.rng.fork("demo-expert"), "330106", 1972, Gender.MALE),
    isRetired: false, shareAcrossRegions: true, status: ExpertStatus.ACTIVE, libraryStatus: LibraryStatus.IN_LIBRARY,
    libraryJoinedAt: joined, lastConfirmedAt: at("2026-09-12T20:15:00+08:00"), createdAt: at("2025-12-20T10:00:00+08:00"),
    updatedAt: at("2026-09-12T20:15:00+08:00"),
  });
  ctx.rows.experts.push(row);
  const info: ExpertInfo = {
    n: 0, id, name: account.displayName, gender: Gender.MALE, provinceCode: "33", zone: Zone.EAST, employer: "浙江大学",
    title: ProfessionalTitle.SENIOR, domains: ["fruit"], disciplines: ["21060", "21040"], industries: ["01", "05"],
    skills, forms, talent, serviceRegions: ["51", "52", "62", "65"], acceptsRemote: true, maxConcurrent: 5,
    status: ExpertStatus.ACTIVE, usable: true, userId: null, rowIndex: ctx.rows.experts.length - 1,
  };
  ensureExpertUser(ctx, info);
  const achievements: [AchievementKind, string, string, number][] = [
    [AchievementKind.PAPER, "猕猴桃溃疡病菌致病机制及综合防控技术研究",
      "发表于《植物保护学报》，阐明了溃疡病菌在川西产区的越冬侵染规律，提出“冬季清园+伤口保护+生防菌剂”综合防控方案。", 2021],
    [AchievementKind.PAPER, "Integrated management of kiwifruit bacterial canker caused by Pseudomonas syringae pv. actinidiae in Southwest China",
      "Published in Plant Disease; a three-year field study across 42 orchards in Sichuan and Guizhou.", 2023],
    [AchievementKind.PATENT, "一种猕猴桃溃疡病生防菌剂及其制备方法",
      "国家发明专利（第1发明人），已在四川蒲江、苍溪等地5家合作社实施转化。", 2022],
    [AchievementKind.AWARD, "国家科学技术进步奖二等奖",
      "第2完成人，获奖成果“猕猴桃主要病害绿色防控关键技术创建与应用”累计推广120万亩。", 2024],
  ];
  achievements.forEach(([kind, title, abstract, year], i) => ctx.rows.achievements.push({
    id: ids.of("achievement", `0-${i}`), expertId: id, kind, title, abstract, year, createdAt: SEED_NOW, updatedAt: SEED_NOW,
  }));
  ctx.rows.availability.push(
    { id: ids.of("availability", "0-a"), expertId: id, kind: AvailabilityKind.AVAILABLE, startsOn: dateOnly("2026-12-01"),
      endsOn: dateOnly("2026-12-31"), note: "学期末，可远程指导" },
    { id: ids.of("availability", "0-b"), expertId: id, kind: AvailabilityKind.BLACKOUT, startsOn: dateOnly("2027-01-25"),
      endsOn: dateOnly("2027-02-20"), note: "春节及寒假" },
    { id: ids.of("availability", "0-c"), expertId: id, kind: AvailabilityKind.AVAILABLE, startsOn: dateOnly("2027-03-01"),
      endsOn: dateOnly("2027-05-31"), note: "春季果园管理关键期，可赴西部产区驻点" },
  );
  ctx.rows.nominations.push({
    id: ids.of("nomination", 0), expertId: id, provinceCode: "33", nominatedById: admins.provinceAdmin.get("33") as string,
    reason: "林晓峰教授长期服务中西部猕猴桃产区，专业能力突出，本人自愿参加专家服务基层活动，身体健康，推荐纳入重点联系专家库。",
    state: NominationState.ADMITTED, decidedById: admins.ministryUserId, decidedAt: joined, decisionReason: "同意入库。",
    createdAt: at("2025-05-26T10:30:00+08:00"), updatedAt: joined,
  });
  return info;
}
