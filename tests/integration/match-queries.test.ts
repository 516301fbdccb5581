import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import { assignableExperts, invitationDetail, myInvitations, needMatchPanel, needsForMe } from "@/lib/matches/queries";
import { recommendNeeds } from "@/lib/matching/needs-for-expert";
import { computeAllMatchTerms } from "@/lib/matching/terms";
import { createExpert, createNeed, createOrganization, uniqueSuffix } from "@/prisma/seed/factories";
import { createTestUsers, expertWithUser } from "./fixtures";
import { auditRows } from "./helpers";

// Reads of the matching screens on real rows. Other files share the database: every need here carries a made-up
// token in its title (searched for with `q`) and assertions are about this file's rows only.

const token = `tk${uniqueSuffix()}`.toLowerCase();
const PHONE = "13912345678";

let expertUser: SessionUser;
let otherExpertUser: SessionUser;
let sichuan: SessionUser;
let zhejiang: SessionUser;
let unitUser: SessionUser;
let otherUnitUser: SessionUser;
const need: Record<string, string> = {};
const expert: Record<string, string> = {};
const match: Record<string, string> = {};

async function menuItemId(form: "TECH_GUIDANCE" | "THEMED_LECTURE") {
  return (await db.serviceMenuItem.findFirstOrThrow({ where: { form, retiredAt: null }, select: { id: true } })).id;
}

beforeAll(async () => {
  const users = await createTestUsers();
  ({ sichuan, zhejiang, unit: unitUser, otherUnit: otherUnitUser } = users);
  const unit = users.unitOrg;
  const employer = await createOrganization(db, { regionCode: "510131" });
  const zjUnit = await createOrganization(db, { regionCode: "330106" });
  const guidance = await menuItemId("TECH_GUIDANCE");
  const lecture = await menuItemId("THEMED_LECTURE");

  const me = await expertWithUser({
    name: `匹配专家${token}`, regionCode: "510131", disciplineCodes: ["21060"], industryCodes: ["01"],
    skills: ["猕猴桃溃疡病防治", "果园绿色防控"], bio: "长期从事猕猴桃病害研究", employerOrgId: employer.id, phone: PHONE,
    preferredForms: ["TECH_GUIDANCE"],
  });
  expert.me = me.id;
  expertUser = me.session;
  const other = await expertWithUser({ name: `另一专家${token}`, regionCode: "510131", phone: "13700001111" });
  expert.other = other.id;
  otherExpertUser = other.session;
  expert.zjHidden = (await createExpert(db, { name: `浙江不共享${token}`, regionCode: "330106", shareAcrossRegions: false })).id;
  expert.zjShared = (await createExpert(db, { name: `浙江共享${token}`, regionCode: "330106", shareAcrossRegions: true, phone: "13800002222" })).id;
  expert.full = (await createExpert(db, {
    user: true, name: `满负荷${token}`, regionCode: "510131", disciplineCodes: ["21060"], maxConcurrent: 1, activeEngagements: 1,
  })).id;

  const open = { unitId: unit.id, state: "OPEN" as const, industryCodes: ["01"] };
  need.best = (await createNeed(db, {
    ...open, title: `猕猴桃溃疡病绿色防控${token}`, bottleneck: "猕猴桃溃疡病高发，果园缺少绿色防控技术", disciplineCodes: ["21060"], menuItemIds: [guidance],
  })).id;
  need.sibling = (await createNeed(db, {
    ...open, title: `园艺设施改造${token}`, bottleneck: "大棚设施老化", disciplineCodes: ["21040"], industryCodes: ["05"], menuItemIds: [lecture],
  })).id;
  need.offTopic = (await createNeed(db, {
    ...open, title: `轨道交通信号${token}`, bottleneck: "信号系统升级", disciplineCodes: ["58020"], industryCodes: ["55"],
  })).id;
  need.matched = (await createNeed(db, { ...open, state: "MATCHED", title: `已匹配需求${token}`, disciplineCodes: ["21060"] })).id;
  need.declined = (await createNeed(db, { ...open, title: `已婉拒需求${token}`, disciplineCodes: ["21060"] })).id;
  need.conflict = (await createNeed(db, { ...open, unitId: employer.id, title: `本单位需求${token}`, disciplineCodes: ["21060"] })).id;
  need.zhejiang = (await createNeed(db, { ...open, unitId: zjUnit.id, title: `浙江果园需求${token}`, disciplineCodes: ["21060"] })).id;
  need.invited = (await createNeed(db, { ...open, title: `已邀请需求${token}`, disciplineCodes: ["21060"], expertsWanted: 2 })).id;

  const row = (needId: string, expertId: string, state: "INVITED" | "DECLINED" | "PROPOSED" | "ACCEPTED" | "APPLIED", extra = {}) =>
    db.match.create({
      data: { needId, expertId, state, source: "SYSTEM", score: 0.7, explanation: "学科吻合：植物保护学", invitedAt: new Date(), ...extra },
      select: { id: true },
    });
  match.declined = (await row(need.declined, expert.me, "DECLINED", { declineReason: "时间冲突" })).id;
  match.invited = (await row(need.invited, expert.me, "INVITED", { respondBy: new Date(Date.now() + 3 * 86_400_000) })).id;
  match.otherInvited = (await row(need.invited, expert.other, "INVITED", { respondBy: new Date(Date.now() + 86_400_000) })).id;
  match.proposed = (await row(need.best, expert.other, "PROPOSED", { invitedAt: null })).id;
  match.applied = (await row(need.matched, expert.me, "APPLIED", { source: "EXPERT_APPLIED", applyNote: "熟悉当地果园" })).id;

  await computeAllMatchTerms(db);
}, 120_000);

