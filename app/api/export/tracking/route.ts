import { exportRoute } from "@/lib/export/route";
import { trackingExport } from "@/lib/tracking/export";

/**
 * One table of a tracking dashboard (?table=province|program|form|month|flow|priority, and for the own dashboards
 * needs|engagements|activities|bases) with the dashboard's filters, within the reader's view (lib/tracking/export.ts).
 */
export const GET = exportRoute(trackingExport);
