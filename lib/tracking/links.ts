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

// The lists behind an own dashboard's tables (lib/tracking/own.ts counts with the same filters): each link keeps
// the dashboard's year and province in the list's own terms. Program and form are service-record filters those
// lists do not have (the tables do not apply them either), except the activities list's program.

/** A unit's needs in one state: created in the year (the needs list's China-time from/to), placed in the province. */
export function ownNeedsHref(filter: TrackingFilter, state: string): string {
  return listHref("/needs", {
    state, region: filter.province,
    ...(filter.year ? { from: `${filter.year}-01-01`, to: `${filter.year}-12-31` } : {}),
  });
}

/** A unit's or an expert's engagements in one state: created in the year, serving the province. */
export function ownEngagementsHref(filter: TrackingFilter, state: string): string {
  return listHref("/engagements", { state, year: filter.year?.toString(), province: filter.province });
}

/** The activities of the year's plans, of a program (the dashboard's unless the row names one), in the province. */
export function ownActivitiesHref(filter: TrackingFilter, program?: string): string {
  const code = program ?? filter.program;
  return listHref("/activities", { year: filter.year?.toString(), program: code === "NONE" ? undefined : code, province: filter.province });
}

/** The units' feedback on the expert, given in the year. */
export function ownFeedbackHref(filter: TrackingFilter): string {
  return listHref("/expert/feedback", { year: filter.year?.toString() });
}