describe("needs for an expert", () => {
  it("returns OPEN needs in the expert's fields, best first, with an explanation", async () => {
    const r = await recommendNeeds(db, expert.me, { q: token, pageSize: 100 });
    const ids = r!.rows.map((x) => x.needId);
    expect(ids[0]).toBe(need.best);
    expect(ids).toContain(need.sibling); // a sibling discipline (园艺学 beside 植物保护学) is in the family
    expect(ids.indexOf(need.best)).toBeLessThan(ids.indexOf(need.sibling));
    expect(r!.rows[0].explanation).toContain("学科吻合");
    expect(r!.rows[0].score).toBeGreaterThan(r!.rows[ids.indexOf(need.sibling)].score);
    expect(r!.blocked).toBeNull();
  });

  it("leaves out needs that are not OPEN, declined ones, other fields and the expert's own employer's", async () => {
    const r = await recommendNeeds(db, expert.me, { q: token, pageSize: 100 });
    const ids = r!.rows.map((x) => x.needId);
    expect(ids).not.toContain(need.matched);
    expect(ids).not.toContain(need.declined);
    expect(ids).not.toContain(need.offTopic);
    expect(ids).not.toContain(need.conflict);
    expect(r!.filtered.CONFLICT).toBeGreaterThanOrEqual(1);
    expect(ids).toContain(need.invited); // invited: listed, the page shows the state
  });

  it("filters by province and service form, and pages", async () => {
    const zj = await recommendNeeds(db, expert.me, { q: token, provinceCode: "33" });
    expect(zj!.rows.map((x) => x.needId)).toEqual([need.zhejiang]);
    const lectures = await recommendNeeds(db, expert.me, { q: token, form: "THEMED_LECTURE" });
    expect(lectures!.rows.map((x) => x.needId)).toEqual([need.sibling]);
    const all = await recommendNeeds(db, expert.me, { q: token, pageSize: 100 });
    const page2 = await recommendNeeds(db, expert.me, { q: token, pageSize: 2, page: 2 });
    expect(page2!.total).toBe(all!.total);
    expect(page2!.rows.map((x) => x.needId)).toEqual(all!.rows.slice(2, 4).map((x) => x.needId));
  });

  it("still lists needs for an expert whose places are all taken, and says why they cannot apply", async () => {
    const r = await recommendNeeds(db, expert.full, { q: token });
    expect(r!.blocked).toBe("AT_CAPACITY");
    expect(r!.rows.map((x) => x.needId)).toContain(need.best);
  });

  it("works without any filter", async () => {
    const r = await recommendNeeds(db, expert.me, { pageSize: 100, candidates: 5000 });
    expect(r!.rows.map((x) => x.needId)).toContain(need.best);
  });

  it("returns null for an expert that does not exist", async () => {
    expect(await recommendNeeds(db, "no-such-expert")).toBeNull();
  });

  it("shows the expert their own match on a need instead of an apply button", async () => {
    const page = await needsForMe(expertUser, { q: token, page: 1, province: undefined, form: undefined });
    const invited = page!.rows.find((r) => r.need.id === need.invited)!;
    expect(invited.match).toEqual({ id: match.invited, state: "INVITED" });
    expect(invited.canApply).toBe(false);
    const best = page!.rows.find((r) => r.need.id === need.best)!;
    expect(best.match).toBeNull();
    expect(best.canApply).toBe(true);
    expect(await needsForMe(sichuan, { q: token, page: 1, province: undefined, form: undefined })).toBeNull();
  });
});

