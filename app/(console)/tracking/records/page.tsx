import type { Metadata } from "next";
import { TrackingRecordTable } from "@/components/tracking/record-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ListPage } from "@/components/ui/list-page";
import { codeOptions } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";
import type { SearchFields } from "@/components/ui/search-form";
import { requirePermission } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import { SERVICE_FORM_LABEL, ZONE_LABEL } from "@/lib/labels";
import { firstValues, hasFilters, queryValues, type SearchParams } from "@/lib/search-params";
import { dashboardHref } from "@/lib/tracking/links";
import { provinceZones } from "@/lib/tracking/queries";
import { searchTrackingRecords } from "@/lib/tracking/records";
import { PRIORITY_LABEL, PROGRAM_KEY_LABEL, trackingFilterSchema, trackingRecordSearchSchema } from "@/lib/tracking/schemas";
import { trackingView } from "@/lib/tracking/view";

export const metadata: Metadata = { title: "服务记录明细" };

export default async function TrackingRecordsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/tracking/records", "tracking.read");
  const view = trackingView(user);
  if (!view) {
    return (
      <>
        <PageHeader title="服务记录明细" />
        <EmptyState title="账号尚未关联省份或单位">请联系管理员为账号设置所属省份或单位。</EmptyState>
      </>
    );
  }
  const search = trackingRecordSearchSchema.parse(await firstValues(searchParams));
  const [result, zones] = await Promise.all([searchTrackingRecords(view, search), provinceZones()]);
  const nameOf = (code: string) => zones.get(code)?.name ?? code;
  const provinces = (view.provinceCodes ?? [...zones.keys()]).map((code) => ({ code, name: nameOf(code) }));
  const allProvinces = [...zones.keys()].map((code) => ({ code, name: nameOf(code) }));
  const fields: SearchFields = [
    { kind: "text", name: "year", label: "年度", hint: "如 2026", maxLength: 4 },
    { kind: "text", name: "month", label: "月份", hint: "如 2026-03", maxLength: 7 },
    { kind: "select", name: "program", label: "专项行动", choices: PROGRAM_KEY_LABEL, all: "全部" },
    { kind: "select", name: "form", label: "服务形式", choices: SERVICE_FORM_LABEL, all: "全部" },
    view.national && { kind: "select", name: "zone", label: "服务所在区域", choices: ZONE_LABEL, all: "全部" },
    provinces.length > 1 && { kind: "select", name: "province", label: "服务所在省份", choices: codeOptions(provinces), all: "全部" },
    { kind: "select", name: "expertProvince", label: "专家所在省份", choices: codeOptions(allProvinces), all: "全部" },
    { kind: "select", name: "priority", label: "需求优先方向", choices: { ...PRIORITY_LABEL, none: "未标注" }, all: "全部" },
  ];
  const values = queryValues(search);
  const dashboardFilter = trackingFilterSchema.parse(search);
  const rows = result.rows.map((r) => ({ ...r, provinceName: nameOf(r.provinceCode), expertProvinceName: nameOf(r.expertProvinceCode) }));
  return (
    <ListPage
      title="服务记录明细"
      subtitle="跟踪问效统计所依据的、经服务单位确认的服务记录"
      actions={<a href={dashboardHref(dashboardFilter)} className="text-sm text-brand-700 hover:underline">返回统计图表</a>}
      exportHref="/api/export/tracking-records"
      path="/tracking/records"
      values={values}
      search={{ label: "服务记录查询", fields }}
      count={`共 ${formatNumber(result.total)} 条已确认服务记录`}
      empty={result.rows.length === 0 && {
        title: "没有符合条件的服务记录",
        body: hasFilters(values) ? "请调整查询条件后重试。" : "服务单位确认专家的服务记录后，会出现在这里。",
      }}
      page={result}
    >
      <TrackingRecordTable rows={rows} />
    </ListPage>
  );
}
