import { exportRoute } from "@/lib/export/route";
import { MEMBER_EXPORT_COLUMNS, MEMBER_EXPORT_NAME } from "@/lib/library/export";
import { libraryView, membersForExport } from "@/lib/library/queries";
import { memberSearchSchema } from "@/lib/library/schemas";

/** The library's member list as .xlsx or .csv, with the page's filters, within the user's scope (no personal data). */
export const GET = exportRoute({
  operation: "library.nominate",
  allowed: (user) => !!libraryView(user),
  auditOperation: "library.export",
  schema: memberSearchSchema,
  rows: membersForExport,
  columns: MEMBER_EXPORT_COLUMNS,
  baseName: MEMBER_EXPORT_NAME,
  describe: (n) => `重点联系专家库入库专家 ${n} 人`,
});
