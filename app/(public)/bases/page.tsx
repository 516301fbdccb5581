import type { Metadata } from "next";
import { connection } from "next/server";
import { baseSearchFields } from "@/components/bases/base-search-fields";
import { Badge } from "@/components/ui/badge";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ListResults } from "@/components/ui/list-page";
import { SearchForm } from "@/components/ui/search-form";
import { publicBases } from "@/lib/bases/queries";
import { baseSearchSchema } from "@/lib/bases/schemas";
import { formatDate, formatNumber } from "@/lib/format";
import { BASE_FIELD_LABEL, BASE_LEVEL_LABEL } from "@/lib/labels";
import { provinceOptions } from "@/lib/reference/queries";
import { firstValues, queryValues, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "专家服务基地名单" };

type Row = Awaited<ReturnType<typeof publicBases>>["rows"][number];

const PUBLIC_STATES = { ESTABLISHED: "已设立", RECTIFYING: "限期整改中", REMOVED: "已调整退出" };

const COLUMNS: Column<Row>[] = [
  { header: "基地名称", className: "font-medium", cell: (b) => b.name },
  { header: "编号", className: "whitespace-nowrap", cell: (b) => b.code ?? "—" },
  { header: "级别", className: "whitespace-nowrap", cell: (b) => BASE_LEVEL_LABEL[b.level] },
  { header: "领域", className: "whitespace-nowrap", cell: (b) => BASE_FIELD_LABEL[b.field] },
  { header: "地区", cell: (b) => b.region.name },
  { header: "依托单位", cell: (b) => b.hostOrg.name },
  { header: "设立日期", className: "whitespace-nowrap", cell: (b) => formatDate(b.establishedAt) },
  {
    header: "状态",
    cell: (b) => b.state === "REMOVED" ? (
      <span><Badge tone="danger">已调整退出</Badge> <span className="text-sm text-slate-700">{formatDate(b.removedAt)}，原因：{b.removalReason}</span></span>
    ) : <Badge tone={b.state === "RECTIFYING" ? "warning" : "success"}>{PUBLIC_STATES[b.state as keyof typeof PUBLIC_STATES]}</Badge>,
  },
];

// Public, no sign-in: established bases, those under rectification, and removed ones with the published reason.
export default async function PublicBasesPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const search = baseSearchSchema.parse(await firstValues(searchParams));
  const [result, provinces] = await Promise.all([publicBases(search), provinceOptions()]);
  const values = queryValues(search);
  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <h1 className="text-2xl font-semibold text-slate-900">专家服务基地名单</h1>
      <p className="mt-2 max-w-3xl text-sm text-slate-600">
        依据《专家服务基地建设管理办法》设立的国家级、省级专家服务基地。基地实行动态管理：年度评估不合格的限期整改，整改不到位的调整退出。
      </p>
      <div className="mt-6">
        <SearchForm action="/bases" label="基地查询" values={values}
          fields={baseSearchFields({ provinces, states: PUBLIC_STATES })} />
        <ListResults path="/bases" values={values} page={result}
          count={`共 ${formatNumber(result.total)} 个基地`}
          empty={result.rows.length === 0 && { title: "没有符合条件的基地", body: "请调整查询条件后重试。" }}>
          <DataTable caption="专家服务基地名单" columns={COLUMNS} rows={result.rows} rowKey={(b) => b.id} />
        </ListResults>
      </div>
    </div>
  );
}
