import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { yearOptions } from "@/components/ui/options";
import { PageHeader } from "@/components/ui/page-header";
import { SearchForm, type SearchFields } from "@/components/ui/search-form";
import { requirePermission } from "@/lib/auth/session";
import { chinaDate } from "@/lib/calendar/china-time";
import { formatDate } from "@/lib/format";
import { myFeedbackSummary } from "@/lib/questionnaires/queries";
import { feedbackSearchSchema } from "@/lib/questionnaires/schemas";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "我收到的服务评价" };

export default async function ExpertFeedbackPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/expert/feedback", "feedback.readOwn");
  const search = feedbackSearchSchema.parse(await firstValues(searchParams));
  const s = await myFeedbackSummary(user, search);
  // The year the units gave their feedback (the expert's dashboard links here with its year).
  const fields: SearchFields = [{ kind: "select", name: "year", label: "评价年度", choices: yearOptions(2020, Number(chinaDate().slice(0, 4))), all: "全部年度" }];
  return (
    <>
      <PageHeader title="我收到的服务评价" subtitle="服务单位在服务结束后填写的评价问卷，汇总如下；每份评价按其填写时的问卷版本显示。" />
      <div className="mb-6"><SearchForm action="/expert/feedback" label="评价查询" fields={fields} values={queryValues(search)} columns={3} /></div>
      {!s || s.count === 0 ? (
        search.year
          ? <EmptyState title={`${search.year}年没有收到评价`}>可以选择其他年度或全部年度。</EmptyState>
          : <EmptyState title="还没有收到评价">服务结束、服务单位评价后将在此汇总。</EmptyState>
      ) : (
        <div className="space-y-6">
          <Card title="汇总">
            <p className="text-sm text-slate-800">共 {s.count} 份评价，平均满意度 <strong>{s.average}</strong> 分（满分 5 分）。</p>
            <table className="mt-3 text-sm">
              <caption className="sr-only">满意度分布</caption>
              <thead><tr><th scope="col" className="pr-6 text-left font-medium text-slate-600">满意度</th><th scope="col" className="text-left font-medium text-slate-600">份数</th></tr></thead>
              <tbody>{s.distribution.map((d) => <tr key={d.score}><td className="pr-6">{d.score} 分</td><td>{d.count}</td></tr>)}</tbody>
            </table>
            {s.yesNo.length > 0 && (
              <ul className="mt-4 space-y-1 text-sm text-slate-800">
                {s.yesNo.map((q) => (
                  <li key={q.key}>{q.label}：是 {q.yes} 份，否 {q.no} 份，未作答 {q.asked - q.yes - q.no} 份</li>
                ))}
              </ul>
            )}
          </Card>
          <Card title="最近的评价">
            <ul className="divide-y divide-slate-100">
              {s.recent.map((f) => (
                <li key={f.id} className="py-3 text-sm">
                  <p className="font-medium text-slate-900">
                    <Link href={`/engagements/${f.engagementId}`} className="text-brand-700 underline">{f.needTitle}</Link>（{f.unitName}）：{f.rating} 分
                  </p>
                  {f.answers.map((a) => <p key={a.key} className="text-slate-700">{a.label}：{a.text}</p>)}
                  {f.comment && <p className="whitespace-pre-wrap text-slate-800">{f.comment}</p>}
                  <p className="text-xs text-slate-600">{formatDate(f.at)}{f.version ? ` · 问卷第 ${f.version} 版` : ""}</p>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      )}
    </>
  );
}
