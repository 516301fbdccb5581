import type { Tx } from "@/lib/db";
import { DeliveryMode, ProgramCode, ServiceForm, TalentCategory } from "@/lib/generated/prisma/client";
import { stableId } from "./random";
import { createManyInBatches, seedRegions } from "./regions";

// Reference data: disciplines (GB/T 13745-2009), industries (GB/T 4754-2017), the 服务菜单, the three programs.
// Written as upserts so that seeding a database that already has them changes nothing.

type CodeRow = { code: string; name: string; parentCode: string | null };

/** "210 农学" lines → rows; a 5-digit code's parent is its first three digits. */
function parseCodes(text: string, parentOf: (code: string) => string | null): CodeRow[] {
  return text
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [code, ...rest] = line.split(" ");
      return { code, name: rest.join(" "), parentCode: parentOf(code) };
    });
}

// GB/T 13745-2009: all first-level disciplines, and second-level ones for the fields that serve the grassroots.
// (In this standard 840 is 社会学 and 880 is 教育学.)
const DISCIPLINE_TEXT = `
110 数学
120 信息科学与系统科学
130 力学
140 物理学
150 化学
160 天文学
170 地球科学
180 生物学
190 心理学
210 农学
220 林学
230 畜牧、兽医科学
240 水产学
310 基础医学
320 临床医学
330 预防医学与公共卫生学
340 军事医学与特种医学
350 药学
360 中医学与中药学
410 工程与技术科学基础学科
413 信息与系统科学相关工程与技术
416 自然科学相关工程与技术
420 测绘科学技术
430 材料科学
440 矿山工程技术
450 冶金工程技术
460 机械工程
470 动力与电气工程
480 能源科学技术
490 核科学技术
510 电子与通信技术
520 计算机科学技术
530 化学工程
535 产品应用相关工程与技术
540 纺织科学技术
550 食品科学技术
560 土木建筑工程
570 水利工程
580 交通运输工程
590 航空、航天科学技术
610 环境科学技术及资源科学技术
620 安全科学技术
630 管理学
710 马克思主义
720 哲学
730 宗教学
740 语言学
750 文学
760 艺术学
770 历史学
780 考古学
790 经济学
810 政治学
820 法学
830 军事学
840 社会学
850 民族学与文化学
860 新闻学与传播学
870 图书馆、情报与文献学
880 教育学
890 体育科学
910 统计学
17015 大气科学
17045 地理学
18044 生态学
18051 植物学
18054 昆虫学
18061 微生物学
21020 农业基础学科
21030 农艺学
21040 园艺学
21045 农产品贮藏与加工
21050 土壤学
21060 植物保护学
21099 农学其他学科
22015 林木遗传育种学
22020 森林培育学
22030 森林保护学
22045 经济林学
22050 园林学
22055 林业工程
22065 林业经济学
23020 畜牧学
23030 兽医学
23099 畜牧、兽医科学其他学科
24015 水产增殖学
24020 水产养殖学
24025 水产饲料学
24030 水产保护学
24040 水产品贮藏与加工
31044 病理学
32011 临床诊断学
32021 麻醉学
32024 内科学
32027 外科学
32031 妇产科学
32034 儿科学
32037 眼科学
32044 口腔医学
32061 急诊医学
32065 全科医学
32067 肿瘤学
32071 护理学
33011 营养学
33021 流行病学
33054 妇幼卫生学
33077 健康促进与健康教育学
33081 卫生管理学
35035 药剂学
36010 中医学
36020 民族医学
36030 中西医结合医学
36040 中药学
41310 控制科学与技术
41640 生物工程
41650 农业工程
42020 摄影测量与遥感技术
43050 有机高分子材料
43055 复合材料
46020 机械设计
46025 机械制造工艺与设备
46050 机械制造自动化
47040 电气工程
48040 储能技术
48050 节能技术
48070 二次能源
51010 电子技术
51030 半导体技术
51050 通信技术
52020 人工智能
52040 计算机软件
52060 计算机应用
53054 精细化学工程
53064 制药工程
53067 生物化学工程
55020 食品加工技术
55030 食品包装与储藏
55050 食品加工的副产品加工与利用
55070 食品工程与粮油工程
56040 土木建筑工程设计
56045 土木建筑工程施工
56055 市政工程
57040 水处理
57055 环境水利
57060 水利管理
57065 防洪工程
61020 环境学
61030 环境工程学
61050 资源科学技术
62030 安全工程技术科学
63040 企业管理
63044 公共管理
63055 人力资源开发与管理
79021 发展经济学
79041 技术经济学
79057 农村经济学
79059 农业经济学
79067 旅游经济学
84064 发展社会学
88041 教育技术学
88051 普通教育学
88061 职业技术教育学
`;

