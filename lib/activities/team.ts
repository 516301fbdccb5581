import type { Tx } from "@/lib/db";
import { conflict, invalidTransition, notFound } from "@/lib/errors";
import type { ProfessionalTitle, ProgramCode, TalentCategory } from "@/lib/generated/prisma/enums";
import { assign, type AssignExpert } from "@/lib/matching/assign";
import { candidateEdges } from "@/lib/matching/recommend";
import type { TeamRole } from "@/lib/activities/schemas";
import { mixRefusal, naturalRole, PROGRAM_MIX, ROLE_FITS } from "@/lib/activities/team-rules";
import { ACTIVITY_WORKFLOW } from "@/lib/activities/workflow";

// The planned team of an application: experts of the pool, each with a role. Picked one by one, or proposed for
// the whole team at once by the matching engine (candidates for the linked needs, then the batch solver under each
// expert's free capacity), keeping the program's mix rules and leaving out experts unavailable in the dates.

type PoolExpert = {
  id: string; name: string; status: string; maxConcurrent: number; activeEngagements: number;
  talentCategories: TalentCategory[];
  title: ProfessionalTitle;
  availability: { startsOn: Date; endsOn: Date }[];
};

const poolSelect = {
  id: true, name: true, status: true, maxConcurrent: true, activeEngagements: true, talentCategories: true, title: true,
} as const;

/** Why the expert cannot join a team in these dates (Chinese), or null. */
export function unavailableReason(e: PoolExpert, start: Date | null, end: Date | null): string | null {
  if (e.status !== "ACTIVE") return `${e.name}当前不在可服务状态`;
  const free = e.maxConcurrent - e.activeEngagements;
  if (free <= 0) return `${e.name}的服务项目已满（${e.activeEngagements}/${e.maxConcurrent}），暂不能加入团队`;
  if (start && end && e.availability.some((b) => b.startsOn <= end && b.endsOn >= start)) return `${e.name}在活动期间有不可服务日期`;
  return null;
}

async function loadEditable(tx: Tx, activityId: string) {
  const a = await tx.demonstrationActivity.findUnique({
    where: { id: activityId },
    select: {
      id: true, state: true, title: true, plannedStart: true, plannedEnd: true, program: { select: { code: true } },
      team: { select: { expertId: true, role: true } }, needs: { select: { id: true } },
    },
  });
  if (!a) throw notFound("示范活动");
  ACTIVITY_WORKFLOW.assertAct("edit", a.state);
  return a;
}

async function poolExperts(tx: Tx, ids: string[], start: Date | null, end: Date | null): Promise<PoolExpert[]> {
  return tx.expertProfile.findMany({
    where: { id: { in: ids } },
    select: {
      ...poolSelect,
      availability: {
        where: { kind: "BLACKOUT", ...(start && end ? { startsOn: { lte: end }, endsOn: { gte: start } } : { id: "none" }) },
        select: { startsOn: true, endsOn: true },
      },
    },
  });
}

export async function addTeamMember(tx: Tx, args: { activityId: string; expertId: string; role: TeamRole }) {
  const a = await loadEditable(tx, args.activityId);
  const [expert] = await poolExperts(tx, [args.expertId], a.plannedStart, a.plannedEnd);
  if (!expert) throw notFound("专家");
  if (a.team.some((m) => m.expertId === expert.id)) throw conflict(`${expert.name}已在团队中`);
  const why = unavailableReason(expert, a.plannedStart, a.plannedEnd);
  if (why) throw invalidTransition(why);
  if (!ROLE_FITS[args.role](expert)) throw invalidTransition(`${expert.name}不符合“${args.role}”的条件`);
  await tx.activityTeamMember.create({ data: { activityId: a.id, expertId: expert.id, role: args.role } });
  return { name: expert.name, title: a.title };
}

