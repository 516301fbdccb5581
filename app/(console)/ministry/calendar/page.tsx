import type { Metadata } from "next";
import Link from "next/link";
import { CalendarRunForm } from "@/components/calendar/calendar-run-form";
import { RemoveRunButton } from "@/components/calendar/remove-run-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, Td, Th, THead } from "@/components/ui/table";
import { requirePermission } from "@/lib/auth/session";
import { calendarYearSchema, DAY_KIND_LABEL } from "@/lib/calendar/schemas";
import { calendarRuns } from "@/lib/calendar/queries";
import { chinaDay } from "@/lib/calendar/china-time";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "工作日历" };

const WEEKDAY = ["日", "一", "二", "三", "四", "五", "六"];
const withWeekday = (iso: string) => `${iso}（周${WEEKDAY[new Date(`${iso}T00:00:00Z`).getUTCDay()]}）`;

export default async function CalendarPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("/ministry/calendar", "calendar.manage");
  const thisYear = chinaDay().getUTCFullYear();
  const parsed = calendarYearSchema.safeParse((await firstValues(searchParams)).year);
  const year = parsed.success ? parsed.data : thisYear;
  const runs = await calendarRuns(year);
  return (
    <>
      <PageHeader
        title="工作日历"
        subtitle="邀请答复期限按工作日计算：周一至周五上班、周末休息，以下录入的法定节假日放假、调休日上班。请按国务院办公厅每年发布的部分节假日安排通知录入。"
      />
      <div className="space-y-6">
        <Card title="录入节假日安排">
          <CalendarRunForm />
        </Card>
        <Card title={`${year} 年的节假日安排`}>
          <nav aria-label="选择年份" className="mb-4 flex gap-3 text-sm">
            <Link className="text-brand-700 underline" href={`/ministry/calendar?year=${year - 1}`}>{year - 1} 年</Link>
            {year !== thisYear && <Link className="text-brand-700 underline" href="/ministry/calendar">今年</Link>}
            <Link className="text-brand-700 underline" href={`/ministry/calendar?year=${year + 1}`}>{year + 1} 年</Link>
          </nav>
          {runs.length === 0 ? (
            <EmptyState title={`${year} 年尚未录入节假日安排`}>未录入时只按周末计算工作日：节假日期间也会计入答复期限。</EmptyState>
          ) : (
            <Table caption={`${year} 年的节假日安排`}>
              <THead><tr><Th>节日</Th><Th>安排</Th><Th>日期</Th><Th>天数</Th><Th><span className="sr-only">操作</span></Th></tr></THead>
              <TBody>
                {runs.map((r) => (
                  <tr key={`${r.start}-${r.kind}`}>
                    <Td className="font-medium">{r.name}</Td>
                    <Td><Badge tone={r.kind === "HOLIDAY" ? "success" : "warning"}>{DAY_KIND_LABEL[r.kind]}</Badge></Td>
                    <Td className="whitespace-nowrap">{r.start === r.end ? withWeekday(r.start) : `${withWeekday(r.start)} 至 ${withWeekday(r.end)}`}</Td>
                    <Td>{r.days}</Td>
                    <Td className="text-right"><RemoveRunButton run={r} /></Td>
                  </tr>
                ))}
              </TBody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