// GB/T 4754-2017: all 20 sections (门类) and 97 divisions (大类).
const INDUSTRY_SECTIONS = `
A 农、林、牧、渔业
B 采矿业
C 制造业
D 电力、热力、燃气及水生产和供应业
E 建筑业
F 批发和零售业
G 交通运输、仓储和邮政业
H 住宿和餐饮业
I 信息传输、软件和信息技术服务业
J 金融业
K 房地产业
L 租赁和商务服务业
M 科学研究和技术服务业
N 水利、环境和公共设施管理业
O 居民服务、修理和其他服务业
P 教育
Q 卫生和社会工作
R 文化、体育和娱乐业
S 公共管理、社会保障和社会组织
T 国际组织
`;

const INDUSTRY_DIVISIONS = `
A 01 农业
A 02 林业
A 03 畜牧业
A 04 渔业
A 05 农、林、牧、渔专业及辅助性活动
B 06 煤炭开采和洗选业
B 07 石油和天然气开采业
B 08 黑色金属矿采选业
B 09 有色金属矿采选业
B 10 非金属矿采选业
B 11 开采专业及辅助性活动
B 12 其他采矿业
C 13 农副食品加工业
C 14 食品制造业
C 15 酒、饮料和精制茶制造业
C 16 烟草制品业
C 17 纺织业
C 18 纺织服装、服饰业
C 19 皮革、毛皮、羽毛及其制品和制鞋业
C 20 木材加工和木、竹、藤、棕、草制品业
C 21 家具制造业
C 22 造纸和纸制品业
C 23 印刷和记录媒介复制业
C 24 文教、工美、体育和娱乐用品制造业
C 25 石油、煤炭及其他燃料加工业
C 26 化学原料和化学制品制造业
C 27 医药制造业
C 28 化学纤维制造业
C 29 橡胶和塑料制品业
C 30 非金属矿物制品业
C 31 黑色金属冶炼和压延加工业
C 32 有色金属冶炼和压延加工业
C 33 金属制品业
C 34 通用设备制造业
C 35 专用设备制造业
C 36 汽车制造业
C 37 铁路、船舶、航空航天和其他运输设备制造业
C 38 电气机械和器材制造业
C 39 计算机、通信和其他电子设备制造业
C 40 仪器仪表制造业
C 41 其他制造业
C 42 废弃资源综合利用业
C 43 金属制品、机械和设备修理业
D 44 电力、热力生产和供应业
D 45 燃气生产和供应业
D 46 水的生产和供应业
E 47 房屋建筑业
E 48 土木工程建筑业
E 49 建筑安装业
E 50 建筑装饰、装修和其他建筑业
F 51 批发业
F 52 零售业
G 53 铁路运输业
G 54 道路运输业
G 55 水上运输业
G 56 航空运输业
G 57 管道运输业
G 58 多式联运和运输代理业
G 59 装卸搬运和仓储业
G 60 邮政业
H 61 住宿业
H 62 餐饮业
I 63 电信、广播电视和卫星传输服务
I 64 互联网和相关服务
I 65 软件和信息技术服务业
J 66 货币金融服务
J 67 资本市场服务
J 68 保险业
J 69 其他金融业
K 70 房地产业
L 71 租赁业
L 72 商务服务业
M 73 研究和试验发展
M 74 专业技术服务业
M 75 科技推广和应用服务业
N 76 水利管理业
N 77 生态保护和环境治理业
N 78 公共设施管理业
N 79 土地管理业
O 80 居民服务业
O 81 机动车、电子产品和日用产品修理业
O 82 其他服务业
P 83 教育
Q 84 卫生
Q 85 社会工作
R 86 新闻和出版业
R 87 广播、电视、电影和录音制作业
R 88 文化艺术业
R 89 体育
R 90 娱乐业
S 91 中国共产党机关
S 92 国家机构
S 93 人民政协、民主党派
S 94 社会保障
S 95 群众团体、社会团体和其他成员组织
S 96 基层群众自治组织及其他组织
T 97 国际组织
`;

