import type { ImportKind } from "@/lib/generated/prisma/enums";
import { PROFESSIONAL_TITLE_LABEL, TALENT_CATEGORY_LABEL } from "@/lib/labels";

// The template's columns, matched by their Chinese names. One definition feeds the header mapping, the
// downloadable templates and their notes sheet.

export type RowError = { row: number; column: string; message: string };

export type ColumnDef = {
  key: string;
  header: string;
  aliases?: string[];
  required: boolean;
  note: string;
  example: string;
  width?: number;
};

export const FLAG_NOTE = "填写“是”或“否”，空白视为“否”";
export const LIST_NOTE = "多个值用英文分号 ; 分隔";

export const EXPERT_COLUMNS: ColumnDef[] = [
  { key: "name", header: "姓名", required: true, note: "不超过 50 个字", example: "张明远", width: 12 },
  { key: "gender", header: "性别", required: true, note: "男 或 女", example: "男", width: 8 },
  { key: "birthYear", header: "出生年份", aliases: ["出生年"], required: true, note: "四位数字，如 1975", example: "1975", width: 10 },
  { key: "employer", header: "工作单位", aliases: ["所在单位"], required: true, note: "不超过 100 个字", example: "四川农业大学", width: 20 },
  {
    key: "title", header: "职称", aliases: ["职称级别"], required: true,
    note: `可选：${Object.values(PROFESSIONAL_TITLE_LABEL).join("、")}`, example: "正高级", width: 10,
  },
  { key: "disciplines", header: "学科领域", aliases: ["学科"], required: true, note: `学科代码或名称（见“学科代码”表），${LIST_NOTE}`, example: "21040;植物保护学", width: 20 },
  { key: "industries", header: "行业领域", aliases: ["行业"], required: false, note: `行业代码或名称（见“行业代码”表），${LIST_NOTE}`, example: "01", width: 14 },
  { key: "skills", header: "专业特长", required: false, note: `每项不超过 30 个字，${LIST_NOTE}`, example: "猕猴桃栽培;果园病虫害绿色防控", width: 24 },
  { key: "bio", header: "个人简介", aliases: ["简介"], required: false, note: "不超过 2000 个字", example: "长期从事果树栽培与病虫害防控研究。", width: 30 },
  {
    key: "talentCategories", header: "人才类别", required: false,
    note: `可选：${Object.values(TALENT_CATEGORY_LABEL).join("、")}；${LIST_NOTE}`, example: "享受政府特殊津贴专家", width: 22,
  },
  { key: "region", header: "所在地区", aliases: ["所在地", "地区"], required: true, note: "县级行政区划代码（6 位）或“省 市 县”名称（见“地区代码”表）", example: "四川省 成都市 蒲江县", width: 22 },
  { key: "phone", header: "手机号码", aliases: ["手机", "联系电话"], required: false, note: "11 位手机号码或带区号的固定电话", example: "13800000000", width: 14 },
  { key: "email", header: "电子邮箱", aliases: ["邮箱"], required: false, note: "如 name@example.com", example: "zhangmy@example.com", width: 22 },
  { key: "idNumber", header: "身份证号", aliases: ["身份证号码"], required: false, note: "18 位，请将单元格设为文本格式以免末位丢失", example: "", width: 22 },
  { key: "retired", header: "是否退休", required: false, note: FLAG_NOTE, example: "否", width: 10 },
  { key: "maxConcurrent", header: "最多同时服务项目数", aliases: ["最多同时服务数"], required: false, note: "1 至 10 的整数，空白为 2", example: "2", width: 12 },
];