describe("the need's matching card", () => {
  it("gives the need's province recommendations and every match, with scores and reasons", async () => {
    const panel = await needMatchPanel(sichuan, need.best);
    expect(panel!.mode).toBe("province");
    expect(panel!.invitable).toBe(true);
    expect(panel!.seats).toEqual({ wanted: 1, held: 0, full: false });
    const mine = panel!.recommendations.find((r) => r.expert.id === expert.me);
    expect(mine?.explanation).toContain("学科吻合");
    expect(mine?.parts.find((p) => p.key === "discipline")?.label).toBe("学科吻合");
    expect(mine?.invite.ok).toBe(true);
    expect(panel!.recommendations.map((r) => r.expert.id)).not.toContain(expert.zjHidden);
    expect(panel!.matches.map((m) => m.id)).toEqual([match.proposed]);
    expect(panel!.matches[0].allowed.withdraw).toBe(true);
  });

  it("counts held seats and disables inviting when they are full", async () => {
    await db.need.update({ where: { id: need.invited }, data: { expertsWanted: 2 } });
    const panel = await needMatchPanel(sichuan, need.invited);
    expect(panel!.seats).toEqual({ wanted: 2, held: 2, full: true });
    for (const r of panel!.recommendations) expect(r.invite.ok).toBe(false);
  });

  it("lets the province decide applications only while the need takes experts", async () => {
    const panel = await needMatchPanel(sichuan, need.matched);
    const applied = panel!.matches.find((m) => m.id === match.applied)!;
    expect(applied.allowed.decide).toBe(true);
    expect(applied.applyNote).toBe("熟悉当地果园");
  });

  it("shows the need's unit a read-only list without proposals, scores or reasons", async () => {
    const panel = await needMatchPanel(unitUser, need.invited);
    expect(panel!.mode).toBe("readonly");
    expect(panel!.recommendations).toEqual([]);
    expect(panel!.matches.map((m) => m.state).sort()).toEqual(["INVITED", "INVITED"]);
    for (const m of panel!.matches) {
      expect(m.score).toBeNull();
      expect(m.allowed).toEqual({ withdraw: false, decide: false });
    }
    const best = await needMatchPanel(unitUser, need.best);
    expect(best!.matches).toEqual([]); // the province's proposal stays with the province
  });

  it("shows nothing to another province or another unit", async () => {
    expect(await needMatchPanel(zhejiang, need.best)).toBeNull();
    expect(await needMatchPanel(otherUnitUser, need.best)).toBeNull();
    expect(await needMatchPanel(sichuan, "no-such-need")).toBeNull();
  });

  it("never carries an expert's phone number", async () => {
    const text = JSON.stringify([await needMatchPanel(sichuan, need.best), await needMatchPanel(sichuan, need.invited), await needMatchPanel(unitUser, need.invited)]);
    expect(text).not.toContain(PHONE);
    expect(text).not.toContain("phone");
  });
});

describe("manual assignment search", () => {
  it("finds the province's own experts and shared ones, never hidden ones, names and posts only", async () => {
    const found = await assignableExperts(sichuan, need.best, token);
    const ids = found.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([expert.me, expert.zjShared]));
    expect(ids).not.toContain(expert.zjHidden);
    expect(found.find((e) => e.id === expert.other)).toMatchObject({ matchState: "PROPOSED", assignable: true });
    expect(JSON.stringify(found)).not.toMatch(/phone|13800002222/);
  });

  it("answers nothing to a user who may not invite to the need", async () => {
    expect(await assignableExperts(zhejiang, need.best, token)).toEqual([]);
    expect(await assignableExperts(unitUser, need.best, token)).toEqual([]);
    expect(await assignableExperts(expertUser, need.best, token)).toEqual([]);
    expect(await assignableExperts(sichuan, need.best, "  ")).toEqual([]);
  });
});

describe("the expert's invitations", () => {
  it("lists only the expert's own: pending first, then the history, never proposals", async () => {
    const mine = await myInvitations(expertUser, { q: token, page: 1 });
    expect(mine!.pending.map((m) => m.id)).toEqual([match.invited]);
    expect(mine!.pending[0].explanation).toContain("学科吻合");
    expect(mine!.history.rows.map((m) => m.id).sort()).toEqual([match.applied, match.declined].sort());
    const declinedOnly = await myInvitations(expertUser, { q: token, state: "DECLINED", page: 1 });
    expect(declinedOnly!.history.rows.map((m) => m.id)).toEqual([match.declined]);
    const theirs = await myInvitations(otherExpertUser, { q: token, page: 1 });
    expect(theirs!.pending.map((m) => m.id)).toEqual([match.otherInvited]);
    expect(theirs!.history.rows).toEqual([]); // PROPOSED is the province's draft
    expect(await myInvitations(sichuan, { page: 1 })).toBeNull();
  });

  it("opens the expert's own invitation with the full need, and refuses (audited) anyone else's", async () => {
    const detail = await invitationDetail(expertUser, match.invited);
    expect(detail!.need.bottleneck).toBeTruthy();
    expect(detail!.attachments).toEqual([]);
    expect(await invitationDetail(otherExpertUser, match.invited)).toBeNull();
    expect((await auditRows({ actorId: otherExpertUser.id, entityId: match.invited })).map((a) => a.outcome)).toEqual(["DENIED"]);
    expect(await invitationDetail(sichuan, match.invited)).toBeNull();
    expect(await invitationDetail(otherExpertUser, match.proposed)).toBeNull(); // a proposal is not an invitation yet
    expect(await invitationDetail(expertUser, "no-such-match")).toBeNull();
  });

  it("shows attachments only while the expert holds a place on the need", async () => {
    expect((await invitationDetail(expertUser, match.declined))!.attachments).toBeNull();
    expect((await invitationDetail(expertUser, match.applied))!.attachments).toBeNull();
  });
});