export const DISCIPLINES: CodeRow[] = parseCodes(DISCIPLINE_TEXT, (code) => (code.length === 5 ? code.slice(0, 3) : null));

export const INDUSTRIES: CodeRow[] = [
  ...parseCodes(INDUSTRY_SECTIONS, () => null),
  ...INDUSTRY_DIVISIONS.split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => {
      const [section, code, ...rest] = l.split(" ");
      return { code, name: rest.join(" "), parentCode: section };
    }),
];

export const DISCIPLINE_NAMES = new Map(DISCIPLINES.map((d) => [d.code, d.name]));
export const INDUSTRY_NAMES = new Map(INDUSTRIES.map((d) => [d.code, d.name]));

export type MenuItemSeed = {
  form: ServiceForm;
  name: string;
  description: string;
  typicalDurationDays: number;
  delivery: DeliveryMode;
};

const { ONSITE, REMOTE, EITHER } = DeliveryMode;

/** 服务菜单 (点餐式服务): at least two items for every service form named in the notice. */
export const SERVICE_MENU: MenuItemSeed[] = [
  { form: ServiceForm.TECH_GUIDANCE, name: "果树病虫害现场诊断", delivery: ONSITE, typicalDurationDays: 3,
    description: "专家到果园现场识别病虫害种类、评估发生程度，提出绿色防控与科学用药方案。" },
  { form: ServiceForm.TECH_GUIDANCE, name: "畜禽疫病防控技术指导", delivery: ONSITE, typicalDurationDays: 5,
    description: "针对规模养殖场和散养户开展疫病风险排查、免疫程序优化和生物安全体系建设指导。" },
  { form: ServiceForm.TECH_GUIDANCE, name: "设施农业生产技术指导", delivery: ONSITE, typicalDurationDays: 7,
    description: "围绕大棚温光水肥管理、连作障碍治理和茬口安排，驻点开展全生育期技术指导。" },
  { form: ServiceForm.TECH_GUIDANCE, name: "企业生产工艺技术诊断", delivery: EITHER, typicalDurationDays: 5,
    description: "对企业生产线、工艺参数和质量控制环节进行诊断，提出降本增效和质量提升建议。" },
  { form: ServiceForm.TECH_PROMOTION, name: "新品种新技术示范推广", delivery: ONSITE, typicalDurationDays: 30,
    description: "建设示范田（园、场），引进展示新品种、新技术，组织现场观摩，带动周边农户应用。" },
  { form: ServiceForm.TECH_PROMOTION, name: "绿色高效技术集成示范", delivery: ONSITE, typicalDurationDays: 60,
    description: "集成节水、节肥、减药等绿色生产技术，形成可复制的技术模式并在县域推广。" },
  { form: ServiceForm.TECH_PROMOTION, name: "农机装备推广应用", delivery: ONSITE, typicalDurationDays: 15,
    description: "针对丘陵山区和特色作物，推广适用农机装备，开展机具选型、操作和维修培训。" },
  { form: ServiceForm.JOINT_RESEARCH, name: "产业关键技术联合攻关", delivery: EITHER, typicalDurationDays: 180,
    description: "专家团队与基层单位共同立项，围绕制约产业发展的关键技术开展试验研究和中试。" },
  { form: ServiceForm.JOINT_RESEARCH, name: "企业技术难题联合攻关", delivery: EITHER, typicalDurationDays: 120,
    description: "围绕企业提出的技术难题组建攻关小组，明确任务书、节点目标和成果归属。" },
  { form: ServiceForm.DECISION_CONSULTING, name: "县域产业发展规划咨询", delivery: EITHER, typicalDurationDays: 20,
    description: "调研县域资源禀赋和产业基础，为主导产业发展规划、项目布局提供咨询意见。" },
  { form: ServiceForm.DECISION_CONSULTING, name: "重大项目论证评估", delivery: EITHER, typicalDurationDays: 10,
    description: "对拟建重大项目的技术路线、投资效益和风险进行论证，出具专家评估意见。" },
  { form: ServiceForm.DECISION_CONSULTING, name: "乡村建设规划设计咨询", delivery: EITHER, typicalDurationDays: 20,
    description: "为村庄规划、人居环境整治、传统村落保护利用提供规划设计咨询。" },
  { form: ServiceForm.JOINT_TRAINING, name: "联合培养研究生/技术骨干", delivery: EITHER, typicalDurationDays: 365,
    description: "依托专家所在单位与基层单位共建实践基地，联合培养研究生和本土技术骨干。" },
  { form: ServiceForm.JOINT_TRAINING, name: "基层卫技人员进修培养", delivery: ONSITE, typicalDurationDays: 90,
    description: "接收基层医疗卫生机构骨干到上级医院进修，或由专家到基层开展系统化培养。" },
  { form: ServiceForm.MENTORSHIP, name: "师徒结对带徒", delivery: EITHER, typicalDurationDays: 180,
    description: "专家与基层技术人员结成师徒，制定带教计划，定期指导、考核出师。" },
  { form: ServiceForm.MENTORSHIP, name: "乡土人才传帮带", delivery: ONSITE, typicalDurationDays: 90,
    description: "面向种养大户、家庭农场主和乡村工匠，开展一对一跟踪帮带。" },
  { form: ServiceForm.TOURING_LECTURE, name: "巡回讲学", delivery: ONSITE, typicalDurationDays: 7,
    description: "专家团赴多个乡镇、村巡回授课，课堂讲授与田间示范相结合。" },
  { form: ServiceForm.TOURING_LECTURE, name: "科技下乡巡回培训", delivery: ONSITE, typicalDurationDays: 10,
    description: "结合农时季节，组织专家进村入户开展实用技术培训和咨询。" },
  { form: ServiceForm.THEMED_LECTURE, name: "专题授课", delivery: EITHER, typicalDurationDays: 1,
    description: "围绕单位点单的专题开展集中授课，可现场或线上进行。" },
  { form: ServiceForm.THEMED_LECTURE, name: "线上专题讲座", delivery: REMOTE, typicalDurationDays: 1,
    description: "通过视频会议面向基层一线开展专题讲座和在线答疑。" },
  { form: ServiceForm.DEMONSTRATION_TEACHING, name: "示范带教", delivery: ONSITE, typicalDurationDays: 30,
    description: "专家在生产一线亲自操作示范，手把手带教技术人员掌握关键环节。" },
  { form: ServiceForm.DEMONSTRATION_TEACHING, name: "临床示范带教", delivery: ONSITE, typicalDurationDays: 30,
    description: "专家在基层医院开展查房、手术和疑难病例讨论示范，提升临床诊疗水平。" },
  { form: ServiceForm.PUBLIC_WELFARE, name: "义诊与健康讲座", delivery: ONSITE, typicalDurationDays: 3,
    description: "组织专家深入乡村开展义诊、健康筛查和健康知识讲座。" },
  { form: ServiceForm.PUBLIC_WELFARE, name: "科普惠民服务", delivery: ONSITE, typicalDurationDays: 2,
    description: "面向群众开展科学普及、防灾减灾和食品安全等公益性服务。" },
  { form: ServiceForm.RESULT_TRANSFER, name: "科技成果转化对接", delivery: EITHER, typicalDurationDays: 60,
    description: "推介适用科技成果，促成专家团队与基层单位开展技术转让、许可或作价入股。" },
  { form: ServiceForm.RESULT_TRANSFER, name: "专利技术许可与转化指导", delivery: EITHER, typicalDurationDays: 30,
    description: "指导企业开展专利布局、技术许可谈判和转化实施。" },
  { form: ServiceForm.STARTUP, name: "领办创办科技型企业", delivery: ONSITE, typicalDurationDays: 365,
    description: "支持专家携成果在基层领办、创办科技型企业或合作社，带动产业发展。" },
  { form: ServiceForm.STARTUP, name: "创业孵化辅导", delivery: EITHER, typicalDurationDays: 90,
    description: "为返乡创业人员和初创企业提供商业模式、技术路线和融资辅导。" },
  { form: ServiceForm.PART_TIME_POST, name: "兼职挂职", delivery: ONSITE, typicalDurationDays: 180,
    description: "专家到基层单位兼任技术职务或挂职，保留原单位岗位和待遇。" },
  { form: ServiceForm.PART_TIME_POST, name: "科技副县（镇）长挂职", delivery: ONSITE, typicalDurationDays: 365,
    description: "选派专家到县、乡镇挂任科技副职，统筹推进当地科技工作。" },
  { form: ServiceForm.ACADEMIC_EXCHANGE, name: "学术交流", delivery: EITHER, typicalDurationDays: 3,
    description: "组织学术报告、研讨会，促进基层与高校院所、海外专家交流合作。" },
  { form: ServiceForm.ACADEMIC_EXCHANGE, name: "技术论坛与现场观摩", delivery: ONSITE, typicalDurationDays: 2,
    description: "举办产业技术论坛，组织观摩示范基地，交流先进经验。" },
  { form: ServiceForm.INTERMEDIARY, name: "技术中介服务", delivery: EITHER, typicalDurationDays: 30,
    description: "为基层单位对接技术、人才、资本等资源，提供技术经纪和评估服务。" },
  { form: ServiceForm.INTERMEDIARY, name: "国际技术合作对接", delivery: EITHER, typicalDurationDays: 30,
    description: "发挥留学回国人才优势，对接海外技术、设备和合作伙伴。" },
];