export const NEED_COLUMNS: ColumnDef[] = [
  {
    key: "unit", header: "需求单位", aliases: ["填报单位", "单位"], required: true,
    note: "省级导入：本省单位的统一社会信用代码或完整名称（必填）；基层单位导入：可留空，填写时须为本单位", example: "", width: 24,
  },
  { key: "title", header: "需求标题", aliases: ["标题"], required: true, note: "不超过 100 个字", example: "猕猴桃溃疡病防控技术指导", width: 24 },
  { key: "bottleneck", header: "瓶颈问题", aliases: ["面临的瓶颈问题"], required: true, note: "不超过 2000 个字", example: "近两年溃疡病发病率上升，缺少有效的综合防控方案。", width: 30 },
  { key: "menuItems", header: "服务菜单", aliases: ["服务项目"], required: true, note: `服务菜单中的项目名称（见“服务菜单”表），${LIST_NOTE}`, example: "果树病虫害现场诊断", width: 20 },
  { key: "disciplines", header: "学科领域", aliases: ["学科"], required: true, note: `学科代码或名称，${LIST_NOTE}`, example: "21060", width: 14 },
  { key: "industries", header: "行业领域", aliases: ["行业"], required: false, note: `行业代码或名称，${LIST_NOTE}`, example: "01", width: 14 },
  { key: "county", header: "所在县（区）", aliases: ["所在县", "所在地区", "县区"], required: false, note: "本省县级行政区划代码或“省 市 县”名称；空白为需求单位所在县", example: "", width: 22 },
  { key: "windowStart", header: "服务开始日期", aliases: ["开始日期"], required: false, note: "YYYY-MM-DD", example: "2026-03-01", width: 14 },
  { key: "windowEnd", header: "服务结束日期", aliases: ["结束日期"], required: false, note: "YYYY-MM-DD，不早于开始日期", example: "2026-06-30", width: 14 },
  { key: "expertsWanted", header: "需要专家人数", aliases: ["专家人数"], required: false, note: "1 至 20 的整数，空白为 1", example: "2", width: 12 },
  { key: "delivery", header: "服务方式", required: false, note: "现场、远程 或 现场或远程（空白为现场或远程）", example: "现场", width: 12 },
  { key: "expectedOutcome", header: "预期成效", required: false, note: "不超过 2000 个字", example: "溃疡病发病率下降 50%", width: 24 },
  { key: "breakBottleneck", header: "突破发展瓶颈", required: false, note: FLAG_NOTE, example: "是", width: 12 },
  { key: "promoteTechnology", header: "推广应用技术", required: false, note: FLAG_NOTE, example: "否", width: 12 },
  { key: "raiseFarmerIncome", header: "促进农民增收", required: false, note: FLAG_NOTE, example: "是", width: 12 },
  { key: "urgency", header: "紧急程度", required: false, note: "不急、一般 或 紧急（空白为一般）", example: "一般", width: 10 },
  { key: "onBehalfOf", header: "代填对象", required: false, note: "代村、合作社等填报时填写其名称，不超过 100 个字", example: "", width: 18 },
];

/** The columns for an importer: the unit column is required of province importers only. */
export function columnsFor(kind: ImportKind, importer: { organizationId: string | null }): ColumnDef[] {
  if (kind === "EXPERTS") return EXPERT_COLUMNS;
  return NEED_COLUMNS.map((c) => (c.key === "unit" ? { ...c, required: !importer.organizationId } : c));
}

/** Header text as typed: marks of required columns (*, （必填）) and spaces removed. */
export function normalizeHeader(s: string): string {
  return s.replace(/[\s\u00a0]+/g, "").replace(/[（(]必填[)）]/g, "").replace(/^[*＊]+|[*＊]+$/g, "");
}

export type HeaderMap = { columns: Map<string, number>; errors: RowError[]; fatal: boolean };

/** Which cell holds which column; unknown and repeated headers and missing required columns are row-1 errors. */
export function mapHeader(cells: string[], defs: ColumnDef[]): HeaderMap {
  const lookup = new Map<string, ColumnDef>();
  for (const d of defs) for (const name of [d.header, ...(d.aliases ?? [])]) lookup.set(normalizeHeader(name), d);
  const columns = new Map<string, number>();
  const errors: RowError[] = [];
  cells.forEach((raw, i) => {
    const text = normalizeHeader(raw ?? "");
    if (!text) return;
    const def = lookup.get(text);
    if (!def) {
      errors.push({ row: 1, column: raw.trim(), message: "无法识别的列，已忽略（请使用模板中的列名）" });
    } else if (columns.has(def.key)) {
      errors.push({ row: 1, column: raw.trim(), message: `与第 ${columns.get(def.key)! + 1} 列重复，已忽略` });
    } else {
      columns.set(def.key, i);
    }
  });
  let fatal = false;
  for (const d of defs) {
    if (d.required && !columns.has(d.key)) {
      errors.push({ row: 1, column: d.header, message: "缺少必填列" });
      fatal = true;
    }
  }
  return { columns, errors, fatal };
}
