import type { Metadata } from "next";
import Link from "next/link";
import { CalendarRunForm } from "@/components/calendar/calendar-run-form";
import { RemoveRunButton } from "@/components/calendar/remove-run-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { DataTable, type Column } from "@/components/ui/data-table";
import { requirePermission } from "@/lib/auth/session";
import { calendarYearSchema, DAY_KIND_LABEL, type CalendarRun } from "@/lib/calendar/schemas";
import { calendarRuns } from "@/lib/calendar/queries";
import { chinaDay } from "@/lib/calendar/china-time";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "工作日历" };

const WEEKDAY = ["日", "一", "二", "三", "四", "五", "六"];
const withWeekday = (iso: string) => `${iso}（周${WEEKDAY[new Date(`${iso}T00:00:00Z`).getUTCDay()]}）`;

const COLUMNS: Column<CalendarRun>[] = [
  { header: "节日", className: "font-medium", cell: (r) => r.name },
  { header: "安排", cell: (r) => <Badge tone={r.kind === "HOLIDAY" ? "success" : "warning"}>{DAY_KIND_LABEL[r.kind]}</Badge> },
  {
    header: "日期", className: "whitespace-nowrap",
    cell: (r) => (r.start === r.end ? withWeekday(r.start) : `${withWeekday(r.start)} 至 ${withWeekday(r.end)}`),
  },
  { header: "天数", cell: (r) => r.days },
  { header: <span className="sr-only">操作</span>, className: "text-right", cell: (r) => <RemoveRunButton run={r} /> },
];

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
          <DataTable caption={`${year} 年的节假日安排`} columns={COLUMNS} rows={runs} rowKey={(r) => `${r.start}-${r.kind}`}
            empty={{ title: `${year} 年尚未录入节假日安排`, body: "未录入时只按周末计算工作日：节假日期间也会计入答复期限。" }} />
        </Card>
      </div>
    </>
  );
}
