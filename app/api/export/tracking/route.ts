import { exportRoute } from "@/lib/export/route";
import { trackingExportSchema } from "@/lib/tracking/schemas";
import { provinceZones, trackingDashboard } from "@/lib/tracking/queries";
import { tableColumns, tableRows, type TableRow } from "@/lib/tracking/tables";
import { trackingView } from "@/lib/tracking/view";

/**
 * One table of the tracking dashboard (?table=province|program|form|month|flow|priority) with the dashboard's
 * filters, within the reader's scope. The columns are the widest table's; a table leaves the others empty.
 */
export const GET = exportRoute({
  operation: "tracking.export",
  auditOperation: "tracking.export",
  schema: trackingExportSchema,
  rows: async (user, { table, ...filter }): Promise<TableRow[]> => {
    const view = trackingView(user);
    if (!view) return [];
    const [data, zones] = await Promise.all([trackingDashboard({ view, filter }), provinceZones()]);
    return tableRows(data, table, { name: (c) => zones.get(c)?.name ?? c, zone: (c) => zones.get(c)?.zone });
  },
  columns: [
    ...tableColumns("flow").slice(0, 3).map((c, i) => (i === 0 ? { ...c, header: "项目" } : c)),
    ...tableColumns("province").slice(1),
    { header: "需求数", value: (r: TableRow) => r.needs ?? "" },
  ],
  baseName: "跟踪问效统计",
  describe: (n) => `跟踪问效统计表 ${n} 行`,
});
