import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { db } from "@/lib/db";
import { executeAction, type ActionDefinition } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import type { CaseState } from "@/lib/generated/prisma/enums";
import {
  createCaseOp, refreshFiguresOp, reopenCaseOp, reviewCaseOp, saveCaseOp, submitCaseOp, uploadImageOp, withdrawCaseOp,
} from "@/lib/cases/operations";
import { saveAnnouncementOp, stepAnnouncementOp } from "@/lib/announcements/operations";
import { readPublishedAnnouncement, readPublishedAnnouncements } from "@/lib/announcements/queries";
import { listPublished, onePublished } from "@/lib/cases/portal-queries";
import { searchCases, shortlistFor } from "@/lib/cases/queries";
import { createExpert, createNeed } from "@/prisma/seed/factories";
import { createTestUsers, ministryAdmin, type TestUsers } from "./fixtures";
import { meta, REFUSED } from "./helpers";
import { SAMPLES } from "../sample-files";

process.env.STORAGE_DIR = mkdtempSync(path.join(os.tmpdir(), "cases-storage-"));

// Typical cases on the database: shortlisting from known engagements, every role × operation, every transition
// legal and illegal, the four-eyes rule, sanitising on save, bad input changing nothing, two reviewers at once,
// and the public reads that never show an unpublished case.

let u: TestUsers;
let ministry2: SessionUser;
type AnyOp = ActionDefinition<ZodType, unknown>;
const run = (op: unknown, user: SessionUser, input: Record<string, unknown>) => executeAction(op as AnyOp, user, meta, input);

let seq = 0;
/** A finished engagement in 四川 (the units' province) with confirmed records and the unit's rating. */
async function engagement(opts: { hours?: number[]; rating?: number | null; state?: "CLOSED" | "ACTIVE"; disputed?: boolean } = {}) {
  seq += 1;
  const need = await createNeed(db, { unitId: u.unitOrg.id, state: "COMPLETED", title: `案例测试需求${seq}-${Date.now()}`, raiseFarmerIncome: true });
  const expert = await createExpert(db, { name: `案例测试专家${seq}` });
  const match = await db.match.create({ data: { needId: need.id, expertId: expert.id, score: 0.8, source: "PROVINCE", state: "CONFIRMED" } });
  const e = await db.engagement.create({ data: { matchId: match.id, needId: need.id, expertId: expert.id, state: opts.state ?? "CLOSED", closedAt: new Date(), planForms: ["TECH_GUIDANCE"] } });
  for (const [i, hours] of (opts.hours ?? [10, 12]).entries()) {
    await db.serviceRecord.create({
      data: { engagementId: e.id, startDate: new Date(Date.UTC(2026, 4, 1 + i * 3)), endDate: new Date(Date.UTC(2026, 4, 1 + i * 3)), hours, form: "TECH_GUIDANCE", content: "现场指导", peopleServed: 30, peopleTrained: 5, state: "CONFIRMED" },
    });
  }
  if (opts.disputed) {
    await db.serviceRecord.create({ data: { engagementId: e.id, startDate: new Date(Date.UTC(2026, 5, 1)), endDate: new Date(Date.UTC(2026, 5, 1)), hours: 2, form: "TECH_GUIDANCE", content: "有异议", state: "DISPUTED" } });
  }
  if (opts.rating !== null) await db.feedback.create({ data: { engagementId: e.id, party: "UNIT", authorId: u.unit.id, rating: opts.rating ?? 5 } });
  return { id: e.id, title: need.title };
}

const BODY = `<h3>一、基本做法</h3><p>${"专家团队深入田间地头开展技术指导，示范带教与跟踪服务相结合。".repeat(4)}</p>`;

/** A case written by `author` from a fresh strong engagement, filled in, in DRAFT. */
async function draft(author: SessionUser = u.sichuan) {
  const src = await engagement();
  const created = await run(createCaseOp, author, { sourceKind: "ENGAGEMENT", sourceId: src.id });
  if (!created.ok) throw new Error(created.error);
  const id = (created.data as { id: string }).id;
  const saved = await run(saveCaseOp, author, {
    caseId: id, version: 0, title: `猕猴桃产业专家服务纪实${seq}`, summary: "浙川协作专家团队三年服务猕猴桃产业，示范园发病率显著下降。", body: BODY,
    field: "AGRICULTURE", forms: ["TECH_GUIDANCE", "DEMONSTRATION_TEACHING"], replicable: "1",
  });
  if (!saved.ok) throw new Error(saved.error);
  return id;
}

