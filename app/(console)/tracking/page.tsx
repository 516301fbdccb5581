import type { Metadata } from "next";
import Link from "next/link";
import { Chart } from "@/components/tracking/chart";
import { IndicatorTable, INDICATOR_COLUMNS, type IndicatorRow } from "@/components/tracking/indicator-table";
import { barOption, lineOption, sankeyOption } from "@/components/tracking/options";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLinks } from "@/components/ui/export-links";
import { codeOptions } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";
import { SearchForm, type SearchFields } from "@/components/ui/search-form";
import { StatGrid, StatTile } from "@/components/ui/stat-tile";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { formatNumber } from "@/lib/format";
import type { Zone } from "@/lib/generated/prisma/enums";
import { BASE_LEVEL_LABEL, SERVICE_FORM_LABEL, ZONE_LABEL } from "@/lib/labels";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";
import type { Indicators } from "@/lib/tracking/indicators";
import { recordsHref } from "@/lib/tracking/links";
import { provinceZones, trackingDashboard, trackingYears } from "@/lib/tracking/queries";
import { PRIORITY_LABEL, PROGRAM_KEY_LABEL, trackingFilterSchema, type ProgramKey, type TrackingFilter } from "@/lib/tracking/schemas";
import { trackingView } from "@/lib/tracking/view";
import { OwnDashboard } from "./own-dashboard";

export const metadata: Metadata = { title: "跟踪问效" };

const row = (key: string, label: string, href: string, values: Indicators): IndicatorRow => ({ key, label, href, values });

