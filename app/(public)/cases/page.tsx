import type { Metadata } from "next";
import { connection } from "next/server";
import { CaseList } from "@/components/portal/case-list";
import { ListResults } from "@/components/ui/list-page";
import { keywordField, SearchForm } from "@/components/ui/search-form";
import { caseProvinces, publishedCases } from "@/lib/cases/portal-queries";
import { publicCaseSearchSchema } from "@/lib/cases/schemas";
import { formatNumber } from "@/lib/format";
import { BASE_FIELD_LABEL, SERVICE_FORM_LABEL } from "@/lib/labels";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "典型案例库", description: "专家人才服务基层典型案例：按领域、服务形式、地区检索" };

// Public: published cases only. Rendered on demand (the build needs no database); the reads are cached
// (lib/portal/cache.ts), so a page view costs no query while the cache is fresh.
export default async function CaseLibraryPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const search = publicCaseSearchSchema.parse(await firstValues(searchParams));
  const [result, provinces] = await Promise.all([publishedCases(search), caseProvinces()]);
  const values = queryValues(search);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold text-slate-900">典型案例库</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        各地专家人才服务基层的典型做法和成效。案例数据取自服务单位已确认的服务记录，经审核后发布。
      </p>
      <div className="mt-6">
        <SearchForm action="/cases" label="案例检索" values={values} columns={6} fields={[
          keywordField("标题、摘要或正文中的词"),
          { kind: "select", name: "field", label: "领域", choices: BASE_FIELD_LABEL, all: "全部" },
          { kind: "select", name: "form", label: "服务形式", choices: SERVICE_FORM_LABEL, all: "全部" },
          { kind: "select", name: "region", label: "地区", choices: provinces.map((p) => ({ value: p.code, label: p.name })), all: "全部" },
          { kind: "check", name: "replicable", label: "可复制推广" },
        ]} />
        <ListResults path="/cases" values={values} page={result} count={`共 ${formatNumber(result.total)} 篇案例`}
          empty={result.rows.length === 0 && { title: "没有符合条件的案例", body: "请调整检索条件后重试。" }}>
          <CaseList cases={result.rows} headingLevel={2} />
        </ListResults>
      </div>
    </div>
  );
}
