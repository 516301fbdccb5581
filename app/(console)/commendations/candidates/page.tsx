import type { Metadata } from "next";
import Link from "next/link";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ListPage } from "@/components/ui/list-page";
import { keywordField } from "@/components/ui/search-form";
import { requirePermission } from "@/lib/auth/session";
import { currentYear, searchCandidates, type Candidate } from "@/lib/commendations/queries";
import { candidateSearchSchema } from "@/lib/commendations/schemas";
import { formatNumber } from "@/lib/format";
import { COMMENDATION_STATE_LABEL } from "@/lib/labels";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "从服务数据中推荐表彰" };

export default async function CandidatesPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/commendations/candidates", "commendation.nominate");
  const search = candidateSearchSchema.parse(await firstValues(searchParams));
  const result = await searchCandidates(user, search);
  const year = currentYear();
  const years = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [String(year - i), `${year - i} 年`]));
  const columns: Column<Candidate>[] = [
    { header: "专家", className: "font-medium", cell: (c) => c.name },
    { header: "单位", cell: (c) => c.employer },
    { header: "服务时长", className: "whitespace-nowrap", cell: (c) => `${c.hours} 小时` },
    { header: "服务记录", className: "whitespace-nowrap", cell: (c) => `${c.records} 条` },
    { header: "服务单位", className: "whitespace-nowrap", cell: (c) => `${c.units} 个` },
    { header: "服务人次", className: "whitespace-nowrap", cell: (c) => formatNumber(c.peopleServed) },
    {
      header: "推荐", className: "whitespace-nowrap",
      cell: (c) => c.nomination && c.nomination !== "WITHDRAWN"
        ? COMMENDATION_STATE_LABEL[c.nomination as keyof typeof COMMENDATION_STATE_LABEL]
        : <Link href={`/commendations/new?expertId=${c.expertId}&year=${result.year}`} className="text-brand-700 underline" aria-label={`推荐 ${c.name} 表彰`}>推荐表彰</Link>,
    },
  ];
  return (
    <ListPage
      title="从服务数据中推荐表彰"
      subtitle={`${result.year} 年有经服务单位确认的服务记录的专家，按服务时长排列`}
      path="/commendations/candidates"
      values={{ ...queryValues(search), year: String(result.year) }}
      search={{
        label: "候选专家查询",
        fields: [keywordField("专家姓名或单位"), { kind: "select", name: "year", label: "年度", choices: years, defaultValue: String(year) }],
      }}
      count={`共 ${formatNumber(result.total)} 位专家`}
      empty={result.rows.length === 0 && { title: "该年度没有经确认的服务记录", body: "请选择其他年度。" }}
      page={result}
    >
      <DataTable caption={`${result.year} 年候选专家（按服务时长）`} columns={columns} rows={result.rows} rowKey={(c) => c.expertId} />
    </ListPage>
  );
}
