import { exportRoute } from "@/lib/export/route";
import type { ExportColumn } from "@/lib/export/table";
import { formatDate } from "@/lib/format";
import { NOMINATION_STATE_LABEL, PROFESSIONAL_TITLE_LABEL } from "@/lib/labels";
import { libraryView, nominationsForExport } from "@/lib/library/queries";
import { nominationSearchSchema } from "@/lib/library/schemas";

type Row = Awaited<ReturnType<typeof nominationsForExport>>[number];

const COLUMNS: ExportColumn<Row>[] = [
  { header: "推荐省份", value: (r) => r.provinceName },
  { header: "专家", value: (r) => r.expert.name },
  { header: "工作单位", value: (r) => r.expert.employer, width: 28 },
  { header: "职称", value: (r) => PROFESSIONAL_TITLE_LABEL[r.expert.title] },
  { header: "推荐理由", value: (r) => r.reason, width: 40 },
  { header: "推荐人", value: (r) => r.nominatedByName },
  { header: "推荐日期", value: (r) => formatDate(r.createdAt) },
  { header: "状态", value: (r) => NOMINATION_STATE_LABEL[r.state] },
  { header: "审定人", value: (r) => r.decidedByName },
  { header: "审定日期", value: (r) => (r.decidedAt ? formatDate(r.decidedAt) : "") },
  { header: "审定意见", value: (r) => r.decisionReason, width: 30 },
];

/** Library nominations (the ministry's queue or a province's own), with the page's filters; no personal data. */
export const GET = exportRoute({
  operation: "library.nominate",
  allowed: (user) => !!libraryView(user),
  auditOperation: "library.exportNominations",
  schema: nominationSearchSchema,
  rows: nominationsForExport,
  columns: COLUMNS,
  baseName: "重点联系专家库推荐记录",
  describe: (n) => `重点联系专家库推荐记录 ${n} 条`,
});
