import type { TalentCategory } from "@/lib/generated/prisma/enums";
import { relevance } from "@/lib/matching/text";
import type { DateRange, ExpertFacts, NameBook, NeedFacts, ParentOf } from "@/lib/matching/types";
import type { ScorePart } from "@/lib/matching/weights";

// Each part of a match score: a value in [0, 1] and, when it says something worth showing, a short Chinese detail.

export type PartResult = { value: number; detail?: string };
export type Parts = Record<ScorePart, PartResult>;

const DAY = 86_400_000;

/** How close two codes sit in a hierarchy: same 1, one contains the other 0.8, siblings 0.5, cousins 0.25. */
export function codeCloseness(a: string, b: string, parentOf: ParentOf): number {
  if (a === b) return 1;
  const ancestors = (code: string) => {
    const out: string[] = [];
    for (let c = parentOf(code); c; c = parentOf(c)) out.push(c);
    return out;
  };
  const up = { a: ancestors(a), b: ancestors(b) };
  if (up.a.includes(b) || up.b.includes(a)) return 0.8;
  if (up.a[0] && up.a[0] === up.b[0]) return 0.5;
  if (up.a[1] && up.a[1] === up.b[1]) return 0.25;
  if (up.a[0] && up.a[0] === up.b[1]) return 0.25;
  if (up.b[0] && up.b[0] === up.a[1]) return 0.25;
  return 0;
}

/** Mean over the need's codes of the best match among the expert's; neutral 0.5 when the need names none. */
export function hierarchyFit(needCodes: string[], expertCodes: string[], parentOf: ParentOf, name: (c: string) => string, label: string): PartResult {
  if (!needCodes.length) return { value: 0.5 };
  let total = 0;
  let best = { value: 0, code: "" };
  for (const n of needCodes) {
    let here = 0;
    let code = "";
    for (const e of expertCodes) {
      const c = codeCloseness(n, e, parentOf);
      if (c > here) [here, code] = [c, e];
    }
    total += here;
    if (here > best.value) best = { value: here, code };
  }
  const value = total / needCodes.length;
  if (best.value >= 0.8) return { value, detail: `${label}吻合：${name(best.code)}` };
  if (best.value >= 0.5) return { value, detail: `${label}相近：${name(best.code)}` };
  return { value };
}

export function formFit(need: NeedFacts, expert: ExpertFacts): PartResult {
  if (!need.forms.length || !expert.preferredForms.length) return { value: 0.7 };
  const overlap = need.forms.filter((f) => expert.preferredForms.includes(f)).length;
  if (!overlap) return { value: 0.2 };
  return { value: 0.5 + (0.5 * overlap) / need.forms.length, detail: overlap === need.forms.length ? "服务形式符合专家意愿" : undefined };
}

const sameCity = (a: string, b: string) => a.length >= 4 && b.length >= 4 && a.slice(0, 4) === b.slice(0, 4);
const sameProvince = (a: string, b: string) => a.slice(0, 2) === b.slice(0, 2);
const EAST_TO_CENTRAL_WEST = (e: ExpertFacts, n: NeedFacts) => e.zone === "EAST" && (n.zone === "CENTRAL" || n.zone === "WEST");

/** Whether the expert said they would serve the need's place (empty list = anywhere). */
export function willingToServe(need: NeedFacts, expert: ExpertFacts): boolean {
  if (!expert.serviceRegionCodes.length || !need.regionCode) return true;
  return expert.serviceRegionCodes.some((code) => need.regionCode!.startsWith(code));
}

/** Same county 1, city 0.85, province 0.7; east → central/west collaboration 0.6; remote work 0.6; else 0.3. */
export function regionFit(need: NeedFacts, expert: ExpertFacts, names: NameBook): PartResult {
  const n = need.regionCode;
  const e = expert.regionCode;
  if (n && e) {
    if (n === e) return { value: 1, detail: `同在${names.region(n)}` };
    if (sameCity(n, e)) return { value: 0.85, detail: `同属${names.region(n.slice(0, 4))}` };
    if (sameProvince(n, e)) return { value: 0.7, detail: `同属${names.region(n.slice(0, 2))}` };
  }
  if (EAST_TO_CENTRAL_WEST(expert, need) && e && n) {
    return { value: 0.6, detail: `东西部协作：${names.region(e.slice(0, 2))}→${names.region(n.slice(0, 2))}` };
  }
  if (need.delivery !== "ONSITE" && expert.acceptsRemote) return { value: 0.6, detail: "可远程服务" };
  return { value: 0.3 };
}

