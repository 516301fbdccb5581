import { ROLE_LABEL } from "@/lib/auth/roles";
import { exportRoute } from "@/lib/export/route";
import type { ExportColumn } from "@/lib/export/table";
import { formatDateTime } from "@/lib/format";
import { USER_STATUS_LABEL } from "@/lib/labels";
import { usersForExport } from "@/lib/users/queries";
import { userSearchSchema } from "@/lib/users/schemas";

type Row = Awaited<ReturnType<typeof usersForExport>>[number];

const COLUMNS: ExportColumn<Row>[] = [
  { header: "账号", value: (r) => r.username, width: 18 },
  { header: "姓名", value: (r) => r.displayName },
  { header: "角色", value: (r) => r.roles.map((role) => ROLE_LABEL[role]).join("、"), width: 20 },
  { header: "所在单位", value: (r) => r.organizationName, width: 32 },
  { header: "状态", value: (r) => (r.lockedUntil ? "已锁定" : USER_STATUS_LABEL[r.status]) },
  { header: "最近登录", value: (r) => (r.lastLoginAt ? formatDateTime(r.lastLoginAt) : ""), width: 20 },
];

/** The account list as a spreadsheet: the page's filters, within the user's scope (全国 or 本省). */
export const GET = exportRoute({
  operation: "user.manage",
  auditOperation: "user.export",
  schema: userSearchSchema,
  rows: usersForExport,
  columns: COLUMNS,
  baseName: "账号清单",
  describe: (n) => `账号 ${n} 个`,
});
