import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { ListResults } from "@/components/ui/list-page";
import { SearchForm } from "@/components/ui/search-form";
import { formatDate, formatNumber } from "@/lib/format";
import { ACTIVITY_STATE_LABEL, PROGRAM_CODE_LABEL } from "@/lib/labels";
import { publishedDemonstrations, publishedYears } from "@/lib/activities/selection-queries";
import { demonstrationSearchSchema } from "@/lib/activities/selection-schemas";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "示范活动入选名单" };

// Public, no sign-in: only the selection of plans whose results the ministry published.
export default async function DemonstrationsPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const search = demonstrationSearchSchema.parse(await firstValues(searchParams));
  const [result, years] = await Promise.all([publishedDemonstrations(search), publishedYears()]);
  const values = queryValues(search);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold text-slate-900">专家人才服务基层示范活动入选名单</h1>
      <p className="mt-2 mb-6 max-w-3xl text-sm text-slate-600">
        人力资源社会保障部每年围绕年度主题，从各省份和国务院有关部门推荐的申报中择优遴选示范活动。以下为已公布的入选名单。
      </p>
      <SearchForm action="/demonstrations" label="入选名单查询" values={values} columns={3} fields={[
        { kind: "select", name: "year", label: "年度", choices: years.map((y) => ({ value: String(y), label: `${y}年` })), all: "全部年度" },
        { kind: "select", name: "program", label: "项目", choices: PROGRAM_CODE_LABEL, all: "全部项目" },
        { kind: "text", name: "q", label: "关键词", hint: "活动名称", maxLength: 60 },
      ]} />
      <ListResults path="/demonstrations" values={values} page={result} count={`共 ${formatNumber(result.total)} 项入选示范活动`}
        empty={result.rows.length === 0 && { title: "暂无已公布的入选示范活动", body: "遴选结果公布后将在这里展示。" }}>
        <ul className="grid gap-3 sm:grid-cols-2">
          {result.rows.map((r) => (
            <li key={r.id} className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
              <h2 className="font-medium text-slate-900">
                <Link href={`/demonstrations/${r.id}`} className="text-brand-700 underline-offset-2 hover:underline">{r.title}</Link>
              </h2>
              <p className="mt-1 text-sm text-slate-600">{r.year}年 · {r.program} · {r.province}</p>
              <p className="mt-1 text-xs text-slate-600">
                组织单位：{r.organiser}{r.hostBase ? ` · 承办基地：${r.hostBase}` : ""} · {ACTIVITY_STATE_LABEL[r.state]}
                {r.plannedStart ? ` · ${formatDate(r.plannedStart)} 至 ${formatDate(r.plannedEnd)}` : ""}
              </p>
            </li>
          ))}
        </ul>
      </ListResults>
    </div>
  );
}