export async function removeTeamMember(tx: Tx, args: { activityId: string; memberId: string }) {
  await loadEditable(tx, args.activityId);
  const removed = await tx.activityTeamMember.deleteMany({ where: { id: args.memberId, activityId: args.activityId } });
  if (removed.count !== 1) throw conflict("该成员已不在团队中，请刷新后查看");
}

export type ProposedMember = { expertId: string; name: string; role: TeamRole; score: number };

/**
 * Pick `size` experts for the team from the engine's candidates: first the best candidate for each role the
 * program's mix requires, then the rest by the batch solver (one team of the remaining places, each expert at most
 * once and only with free capacity). Experts unavailable in the activity's dates are left out.
 */
export function chooseTeam(
  program: ProgramCode,
  size: number,
  candidates: (PoolExpert & { score: number })[],
  start: Date | null,
  end: Date | null,
): { reserved: ProposedMember[]; rest: (PoolExpert & { score: number })[]; skipped: number } {
  const usable = candidates.filter((c) => !unavailableReason(c, start, end)).sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const reserved: ProposedMember[] = [];
  const taken = new Set<string>();
  for (const [role, n] of Object.entries(PROGRAM_MIX[program]) as [TeamRole, number][]) {
    for (const c of usable.filter((x) => !taken.has(x.id) && ROLE_FITS[role](x)).slice(0, n)) {
      if (reserved.length >= size) break;
      reserved.push({ expertId: c.id, name: c.name, role, score: c.score });
      taken.add(c.id);
    }
  }
  return { reserved, rest: usable.filter((c) => !taken.has(c.id)), skipped: candidates.length - usable.length };
}

export async function proposeTeam(tx: Tx, args: { activityId: string; size: number }) {
  const a = await loadEditable(tx, args.activityId);
  if (a.needs.length === 0) throw invalidTransition("请先在申报中关联需求，再由匹配引擎推荐团队");
  // One need at a time: the candidates are read on the transaction's one connection.
  const { edges } = await candidateEdges(tx, a.needs.map((n) => n.id), { all: true }, 30, { concurrency: 1 });
  const best = new Map<string, number>();
  for (const e of edges) best.set(e.expertId, Math.max(best.get(e.expertId) ?? 0, e.score));
  const experts = await poolExperts(tx, [...best.keys()], a.plannedStart, a.plannedEnd);
  const candidates = experts.map((e) => ({ ...e, score: best.get(e.id) ?? 0 }));
  const { reserved, rest } = chooseTeam(a.program.code, args.size, candidates, a.plannedStart, a.plannedEnd);

  const places = Math.max(0, args.size - reserved.length);
  const solverExperts: AssignExpert[] = rest.map((e) => ({ id: e.id, capacity: Math.min(1, e.maxConcurrent - e.activeEngagements) }));
  const solved = places > 0
    ? await assign([{ id: "team", headcount: places }], solverExperts, rest.map((e) => ({ needId: "team", expertId: e.id, score: e.score })))
    : { pairs: [], status: "Optimal" };
  if (solved.status !== "Optimal") throw conflict(`团队推荐求解未成功（${solved.status}），请减少人数后重试`);
  const byId = new Map(rest.map((e) => [e.id, e]));
  const members: ProposedMember[] = [
    ...reserved,
    ...solved.pairs
      .map((p) => byId.get(p.expertId)!)
      .sort((x, y) => y.score - x.score)
      .map((e) => ({ expertId: e.id, name: e.name, role: naturalRole(e), score: e.score })),
  ];
  if (members.length === 0) throw invalidTransition("匹配引擎没有找到当前可服务的专家，请调整关联需求或手动选择专家");
  // The proposal replaces the planned team: the applicant edits it afterwards.
  await tx.activityTeamMember.deleteMany({ where: { activityId: a.id } });
  await tx.activityTeamMember.createMany({ data: members.map((m) => ({ activityId: a.id, expertId: m.expertId, role: m.role })) });
  return { title: a.title, members, mix: mixRefusal(a.program.code, members.map((m) => m.role)) };
}
