import type { ExportRouteDefinition } from "@/lib/export/route";
import { ownBases, ownEngagementsByState, ownNeedsByState } from "@/lib/tracking/own";
import { activityReportSummary, baseReportSummary, provinceZones, trackingDashboard } from "@/lib/tracking/queries";
import {
  isOwnTable, isStaffTable, OWN_TRACKING_TABLES, STAFF_TRACKING_TABLES, trackingExportSchema, type OwnTrackingTable, type TrackingFilter,
} from "@/lib/tracking/schemas";
import { ownTableColumns, ownTableRows, staffTableColumns, staffTableRows, tableColumns, tableRows, type TableRow } from "@/lib/tracking/tables";
import { ownRoles, trackingView, type OwnRole, type TrackingView } from "@/lib/tracking/view";

// One table of a tracking dashboard per download (/api/export/tracking?table=…), with the dashboard's filters and
// within the reader's view: the shared tables for every view, an own dashboard's tables for their owners only —
// exactly the tables the reader's page shows (the activity and base report summaries: the ministry's and provinces'). Rows always come from the session's view, whatever the URL names.

/** Who sees each own table on their dashboard (app/(console)/tracking/own-dashboard.tsx). */
export const OWN_TABLE_OWNERS: Record<OwnTrackingTable, OwnRole[]> = {
  needs: ["unit"], engagements: ["unit", "expert"], activities: ["base"], bases: ["base"],
};
const OWNER_LABEL: Record<OwnRole, string> = { unit: "基层单位", expert: "专家", base: "专家服务基地依托单位" };

/** The shared tables' columns: the widest table's; a table leaves the others empty. */
const SHARED_COLUMNS = [
  ...tableColumns("flow").slice(0, 3).map((c, i) => (i === 0 ? { ...c, header: "项目" } : c)),
  ...tableColumns("province").slice(1),
  { header: "需求数", value: (r: TableRow) => r.needs ?? "" },
];

/** An own table's rows: refused above unless the view is an own one holding the table's role, and kept so here. */
async function ownRows(view: TrackingView, table: OwnTrackingTable, filter: TrackingFilter): Promise<TableRow[]> {
  if (!view.own || !OWN_TABLE_OWNERS[table].some((r) => ownRoles(view).includes(r))) return [];
  switch (table) {
    case "needs": return ownTableRows(table, { needsByState: await ownNeedsByState(view.own, filter) });
    case "engagements": return ownTableRows(table, { engagementsByState: await ownEngagementsByState(view.own, filter) });
    case "activities": return ownTableRows(table, { activities: await activityReportSummary({ view, filter }) });
    case "bases": return ownTableRows(table, { bases: await ownBases(view.own, filter) });
  }
}

export const trackingExport: ExportRouteDefinition<typeof trackingExportSchema, TableRow> = {
  operation: "tracking.export",
  auditOperation: "tracking.export",
  schema: trackingExportSchema,
  refuse: (user, { table }) => {
    if (isStaffTable(table)) {
      const view = trackingView(user);
      return view && !view.own ? null : `无权导出“${STAFF_TRACKING_TABLES[table]}”：这张表只在部、省级的跟踪问效页面上`;
    }
    if (!isOwnTable(table)) return null;
    const view = trackingView(user);
    const roles = view ? ownRoles(view) : [];
    if (OWN_TABLE_OWNERS[table].some((r) => roles.includes(r))) return null;
    return `无权导出“${OWN_TRACKING_TABLES[table]}”：这张表只在${OWN_TABLE_OWNERS[table].map((r) => OWNER_LABEL[r]).join("、")}自己的跟踪问效页面上`;
  },
  rows: async (user, { table, ...filter }) => {
    const view = trackingView(user);
    if (!view) return [];
    if (isOwnTable(table)) return ownRows(view, table, filter);
    if (isStaffTable(table)) {
      if (view.own) return [];
      return table === "activityReports"
        ? staffTableRows(table, { activities: await activityReportSummary({ view, filter }), bases: [] })
        : staffTableRows(table, { activities: [], bases: await baseReportSummary({ view, filter }) });
    }
    const [data, zones] = await Promise.all([trackingDashboard({ view, filter }), provinceZones()]);
    return tableRows(data, table, { name: (c) => zones.get(c)?.name ?? c, zone: (c) => zones.get(c)?.zone });
  },
  columns: ({ table }) => (isOwnTable(table) ? ownTableColumns(table) : isStaffTable(table) ? staffTableColumns(table) : SHARED_COLUMNS),
  baseName: ({ table }) => (isOwnTable(table) ? `跟踪问效-${OWN_TRACKING_TABLES[table]}` : isStaffTable(table) ? `跟踪问效-${STAFF_TRACKING_TABLES[table]}` : "跟踪问效统计"),
  describe: (n) => `跟踪问效统计表 ${n} 行`,
};