export const PROGRAMS: { code: ProgramCode; name: string; description: string }[] = [
  { code: ProgramCode.EXPERT_SERVICE, name: "专家服务基层行动",
    description: "组织两院院士、国家和省部级人才工程入选者等高层次专家深入基层一线，开展技术指导、科技推广、联合攻关和人才培养，服务乡村全面振兴和区域协调发展。" },
  { code: ProgramCode.OVERSEAS_TALENT, name: "海外赤子为国服务行动计划",
    description: "组织高层次留学回国人才和海外专家回国（来华）服务，通过兼职、讲学、联合攻关、技术中介等方式，服务国家战略和地方发展。" },
  { code: ProgramCode.POSTDOC_SERVICE, name: "博士后科技服务团",
    description: "组织高水平博士后研究人员组团赴基层，围绕地方产业发展和企业技术难题开展科技服务和成果对接。" },
];

export const SERVICE_FORM_LABELS: Record<ServiceForm, string> = {
  TECH_GUIDANCE: "技术指导",
  TECH_PROMOTION: "科技推广",
  JOINT_RESEARCH: "联合攻关",
  DECISION_CONSULTING: "决策咨询",
  JOINT_TRAINING: "联合培养",
  MENTORSHIP: "师徒结对",
  TOURING_LECTURE: "巡回讲学",
  THEMED_LECTURE: "专题授课",
  DEMONSTRATION_TEACHING: "示范带教",
  PUBLIC_WELFARE: "公益服务",
  RESULT_TRANSFER: "成果转化",
  STARTUP: "创办企业",
  PART_TIME_POST: "兼职挂职",
  ACADEMIC_EXCHANGE: "学术交流",
  INTERMEDIARY: "中介服务",
};

