import type { ServiceForm } from "@/lib/generated/prisma/enums";

// What a service certificate states, computed from the expert's unit-confirmed service records only. The figures are
// frozen into the certificate when it is issued (Certificate.contents), so what the verification page shows is what
// was printed, whatever happens to the records later.

const DAY_MS = 86_400_000;

export type ConfirmedRecord = {
  startDate: Date;
  endDate: Date;
  hours: number;
  form: ServiceForm;
  peopleServed: number;
  peopleTrained: number;
  engagementId: string;
};

export type ServedEngagement = {
  id: string;
  needTitle: string;
  unitName: string;
  activityTitle: string | null;
};

export type CertificateContents = {
  /** Layout version of this object (the signature covers it too). */
  v: 1;
  expert: { name: string; employer: string; title: string; province: string };
  /** The service period the certificate covers, as China dates (YYYY-MM-DD). */
  period: { from: string; to: string };
  totals: { hours: number; days: number; records: number; units: number; peopleServed: number; peopleTrained: number };
  units: string[];
  forms: { form: ServiceForm; hours: number }[];
  services: { needTitle: string; unitName: string; activityTitle: string | null; hours: number; days: number }[];
  activities: string[];
  feedback: { count: number; average: number | null; solved: number; inviteAgain: number };
  /** The China date of issue. */
  issuedOn: string;
};

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const round1 = (n: number) => Math.round(n * 10) / 10;

/** The calendar days a set of records covers, each day counted once however many records fall on it. */
export function distinctDays(records: Pick<ConfirmedRecord, "startDate" | "endDate">[]): number {
  const days = new Set<number>();
  for (const r of records) {
    for (let t = Date.UTC(r.startDate.getUTCFullYear(), r.startDate.getUTCMonth(), r.startDate.getUTCDate()); t <= r.endDate.getTime(); t += DAY_MS) days.add(t);
  }
  return days.size;
}

export type FeedbackFacts = { rating: number; solved: boolean | null; inviteAgain: boolean | null };

/** The certificate's figures. Throws nothing: the caller refuses an empty set before calling. */
export function summarize(input: {
  expert: CertificateContents["expert"];
  records: ConfirmedRecord[];
  engagements: ServedEngagement[];
  feedback: FeedbackFacts[];
  issuedOn: string;
}): CertificateContents {
  const { records, engagements } = input;
  const byEngagement = new Map(engagements.map((e) => [e.id, e]));
  const formHours = new Map<ServiceForm, number>();
  for (const r of records) formHours.set(r.form, (formHours.get(r.form) ?? 0) + r.hours);
  const served = engagements
    .map((e) => {
      const own = records.filter((r) => r.engagementId === e.id);
      return { needTitle: e.needTitle, unitName: e.unitName, activityTitle: e.activityTitle, hours: round1(own.reduce((s, r) => s + r.hours, 0)), days: distinctDays(own) };
    })
    .filter((s) => s.hours > 0 || s.days > 0);
  const units = [...new Set(records.map((r) => byEngagement.get(r.engagementId)?.unitName).filter((n): n is string => !!n))];
  const starts = records.map((r) => r.startDate.getTime());
  const ends = records.map((r) => r.endDate.getTime());
  const rated = input.feedback;
  return {
    v: 1,
    expert: input.expert,
    period: { from: isoDay(new Date(Math.min(...starts))), to: isoDay(new Date(Math.max(...ends))) },
    totals: {
      hours: round1(records.reduce((s, r) => s + r.hours, 0)),
      days: distinctDays(records),
      records: records.length,
      units: units.length,
      peopleServed: records.reduce((s, r) => s + r.peopleServed, 0),
      peopleTrained: records.reduce((s, r) => s + r.peopleTrained, 0),
    },
    units,
    forms: [...formHours].map(([form, hours]) => ({ form, hours: round1(hours) })).sort((a, b) => b.hours - a.hours),
    services: served,
    activities: [...new Set(engagements.map((e) => e.activityTitle).filter((t): t is string => !!t))],
    feedback: {
      count: rated.length,
      average: rated.length ? Math.round((rated.reduce((s, f) => s + f.rating, 0) / rated.length) * 10) / 10 : null,
      solved: rated.filter((f) => f.solved === true).length,
      inviteAgain: rated.filter((f) => f.inviteAgain === true).length,
    },
    issuedOn: input.issuedOn,
  };
}
