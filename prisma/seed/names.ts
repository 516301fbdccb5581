import { Gender } from "@/lib/generated/prisma/client";
import type { EmployerKind } from "./domains";
import type { Rng } from "./random";

// Chinese personal names and expert employers for demo data. Surnames follow their rough frequency in China.

/** [surname, pinyin, weight] — weights approximate shares of the population (‰). */
const SURNAMES: [string, string, number][] = [
  ["王", "wang", 71], ["李", "li", 70], ["张", "zhang", 68], ["刘", "liu", 53], ["陈", "chen", 45], ["杨", "yang", 32],
  ["黄", "huang", 22], ["赵", "zhao", 22], ["吴", "wu", 20], ["周", "zhou", 19], ["徐", "xu", 13], ["孙", "sun", 12],
  ["马", "ma", 12], ["朱", "zhu", 11], ["胡", "hu", 11], ["郭", "guo", 10], ["何", "he", 9], ["林", "lin", 9],
  ["高", "gao", 9], ["罗", "luo", 9], ["郑", "zheng", 8], ["梁", "liang", 8], ["谢", "xie", 6], ["宋", "song", 6],
  ["唐", "tang", 6], ["许", "xu", 5], ["邓", "deng", 5], ["冯", "feng", 5], ["韩", "han", 5], ["曹", "cao", 5],
  ["曾", "zeng", 5], ["彭", "peng", 5], ["肖", "xiao", 4], ["蔡", "cai", 4], ["潘", "pan", 4], ["田", "tian", 4],
  ["董", "dong", 4], ["袁", "yuan", 4], ["于", "yu", 4], ["余", "yu", 4], ["叶", "ye", 4], ["蒋", "jiang", 4],
  ["杜", "du", 4], ["苏", "su", 4], ["魏", "wei", 3], ["程", "cheng", 3], ["吕", "lv", 3], ["丁", "ding", 3],
  ["沈", "shen", 3], ["任", "ren", 3], ["姚", "yao", 3], ["卢", "lu", 3], ["傅", "fu", 3], ["钟", "zhong", 3],
  ["姜", "jiang", 3], ["崔", "cui", 3], ["谭", "tan", 3], ["廖", "liao", 3], ["范", "fan", 3], ["汪", "wang", 3],
  ["陆", "lu", 3], ["金", "jin", 3], ["石", "shi", 2], ["戴", "dai", 2], ["贾", "jia", 2], ["韦", "wei", 2],
  ["夏", "xia", 2], ["邱", "qiu", 2], ["方", "fang", 2], ["侯", "hou", 2], ["邹", "zou", 2], ["熊", "xiong", 2],
  ["孟", "meng", 2], ["秦", "qin", 2], ["白", "bai", 2], ["江", "jiang", 2], ["闫", "yan", 2], ["薛", "xue", 2],
  ["尹", "yin", 2], ["段", "duan", 2], ["雷", "lei", 2], ["黎", "li", 2], ["史", "shi", 2], ["龙", "long", 2],
  ["陶", "tao", 2], ["贺", "he", 2], ["顾", "gu", 2], ["毛", "mao", 2], ["郝", "hao", 2], ["龚", "gong", 2],
  ["邵", "shao", 2], ["万", "wan", 2], ["钱", "qian", 2], ["严", "yan", 2], ["覃", "qin", 1], ["武", "wu", 1],
  ["向", "xiang", 1], ["莫", "mo", 1], ["孔", "kong", 1], ["汤", "tang", 1], ["欧阳", "ouyang", 1], ["司马", "sima", 0.3],
];

const MALE_CHARS = "伟强军磊涛斌杰勇峰建国明辉刚华平亮志文博鹏飞宇浩然俊海波林东晨阳振宏昌德成鑫坤龙瑞天翔立新永胜宁远学武庆松兵"
  .split("");
const FEMALE_CHARS = "芳娟敏静丽艳霞婷雪琳玲燕红梅莉颖慧倩洁萍兰华英秀琴丹蓉晶莹佳欣悦怡菲薇雯璐妍露清云凤秋"
  .split("");
const NEUTRAL_CHARS = "文晓春秋海思子嘉一立宁安志永明新玉"
  .split("");

export type PersonName = { name: string; surname: string; pinyin: string; gender: Gender };

