import type { BadgeTone } from "@/components/ui/badge";
import type { ImportState } from "@/lib/generated/prisma/enums";

export const IMPORT_STATE: Record<ImportState, { label: string; tone: BadgeTone }> = {
  VALIDATED: { label: "待确认", tone: "warning" },
  COMMITTING: { label: "正在导入", tone: "brand" },
  COMMITTED: { label: "已导入", tone: "success" },
  CANCELLED: { label: "已放弃", tone: "neutral" },
  FAILED: { label: "导入失败", tone: "danger" },
};
