import loadHighs from "highs";

// Batch assignment: choose expert–need pairs maximising the total score, with each need's headcount, each
// expert's remaining capacity, at most k experts from one employer on a need, and optionally at least q experts
// from eastern provinces on a need (东西部协作). Solved exactly with HiGHS (WebAssembly). Without the eastern
// quota the constraint matrix is totally unimodular (bipartite with laminar groups), so the LP optimum is
// already integral; with it, the variables are declared binary. A quota that cannot be met is reported, not fatal:
// each one has a slack with a large penalty.

export type AssignNeed = { id: string; headcount: number; minEastern?: number };
export type AssignExpert = { id: string; capacity: number; employer?: string | null; eastern?: boolean };
export type AssignEdge = { needId: string; expertId: string; score: number };
export type AssignOptions = { maxPerEmployer?: number };
export type Assignment = {
  pairs: AssignEdge[];
  total: number;
  unmetQuotas: { needId: string; missing: number }[];
  status: string;
};

const QUOTA_PENALTY = 1000;

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | null = null;

function terms(parts: string[], perLine = 10): string {
  const lines: string[] = [];
  for (let i = 0; i < parts.length; i += perLine) lines.push(` ${parts.slice(i, i + perLine).join(" ")}`);
  return lines.join("\n");
}

const coef = (x: number) => x.toFixed(6);

/** Builds the model in CPLEX LP format; exported for tests. */
export function buildModel(needs: AssignNeed[], experts: AssignExpert[], edges: AssignEdge[], options: AssignOptions = {}) {
  const needIndex = new Map(needs.map((n, i) => [n.id, i]));
  const expertIndex = new Map(experts.map((e, i) => [e.id, i]));
  const usable = edges.filter((e) => needIndex.has(e.needId) && expertIndex.has(e.expertId) && e.score > 0);
  const byNeed = new Map<number, number[]>();
  const byExpert = new Map<number, number[]>();
  usable.forEach((e, k) => {
    const n = needIndex.get(e.needId)!;
    const x = expertIndex.get(e.expertId)!;
    byNeed.set(n, [...(byNeed.get(n) ?? []), k]);
    byExpert.set(x, [...(byExpert.get(x) ?? []), k]);
  });

  const objective = usable.map((e, k) => `+ ${coef(e.score)} x${k}`);
  const rows: string[] = [];
  const slacks: number[] = [];
  for (const [n, ks] of byNeed) {
    const need = needs[n];
    rows.push(` n${n}: ${ks.map((k) => `x${k}`).join(" + ")} <= ${Math.max(0, need.headcount)}`);
    if (options.maxPerEmployer !== undefined) {
      const groups = new Map<string, number[]>();
      for (const k of ks) {
        const employer = experts[expertIndex.get(usable[k].expertId)!].employer;
        if (employer) groups.set(employer, [...(groups.get(employer) ?? []), k]);
      }
      let g = 0;
      for (const members of groups.values()) {
        if (members.length > options.maxPerEmployer) rows.push(` g${n}_${g++}: ${members.map((k) => `x${k}`).join(" + ")} <= ${options.maxPerEmployer}`);
      }
    }
    const q = Math.min(need.minEastern ?? 0, need.headcount);
    if (q > 0) {
      const east = ks.filter((k) => experts[expertIndex.get(usable[k].expertId)!].eastern);
      rows.push(` q${n}: ${[...east.map((k) => `x${k}`), `s${n}`].join(" + ")} >= ${q}`);
      objective.push(`- ${QUOTA_PENALTY} s${n}`);
      slacks.push(n);
    }
  }
  for (const [x, ks] of byExpert) rows.push(` e${x}: ${ks.map((k) => `x${k}`).join(" + ")} <= ${Math.max(0, experts[x].capacity)}`);

  const bounds = [...usable.map((_, k) => ` 0 <= x${k} <= 1`), ...slacks.map((n) => ` 0 <= s${n} <= ${needs[n].minEastern}`)];
  const binary = slacks.length > 0;
  const text = [
    "Maximize",
    ` obj:${objective.length ? "" : " 0 x0"}`,
    terms(objective),
    "Subject To",
    ...(rows.length ? rows : [" c0: 0 x0 >= 0"]),
    "Bounds",
    ...bounds,
    ...(binary ? ["General", terms(usable.map((_, k) => `x${k}`))] : []),
    "End",
  ].join("\n");
  return { text, usable, slacks };
}

export async function assign(needs: AssignNeed[], experts: AssignExpert[], edges: AssignEdge[], options: AssignOptions = {}): Promise<Assignment> {
  const { text, usable, slacks } = buildModel(needs, experts, edges, options);
  if (!usable.length) return { pairs: [], total: 0, unmetQuotas: [], status: "Optimal" };
  highs ??= loadHighs();
  const solution = (await highs).solve(text, { presolve: "on" });
  if (solution.Status !== "Optimal") return { pairs: [], total: 0, unmetQuotas: [], status: solution.Status };
  const columns = solution.Columns as Record<string, { Primal: number }>;
  const pairs = usable.filter((_, k) => (columns[`x${k}`]?.Primal ?? 0) > 0.5);
  const unmetQuotas = slacks
    .map((n) => ({ needId: needs[n].id, missing: Math.round(columns[`s${n}`]?.Primal ?? 0) }))
    .filter((q) => q.missing > 0);
  return { pairs, total: round(pairs.reduce((s, p) => s + p.score, 0)), unmetQuotas, status: solution.Status };
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

/** The obvious baseline: take the best remaining pair while headcount and capacity allow (no quotas). */
export function greedyAssign(needs: AssignNeed[], experts: AssignExpert[], edges: AssignEdge[], options: AssignOptions = {}) {
  const left = new Map(needs.map((n) => [n.id, n.headcount]));
  const cap = new Map(experts.map((e) => [e.id, e.capacity]));
  const employer = new Map(experts.map((e) => [e.id, e.employer ?? null]));
  const perEmployer = new Map<string, number>();
  const pairs: AssignEdge[] = [];
  for (const e of [...edges].filter((x) => x.score > 0).sort((a, b) => b.score - a.score)) {
    if (!left.get(e.needId) || !cap.get(e.expertId)) continue;
    const emp = employer.get(e.expertId);
    const key = `${e.needId}|${emp}`;
    if (options.maxPerEmployer !== undefined && emp && (perEmployer.get(key) ?? 0) >= options.maxPerEmployer) continue;
    pairs.push(e);
    left.set(e.needId, left.get(e.needId)! - 1);
    cap.set(e.expertId, cap.get(e.expertId)! - 1);
    if (emp) perEmployer.set(key, (perEmployer.get(key) ?? 0) + 1);
  }
  return { pairs, total: round(pairs.reduce((s, p) => s + p.score, 0)) };
}