export function personName(rng: Rng, gender?: Gender): PersonName {
  const g = gender ?? (rng.chance(0.68) ? Gender.MALE : Gender.FEMALE);
  const [surname, pinyin] = rng.weighted(SURNAMES.map((s) => [[s[0], s[1]] as const, s[2]] as const));
  const pool = g === Gender.MALE ? MALE_CHARS : FEMALE_CHARS;
  const given = rng.chance(0.3)
    ? rng.pick(pool)
    : (rng.chance(0.35) ? rng.pick(NEUTRAL_CHARS) : rng.pick(pool)) + rng.pick(pool);
  return { name: surname + given, surname, pinyin, gender: g };
}

/** A fake mainland mobile number (1xx xxxx xxxx). */
export function mobile(rng: Rng): string {
  const prefix = rng.pick(["133", "135", "136", "137", "138", "139", "150", "151", "152", "158", "159", "177", "180",
    "181", "186", "187", "189", "199"]);
  return prefix + String(rng.int(0, 99_999_999)).padStart(8, "0");
}

/** An 18-character resident ID of valid structure (GB 11643 check digit); the person is fictional. */
export function idNumber(rng: Rng, regionCode: string, birthYear: number, gender: Gender): string {
  const month = String(rng.int(1, 12)).padStart(2, "0");
  const day = String(rng.int(1, 28)).padStart(2, "0");
  let seq = rng.int(0, 499) * 2 + (gender === Gender.MALE ? 1 : 0);
  if (seq > 999) seq -= 2;
  const body = `${regionCode.padEnd(6, "0").slice(0, 6)}${birthYear}${month}${day}${String(seq).padStart(3, "0")}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = body.split("").reduce((acc, ch, i) => acc + Number(ch) * weights[i], 0);
  return body + "10X98765432"[sum % 11];
}

export type Employer = { name: string; kind: EmployerKind; county?: string; domain?: string };

/**
 * Real-sounding employers by province. `county` pins the employer's district when it is not in the capital city
 * (e.g. 西北农林科技大学 in 杨陵区); otherwise experts are placed in a district of the provincial capital.
 */
export const EMPLOYERS: Record<string, Employer[]> = {
  "11": [
    { name: "中国农业大学", kind: "agri", county: "海淀区" }, { name: "中国农业科学院", kind: "agri", county: "海淀区" },
    { name: "北京林业大学", kind: "forest", county: "海淀区" }, { name: "北京市农林科学院", kind: "agri", county: "海淀区" },
    { name: "中国中医科学院", kind: "tcm", county: "东城区" }, { name: "北京协和医院", kind: "med", county: "东城区" },
    { name: "北京大学第一医院", kind: "med", county: "西城区" }, { name: "清华大学", kind: "eng", county: "海淀区" },
    { name: "北京理工大学", kind: "eng", county: "海淀区" }, { name: "中国人民大学", kind: "general", county: "海淀区" },
    { name: "中国水利水电科学研究院", kind: "eng", county: "海淀区" }, { name: "北京师范大学", kind: "edu", county: "海淀区" },
    { name: "中国科学院地理科学与资源研究所", kind: "general", county: "朝阳区" },
    { name: "中国农业机械化科学研究院集团有限公司", kind: "enterprise", county: "朝阳区" },
  ],
  "12": [
    { name: "天津大学", kind: "eng" }, { name: "天津医科大学总医院", kind: "med" }, { name: "天津农学院", kind: "agri" },
    { name: "天津科技大学", kind: "general" }, { name: "天津中医药大学第一附属医院", kind: "tcm" },
  ],
  "13": [
    { name: "河北农业大学", kind: "agri", county: "莲池区" }, { name: "河北省农林科学院", kind: "agri" },
    { name: "河北医科大学第二医院", kind: "med" }, { name: "河北工业大学", kind: "eng" }, { name: "河北师范大学", kind: "edu" },
  ],
  "14": [
    { name: "山西农业大学", kind: "agri", county: "太谷区" }, { name: "山西医科大学第一医院", kind: "med" },
    { name: "太原理工大学", kind: "eng" }, { name: "山西大学", kind: "general" },
  ],
  "15": [
    { name: "内蒙古农业大学", kind: "agri" }, { name: "内蒙古大学", kind: "general" },
    { name: "内蒙古医科大学附属医院", kind: "med" }, { name: "内蒙古工业大学", kind: "eng" },
  ],
  "21": [
    { name: "沈阳农业大学", kind: "agri" }, { name: "辽宁省农业科学院", kind: "agri" },
    { name: "中国医科大学附属第一医院", kind: "med" }, { name: "大连理工大学", kind: "eng", county: "甘井子区" },
    { name: "东北大学", kind: "eng" }, { name: "辽宁中医药大学附属医院", kind: "tcm" },
  ],
  "22": [
    { name: "吉林农业大学", kind: "agri" }, { name: "吉林省农业科学院", kind: "agri" }, { name: "吉林大学", kind: "general" },
    { name: "吉林大学第一医院", kind: "med" }, { name: "长春中医药大学附属医院", kind: "tcm" },
  ],
  "23": [
    { name: "东北农业大学", kind: "agri" }, { name: "东北林业大学", kind: "forest" },
    { name: "黑龙江省农业科学院", kind: "agri" }, { name: "哈尔滨工业大学", kind: "eng" },
    { name: "哈尔滨医科大学附属第一医院", kind: "med" }, { name: "黑龙江中医药大学附属第一医院", kind: "tcm" },
  ],
  "31": [
    { name: "上海交通大学", kind: "eng", county: "闵行区" }, { name: "复旦大学附属中山医院", kind: "med" },
    { name: "上海市农业科学院", kind: "agri", county: "奉贤区" }, { name: "同济大学", kind: "eng" },
    { name: "上海海洋大学", kind: "agri", county: "浦东新区" }, { name: "上海中医药大学附属龙华医院", kind: "tcm" },
    { name: "华东师范大学", kind: "edu" }, { name: "上海财经大学", kind: "general" },
    { name: "上海瑞金医院", kind: "med" },
  ],
  "32": [
    { name: "南京农业大学", kind: "agri", county: "玄武区" }, { name: "江苏省农业科学院", kind: "agri", county: "玄武区" },
    { name: "南京林业大学", kind: "forest", county: "玄武区" }, { name: "江南大学", kind: "general", county: "滨湖区" },
    { name: "东南大学", kind: "eng" }, { name: "扬州大学", kind: "agri", county: "邗江区" },
    { name: "江苏省人民医院", kind: "med" }, { name: "南京中医药大学附属医院", kind: "tcm" },
    { name: "河海大学", kind: "eng" }, { name: "南京师范大学", kind: "edu" },
  ],
  "33": [
    { name: "浙江大学", kind: "agri", county: "西湖区" }, { name: "浙江大学", kind: "eng", county: "西湖区" },
    { name: "浙江省农业科学院", kind: "agri", county: "上城区" }, { name: "浙江农林大学", kind: "forest", county: "临安区" },
    { name: "浙江大学医学院附属第一医院", kind: "med", county: "上城区" }, { name: "浙江省人民医院", kind: "med", county: "拱墅区" },
    { name: "浙江工业大学", kind: "eng", county: "拱墅区" }, { name: "浙江中医药大学附属第一医院", kind: "tcm", county: "上城区" },
    { name: "中国水稻研究所", kind: "agri", county: "富阳区" }, { name: "中国农业科学院茶叶研究所", kind: "agri", county: "西湖区" },
    { name: "浙江师范大学", kind: "edu", county: "婺城区" }, { name: "浙江工商大学", kind: "general", county: "钱塘区" },
    { name: "浙江大华技术股份有限公司", kind: "enterprise", county: "滨江区" },
  ],
  "34": [
    { name: "安徽农业大学", kind: "agri", county: "蜀山区" }, { name: "安徽省农业科学院", kind: "agri", county: "庐阳区" },
    { name: "中国科学技术大学", kind: "eng", county: "包河区" }, { name: "合肥工业大学", kind: "eng", county: "包河区" },
    { name: "安徽医科大学第一附属医院", kind: "med", county: "蜀山区" }, { name: "安徽中医药大学第一附属医院", kind: "tcm", county: "蜀山区" },
  ],
  "35": [
    { name: "福建农林大学", kind: "agri", county: "仓山区" }, { name: "福建省农业科学院", kind: "agri", county: "鼓楼区" },
    { name: "厦门大学", kind: "general", county: "思明区" }, { name: "福州大学", kind: "eng", county: "闽侯县" },
    { name: "福建医科大学附属协和医院", kind: "med", county: "鼓楼区" },
  ],
  "36": [
    { name: "江西农业大学", kind: "agri" }, { name: "江西省农业科学院", kind: "agri" },
    { name: "南昌大学第一附属医院", kind: "med" }, { name: "南昌大学", kind: "general" }, { name: "江西中医药大学附属医院", kind: "tcm" },
  ],
  "37": [
    { name: "山东农业大学", kind: "agri", county: "泰山区" }, { name: "青岛农业大学", kind: "agri", county: "城阳区" },
    { name: "山东省农业科学院", kind: "agri", county: "历城区" }, { name: "山东大学齐鲁医院", kind: "med", county: "历下区" },
    { name: "中国海洋大学", kind: "agri", county: "崂山区" }, { name: "山东大学", kind: "general", county: "历城区" },
    { name: "潍柴动力股份有限公司", kind: "enterprise", county: "奎文区" }, { name: "山东中医药大学附属医院", kind: "tcm", county: "历下区" },
  ],
  "41": [
    { name: "河南农业大学", kind: "agri" }, { name: "河南省农业科学院", kind: "agri" }, { name: "郑州大学", kind: "general" },
    { name: "郑州大学第一附属医院", kind: "med" }, { name: "中国一拖集团有限公司", kind: "enterprise", county: "涧西区" },
    { name: "河南中医药大学第一附属医院", kind: "tcm" },
  ],
  "42": [
    { name: "华中农业大学", kind: "agri", county: "洪山区" }, { name: "湖北省农业科学院", kind: "agri", county: "洪山区" },
    { name: "武汉大学", kind: "general", county: "武昌区" }, { name: "华中科技大学", kind: "eng", county: "洪山区" },
    { name: "华中科技大学同济医学院附属协和医院", kind: "med", county: "江汉区" },
    { name: "长江水利委员会长江科学院", kind: "eng", county: "江岸区" }, { name: "华中师范大学", kind: "edu", county: "洪山区" },
    { name: "湖北省中医院", kind: "tcm", county: "武昌区" },
  ],
  "43": [
    { name: "湖南农业大学", kind: "agri", county: "芙蓉区" }, { name: "湖南省农业科学院", kind: "agri", county: "芙蓉区" },
    { name: "中南林业科技大学", kind: "forest", county: "天心区" }, { name: "中南大学湘雅医院", kind: "med", county: "开福区" },
    { name: "湖南大学", kind: "eng", county: "岳麓区" }, { name: "湖南师范大学", kind: "edu", county: "岳麓区" },
    { name: "袁隆平农业高科技股份有限公司", kind: "enterprise", county: "芙蓉区" }, { name: "湖南中医药大学第一附属医院", kind: "tcm", county: "雨花区" },
  ],
  "44": [
    { name: "华南农业大学", kind: "agri", county: "天河区" }, { name: "广东省农业科学院", kind: "agri", county: "天河区" },
    { name: "中山大学附属第一医院", kind: "med", county: "越秀区" }, { name: "华南理工大学", kind: "eng", county: "天河区" },
    { name: "仲恺农业工程学院", kind: "agri", county: "海珠区" }, { name: "广州中医药大学第一附属医院", kind: "tcm", county: "白云区" },
    { name: "中山大学", kind: "general", county: "海珠区" }, { name: "华南师范大学", kind: "edu", county: "天河区" },
  ],
  "45": [
    { name: "广西大学", kind: "agri" }, { name: "广西壮族自治区农业科学院", kind: "agri" },
    { name: "广西医科大学第一附属医院", kind: "med" }, { name: "广西中医药大学第一附属医院", kind: "tcm" },
  ],
  "46": [
    { name: "海南大学", kind: "agri", county: "美兰区" }, { name: "中国热带农业科学院", kind: "agri", county: "龙华区" },
    { name: "海南医学院第一附属医院", kind: "med", county: "龙华区" },
  ],
  "50": [
    { name: "西南大学", kind: "agri", county: "北碚区" }, { name: "重庆大学", kind: "eng", county: "沙坪坝区" },
    { name: "重庆医科大学附属第一医院", kind: "med", county: "渝中区" }, { name: "重庆市农业科学院", kind: "agri", county: "九龙坡区" },
    { name: "重庆市中医院", kind: "tcm", county: "江北区" },
  ],
  "51": [
    { name: "四川农业大学", kind: "agri", county: "温江区" }, { name: "四川省农业科学院", kind: "agri", county: "锦江区" },
    { name: "四川大学华西医院", kind: "med", county: "武侯区" }, { name: "西南交通大学", kind: "eng", county: "金牛区" },
    { name: "电子科技大学", kind: "eng", county: "郫都区" }, { name: "成都中医药大学附属医院", kind: "tcm", county: "金牛区" },
    { name: "四川省林业科学研究院", kind: "forest", county: "金牛区" }, { name: "四川大学", kind: "general", county: "武侯区" },
    { name: "四川省人民医院", kind: "med", county: "青羊区" }, { name: "四川师范大学", kind: "edu", county: "锦江区" },
    { name: "西南财经大学", kind: "general", county: "温江区" }, { name: "新希望六和股份有限公司", kind: "enterprise", county: "锦江区" },
  ],
  "52": [
    { name: "贵州大学", kind: "agri", county: "花溪区" }, { name: "贵州省农业科学院", kind: "agri", county: "花溪区" },
    { name: "贵州医科大学附属医院", kind: "med", county: "云岩区" }, { name: "贵州中医药大学第一附属医院", kind: "tcm", county: "云岩区" },
  ],
  "53": [
    { name: "云南农业大学", kind: "agri", county: "盘龙区" }, { name: "云南省农业科学院", kind: "agri", county: "盘龙区" },
    { name: "云南大学", kind: "general", county: "五华区" }, { name: "昆明医科大学第一附属医院", kind: "med", county: "五华区" },
    { name: "昆明理工大学", kind: "eng", county: "呈贡区" }, { name: "西南林业大学", kind: "forest", county: "盘龙区" },
  ],
  "54": [
    { name: "西藏大学", kind: "general", county: "城关区" }, { name: "西藏农牧学院", kind: "agri", county: "巴宜区" },
    { name: "西藏自治区农牧科学院", kind: "agri", county: "城关区" }, { name: "西藏自治区人民医院", kind: "med", county: "城关区" },
    { name: "西藏自治区藏医院", kind: "tcm", county: "城关区" },
  ],
  "61": [
    { name: "西北农林科技大学", kind: "agri", county: "杨陵区" }, { name: "西安交通大学", kind: "eng", county: "碑林区" },
    { name: "西安交通大学第一附属医院", kind: "med", county: "雁塔区" }, { name: "长安大学", kind: "eng", county: "雁塔区" },
    { name: "西安理工大学", kind: "eng", county: "碑林区" }, { name: "陕西师范大学", kind: "edu", county: "雁塔区" },
    { name: "陕西中医药大学附属医院", kind: "tcm", county: "秦都区" }, { name: "西北大学", kind: "general", county: "碑林区" },
  ],
  "62": [
    { name: "甘肃农业大学", kind: "agri", county: "安宁区" }, { name: "甘肃省农业科学院", kind: "agri", county: "安宁区" },
    { name: "兰州大学", kind: "general", county: "城关区" }, { name: "兰州大学第一医院", kind: "med", county: "城关区" },
    { name: "兰州理工大学", kind: "eng", county: "七里河区" },
  ],
  "63": [
    { name: "青海大学", kind: "agri", county: "城北区" }, { name: "青海省畜牧兽医科学院", kind: "agri", county: "城北区" },
    { name: "青海大学附属医院", kind: "med", county: "城西区" },
  ],
  "64": [
    { name: "宁夏大学", kind: "general", county: "西夏区" }, { name: "宁夏农林科学院", kind: "agri", county: "金凤区" },
    { name: "宁夏医科大学总医院", kind: "med", county: "兴庆区" },
  ],
  "65": [
    { name: "新疆农业大学", kind: "agri", county: "沙依巴克区" }, { name: "新疆农业科学院", kind: "agri", county: "沙依巴克区" },
    { name: "新疆大学", kind: "eng", county: "天山区" }, { name: "新疆医科大学第一附属医院", kind: "med", county: "新市区" },
  ],
  "66": [
    { name: "石河子大学", kind: "agri", county: "第八师石河子市区" }, { name: "塔里木大学", kind: "agri", county: "第一师一团" },
    { name: "新疆农垦科学院", kind: "agri", county: "第八师石河子市区" }, { name: "石河子大学医学院第一附属医院", kind: "med", county: "第八师石河子市区" },
  ],
};

/** Employers of the province for one of the kinds, falling back to any employer of the province. */
export function employersFor(provinceCode: string, kinds: readonly EmployerKind[]): Employer[] {
  const all = EMPLOYERS[provinceCode] ?? [];
  const fit = all.filter((e) => kinds.includes(e.kind));
  if (fit.length > 0) return fit;
  const general = all.filter((e) => e.kind === "general" || e.kind === "agri" || e.kind === "eng");
  return general.length > 0 ? general : all;
}
