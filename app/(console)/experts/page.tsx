import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { expertSearchFields } from "@/components/experts/expert-search-fields";
import { ExpertTable } from "@/components/experts/expert-table";
import { LinkButton } from "@/components/ui/button";
import { ListPage } from "@/components/ui/list-page";
import { holds, listScope } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { pendingRegistrations, searchExperts } from "@/lib/experts/queries";
import { expertSearchSchema } from "@/lib/experts/schemas";
import { formatNumber } from "@/lib/format";
import { disciplineOptions, industryOptions, provinceOptions } from "@/lib/reference/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "专家库" };

export default async function ExpertsPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requirePermission("/experts", "expert.read");
  const scope = listScope(user, "expert.read");
  // An expert's own scope is their profile alone: send them there.
  if (scope && !scope.all && !scope.provinceCodes.length) redirect("/expert/profile");
  const search = expertSearchSchema.parse(await firstValues(searchParams));
  const [result, provinces, disciplines, industries, pending] = await Promise.all([
    searchExperts(user, search), provinceOptions(), disciplineOptions(), industryOptions(), pendingRegistrations(user),
  ]);
  const national = !!scope?.all;
  return (
    <ListPage
      title={national ? "专家库" : "专家管理"}
      subtitle={national ? "全国专家。联系方式脱敏显示。" : "本省专家，以及外省同意跨地区共享的专家（只读）。联系方式脱敏显示。"}
      actions={holds(user, "expert.create") && <LinkButton href="/experts/new">录入专家</LinkButton>}
      exportHref="/api/export/experts"
      intro={pending > 0 && search.status !== "PENDING" && (
        <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          有 {formatNumber(pending)} 份专家注册申请待审核。<Link className="font-medium underline" href="/experts?status=PENDING">去审核</Link>
        </p>
      )}
      path="/experts"
      values={queryValues(search)}
      search={{
        label: "专家查询",
        fields: expertSearchFields({ provinces, disciplines, industries, showOrigin: !national && !!scope?.provinceCodes.length }),
      }}
      count={`共 ${formatNumber(result.total)} 位专家`}
      empty={result.rows.length === 0 && {
        title: "没有符合条件的专家",
        body: search.stale ? "请调整查询条件后重试。" : "请调整查询条件；超过12个月未确认的专家默认不显示，可勾选“包含超过12个月未确认的专家”。",
      }}
      page={result}
    >
      <ExpertTable rows={result.rows} />
    </ListPage>
  );
}