export default async function TrackingPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/tracking", "tracking.read");
  const view = trackingView(user);
  if (!view) {
    return (
      <>
        <PageHeader title="跟踪问效" />
        <EmptyState title="账号尚未关联省份或单位">请联系管理员为账号设置所属省份或单位。</EmptyState>
      </>
    );
  }
  const filter: TrackingFilter = trackingFilterSchema.parse(await firstValues(searchParams));
  // A unit, an expert or a base host: its own figures only (the view carries the owner into every query).
  if (view.own) return <OwnDashboard view={view} filter={filter} />;
  const [data, years, zones] = await Promise.all([trackingDashboard({ view, filter }), trackingYears(view), provinceZones()]);
  const nameOf = (code: string) => zones.get(code)?.name ?? code;
  const values = queryValues(filter);
  const provinces = view.provinceCodes ? view.provinceCodes : [...zones.keys()];
  const yearChoices = [...new Set([...years, new Date().getFullYear()])].sort((a, b) => b - a).map((y) => ({ value: String(y), label: `${y} 年` }));
  const fields: SearchFields = [
    { kind: "select", name: "year", label: "年度", choices: yearChoices, all: "全部年度" },
    { kind: "select", name: "program", label: "专项行动", choices: PROGRAM_KEY_LABEL, all: "全部" },
    view.national && { kind: "select", name: "zone", label: "区域", choices: ZONE_LABEL, all: "全部" },
    provinces.length > 1 && { kind: "select", name: "province", label: "省份", choices: codeOptions(provinces.map((c) => ({ code: c, name: nameOf(c) }))), all: "全部" },
    { kind: "select", name: "form", label: "服务形式", choices: SERVICE_FORM_LABEL, all: "全部" },
  ];
  const t = data.totals;
  const all = recordsHref(filter);
  const region = view.national ? "全国" : view.provinceCodes.map(nameOf).join("、");
  const table = (name: string) => ({ href: "/api/export/tracking", params: { ...values, table: name } });

  const byProvince = data.byProvince.map((r) => row(r.key, nameOf(r.key), recordsHref(filter, { province: r.key }), r));
  const byProgram = data.byProgram.map((r) => row(r.key, PROGRAM_KEY_LABEL[r.key as ProgramKey] ?? r.key, recordsHref(filter, { program: r.key as ProgramKey }), r));
  const byForm = data.byForm.map((r) => row(r.key, SERVICE_FORM_LABEL[r.key as keyof typeof SERVICE_FORM_LABEL] ?? r.key, recordsHref(filter, { form: r.key as TrackingFilter["form"] }), r));
  const byMonth = data.byMonth.map((r) => row(r.key, r.key, recordsHref(filter, { month: r.key }), r));
  const monthColumns = INDICATOR_COLUMNS.filter((c) => c.key !== "experts");
  const flows = data.flows.map((f) => ({ ...f, href: recordsHref(filter, { expertProvince: f.from, province: f.to }) }));
  const crossZone = (f: { from: string; to: string }) =>
    zones.get(f.from)?.zone === "EAST" && (["CENTRAL", "WEST"] as (Zone | undefined)[]).includes(zones.get(f.to)?.zone);

  return (
    <>
      <PageHeader title={`跟踪问效（${region}）`} subtitle="经服务单位确认的服务记录汇总：服务内容、形式、时长、专家人数与成效。点击任一数字可查看对应记录。" />
      <div className="space-y-6">
        <SearchForm action="/tracking" label="统计筛选" fields={fields} values={values} columns={view.national ? 6 : 4} />
        <div className="flex flex-wrap items-center gap-2">
          <a className="text-sm text-brand-700 hover:underline" href={`/api/export/tracking-report?${new URLSearchParams({ year: String(filter.year ?? new Date().getFullYear()), ...(filter.province ? { province: filter.province } : {}) })}`}>
            下载{filter.year ?? new Date().getFullYear()}年度统计报表（Excel）
          </a>
        </div>
        <StatGrid>
          <StatTile label="服务次数" value={t.records} unit="次" href={all} />
          <StatTile label="服务时长" value={t.hours} unit="小时" hint={`服务天数 ${formatNumber(t.days)} 天`} href={all} />
          <StatTile label="专家人数" value={t.experts} unit="人" href={all} />
          <StatTile label="服务人数" value={t.peopleServed} unit="人次" hint={`其中培训 ${formatNumber(t.peopleTrained)} 人次`} href={all} />
          <StatTile label="推广技术" value={t.techniquesPromoted} unit="项" href={all} />
          <StatTile label="带动增收" value={t.incomeEffect} unit="万元" href={all} />
        </StatGrid>
        {t.records === 0 && <EmptyState title="暂无符合条件的已确认服务记录">请调整筛选条件；服务单位确认专家的服务记录后，这里会自动汇总。</EmptyState>}

        <Card title="服务时长按月份" action={<ExportLinks {...table("month")} />}>
          <Chart label="服务时长按月份的折线图，数据见下表" option={lineOption(byMonth.map((r) => ({ label: r.label, value: r.values.hours, href: r.href })), "服务时长（小时）")} />
          <IndicatorTable caption="按月份统计" head="月份" rows={byMonth} columns={monthColumns} />
        </Card>

        {(view.national || view.provinceCodes.length > 1) && (
          <Card title="按省份（服务所在地）" action={<ExportLinks {...table("province")} />}>
            <Chart label="各省服务时长柱状图，数据见下表" height={Math.max(240, byProvince.length * 22)}
              option={barOption(byProvince.map((r) => ({ label: r.label, value: r.values.hours, href: r.href })), "服务时长", "小时")} />
            <IndicatorTable caption="按省份统计" head="省份" rows={byProvince} total={row("total", "合计", all, t)} />
          </Card>
        )}

        <div className="grid gap-6 xl:grid-cols-2">
          <Card title="按专项行动" action={<ExportLinks {...table("program")} />}>
            <Chart label="各专项行动服务时长柱状图，数据见下表" height={200}
              option={barOption(byProgram.map((r) => ({ label: r.label, value: r.values.hours, href: r.href })), "服务时长", "小时")} />
            <IndicatorTable caption="按专项行动统计" head="专项行动" rows={byProgram} columns={INDICATOR_COLUMNS.slice(0, 5)} />
          </Card>
          <Card title="按服务形式" action={<ExportLinks {...table("form")} />}>
            <Chart label="各服务形式服务时长柱状图，数据见下表" height={Math.max(200, byForm.length * 24)}
              option={barOption(byForm.map((r) => ({ label: r.label, value: r.values.hours, href: r.href })), "服务时长", "小时")} />
            <IndicatorTable caption="按服务形式统计" head="服务形式" rows={byForm} columns={INDICATOR_COLUMNS.slice(0, 5)} />
          </Card>
        </div>

        <Card title="跨省专家流向（东中西部人才协作）" action={<ExportLinks {...table("flow")} />}>
          {flows.length === 0 ? (
            <EmptyState title="暂无跨省服务" />
          ) : (
            <>
              <Chart label="专家所在省份到服务所在省份的流向图，数据见下表" height={Math.max(260, Math.min(flows.length, 30) * 18)}
                option={sankeyOption(flows.slice(0, 30).map((f) => ({ from: nameOf(f.from), to: nameOf(f.to), value: f.hours, href: f.href })))} />
              <Table caption="跨省专家流向（按服务时长）">
                <THead>
                  <tr><Th>专家所在省份</Th><Th>服务所在省份</Th><Th>东部→中西部</Th><Th className="text-right">专家人数</Th><Th className="text-right">服务次数</Th><Th className="text-right">服务时长（小时）</Th></tr>
                </THead>
                <TBody>
                  {flows.map((f) => (
                    <tr key={`${f.from}-${f.to}`}>
                      <Td>{nameOf(f.from)}</Td>
                      <Td>{nameOf(f.to)}</Td>
                      <Td>{crossZone(f) ? "是" : ""}</Td>
                      {(["experts", "records", "hours"] as const).map((k) => (
                        <Td key={k} className="text-right tabular-nums">
                          <Link href={f.href} className="text-brand-700 hover:underline">{formatNumber(f[k])}</Link>
                        </Td>
                      ))}
                    </tr>
                  ))}
                </TBody>
              </Table>
            </>
          )}
        </Card>

        <Card title="按需求优先方向" action={<ExportLinks {...table("priority")} />}>
          <Chart label="各优先方向需求的服务时长柱状图，数据见下表" height={180}
            option={barOption(data.priorities.map((p) => ({ label: p.flag === "none" ? "未标注" : PRIORITY_LABEL[p.flag], value: p.hours, href: recordsHref(filter, { priority: p.flag }) })), "服务时长", "小时")} />
          <Table caption="按需求优先方向统计（一项需求可有多个方向）">
            <THead>
              <tr><Th>优先方向</Th><Th className="text-right">需求数</Th><Th className="text-right">服务次数</Th><Th className="text-right">服务时长（小时）</Th><Th className="text-right">服务人数</Th></tr>
            </THead>
            <TBody>
              {data.priorities.map((p) => {
                const href = recordsHref(filter, { priority: p.flag });
                const label = p.flag === "none" ? "未标注" : PRIORITY_LABEL[p.flag];
                const needsHref = `/needs?${new URLSearchParams({ state: "ALL", ...(p.flag === "none" ? {} : { [p.flag]: "1" }), ...(filter.province ? { region: filter.province } : {}), ...(filter.year ? { from: `${filter.year}-01-01`, to: `${filter.year}-12-31` } : {}) })}`;
                return (
                  <tr key={p.flag}>
                    <Td>{label}</Td>
                    <Td className="text-right tabular-nums"><Link href={needsHref} className="text-brand-700 hover:underline">{formatNumber(p.needs)}</Link></Td>
                    {(["records", "hours", "peopleServed"] as const).map((k) => (
                      <Td key={k} className="text-right tabular-nums"><Link href={href} className="text-brand-700 hover:underline">{formatNumber(p[k])}</Link></Td>
                    ))}
                  </tr>
                );
              })}
            </TBody>
          </Table>
        </Card>

        <div className="grid gap-6 xl:grid-cols-2">
          <Card title="示范活动进展报送（调度）" action={<ExportLinks {...table("activityReports")} />}>
            {data.activities.length === 0 ? <EmptyState title="暂无进展报送" /> : (
              <Table caption="示范活动进展报送汇总（按专项行动）">
                <THead>
                  <tr><Th>专项行动</Th><Th className="text-right">活动数</Th><Th className="text-right">报送次数</Th><Th className="text-right">专家人次</Th><Th className="text-right">服务时长（小时）</Th><Th className="text-right">服务人数</Th></tr>
                </THead>
                <TBody>
                  {data.activities.map((a) => {
                    const href = `/activities?${new URLSearchParams({ program: a.program, ...(filter.year ? { year: String(filter.year) } : {}), ...(filter.province ? { province: filter.province } : {}) })}`;
                    return (
                      <tr key={a.program}>
                        <Td>{PROGRAM_KEY_LABEL[a.program]}</Td>
                        {(["activities", "reports", "expertsCount", "serviceHours", "peopleServed"] as const).map((k) => (
                          <Td key={k} className="text-right tabular-nums"><Link href={href} className="text-brand-700 hover:underline">{formatNumber(a[k])}</Link></Td>
                        ))}
                      </tr>
                    );
                  })}
                </TBody>
              </Table>
            )}
          </Card>
          <Card title="专家服务基地年度报告" action={<ExportLinks {...table("baseReports")} />}>
            {data.bases.length === 0 ? <EmptyState title="暂无年度报告" /> : (
              <Table caption="专家服务基地年度报告汇总（按级别）">
                <THead>
                  <tr><Th>级别</Th><Th className="text-right">报告基地</Th><Th className="text-right">组织专家</Th><Th className="text-right">开展活动</Th><Th className="text-right">培养人才</Th></tr>
                </THead>
                <TBody>
                  {data.bases.map((b) => {
                    const href = view.national ? "/ministry/bases" : "/province/bases";
                    return (
                      <tr key={b.level}>
                        <Td>{BASE_LEVEL_LABEL[b.level]}</Td>
                        {(["bases", "expertsCount", "activitiesCount", "peopleTrained"] as const).map((k) => (
                          <Td key={k} className="text-right tabular-nums"><Link href={href} className="text-brand-700 hover:underline">{formatNumber(b[k])}</Link></Td>
                        ))}
                      </tr>
                    );
                  })}
                </TBody>
              </Table>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}
