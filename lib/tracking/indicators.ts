// The quantified indicators of section 7 (服务内容、服务形式、服务时长、专家人数, plus people served and trained,
// technologies promoted and reported income), as plain arithmetic over confirmed service records. The database
// rollups (migration 20261205101000_tracking) compute the same sums; tests hold both to these definitions.

export type RecordFacts = {
  startDate: Date | string; endDate: Date | string; hours: number; peopleServed: number; peopleTrained: number;
  techniquesPromoted: number; incomeEffect: number; expertId: string;
};

export type Indicators = {
  /** 服务次数: confirmed records (each one a piece of service content). */
  records: number;
  hours: number;
  /** Days covered, both ends included, summed over records (two records on one day count two days). */
  days: number;
  experts: number;
  peopleServed: number;
  peopleTrained: number;
  techniquesPromoted: number;
  /** 万元 */
  incomeEffect: number;
};

const DAY_MS = 86_400_000;
const ymd = (d: Date | string) => (typeof d === "string" ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** Days a record covers, both ends included. */
export function recordDays(startDate: Date | string, endDate: Date | string): number {
  return Math.round((Date.parse(`${ymd(endDate)}T00:00:00Z`) - Date.parse(`${ymd(startDate)}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Hours to one decimal, money to two: sums of decimals kept exact as the database keeps them. */
const round = (n: number, places: number) => Math.round(n * 10 ** places) / 10 ** places;

export function indicatorsOf(records: readonly RecordFacts[]): Indicators {
  let hours = 0, days = 0, served = 0, trained = 0, techniques = 0, income = 0;
  const experts = new Set<string>();
  for (const r of records) {
    hours += r.hours;
    days += recordDays(r.startDate, r.endDate);
    served += r.peopleServed;
    trained += r.peopleTrained;
    techniques += r.techniquesPromoted;
    income += r.incomeEffect;
    experts.add(r.expertId);
  }
  return {
    records: records.length, hours: round(hours, 1), days, experts: experts.size, peopleServed: served, peopleTrained: trained,
    techniquesPromoted: techniques, incomeEffect: round(income, 2),
  };
}

export const EMPTY_INDICATORS: Indicators = {
  records: 0, hours: 0, days: 0, experts: 0, peopleServed: 0, peopleTrained: 0, techniquesPromoted: 0, incomeEffect: 0,
};

/** Hours per expert and per day, for the summary line (0 when there is nothing to divide). */
export function ratios(i: Indicators) {
  return {
    hoursPerExpert: i.experts ? round(i.hours / i.experts, 1) : 0,
    hoursPerDay: i.days ? round(i.hours / i.days, 1) : 0,
    trainedShare: i.peopleServed ? round(i.peopleTrained / i.peopleServed, 3) : 0,
  };
}

/** The provinces a query may read: the viewer's (null = all) narrowed by the filters' province and zone. */
export function allowedProvinces(
  viewer: readonly string[] | null,
  filter: { province?: string; zone?: string },
  zoneOf: (provinceCode: string) => string | undefined,
  allProvinces: readonly string[],
): string[] | null {
  let codes: string[] | null = viewer ? [...viewer] : null;
  if (filter.province) codes = (codes ?? [filter.province]).filter((c) => c === filter.province);
  if (filter.zone) codes = (codes ?? [...allProvinces]).filter((c) => zoneOf(c) === filter.zone);
  return codes;
}
