import type { DeliveryMode, Urgency } from "@/lib/generated/prisma/enums";
import { NEED_COLUMNS } from "@/lib/import/columns";
import type { Importer, NeedRecord } from "@/lib/import/records";
import type { NeedReference, UnitRow } from "@/lib/import/reference";
import { RowReader, splitList } from "@/lib/import/values";
import type { RowResult } from "@/lib/import/validate-experts";

const DELIVERY: Record<string, DeliveryMode> = { 现场: "ONSITE", 远程: "REMOTE", 现场或远程: "EITHER", 均可: "EITHER" };
const URGENCY: Record<string, Urgency> = { 不急: "LOW", 一般: "NORMAL", 紧急: "HIGH" };

function resolveUnit(r: RowReader, ref: NeedReference, importer: Importer): UnitRow | undefined {
  const v = r.raw("unit");
  if (importer.kind === "unit") {
    const own = importer.unit;
    if (!v || v === own.name || (own.creditCode && v.toUpperCase() === own.creditCode.toUpperCase())) return own;
    return r.fail("unit", "基层单位只能导入本单位的需求（需求单位请留空或填写本单位）");
  }
  if (importer.kind !== "province") return r.fail("unit", "只有省级或基层单位可以导入需求");
  if (!v) return r.fail("unit", "需求单位不能为空");
  const byCredit = ref.unitsByCredit.get(v.toUpperCase());
  if (byCredit) return byCredit;
  const byName = ref.unitsByName.get(v) ?? [];
  if (byName.length === 1) return byName[0];
  if (byName.length > 1) return r.fail("unit", `本省有 ${byName.length} 个名为“${v}”的单位，请填写统一社会信用代码`);
  return r.fail("unit", `未找到本省单位“${v}”（请填写本省单位的统一社会信用代码或完整名称）`);
}

/** One need row → a record, or its errors. */
export function validateNeedRow(row: number, cells: Map<string, string>, ref: NeedReference, importer: Importer): RowResult<NeedRecord> {
  const r = new RowReader(row, cells, NEED_COLUMNS);
  const unit = resolveUnit(r, ref, importer);
  const title = r.text("title", { required: true, max: 100 });
  const bottleneck = r.text("bottleneck", { required: true, max: 2000 });

  let menuItemIds: string[] | undefined = [];
  const menuNames = splitList(r.raw("menuItems"));
  if (!menuNames.length) menuItemIds = r.fail("menuItems", "服务菜单不能为空");
  else if (menuNames.length > 10) menuItemIds = r.fail("menuItems", "服务菜单最多填写 10 项");
  for (const name of menuNames) {
    const item = ref.menu.get(name.replace(/\s+/g, ""));
    if (item) menuItemIds?.push(item.id);
    else menuItemIds = r.fail("menuItems", `服务菜单“${name}”不存在或已停用`);
  }

  const disciplineCodes = r.codes("disciplines", ref.disciplines, { required: true, max: 10 });
  const industryCodes = r.codes("industries", ref.industries, { max: 10 });

  const provinceCode = importer.kind === "unit" ? importer.unit.provinceCode : importer.kind === "province" ? importer.provinceCode : null;
  let county = r.county("county", ref.regions, {});
  if (county && county.provinceCode !== provinceCode) county = r.fail("county", "所在县（区）不在本省范围内");

  const windowStart = r.date("windowStart");
  let windowEnd = r.date("windowEnd");
  if (windowStart && windowEnd && windowEnd < windowStart) windowEnd = r.fail("windowEnd", "服务结束日期不能早于服务开始日期");

  const expertsWanted = r.int("expertsWanted", 1, 20, 1);
  const delivery = r.choice("delivery", DELIVERY, "EITHER", ["现场", "远程", "现场或远程"]);
  const expectedOutcome = r.text("expectedOutcome", { max: 2000 });
  const breakBottleneck = r.flag("breakBottleneck");
  const promoteTechnology = r.flag("promoteTechnology");
  const raiseFarmerIncome = r.flag("raiseFarmerIncome");
  const urgency = r.choice("urgency", URGENCY, "NORMAL");
  const onBehalfOf = r.text("onBehalfOf", { max: 100 });

  if (r.errors.length) return { ok: false, errors: r.errors };
  const regionCode = county?.code ?? unit!.regionCode;
  return {
    ok: true,
    record: {
      row,
      unitId: unit!.id,
      regionCode,
      provinceCode: county?.provinceCode ?? unit!.provinceCode,
      title: title!,
      bottleneck: bottleneck!,
      menuItemIds: [...new Set(menuItemIds!)],
      disciplineCodes: disciplineCodes!,
      industryCodes: industryCodes!,
      windowStart: windowStart ?? null,
      windowEnd: windowEnd ?? null,
      expertsWanted: expertsWanted!,
      delivery: delivery!,
      expectedOutcome: expectedOutcome!,
      breakBottleneck: breakBottleneck!,
      promoteTechnology: promoteTechnology!,
      raiseFarmerIncome: raiseFarmerIncome!,
      urgency: urgency!,
      onBehalfOf: onBehalfOf || null,
    },
  };
}

export function needDuplicateKeys(record: NeedRecord): { key: string; what: string }[] {
  return [{ key: `${record.unitId}|${record.title}`, what: "需求标题和需求单位" }];
}
