import { challengesForExport } from "@/lib/challenges/queries";
import { challengeSearchSchema } from "@/lib/challenges/schemas";
import { exportRoute } from "@/lib/export/route";
import type { ExportColumn } from "@/lib/export/table";
import { formatDate } from "@/lib/format";
import { CHALLENGE_STATE_LABEL } from "@/lib/labels";

type Row = Awaited<ReturnType<typeof challengesForExport>>[number];

const COLUMNS: ExportColumn<Row>[] = [
  { header: "题目", value: (r) => r.title, width: 32 },
  { header: "出题企业", value: (r) => r.enterprise.name, width: 28 },
  { header: "地区", value: (r) => r.region.name },
  { header: "级别", value: (r) => (r.national ? "国家级" : "省级") },
  { header: "技术指标", value: (r) => r.indicators.join("；"), width: 48 },
  { header: "榜单金额（元）", value: (r) => r.rewardYuan ?? "" },
  { header: "揭榜截止", value: (r) => formatDate(r.bidDeadline) },
  { header: "发榜日期", value: (r) => formatDate(r.publishedAt) },
  { header: "揭榜方案（份）", value: (r) => r.bids },
  { header: "状态", value: (r) => CHALLENGE_STATE_LABEL[r.state] },
];

/** The challenges of a management list (enterprise, province, ministry), with the page's filters, within the user's scope. */
export const GET = exportRoute({
  operation: "challenge.read",
  auditOperation: "challenge.export",
  schema: challengeSearchSchema,
  rows: challengesForExport,
  columns: COLUMNS,
  baseName: "揭榜挂帅题目",
  describe: (n) => `揭榜挂帅题目 ${n} 个`,
});