/** Share of the need's window the expert can serve: inside declared windows (if any), outside blackouts. */
export function availabilityFit(need: NeedFacts, expert: ExpertFacts): PartResult {
  if (!need.window) return { value: 1 };
  const w = need.window;
  const days = Math.round((w.end.getTime() - w.start.getTime()) / DAY) + 1;
  if (days <= 0) return { value: 1 };
  const [start, end] = [w.start.getTime(), w.end.getTime()];
  if (!expert.available.length && !expert.blackouts.length) return { value: (Math.floor((end - start) / DAY) + 1) / days }; // every day free
  // A range (whole days, both ends included) covers day t when t lies within it.
  const covers = (r: DateRange, t: number) => r.start.getTime() <= t && t <= r.end.getTime();
  let free = 0;
  for (let t = start; t <= end; t += DAY) {
    const inWindow = !expert.available.length || expert.available.some((r) => covers(r, t));
    if (inWindow && !expert.blackouts.some((r) => covers(r, t))) free++;
  }
  const value = free / days;
  return { value, detail: value === 1 && (expert.available.length || expert.blackouts.length) ? "需求时段内可安排" : undefined };
}

export function loadFit(expert: ExpertFacts): PartResult {
  const remaining = Math.max(0, expert.maxConcurrent - expert.activeEngagements);
  const value = expert.maxConcurrent > 0 ? remaining / expert.maxConcurrent : 0;
  return { value, detail: expert.activeEngagements === 0 ? "当前无在办服务" : undefined };
}

// Section 4's priorities: academicians and leaders of national programmes first.
const TALENT_PRIORITY: Record<TalentCategory, number> = {
  ACADEMICIAN: 1, NATIONAL_TALENT_PROGRAM: 0.9, MAJOR_PROJECT_LEAD: 0.85, SPECIAL_ALLOWANCE: 0.8, URGENT_NEED: 0.8,
  PROVINCIAL_TALENT_PROGRAM: 0.7, RETURNED_OVERSEAS: 0.7, POSTDOC: 0.6, RETIRED: 0.5,
};

export function talentFit(expert: ExpertFacts, label: (c: TalentCategory) => string): PartResult {
  let best: TalentCategory | null = null;
  for (const c of expert.talentCategories) if (!best || TALENT_PRIORITY[c] > TALENT_PRIORITY[best]) best = c;
  if (!best) return { value: 0.3 };
  return { value: TALENT_PRIORITY[best], detail: TALENT_PRIORITY[best] >= 0.8 ? label(best) : undefined };
}

/** Ratings 1–5 shrunk towards 4 by two phantom ratings, so one review does not dominate; none → neutral 0.6. */
export function feedbackFit(expert: ExpertFacts): PartResult {
  const f = expert.feedback;
  if (!f || f.count === 0) return { value: 0.6 };
  const shrunk = (f.average * f.count + 4 * 2) / (f.count + 2);
  return { value: (shrunk - 1) / 4, detail: f.average >= 4.5 ? `近一年服务反馈 ${f.average.toFixed(1)}` : undefined };
}

export function libraryFit(expert: ExpertFacts): PartResult {
  return expert.libraryStatus === "IN_LIBRARY" ? { value: 1, detail: "重点联系专家" } : { value: 0 };
}

export function textFit(need: NeedFacts, expert: ExpertFacts): PartResult {
  const r = relevance(need.text, expert.text);
  // Cosine between short texts is small even when they are on topic; the square root spreads it over [0, 1].
  const value = Math.sqrt(r.value);
  return { value, detail: r.terms.length && value >= 0.3 ? `内容相关：${r.terms.join("、")}` : undefined };
}
