import { OPERATIONS, type Operation } from "@/lib/auth/permissions";
import { AUDIT_EVENT_LABEL } from "@/lib/labels";

/** What an audit row records as its `operation`: a permission operation or one of the extra events. */
export type AuditCode = Operation | keyof typeof AUDIT_EVENT_LABEL;

/** The Chinese name of every audit code, events first (the order of the audit search's options). */
export const AUDIT_CODE_LABEL: Record<AuditCode, string> = { ...AUDIT_EVENT_LABEL, ...OPERATIONS };

/** The Chinese name of a stored code; null for codes no longer (or never) written by the application. */
export function auditCodeLabel(code: string): string | null {
  return Object.hasOwn(AUDIT_CODE_LABEL, code) ? AUDIT_CODE_LABEL[code as AuditCode] : null;
}
