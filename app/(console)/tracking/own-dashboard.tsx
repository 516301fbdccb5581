import Link from "next/link";
import { Chart } from "@/components/tracking/chart";
import { IndicatorTable, INDICATOR_COLUMNS, type IndicatorRow } from "@/components/tracking/indicator-table";
import { barOption, lineOption } from "@/components/tracking/options";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ExportLinks } from "@/components/ui/export-links";
import { codeOptions } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";
import { SearchForm, type SearchFields } from "@/components/ui/search-form";
import { StatGrid, StatTile } from "@/components/ui/stat-tile";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import { BASE_LEVEL_LABEL, ENGAGEMENT_STATE_LABEL, NEED_STATE_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { queryValues } from "@/lib/search-params";
import type { Indicators } from "@/lib/tracking/indicators";
import { ownActivitiesHref, ownEngagementsHref, ownFeedbackHref, ownNeedsHref, recordsHref } from "@/lib/tracking/links";
import { ownExtras } from "@/lib/tracking/own";
import { provinceZones, trackingDashboard, trackingYears } from "@/lib/tracking/queries";
import { PROGRAM_KEY_LABEL, type ProgramKey, type TrackingFilter } from "@/lib/tracking/schemas";
import { ownRoles, type OwnScope, type TrackingView } from "@/lib/tracking/view";

// The dashboard of a unit, an expert or a base host at /tracking: the same indicators, charts, tables, drill-through
// and exports as the ministry's, over the owner's own confirmed records only (the view carries the owner), and
// beside them what is the owner's: a unit's needs and engagements, an expert's engagements and feedback, a base's
// hosted activities and annual reports.

const row = (key: string, label: string, href: string, values: Indicators): IndicatorRow => ({ key, label, href, values });
const link = (href: string, n: number, label: string) => (
  <Link href={href} className="text-brand-700 hover:underline" aria-label={`${label} ${formatNumber(n)}，查看明细`}>{formatNumber(n)}</Link>
);

const TITLE = { unit: "本单位服务成效", expert: "我的服务成效", base: "基地服务成效" } as const;

export async function OwnDashboard({ view, filter }: { view: TrackingView & { own: OwnScope }; filter: TrackingFilter }) {
  const roles = ownRoles(view);
  const [data, extras, years, zones] = await Promise.all([
    trackingDashboard({ view, filter }), ownExtras(view.own, filter), trackingYears(view), provinceZones(),
  ]);
  const values = queryValues(filter);
  const yearChoices = [...new Set([...years, new Date().getFullYear()])].sort((a, b) => b - a).map((y) => ({ value: String(y), label: `${y} 年` }));
  const serves = roles.some((r) => r !== "unit");
  const fields: SearchFields = [
    { kind: "select", name: "year", label: "年度", choices: yearChoices, all: "全部年度" },
    { kind: "select", name: "program", label: "专项行动", choices: PROGRAM_KEY_LABEL, all: "全部" },
    // A unit is served in its own province; an expert or a base may serve in several.
    serves && { kind: "select", name: "province", label: "服务所在省份", choices: codeOptions([...zones].map(([code, z]) => ({ code, name: z.name }))), all: "全部" },
    { kind: "select", name: "form", label: "服务形式", choices: SERVICE_FORM_LABEL, all: "全部" },
  ];
  const t = data.totals;
  const all = recordsHref(filter);
  const table = (name: string) => ({ href: "/api/export/tracking", params: { ...values, table: name } });
  const title = roles.length === 1 ? TITLE[roles[0]] : "服务成效";
  const byProgram = data.byProgram.map((r) => row(r.key, PROGRAM_KEY_LABEL[r.key as ProgramKey] ?? r.key, recordsHref(filter, { program: r.key as ProgramKey }), r));
  const byForm = data.byForm.map((r) => row(r.key, SERVICE_FORM_LABEL[r.key as keyof typeof SERVICE_FORM_LABEL] ?? r.key, recordsHref(filter, { form: r.key as TrackingFilter["form"] }), r));
  const byMonth = data.byMonth.map((r) => row(r.key, r.key, recordsHref(filter, { month: r.key }), r));
  const monthColumns = INDICATOR_COLUMNS.filter((c) => c.key !== "experts");
  const yearNote = filter.year ? `${filter.year}年` : "全部年度";

  return (
    <>
      <PageHeader title={extras.names.length ? `${title}（${extras.names.join("、")}）` : title}
        subtitle="经服务单位确认的服务记录汇总，仅含本账号自己的数据。点击任一数字可查看对应记录。" />
      <div className="space-y-6">
        <SearchForm action="/tracking" label="统计筛选" fields={fields} values={values} columns={serves ? 4 : 3} />
        <StatGrid>
          <StatTile label="服务次数" value={t.records} unit="次" href={all} />
          <StatTile label="服务时长" value={t.hours} unit="小时" hint={`服务天数 ${formatNumber(t.days)} 天`} href={all} />
          <StatTile label={roles.includes("expert") && roles.length === 1 ? "服务天数" : "专家人数"} value={roles.includes("expert") && roles.length === 1 ? t.days : t.experts}
            unit={roles.includes("expert") && roles.length === 1 ? "天" : "人"} href={all} />
          <StatTile label="服务人数" value={t.peopleServed} unit="人次" hint={`其中培训 ${formatNumber(t.peopleTrained)} 人次`} href={all} />
          <StatTile label="推广技术" value={t.techniquesPromoted} unit="项" href={all} />
          <StatTile label="带动增收" value={t.incomeEffect} unit="万元" href={all} />
        </StatGrid>
        {t.records === 0 && <EmptyState title="暂无符合条件的已确认服务记录">请调整筛选条件；服务单位确认服务记录后，这里会自动汇总。</EmptyState>}

        <Card title="服务时长按月份" action={<ExportLinks {...table("month")} />}>
          <Chart label="服务时长按月份的折线图，数据见下表" option={lineOption(byMonth.map((r) => ({ label: r.label, value: r.values.hours, href: r.href })), "服务时长（小时）")} />
          <IndicatorTable caption="按月份统计" head="月份" rows={byMonth} columns={monthColumns} />
        </Card>

        <div className="grid gap-6 xl:grid-cols-2">
          <Card title="按服务形式" action={<ExportLinks {...table("form")} />}>
            <Chart label="各服务形式服务时长柱状图，数据见下表" height={Math.max(200, byForm.length * 24)}
              option={barOption(byForm.map((r) => ({ label: r.label, value: r.values.hours, href: r.href })), "服务时长", "小时")} />
            <IndicatorTable caption="按服务形式统计" head="服务形式" rows={byForm} columns={INDICATOR_COLUMNS.slice(0, 5)} />
          </Card>
          <Card title="按专项行动" action={<ExportLinks {...table("program")} />}>
            <Chart label="各专项行动服务时长柱状图，数据见下表" height={200}
              option={barOption(byProgram.map((r) => ({ label: r.label, value: r.values.hours, href: r.href })), "服务时长", "小时")} />
            <IndicatorTable caption="按专项行动统计" head="专项行动" rows={byProgram} columns={INDICATOR_COLUMNS.slice(0, 5)} />
          </Card>
        </div>

        {roles.includes("unit") && (
          <Card title={`本单位需求（${yearNote}提交）`} action={<ExportLinks {...table("needs")} />}>
            {extras.needsByState.length === 0 ? <EmptyState title="暂无需求" /> : (
              <Table caption="本单位需求按状态统计">
                <THead><tr><Th scope="col">状态</Th><Th scope="col" className="text-right">需求数</Th></tr></THead>
                <TBody>
                  {extras.needsByState.map((n) => (
                    <tr key={n.state}>
                      <Th scope="row" className="text-left font-normal">{NEED_STATE_LABEL[n.state]}</Th>
                      <Td className="text-right tabular-nums">{link(ownNeedsHref(filter, n.state), n.count, `${NEED_STATE_LABEL[n.state]}需求`)}</Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            )}
          </Card>
        )}

        {(roles.includes("unit") || roles.includes("expert")) && (
          <Card title={`服务项目（${yearNote}建立）`} action={<ExportLinks {...table("engagements")} />}>
            {extras.engagementsByState.length === 0 ? <EmptyState title="暂无服务项目" /> : (
              <Table caption="服务项目按状态统计">
                <THead><tr><Th scope="col">状态</Th><Th scope="col" className="text-right">项目数</Th></tr></THead>
                <TBody>
                  {extras.engagementsByState.map((e) => (
                    <tr key={e.state}>
                      <Th scope="row" className="text-left font-normal">{ENGAGEMENT_STATE_LABEL[e.state]}</Th>
                      <Td className="text-right tabular-nums">{link(ownEngagementsHref(filter, e.state), e.count, `${ENGAGEMENT_STATE_LABEL[e.state]}服务项目`)}</Td>
                    </tr>
                  ))}
                </TBody>
              </Table>
            )}
            {extras.feedback && (
              <p className="mt-3 text-sm text-slate-700">
                服务单位评价{" "}
                <Link href={ownFeedbackHref(filter)} className="text-brand-700 underline" aria-label={`服务单位评价 ${formatNumber(extras.feedback.count)} 条，查看明细`}>
                  {formatNumber(extras.feedback.count)}
                </Link>{" "}条
                {extras.feedback.rating !== null && <>，平均满意度 {extras.feedback.rating} 分（满分 5 分）</>}。
              </p>
            )}
          </Card>
        )}

        {roles.includes("base") && (
          <>
            <Card title="基地依托的示范活动进展报送（调度）" action={<ExportLinks {...table("activities")} />}>
              {data.activities.length === 0 ? <EmptyState title="暂无进展报送" /> : (
                <Table caption="基地依托的示范活动进展报送汇总（按专项行动）">
                  <THead>
                    <tr><Th scope="col">专项行动</Th><Th scope="col" className="text-right">活动数</Th><Th scope="col" className="text-right">报送次数</Th><Th scope="col" className="text-right">专家人次</Th><Th scope="col" className="text-right">服务时长（小时）</Th><Th scope="col" className="text-right">服务人数</Th></tr>
                  </THead>
                  <TBody>
                    {data.activities.map((a) => {
                      const href = ownActivitiesHref(filter, a.program);
                      return (
                        <tr key={a.program}>
                          <Th scope="row" className="text-left font-normal">{PROGRAM_KEY_LABEL[a.program]}</Th>
                          {(["activities", "reports", "expertsCount", "serviceHours", "peopleServed"] as const).map((k) => (
                            <Td key={k} className="text-right tabular-nums">{link(href, a[k], PROGRAM_KEY_LABEL[a.program])}</Td>
                          ))}
                        </tr>
                      );
                    })}
                  </TBody>
                </Table>
              )}
            </Card>
            <Card title={`基地年度报告（${yearNote}）`} action={<ExportLinks {...table("bases")} />}>
              {extras.bases.length === 0 ? <EmptyState title="尚无专家服务基地" /> : (
                <Table caption="本单位依托基地的年度报告">
                  <THead>
                    <tr><Th scope="col">基地</Th><Th scope="col">级别</Th><Th scope="col" className="text-right">依托的示范活动</Th><Th scope="col">年度</Th><Th scope="col" className="text-right">组织专家</Th><Th scope="col" className="text-right">开展活动</Th><Th scope="col" className="text-right">培养人才</Th></tr>
                  </THead>
                  <TBody>
                    {extras.bases.flatMap((b) => {
                      const href = `/base/bases/${b.id}`;
                      const reports = b.reports.length ? b.reports : [null];
                      return reports.map((r, i) => (
                        <tr key={`${b.id}-${r?.year ?? "none"}`}>
                          <Th scope="row" className="text-left font-normal">{i === 0 ? <Link href={href} className="text-brand-700 hover:underline">{b.name}</Link> : <span className="sr-only">{b.name}</span>}</Th>
                          <Td>{BASE_LEVEL_LABEL[b.level]}</Td>
                          <Td className="text-right tabular-nums">{link(ownActivitiesHref(filter), b.activities, `${b.name}依托的示范活动`)}</Td>
                          <Td>{r ? `${r.year} 年` : "未报送"}</Td>
                          {(["expertsCount", "activitiesCount", "peopleTrained"] as const).map((k) => (
                            <Td key={k} className="text-right tabular-nums">{r ? link(href, r[k], `${b.name} ${r.year}年`) : "—"}</Td>
                          ))}
                        </tr>
                      ));
                    })}
                  </TBody>
                </Table>
              )}
            </Card>
          </>
        )}
      </div>
    </>
  );
}
