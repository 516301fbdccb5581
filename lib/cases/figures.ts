import { chinaDate } from "@/lib/calendar/china-time";

// A case's figures are facts the served unit confirmed (ServiceRecord state CONFIRMED), never typed by the editor:
// the same records the engagement, the activity's progress reports and tracking count.

export type CaseFigures = {
  /** Confirmed service hours. */
  hours: number;
  /** Distinct calendar days with confirmed service. */
  days: number;
  records: number;
  peopleServed: number;
  peopleTrained: number;
  experts: number;
  engagements: number;
};

export type FigureRecord = {
  startDate: Date; endDate: Date; hours: number | { toString(): string }; peopleServed: number; peopleTrained: number;
  engagementId: string; expertId: string;
};

const DAY_MS = 86_400_000;
/** More days than this in one record are counted as this many (a record spanning a season is not 90 service days). */
const MAX_DAYS_PER_RECORD = 31;

export function figuresOf(records: readonly FigureRecord[]): CaseFigures {
  const days = new Set<string>();
  let hours = 0;
  let peopleServed = 0;
  let peopleTrained = 0;
  for (const r of records) {
    hours += Number(r.hours);
    peopleServed += r.peopleServed;
    peopleTrained += r.peopleTrained;
    const span = Math.min(MAX_DAYS_PER_RECORD, Math.round((r.endDate.getTime() - r.startDate.getTime()) / DAY_MS) + 1);
    for (let i = 0; i < Math.max(1, span); i++) days.add(chinaDate(new Date(r.startDate.getTime() + i * DAY_MS)));
  }
  return {
    hours: Math.round(hours * 10) / 10,
    days: days.size,
    records: records.length,
    peopleServed,
    peopleTrained,
    experts: new Set(records.map((r) => r.expertId)).size,
    engagements: new Set(records.map((r) => r.engagementId)).size,
  };
}

export const EMPTY_FIGURES: CaseFigures = figuresOf([]);

/** The stored JSON read back (older or hand-made rows may lack some numbers). */
export function readFigures(json: unknown): CaseFigures {
  const o = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  const n = (k: keyof CaseFigures) => (typeof o[k] === "number" && Number.isFinite(o[k]) ? (o[k] as number) : 0);
  return {
    hours: n("hours"), days: n("days"), records: n("records"), peopleServed: n("peopleServed"),
    peopleTrained: n("peopleTrained"), experts: n("experts"), engagements: n("engagements"),
  };
}

/** The figures a page shows, in order, with their units (zeros left out). */
export function figureLines(f: CaseFigures): { label: string; value: number; unit: string }[] {
  return [
    { label: "服务时长", value: f.hours, unit: "小时" },
    { label: "服务天数", value: f.days, unit: "天" },
    { label: "服务专家", value: f.experts, unit: "人" },
    { label: "服务群众", value: f.peopleServed, unit: "人次" },
    { label: "培训人员", value: f.peopleTrained, unit: "人次" },
    { label: "服务记录", value: f.records, unit: "条" },
  ].filter((l) => l.value > 0);
}