async function caseIn(state: CaseState, author: SessionUser = u.sichuan) {
  const id = await draft(author);
  if (state === "DRAFT") return id;
  const steps: [unknown, SessionUser, Record<string, unknown>][] =
    state === "SUBMITTED" ? [[submitCaseOp, author, {}]]
      : state === "PUBLISHED" ? [[submitCaseOp, author, {}], [reviewCaseOp, u.ministry, { decision: "publish" }]]
        : state === "RETURNED" ? [[submitCaseOp, author, {}], [reviewCaseOp, u.ministry, { decision: "return", reason: "请补充数据" }]]
          : state === "REJECTED" ? [[submitCaseOp, author, {}], [reviewCaseOp, u.ministry, { decision: "reject", reason: "代表性不足" }]]
            : [[submitCaseOp, author, {}], [reviewCaseOp, u.ministry, { decision: "publish" }], [withdrawCaseOp, u.ministry, { reason: "数据有误" }]];
  for (const [op, who, extra] of steps) {
    const { version } = await db.typicalCase.findUniqueOrThrow({ where: { id }, select: { version: true } });
    const r = await run(op, who, { caseId: id, version, ...extra });
    if (!r.ok) throw new Error(r.error);
  }
  return id;
}

const version = async (id: string) => (await db.typicalCase.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const stateOf = async (id: string) => (await db.typicalCase.findUniqueOrThrow({ where: { id }, select: { state: true } })).state;

beforeAll(async () => {
  u = await createTestUsers();
  ministry2 = await ministryAdmin();
}, 60_000);

describe("shortlisting on known fixtures", () => {
  it("lists strong finished engagements with their reasons, and leaves out weak ones and those with a case", async () => {
    const strong = await engagement({ hours: [10, 12], rating: 5 });
    const fewHours = await engagement({ hours: [4, 4], rating: 5 });
    const lowRating = await engagement({ rating: 3 });
    const unrated = await engagement({ rating: null });
    const disputed = await engagement({ disputed: true });
    const active = await engagement({ state: "ACTIVE" });
    const list = await shortlistFor(u.sichuan);
    const ids = list.map((c) => c.id);
    expect(ids).toContain(strong.id);
    for (const weak of [fewHours, lowRating, unrated, disputed, active]) expect(ids).not.toContain(weak.id);
    const row = list.find((c) => c.id === strong.id)!;
    expect(row.verdict.reasons).toEqual(["已确认服务 22 小时（2 条记录）", "服务单位评价 5 分", "服务群众 60 人次、培训 10 人次", "促进农民增收"]);
    expect(row.figures).toMatchObject({ hours: 22, days: 2, records: 2, peopleServed: 60, peopleTrained: 10, experts: 1 });
    // Another province sees none of 四川's; the ministry sees them all.
    expect((await shortlistFor(u.zhejiang)).map((c) => c.id)).not.toContain(strong.id);
    expect((await shortlistFor(u.ministry)).map((c) => c.id)).toContain(strong.id);
    // Once a case is written from it, it leaves the shortlist.
    expect((await run(createCaseOp, u.sichuan, { sourceKind: "ENGAGEMENT", sourceId: strong.id })).ok).toBe(true);
    expect((await shortlistFor(u.sichuan)).map((c) => c.id)).not.toContain(strong.id);
  }, 60_000);

  it("lists 揭榜挂帅 challenges accepted and confirmed, with their reasons, and a case written from one links to it on the portal", async () => {
    const orgId = u.enterprise.roles[0].organizationId!;
    const org = await db.organization.findUniqueOrThrow({ where: { id: orgId }, select: { regionCode: true, region: { select: { provinceCode: true } } } });
    const challenge = (over: { acceptancePassed?: boolean; confirmedAt?: Date | null; met?: boolean[] } = {}) => {
      seq += 1;
      const indicators = ["能耗降低20%以上", "合格率达到98%"];
      const met = over.met ?? [true, true];
      return db.challenge.create({
        data: {
          enterpriseId: orgId, regionCode: org.regionCode, provinceCode: org.region.provinceCode, title: `案例测试攻关${seq}-${Date.now()}`,
          problem: "现有工艺能耗高、产品一致性差，企业缺少关键装备和工艺参数。", indicators, disciplineCodes: ["21060"], rewardYuan: 300000,
          bidDeadline: new Date(Date.now() - 90 * 86_400_000), ipTerms: "归企业所有", state: "COMPLETED", publishedAt: new Date(Date.now() - 120 * 86_400_000),
          acceptancePassed: over.acceptancePassed ?? true, confirmedAt: over.confirmedAt === undefined ? new Date() : over.confirmedAt, finishedAt: new Date(),
          indicatorResults: indicators.map((indicator, i) => ({ indicator, met: met[i], note: "" })),
        },
      });
    };
    const strong = await challenge();
    const unconfirmed = await challenge({ confirmedAt: null });
    const partly = await challenge({ met: [true, false] });
    const ids = (await shortlistFor(u.sichuan)).map((c) => c.id);
    expect(ids).toContain(strong.id);
    expect(ids).not.toContain(unconfirmed.id);
    expect(ids).not.toContain(partly.id);
    const row = (await shortlistFor(u.ministry)).find((c) => c.id === strong.id)!;
    expect(row).toMatchObject({ kind: "CHALLENGE", href: `/challenges/${strong.id}` });
    expect(row.verdict.reasons).toEqual(["验收通过并经企业确认", "2 项技术指标全部达到"]);
    expect((await shortlistFor(u.zhejiang)).map((c) => c.id)).not.toContain(strong.id);

    const created = await run(createCaseOp, u.sichuan, { sourceKind: "CHALLENGE", sourceId: strong.id });
    expect(created.ok).toBe(true);
    const id = (created as { data: { id: string } }).data.id;
    await db.typicalCase.update({ where: { id }, data: { state: "PUBLISHED", publishedAt: new Date(), title: "揭榜攻关案例", summary: "企业出题、专家揭榜。", body: BODY } });
    expect((await onePublished(id))?.challenge).toEqual({ id: strong.id, title: strong.title });
  }, 60_000);

  it("refuses to write a case from a source that is not shortlisted, or twice from one source", async () => {
    const weak = await engagement({ rating: 3 });
    const r = await run(createCaseOp, u.sichuan, { sourceKind: "ENGAGEMENT", sourceId: weak.id });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.error).toContain("未进入典型案例候选");
    const strong = await engagement();
    const both = await Promise.all([
      run(createCaseOp, u.sichuan, { sourceKind: "ENGAGEMENT", sourceId: strong.id }),
      run(createCaseOp, u.ministry, { sourceKind: "ENGAGEMENT", sourceId: strong.id }),
    ]);
    expect(both.filter((x) => x.ok)).toHaveLength(1);
    expect(await db.typicalCase.count({ where: { sourceId: strong.id } })).toBe(1);
  }, 60_000);

  it("takes place, tags and figures from the source", async () => {
    const id = await draft();
    const c = await db.typicalCase.findUniqueOrThrow({ where: { id } });
    expect(c).toMatchObject({ provinceCode: "51", sourceKind: "ENGAGEMENT", state: "DRAFT", forms: ["TECH_GUIDANCE", "DEMONSTRATION_TEACHING"] });
    expect(c.figures).toMatchObject({ hours: 22, records: 2 });
    expect(await db.caseEvent.count({ where: { caseId: id } })).toBe(1);
  }, 60_000);
});

