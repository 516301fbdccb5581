import type { BadgeTone } from "@/components/ui/badge";

// Badge colours for workflow states: waiting on someone → warning, done → success, stopped → neutral/danger.
const TONES: Record<string, BadgeTone> = {
  SUBMITTED: "warning", RETURNED: "warning", APPLIED: "warning", INVITED: "warning", PLANNING: "brand",
  OPEN: "brand", PUBLISHED: "brand", MATCHED: "brand", IN_SERVICE: "brand", ACTIVE: "brand", IN_PROGRESS: "brand",
  ISSUED: "danger", RECTIFYING: "danger", REJECTED: "danger", FAILED: "danger",
  COMPLETED: "success", ESTABLISHED: "success", CONFIRMED: "success", ACCEPTED: "success", AWARDED: "success",
  PASSED: "success", IN_LIBRARY: "success", RESPONDED: "warning", PROVINCE_APPROVED: "brand", NOMINATED: "warning",
};

export function toneOf(state: string): BadgeTone {
  return TONES[state] ?? "neutral";
}
