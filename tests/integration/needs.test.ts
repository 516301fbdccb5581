import { mkdtempSync } from "node:fs";
import { readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import type { NeedState, OrgType } from "@/lib/generated/prisma/enums";
import { NEED_STATE_LABEL } from "@/lib/labels";
import {
  createNeedOp, removeAttachmentOp, reviewNeedOp, submitNeedOp, updateNeedOp, uploadAttachmentOp, withdrawNeedOp,
} from "@/lib/needs/operations";
import { needDetail, needsForExport, searchNeeds } from "@/lib/needs/queries";
import { needSearchSchema } from "@/lib/needs/schemas";
import { NEED_STEPS, type NeedStep } from "@/lib/needs/workflow";
import { MAX_ATTACHMENT_BYTES } from "@/lib/storage/sniff";
import { createNeed } from "@/prisma/seed/factories";
import { SAMPLES } from "../sample-files";
import {
  expertUser as expert, ministryAdmin as ministry, provinceAdmin as province, SICHUAN_COUNTY, unitIn, unitUser, userWith,
} from "./fixtures";
import { auditRows, meta } from "./helpers";

// Attachments go to a directory of this test file's own (read lazily by lib/storage on first use).
const STORAGE_DIR = mkdtempSync(path.join(os.tmpdir(), "needs-storage-"));
process.env.STORAGE_DIR = STORAGE_DIR;

async function filesStored(dir = STORAGE_DIR): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

type Unit = { user: SessionUser; orgId: string };

async function unit(regionCode = SICHUAN_COUNTY, type: OrgType = "COOPERATIVE"): Promise<Unit> {
  const { org, user } = await unitIn(regionCode, type);
  return { user, orgId: org.id };
}

let menuIds: string[] = [];
beforeAll(async () => {
  menuIds = (await db.serviceMenuItem.findMany({ where: { retiredAt: null }, orderBy: { sortOrder: "asc" }, take: 3, select: { id: true } })).map((m) => m.id);
});

function form(overrides: Record<string, unknown> = {}) {
  return {
    menuItemIds: [menuIds[0], menuIds[1]],
    title: "猕猴桃溃疡病绿色防控技术指导",
    bottleneck: "近三年猕猴桃溃疡病发病率超过三成，果农缺乏有效的绿色防控手段，损失严重。",
    disciplineCodes: ["21060"],
    industryCodes: ["01"],
    regionCode: "510131",
    windowStart: "2027-03-01",
    windowEnd: "2027-05-31",
    expertsWanted: "2",
    delivery: "ONSITE",
    expectedOutcome: "培训技术骨干 30 人",
    urgency: "HIGH",
    raiseFarmerIncome: "on",
    ...overrides,
  };
}

async function created(u: Unit, overrides: Record<string, unknown> = {}) {
  const r = await executeAction(createNeedOp, u.user, meta, form(overrides));
  if (!r.ok) throw new Error(`create failed: ${r.error} ${JSON.stringify(r.fieldErrors)}`);
  return r.data.id;
}

const stateOf = async (id: string) => (await db.need.findUniqueOrThrow({ where: { id } })).state;
const eventsOf = async (id: string) =>
  (await db.needEvent.findMany({ where: { needId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((e) => [e.fromState, e.toState, e.comment]);

describe("ordering from the menu", () => {
  it("creates a draft with a sequence code, region and province from the database, menu items, timeline and audit", async () => {
    const u = await unit();
    const id = await created(u);
    const need = await db.need.findUniqueOrThrow({ where: { id }, include: { menuItems: true } });
    expect(need).toMatchObject({
      state: "DRAFT", unitId: u.orgId, regionCode: "510131", provinceCode: "51", enteredById: u.user.id, onBehalfOf: null,
      expertsWanted: 2, delivery: "ONSITE", urgency: "HIGH", raiseFarmerIncome: true, breakBottleneck: false,
    });
    expect(need.code).toMatch(/^XQ-\d{4}-\d{6}$/);
    expect(need.windowStart?.toISOString().slice(0, 10)).toBe("2027-03-01");
    expect(need.menuItems.map((m) => m.menuItemId).sort()).toEqual([menuIds[0], menuIds[1]].sort());
    expect(await eventsOf(id)).toEqual([[null, "DRAFT", null]]);
    expect((await auditRows({ entityId: id }))).toMatchObject([{ operation: "need.create", outcome: "SUCCESS", actorId: u.user.id }]);
  });

  it("submits at once when asked, notifying that province's reviewers only", async () => {
    const u = await unit();
    const sichuan = await province("51");
    const zhejiang = await province("33");
    const id = await created(u, { intent: "submit" });
    expect(await stateOf(id)).toBe("SUBMITTED");
    expect((await eventsOf(id)).map((e) => e[1])).toEqual(["DRAFT", "SUBMITTED"]);
    expect(await db.notification.count({ where: { userId: sichuan.id, link: `/needs/${id}` } })).toBe(1);
    expect(await db.notification.count({ where: { userId: zhejiang.id, link: `/needs/${id}` } })).toBe(0);
    expect((await auditRows({ entityId: id })).map((a) => a.operation)).toEqual(["need.create", "need.submit"]);
  });

  it("records proxy entry by a township government and shows who entered it for whom", async () => {
    const town = await unit("510131", "TOWNSHIP_GOVERNMENT");
    const id = await created(town, { onBehalf: "on", onBehalfOf: "复兴村" });
    const need = await db.need.findUniqueOrThrow({ where: { id } });
    expect(need).toMatchObject({ onBehalfOf: "复兴村", enteredById: town.user.id });
    const detail = await needDetail(town.user, id);
    expect(detail?.enteredByName).toBe(town.user.displayName);
    expect(need.searchText).toContain("复兴村");
  });

  it("refuses bad input with field errors and creates nothing", async () => {
    const u = await unit();
    const retired = await db.serviceMenuItem.create({ data: { form: "TECH_GUIDANCE", name: `已下架服务${Date.now()}`, description: "x", typicalDurationDays: 1, retiredAt: new Date() } });
    const cases: [Record<string, unknown>, string, string][] = [
      [{ regionCode: "330106" }, "regionCode", "服务地点必须在本单位所在省份内"],
      [{ regionCode: "999999" }, "regionCode", "服务地点不存在"],
      [{ regionCode: "5101" }, "regionCode", "请选择到区县一级的服务地点"],
      [{ regionCode: "51" }, "regionCode", "请选择到区县一级的服务地点"],
      [{ menuItemIds: [retired.id] }, "menuItemIds", "所选服务项目不存在或已下架，请重新选择"],
      [{ disciplineCodes: ["NOPE"] }, "disciplineCodes", "学科领域代码不正确"],
      [{ onBehalf: "on", onBehalfOf: "某村" }, "onBehalfOf", "只有县、乡镇政府可以代村或合作社填报"],
      [{ windowStart: "2027-06-01", windowEnd: "2027-05-01" }, "windowEnd", "结束日期不能早于开始日期"],
      [{ expertsWanted: "0" }, "expertsWanted", "至少需要 1 名专家"],
      [{ title: "" }, "title", "需求标题至少 4 个字"],
    ];
    for (const [overrides, field, message] of cases) {
      const r = await executeAction(createNeedOp, u.user, meta, form(overrides));
      expect(r, field).toMatchObject({ ok: false, fieldErrors: { [field]: [message] } });
    }
    expect(await db.need.count({ where: { unitId: u.orgId } })).toBe(0);
  });

  it("refuses creation by every role but the unit", async () => {
    const base = await userWith("BASE_HOST");
    const enterprise = await userWith("ENTERPRISE");
    for (const user of [await province("51"), await ministry(), await expert(), base, enterprise]) {
      expect(await executeAction(createNeedOp, user, meta, form())).toEqual({ ok: false, error: "无权执行此操作" });
      expect((await auditRows({ actorId: user.id }))[0]).toMatchObject({ outcome: "DENIED", operation: "need.create" });
    }
  });
});

describe("review cycle", () => {
  it("returns with a reason, lets the unit revise and resubmit, then approves; each step on the timeline, notified and audited", async () => {
    const u = await unit();
    const colleague = await unitUser(u.orgId);
    const sichuan = await province("51");
    const id = await created(u, { intent: "submit" });

    expect(await executeAction(reviewNeedOp, sichuan, meta, { needId: id, decision: "return", reason: "请补充种植面积" })).toMatchObject({ ok: true, data: { state: "RETURNED" } });
    const returned = await db.need.findUniqueOrThrow({ where: { id } });
    expect(returned).toMatchObject({ state: "RETURNED", reviewedById: sichuan.id, reviewComment: "请补充种植面积" });
    for (const reader of [u.user, colleague]) {
      expect(await db.notification.findFirst({ where: { userId: reader.id, link: `/needs/${id}`, title: { contains: "退回修改" } } })).toMatchObject({ body: expect.stringContaining("请补充种植面积") });
    }

    const edit = await executeAction(updateNeedOp, u.user, meta, form({ needId: id, version: String(returned.version), title: "猕猴桃溃疡病防控（种植面积 1200 亩）", intent: "submit" }));
    expect(edit).toMatchObject({ ok: true, data: { state: "SUBMITTED" } });
    expect(await db.need.findUniqueOrThrow({ where: { id } })).toMatchObject({ title: "猕猴桃溃疡病防控（种植面积 1200 亩）", reviewComment: null });

    expect(await executeAction(reviewNeedOp, sichuan, meta, { needId: id, decision: "approve", reason: "" })).toMatchObject({ ok: true, data: { state: "OPEN" } });
    expect(await eventsOf(id)).toEqual([
      [null, "DRAFT", null], ["DRAFT", "SUBMITTED", null], ["SUBMITTED", "RETURNED", "请补充种植面积"],
      ["RETURNED", "SUBMITTED", null], ["SUBMITTED", "OPEN", null],
    ]);
    expect((await auditRows({ entityId: id })).filter((a) => a.outcome === "SUCCESS").map((a) => a.operation)).toEqual([
      "need.create", "need.submit", "need.return", "need.update", "need.submit", "need.approve",
    ]);
    expect(await db.notification.count({ where: { userId: sichuan.id, link: `/needs/${id}` } })).toBe(2);
    expect(await db.notification.count({ where: { userId: u.user.id, link: `/needs/${id}`, title: { contains: "审核通过" } } })).toBe(1);

    const detail = await needDetail(u.user, id);
    expect(detail?.timeline.map((t) => t.actorName)).toEqual([u.user.displayName, u.user.displayName, sichuan.displayName, u.user.displayName, sichuan.displayName]);
    expect(detail?.allowed).toEqual({ edit: false, attach: false, submit: false, withdraw: false, review: false });
  });

  it("rejects with a reason; a reason is required for return and reject and its absence changes nothing", async () => {
    const u = await unit();
    const sichuan = await province("51");
    const id = await created(u, { intent: "submit" });
    for (const decision of ["return", "reject"]) {
      expect(await executeAction(reviewNeedOp, sichuan, meta, { needId: id, decision, reason: " " })).toMatchObject({ ok: false, fieldErrors: { reason: [expect.any(String)] } });
    }
    expect(await stateOf(id)).toBe("SUBMITTED");
    expect(await executeAction(reviewNeedOp, sichuan, meta, { needId: id, decision: "reject", reason: "不属于服务范围" })).toMatchObject({ ok: true });
    expect(await db.need.findUniqueOrThrow({ where: { id } })).toMatchObject({ state: "REJECTED", reviewComment: "不属于服务范围" });
  });

  it("lets exactly one of two simultaneous reviews win", async () => {
    const u = await unit();
    const a = await province("51");
    const b = await province("51");
    const id = await created(u, { intent: "submit" });
    const [approve, ret] = await Promise.all([
      executeAction(reviewNeedOp, a, meta, { needId: id, decision: "approve" }),
      executeAction(reviewNeedOp, b, meta, { needId: id, decision: "return", reason: "请补充" }),
    ]);
    expect([approve.ok, ret.ok].filter(Boolean)).toHaveLength(1);
    const loser = approve.ok ? ret : approve;
    expect(loser).toMatchObject({ ok: false, error: expect.stringMatching(/已被他人处理|不能/) });
    expect(await stateOf(id)).toBe(approve.ok ? "OPEN" : "RETURNED");
    expect((await eventsOf(id)).filter((e) => e[0] === "SUBMITTED")).toHaveLength(1);
  });

  it("lets the unit withdraw a submitted need after all, telling the reviewers", async () => {
    const u = await unit();
    const sichuan = await province("51");
    const id = await created(u, { intent: "submit" });
    expect(await executeAction(withdrawNeedOp, u.user, meta, { needId: id })).toMatchObject({ ok: true, data: { state: "CANCELLED" } });
    expect(await db.notification.findFirst({ where: { userId: sichuan.id, link: `/needs/${id}`, title: { startsWith: "需求已撤销" } } })).not.toBeNull();
    expect(await executeAction(reviewNeedOp, sichuan, meta, { needId: id, decision: "approve" })).toEqual({ ok: false, error: "需求当前为“已撤销”，不能审核通过" });
  });

  it("refuses a decision taken on a stale page (version changed)", async () => {
    const u = await unit();
    const sichuan = await province("51");
    const id = await created(u, { intent: "submit" });
    const version = (await db.need.findUniqueOrThrow({ where: { id } })).version;
    expect(await executeAction(reviewNeedOp, sichuan, meta, { needId: id, decision: "approve", version: String(version - 1) })).toMatchObject({ ok: false, error: "该需求已被他人处理或修改，请刷新后重试" });
    expect(await stateOf(id)).toBe("SUBMITTED");
  });

  it("refuses an edit made from a stale form and an edit once submitted", async () => {
    const u = await unit();
    const id = await created(u);
    const version = (await db.need.findUniqueOrThrow({ where: { id } })).version;
    expect(await executeAction(updateNeedOp, u.user, meta, form({ needId: id, version: String(version), title: "第一次修改标题" }))).toMatchObject({ ok: true });
    expect(await executeAction(updateNeedOp, u.user, meta, form({ needId: id, version: String(version), title: "过时页面的修改" }))).toMatchObject({ ok: false, error: "该需求已被他人修改，请刷新后重试" });
    await executeAction(submitNeedOp, u.user, meta, { needId: id });
    const v2 = (await db.need.findUniqueOrThrow({ where: { id } })).version;
    expect(await executeAction(updateNeedOp, u.user, meta, form({ needId: id, version: String(v2), title: "提交后再改" }))).toMatchObject({ ok: false, error: "需求当前为“待审核”，不能修改" });
    expect((await db.need.findUniqueOrThrow({ where: { id } })).title).toBe("第一次修改标题");
  });
});

describe("every step from every state", () => {
  const LEGAL: Record<NeedStep, NeedState[]> = {
    submit: ["DRAFT", "RETURNED"], approve: ["SUBMITTED"], return: ["SUBMITTED"], reject: ["SUBMITTED"],
    withdraw: ["DRAFT", "SUBMITTED", "RETURNED"],
  };
  const STATES = Object.keys(NEED_STATE_LABEL) as NeedState[];

  it("allows exactly the table's transitions and refuses the rest with INVALID_TRANSITION, changing nothing", async () => {
    const u = await unit();
    const sichuan = await province("51");
    for (const step of Object.keys(LEGAL) as NeedStep[]) {
      for (const from of STATES) {
        const need = await createNeed(db, { unitId: u.orgId, state: from, menuItemIds: [menuIds[0]] });
        const r = step === "submit" ? await executeAction(submitNeedOp, u.user, meta, { needId: need.id })
          : step === "withdraw" ? await executeAction(withdrawNeedOp, u.user, meta, { needId: need.id })
            : await executeAction(reviewNeedOp, sichuan, meta, { needId: need.id, decision: step, reason: "意见" });
        if (LEGAL[step].includes(from)) {
          expect(r.ok, `${step} from ${from}`).toBe(true);
          expect(await stateOf(need.id)).toBe(NEED_STEPS[step].to);
          expect(await db.needEvent.count({ where: { needId: need.id, fromState: from, toState: NEED_STEPS[step].to } })).toBe(1);
        } else {
          expect(r, `${step} from ${from}`).toEqual({ ok: false, error: `需求当前为“${NEED_STATE_LABEL[from]}”，不能${NEED_STEPS[step].label}` });
          expect(await stateOf(need.id)).toBe(from);
          expect(await db.needEvent.count({ where: { needId: need.id } })).toBe(0);
        }
      }
    }
  });
});

describe("who may act on whose needs", () => {
  it("refuses another unit, another province, the ministry and experts: audited, unchanged", async () => {
    const owner = await unit();
    const other = await unit();
    const zhejiang = await province("33");
    const id = await created(owner, { intent: "submit" });
    const version = String((await db.need.findUniqueOrThrow({ where: { id } })).version);
    const refusals: [SessionUser, () => Promise<unknown>][] = [
      [other.user, () => executeAction(withdrawNeedOp, other.user, meta, { needId: id })],
      [other.user, () => executeAction(updateNeedOp, other.user, meta, form({ needId: id, version }))],
      [other.user, () => executeAction(reviewNeedOp, other.user, meta, { needId: id, decision: "approve" })],
      [zhejiang, () => executeAction(reviewNeedOp, zhejiang, meta, { needId: id, decision: "approve" })],
      [zhejiang, () => executeAction(withdrawNeedOp, zhejiang, meta, { needId: id })],
    ];
    const m = await ministry();
    const e = await expert();
    for (const user of [m, e]) {
      refusals.push([user, () => executeAction(reviewNeedOp, user, meta, { needId: id, decision: "approve" })]);
      refusals.push([user, () => executeAction(withdrawNeedOp, user, meta, { needId: id })]);
    }
    for (const [, attempt] of refusals) expect(await attempt()).toEqual({ ok: false, error: "无权执行此操作" });
    expect(await stateOf(id)).toBe("SUBMITTED");
    expect((await auditRows({ actorId: other.user.id })).map((a) => [a.outcome, a.entityId])).toEqual([["DENIED", id], ["DENIED", id], ["DENIED", null]]);
    expect((await auditRows({ actorId: zhejiang.id })).map((a) => [a.outcome, a.entityId])).toEqual([["DENIED", id], ["DENIED", null]]);
  });

  it("shows a need only within scope; a refused read is audited and looks like a missing record", async () => {
    const owner = await unit();
    const other = await unit();
    const id = await created(owner);
    expect(await needDetail(owner.user, id)).toMatchObject({ id, allowed: { edit: true, submit: true, withdraw: true, review: false } });
    expect(await needDetail(other.user, id)).toBeNull();
    expect((await auditRows({ actorId: other.user.id }))).toMatchObject([{ outcome: "DENIED", operation: "need.read", entityId: id }]);
    const zhejiang = await province("33");
    expect(await needDetail(zhejiang, id)).toBeNull();
    expect(await needDetail(await province("51"), id)).toMatchObject({ allowed: { review: false, edit: false } });
    expect(await needDetail(await ministry(), id)).toMatchObject({ id, allowed: { edit: false, submit: false, withdraw: false, review: false } });
    expect(await needDetail(await expert(), id)).toBeNull();
    expect(await needDetail(await userWith("ENTERPRISE"), id)).toBeNull();
    expect(await needDetail(owner.user, "no-such-need")).toBeNull();
  });
});

describe("lists, search and export", () => {
  it("finds by a Chinese substring within scope, with the reviewer's default of 待审核", async () => {
    const tag = `雅安藏茶${Date.now().toString(36)}`;
    const mine = await unit();
    const other = await unit();
    const zj = await unit("330106");
    const draft = await created(mine, { title: `${tag}炒制工艺改进` });
    const submitted = await created(other, { title: `四川${tag}品质提升`, intent: "submit" });
    const zhejiangNeed = await created(zj, { title: `浙江${tag}品质提升`, regionCode: "330106", intent: "submit" });
    const ids = async (user: SessionUser, params: Record<string, string> = {}) =>
      (await searchNeeds(user, needSearchSchema.parse({ q: tag, ...params }))).rows.map((r) => r.id).sort();

    expect(await ids(mine.user)).toEqual([draft]);
    expect(await ids(mine.user, { q: "炒制工艺" })).toContain(draft);
    expect(await ids(other.user, { q: "炒制工艺" })).not.toContain(draft);
    const sichuan = await province("51");
    expect(await ids(sichuan)).toEqual([submitted]);
    expect(await ids(sichuan, { state: "ALL" })).toEqual([draft, submitted].sort());
    expect(await ids(await ministry(), { state: "ALL" })).toEqual([draft, submitted, zhejiangNeed].sort());
    expect(await ids(await province("33"))).toEqual([zhejiangNeed]);
    expect((await searchNeeds(await expert(), needSearchSchema.parse({ q: tag }))).rows).toEqual([]);

    const exported = await needsForExport(sichuan, needSearchSchema.parse({ q: tag, state: "ALL" }));
    expect(exported.map((r) => r.id).sort()).toEqual([draft, submitted].sort());
    expect(exported[0]).toMatchObject({ place: expect.stringContaining("蒲江县"), menuNames: expect.any(Array), disciplineNames: expect.any(Array) });
  });

  it("filters by priority flag, service form, menu item, region, discipline and date, and sorts by urgency", async () => {
    const tag = `筛选${Date.now().toString(36)}`;
    const u = await unit();
    const menu = await db.serviceMenuItem.findMany({ where: { id: { in: menuIds } }, select: { id: true, form: true } });
    const a = await created(u, { title: `${tag}甲`, urgency: "LOW", raiseFarmerIncome: undefined, breakBottleneck: "on", menuItemIds: [menu[0].id] });
    const b = await created(u, { title: `${tag}乙`, urgency: "HIGH", menuItemIds: [menu[2].id], disciplineCodes: ["21060"] });
    const ids = async (params: Record<string, string>) => (await searchNeeds(u.user, needSearchSchema.parse({ q: tag, ...params }))).rows.map((r) => r.id);
    expect(await ids({ breakBottleneck: "1" })).toEqual([a]);
    expect(await ids({ raiseFarmerIncome: "1" })).toEqual([b]);
    expect(await ids({ menuItem: menu[2].id })).toEqual([b]);
    if (menu[0].form !== menu[2].form) expect(await ids({ form: menu[0].form })).toEqual([a]);
    expect((await ids({ region: "5101" })).sort()).toEqual([a, b].sort());
    expect(await ids({ region: "33" })).toEqual([]);
    expect((await ids({ discipline: "21060" })).sort()).toEqual([a, b].sort());
    expect(await ids({ discipline: "110" })).toEqual([]);
    expect(await ids({ sort: "urgency" })).toEqual([b, a]);
    expect(await ids({ from: "2000-01-01", to: "2000-12-31" })).toEqual([]);
  });

  it("pages by 20", async () => {
    const tag = `分页${Date.now().toString(36)}`;
    const u = await unit();
    for (let i = 0; i < 21; i++) await createNeed(db, { unitId: u.orgId, title: `${tag}第${i}项` });
    const page1 = await searchNeeds(u.user, needSearchSchema.parse({ q: tag }));
    const page2 = await searchNeeds(u.user, needSearchSchema.parse({ q: tag, page: "2" }));
    expect([page1.total, page1.rows.length, page2.rows.length]).toEqual([21, 20, 1]);
  });
});

describe("attachments", () => {
  const file = (bytes: Uint8Array, name: string, type = "application/pdf") => new File([bytes as BlobPart], name, { type });

  it("stores a real file with its hash, lets the owner remove it while editable, audited", async () => {
    const u = await unit();
    const id = await created(u);
    const r = await executeAction(uploadAttachmentOp, u.user, meta, { needId: id, file: file(SAMPLES.pdf, "现场照片说明.pdf") });
    expect(r).toMatchObject({ ok: true });
    const att = await db.attachment.findFirstOrThrow({ where: { ownerType: "Need", ownerId: id } });
    expect(att).toMatchObject({ fileName: "现场照片说明.pdf", mimeType: "application/pdf", sizeBytes: SAMPLES.pdf.length, uploadedById: u.user.id });
    expect(att.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await filesStored()).toContain(path.join(STORAGE_DIR, ...att.storageKey.split("/")));
    expect((await needDetail(u.user, id))?.attachments.map((a) => a.fileName)).toEqual(["现场照片说明.pdf"]);

    const other = await unit();
    expect(await executeAction(removeAttachmentOp, other.user, meta, { attachmentId: att.id })).toEqual({ ok: false, error: "无权执行此操作" });
    expect(await executeAction(removeAttachmentOp, u.user, meta, { attachmentId: att.id })).toMatchObject({ ok: true });
    expect(await db.attachment.count({ where: { ownerId: id } })).toBe(0);
    expect(await filesStored()).not.toContain(path.join(STORAGE_DIR, ...att.storageKey.split("/")));
    expect((await auditRows({ entityId: id })).map((a) => [a.operation, a.outcome])).toEqual([
      ["need.create", "SUCCESS"], ["need.attach", "SUCCESS"], ["need.update", "DENIED"], ["need.detach", "SUCCESS"],
    ]);
  });

  it("refuses oversize, mistyped and empty files before storing anything", async () => {
    const u = await unit();
    const id = await created(u);
    const before = await filesStored();
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(SAMPLES.pdf);
    const cases: [File, string][] = [
      [file(big, "大文件.pdf"), "文件超过 20 MB"],
      [file(SAMPLES.exe, "发票.pdf"), "不支持的文件类型"],
      [file(SAMPLES.pdf, "图片.png", "image/png"), "文件内容与扩展名不符"],
      [file(SAMPLES.html, "页面.html", "text/html"), "不支持的文件类型"],
    ];
    for (const [f, reason] of cases) {
      expect(await executeAction(uploadAttachmentOp, u.user, meta, { needId: id, file: f })).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringContaining(reason)] } });
    }
    expect(await executeAction(uploadAttachmentOp, u.user, meta, { needId: id, file: file(new Uint8Array(), "空.pdf") })).toMatchObject({ ok: false, fieldErrors: { file: ["请选择要上传的文件"] } });
    expect(await db.attachment.count({ where: { ownerId: id } })).toBe(0);
    expect(await filesStored()).toEqual(before);
  });

  it("refuses uploads once submitted and from other units or provinces, storing nothing", async () => {
    const u = await unit();
    const id = await created(u, { intent: "submit" });
    const before = await filesStored();
    expect(await executeAction(uploadAttachmentOp, u.user, meta, { needId: id, file: file(SAMPLES.pdf, "a.pdf") })).toEqual({ ok: false, error: "需求当前为“待审核”，不能增删附件" });
    const draft = await created(u);
    for (const user of [(await unit()).user, await province("51"), await ministry()]) {
      expect(await executeAction(uploadAttachmentOp, user, meta, { needId: draft, file: file(SAMPLES.pdf, "a.pdf") })).toEqual({ ok: false, error: "无权执行此操作" });
    }
    expect(await db.attachment.count({ where: { ownerId: { in: [id, draft] } } })).toBe(0);
    expect(await filesStored()).toEqual(before);
  });
});
