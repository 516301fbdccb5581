import { listHref, queryValues } from "@/lib/search-params";
import type { TrackingFilter, TrackingRecordSearch } from "@/lib/tracking/schemas";

/** The records behind a number: the dashboard's filters plus the number's own coordinates. */
export function recordsHref(filter: TrackingFilter, cell: Partial<Omit<TrackingRecordSearch, "page">> = {}): string {
  return listHref("/tracking/records", queryValues({ ...filter, ...cell }));
}

/** The dashboard with one filter changed (or removed with undefined). */
export function dashboardHref(filter: TrackingFilter, change: Partial<TrackingFilter> = {}): string {
  return listHref("/tracking", queryValues({ ...filter, ...change }));
}
