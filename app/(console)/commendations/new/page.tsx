import type { Metadata } from "next";
import Link from "next/link";
import { FiguresView } from "@/components/commendations/figures";
import { NominateForm } from "@/components/commendations/commendation-forms";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { loadInScope } from "@/lib/auth/load-in-scope";
import { currentYear, nominationFacts, nomineeInScope } from "@/lib/commendations/queries";
import { candidateSearchSchema } from "@/lib/commendations/schemas";
import { COMMENDATION_STATE_LABEL, PROFESSIONAL_TITLE_LABEL } from "@/lib/labels";
import { firstValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "推荐表彰" };

export default async function NominatePage({ searchParams }: { searchParams: SearchParams }) {
  const values = await firstValues(searchParams);
  const expertId = values.expertId ?? "";
  const year = candidateSearchSchema.parse(values).year ?? currentYear();
  const { record: e } = await loadInScope({ path: `/commendations/new?expertId=${expertId}`, ...nomineeInScope(expertId) });
  const { figures, existing } = await nominationFacts(e.id, year);
  return (
    <>
      <PageHeader title={`推荐表彰：${e.name}`} subtitle={`${e.employer} · ${PROFESSIONAL_TITLE_LABEL[e.title]} · ${e.region.name} · ${year} 年度`} />
      <div className="space-y-6">
        <Card title={`${year} 年服务数据（经服务单位确认）`}>
          {figures ? <FiguresView figures={figures} year={year} /> : <p className="text-sm text-slate-600">该专家 {year} 年没有经服务单位确认的服务记录，不能推荐表彰。</p>}
        </Card>
        <Card title="推荐">
          {existing && existing.state !== "WITHDRAWN" ? (
            <p className="text-sm">
              该专家本年度已有表彰推荐（{COMMENDATION_STATE_LABEL[existing.state]}）：
              <Link href={`/commendations/${existing.id}`} className="text-brand-700 underline">查看</Link>
            </p>
          ) : figures ? <NominateForm expertId={e.id} year={year} /> : <p className="text-sm text-slate-600">没有可依据的服务数据。</p>}
        </Card>
      </div>
    </>
  );
}