export const TALENT_CATEGORY_LABELS: Record<TalentCategory, string> = {
  ACADEMICIAN: "两院院士",
  NATIONAL_TALENT_PROGRAM: "国家级重大人才工程入选者",
  PROVINCIAL_TALENT_PROGRAM: "省部级人才工程入选者",
  MAJOR_PROJECT_LEAD: "承担重大科技攻关任务",
  URGENT_NEED: "地方急需紧缺专家",
  SPECIAL_ALLOWANCE: "享受政府特殊津贴专家",
  RETURNED_OVERSEAS: "高层次留学回国人才",
  POSTDOC: "高水平博士后",
  RETIRED: "退休专家",
};

/** Fixed, so that seeding a fresh database twice gives identical rows. */
const MENU_SINCE = new Date("2025-12-01T09:00:00+08:00");

export function menuItemId(name: string): string {
  return stableId("menu", name);
}

async function upsertCodes(
  rows: CodeRow[],
  existing: CodeRow[],
  insert: (batch: CodeRow[]) => Promise<unknown>,
  update: (row: CodeRow) => Promise<unknown>,
): Promise<number> {
  const old = new Map(existing.map((r) => [r.code, r]));
  const roots = rows.filter((r) => r.parentCode === null && !old.has(r.code));
  const children = rows.filter((r) => r.parentCode !== null && !old.has(r.code));
  await createManyInBatches(roots, insert);
  await createManyInBatches(children, insert);
  const changed = rows.filter((r) => {
    const o = old.get(r.code);
    return o !== undefined && (o.name !== r.name || o.parentCode !== r.parentCode);
  });
  for (const r of changed) await update(r);
  return roots.length + children.length + changed.length;
}