describe("permissions: every role × operation", () => {
  it("writing: the province in its own province and the ministry; nobody else", async () => {
    const src = await engagement();
    for (const who of [u.zhejiang, u.unit, u.expert, u.base, u.enterprise]) {
      expect(await run(createCaseOp, who, { sourceKind: "ENGAGEMENT", sourceId: src.id })).toEqual(REFUSED);
    }
    const id = await draft(u.sichuan);
    const edit = { caseId: id, title: "改过的标题", summary: "x".repeat(30), body: BODY, field: "AGRICULTURE", forms: ["TECH_GUIDANCE"] };
    for (const who of [u.zhejiang, u.unit, u.expert, u.base, u.enterprise]) {
      expect(await run(saveCaseOp, who, { ...edit, version: await version(id) })).toEqual(REFUSED);
      expect(await run(submitCaseOp, who, { caseId: id, version: await version(id) })).toEqual(REFUSED);
      expect(await run(refreshFiguresOp, who, { caseId: id, version: await version(id) })).toEqual(REFUSED);
    }
    expect(await run(saveCaseOp, u.ministry, { ...edit, version: await version(id) })).toMatchObject({ ok: true });
    expect(await run(refreshFiguresOp, u.sichuan, { caseId: id, version: await version(id) })).toMatchObject({ ok: true });
  }, 60_000);

  it("reviewing and withdrawing: the ministry only", async () => {
    const id = await caseIn("SUBMITTED");
    for (const who of [u.sichuan, u.zhejiang, u.unit, u.expert, u.base, u.enterprise]) {
      expect(await run(reviewCaseOp, who, { caseId: id, version: await version(id), decision: "publish" })).toEqual(REFUSED);
    }
    expect(await stateOf(id)).toBe("SUBMITTED");
    const pub = await caseIn("PUBLISHED");
    for (const who of [u.sichuan, u.zhejiang, u.unit, u.expert, u.base, u.enterprise]) {
      expect(await run(withdrawCaseOp, who, { caseId: pub, version: await version(pub), reason: "试图撤回" })).toEqual(REFUSED);
    }
    expect(await stateOf(pub)).toBe("PUBLISHED");
  }, 60_000);

  it("the console lists cases in scope only", async () => {
    const id = await draft(u.sichuan);
    const list = async (who: SessionUser) => (await searchCases(who, { page: 1, q: undefined, state: undefined })).rows.map((r) => r.id);
    expect(await list(u.sichuan)).toContain(id);
    expect(await list(u.ministry)).toContain(id);
    expect(await list(u.zhejiang)).not.toContain(id);
    expect(await list(u.unit)).toEqual([]);
  }, 60_000);

  it("announcements: the ministry only", async () => {
    const input = { title: "关于开展2027年示范活动申报的通知", body: "各省级人力资源社会保障部门：现将有关事项通知如下。", publishNow: "1" };
    for (const who of [u.sichuan, u.unit, u.expert, u.base, u.enterprise]) expect(await run(saveAnnouncementOp, who, input)).toEqual(REFUSED);
    const r = await run(saveAnnouncementOp, u.ministry, input);
    expect(r).toMatchObject({ ok: true, data: { state: "PUBLISHED" } });
    const id = (r as { data: { id: string } }).data.id;
    expect((await readPublishedAnnouncements(50)).map((a) => a.id)).toContain(id);
    expect(await run(stepAnnouncementOp, u.sichuan, { announcementId: id, version: 0, step: "withdraw" })).toEqual(REFUSED);
    expect(await run(stepAnnouncementOp, u.ministry, { announcementId: id, version: 0, step: "withdraw" })).toMatchObject({ ok: true, data: { state: "WITHDRAWN" } });
    expect(await readPublishedAnnouncement(id)).toBeNull();
    expect(await run(stepAnnouncementOp, u.ministry, { announcementId: id, version: 1, step: "withdraw" })).toMatchObject({ ok: false });
  }, 60_000);
});