export type ReferenceSummary = { regions: number; disciplines: number; industries: number; menuItems: number; programs: number };

/**
 * Regions, disciplines, industries, the service menu and the programs. Idempotent: rows are matched on their codes
 * (menu items on their name), missing ones are inserted and changed ones corrected. Returns how many rows were written.
 */
export async function seedReferenceData(tx: Tx): Promise<ReferenceSummary> {
  const regions = await seedRegions(tx);

  const disciplines = await upsertCodes(DISCIPLINES, await tx.discipline.findMany(),
    (data) => tx.discipline.createMany({ data, skipDuplicates: true }),
    (r) => tx.discipline.update({ where: { code: r.code }, data: { name: r.name, parentCode: r.parentCode } }));

  const industries = await upsertCodes(INDUSTRIES, await tx.industry.findMany(),
    (data) => tx.industry.createMany({ data, skipDuplicates: true }),
    (r) => tx.industry.update({ where: { code: r.code }, data: { name: r.name, parentCode: r.parentCode } }));

  const oldMenu = new Map((await tx.serviceMenuItem.findMany()).map((m) => [m.name, m]));
  const menuRows = SERVICE_MENU.map((m, i) => ({ ...m, sortOrder: (i + 1) * 10 }));
  const newMenu = menuRows.filter((m) => !oldMenu.has(m.name));
  await tx.serviceMenuItem.createMany({
    data: newMenu.map((m) => ({ id: menuItemId(m.name), ...m, createdAt: MENU_SINCE, updatedAt: MENU_SINCE })),
    skipDuplicates: true,
  });
  let menuItems = newMenu.length;
  for (const m of menuRows) {
    const o = oldMenu.get(m.name);
    if (o && (o.form !== m.form || o.description !== m.description || o.typicalDurationDays !== m.typicalDurationDays ||
        o.delivery !== m.delivery || o.sortOrder !== m.sortOrder)) {
      await tx.serviceMenuItem.update({ where: { name: m.name }, data: m });
      menuItems++;
    }
  }

  const oldPrograms = new Map((await tx.program.findMany()).map((p) => [p.code, p]));
  let programs = 0;
  for (const p of PROGRAMS) {
    const o = oldPrograms.get(p.code);
    if (o && o.name === p.name && o.description === p.description) continue;
    await tx.program.upsert({
      where: { code: p.code },
      create: { id: stableId("program", p.code), ...p },
      update: { name: p.name, description: p.description },
    });
    programs++;
  }

  return { regions, disciplines, industries, menuItems, programs };
}