describe("transitions, legal and illegal", () => {
  it("draft → in review → published → withdrawn → draft, each on the timeline and audited", async () => {
    const id = await caseIn("WITHDRAWN");
    const c = await db.typicalCase.findUniqueOrThrow({ where: { id }, include: { events: { orderBy: { createdAt: "asc" } } } });
    expect(c.withdrawReason).toBe("数据有误");
    expect(c.events.map((e) => e.toState)).toEqual(["DRAFT", "SUBMITTED", "PUBLISHED", "WITHDRAWN"]);
    expect(await run(reopenCaseOp, u.sichuan, { caseId: id, version: c.version })).toMatchObject({ ok: true, data: { state: "DRAFT" } });
    const codes = (await db.auditLog.findMany({ where: { entityId: id, outcome: "SUCCESS" }, select: { operation: true } })).map((a) => a.operation);
    expect(codes).toEqual(expect.arrayContaining(["case.create", "case.update", "case.submitReview", "case.approve", "case.withdraw", "case.reopen"]));
  }, 60_000);

  it("returned cases are edited and sent again; rejected ones stay rejected", async () => {
    const ret = await caseIn("RETURNED");
    expect((await db.typicalCase.findUniqueOrThrow({ where: { id: ret } })).reviewComment).toBe("请补充数据");
    expect(await run(submitCaseOp, u.sichuan, { caseId: ret, version: await version(ret) })).toMatchObject({ ok: true, data: { state: "SUBMITTED" } });
    const rej = await caseIn("REJECTED");
    expect(await run(submitCaseOp, u.sichuan, { caseId: rej, version: await version(rej) })).toMatchObject({ ok: false, error: "案例当前为“未采用”，不能送审" });
  }, 60_000);

  it("illegal steps are refused in Chinese and change nothing", async () => {
    const d = await caseIn("DRAFT");
    const v = await version(d);
    expect(await run(reviewCaseOp, u.ministry, { caseId: d, version: v, decision: "publish" })).toMatchObject({ ok: false, error: "案例当前为“草稿”，不能审核通过并发布" });
    expect(await run(withdrawCaseOp, u.ministry, { caseId: d, version: v, reason: "x" })).toMatchObject({ ok: false, error: "只有已发布的案例才能撤回" });
    expect(await run(reopenCaseOp, u.sichuan, { caseId: d, version: v })).toMatchObject({ ok: false });
    const pub = await caseIn("PUBLISHED");
    const pv = await version(pub);
    expect(await run(saveCaseOp, u.sichuan, { caseId: pub, version: pv, title: "发布后改标题", summary: "", body: "", forms: [] })).toMatchObject({ ok: false, error: "案例当前为“已发布”，不能修改案例" });
    expect(await run(submitCaseOp, u.sichuan, { caseId: pub, version: pv })).toMatchObject({ ok: false });
    expect(await stateOf(d)).toBe("DRAFT");
    expect(await version(d)).toBe(v);
    expect(await stateOf(pub)).toBe("PUBLISHED");
  }, 60_000);

  it("reasons are required to return, reject and withdraw", async () => {
    const s = await caseIn("SUBMITTED");
    for (const decision of ["return", "reject"]) {
      expect(await run(reviewCaseOp, u.ministry, { caseId: s, version: await version(s), decision, reason: "  " })).toMatchObject({ ok: false, fieldErrors: { reason: ["请填写原因"] } });
    }
    const p = await caseIn("PUBLISHED");
    expect(await run(withdrawCaseOp, u.ministry, { caseId: p, version: await version(p), reason: "" })).toMatchObject({ ok: false });
    expect(await stateOf(s)).toBe("SUBMITTED");
    expect(await stateOf(p)).toBe("PUBLISHED");
  }, 60_000);

  it("an incomplete case cannot be sent for review", async () => {
    const src = await engagement();
    const created = await run(createCaseOp, u.sichuan, { sourceKind: "ENGAGEMENT", sourceId: src.id });
    const id = (created as { data: { id: string } }).data.id;
    const r = await run(submitCaseOp, u.sichuan, { caseId: id, version: 0 });
    expect(r).toMatchObject({ ok: false });
    expect(!r.ok && r.fieldErrors).toMatchObject({ summary: expect.any(Array), body: expect.any(Array), field: expect.any(Array) });
    expect(await stateOf(id)).toBe("DRAFT");
  }, 60_000);

  it("whoever wrote a case does not approve it (four eyes)", async () => {
    const id = await caseIn("SUBMITTED", u.ministry);
    expect(await run(reviewCaseOp, u.ministry, { caseId: id, version: await version(id), decision: "publish" })).toMatchObject({ ok: false, error: "不能审核本人撰写的案例，请由其他审核人处理" });
    expect(await run(reviewCaseOp, ministry2, { caseId: id, version: await version(id), decision: "publish" })).toMatchObject({ ok: true, data: { state: "PUBLISHED" } });
  }, 60_000);

  it("of two reviewers deciding at once, exactly one wins", async () => {
    const id = await caseIn("SUBMITTED");
    const v = await version(id);
    const both = await Promise.all([
      run(reviewCaseOp, u.ministry, { caseId: id, version: v, decision: "publish" }),
      run(reviewCaseOp, ministry2, { caseId: id, version: v, decision: "return", reason: "请修改" }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.caseEvent.count({ where: { caseId: id, toState: { in: ["PUBLISHED", "RETURNED"] } } })).toBe(1);
  }, 60_000);

  it("a stale form is refused", async () => {
    const id = await caseIn("DRAFT");
    const r = await run(saveCaseOp, u.sichuan, { caseId: id, version: 0, title: "过期的表单", summary: "", body: "", forms: [] });
    expect(r).toMatchObject({ ok: false, error: "该案例已被他人处理或修改，请刷新后重试" });
  }, 60_000);
});

describe("rich text and images", () => {
  it("the story is sanitised on save: no script, handler, external image or javascript: URL is stored", async () => {
    const id = await caseIn("DRAFT");
    const evil = `<p onclick="alert(1)">正文</p><script>alert(1)</script><img src="http://evil.example/x.png"><a href="javascript:alert(1)">链接</a><img src=x onerror=alert(1)>`;
    const r = await run(saveCaseOp, u.sichuan, { caseId: id, version: await version(id), title: "净化测试案例", summary: "", body: evil, forms: [] });
    expect(r.ok).toBe(true);
    const { body } = await db.typicalCase.findUniqueOrThrow({ where: { id }, select: { body: true } });
    expect(body).toBe("<p>正文</p><a rel=\"noopener noreferrer nofollow\">链接</a>");
  }, 60_000);

  it("images upload to an editable case only, and only real images", async () => {
    const id = await caseIn("DRAFT");
    const png = new File([SAMPLES.png], "现场.png", { type: "image/png" });
    expect(await run(uploadImageOp, u.sichuan, { caseId: id, file: png })).toMatchObject({ ok: true });
    expect(await run(uploadImageOp, u.zhejiang, { caseId: id, file: png })).toEqual(REFUSED);
    const pdf = new File([SAMPLES.pdf], "报告.pdf", { type: "application/pdf" });
    expect(await run(uploadImageOp, u.sichuan, { caseId: id, file: pdf })).toMatchObject({ ok: false, error: "只能上传 PNG、JPG、GIF 或 WebP 图片" });
    const pub = await caseIn("PUBLISHED");
    expect(await run(uploadImageOp, u.sichuan, { caseId: pub, file: png })).toMatchObject({ ok: false });
    expect(await db.attachment.count({ where: { ownerType: "TypicalCase", ownerId: { in: [id, pub] } } })).toBe(1);
  }, 60_000);
});

describe("the public reads", () => {
  it("show published cases only, whatever the id asked for", async () => {
    const states: CaseState[] = ["DRAFT", "SUBMITTED", "RETURNED", "REJECTED", "WITHDRAWN", "PUBLISHED"];
    const ids = Object.fromEntries(await Promise.all(states.map(async (s) => [s, await caseIn(s)] as const)));
    for (const s of states) {
      const one = await onePublished(ids[s]);
      if (s === "PUBLISHED") expect(one).toMatchObject({ id: ids[s], provinceName: "四川省", replicable: true, field: "AGRICULTURE" });
      else expect(one, s).toBeNull();
    }
    const listed = (await listPublished({ page: 1 })).rows.map((r) => r.id);
    for (const s of states) expect(listed.includes(ids[s]), s).toBe(s === "PUBLISHED");
    // Filters: tags and search.
    const byTag = await listPublished({ page: 1, field: "AGRICULTURE", form: "DEMONSTRATION_TEACHING", region: "51", replicable: "1" });
    expect(byTag.rows.map((r) => r.id)).toContain(ids.PUBLISHED);
    expect((await listPublished({ page: 1, field: "HEALTH" })).rows.map((r) => r.id)).not.toContain(ids.PUBLISHED);
    expect((await listPublished({ page: 1, q: "猕猴桃产业专家服务纪实" })).rows.map((r) => r.id)).toContain(ids.PUBLISHED);
    expect((await listPublished({ page: 1, q: "田间地头" })).rows.map((r) => r.id)).toContain(ids.PUBLISHED);
  }, 120_000);
});
