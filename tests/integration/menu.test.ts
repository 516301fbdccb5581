import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import {
  createMenuItemOp, deleteMenuItemOp, restoreMenuItemOp, retireMenuItemOp, updateMenuItemOp,
} from "@/lib/menu/operations";
import { activeMenuItems, menuForExport, searchMenuItems } from "@/lib/menu/queries";
import { menuSearchSchema } from "@/lib/menu/schemas";
import { createNeed, createOrganization, uniqueSuffix } from "@/prisma/seed/factories";
import { expertUser, ministryAdmin as ministry, provinceAdmin, unitUser } from "./fixtures";
import { auditRows, meta } from "./helpers";

function fields(overrides: Record<string, unknown> = {}) {
  return {
    form: "TECH_GUIDANCE", name: `测试菜单项${uniqueSuffix()}`, description: "专家到现场开展技术指导服务。",
    typicalDurationDays: "5", delivery: "ONSITE", sortOrder: "15", ...overrides,
  };
}

async function created(user: Awaited<ReturnType<typeof ministry>>, overrides: Record<string, unknown> = {}) {
  const input = fields(overrides);
  const result = await executeAction(createMenuItemOp, user, meta, input);
  if (!result.ok) throw new Error(result.error);
  return db.serviceMenuItem.findUniqueOrThrow({ where: { id: result.data.id } });
}

async function itemInUse(user: Awaited<ReturnType<typeof ministry>>) {
  const item = await created(user);
  const unit = await createOrganization(db, { type: "COOPERATIVE" });
  await createNeed(db, { unitId: unit.id, state: "SUBMITTED", menuItemIds: [item.id] });
  return item;
}

describe("service menu: create", () => {
  it("lets the ministry add an item, audited", async () => {
    const user = await ministry();
    const item = await created(user, { form: "PUBLIC_WELFARE", delivery: "REMOTE" });
    expect(item).toMatchObject({ form: "PUBLIC_WELFARE", delivery: "REMOTE", typicalDurationDays: 5, sortOrder: 15, retiredAt: null, version: 0 });
    expect((await auditRows({ entityId: item.id }))[0]).toMatchObject({ operation: "menu.create", outcome: "SUCCESS", actorId: user.id });
  });

  it("refuses a duplicate name with a clear Chinese message beside the field, creating nothing", async () => {
    const user = await ministry();
    const item = await created(user);
    const result = await executeAction(createMenuItemOp, user, meta, fields({ name: item.name }));
    expect(result).toEqual({ ok: false, error: "已有同名的菜单项，请换一个名称", fieldErrors: { name: ["已有同名的菜单项，请换一个名称"] } });
    expect(await db.serviceMenuItem.count({ where: { name: item.name } })).toBe(1);
  });

  it("lets only one of two simultaneous creates of the same name succeed", async () => {
    const [a, b] = [await ministry(), await ministry()];
    const name = `并发菜单项${uniqueSuffix()}`;
    const results = await Promise.all([a, b].map((u) => executeAction(createMenuItemOp, u, meta, fields({ name }))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: "已有同名的菜单项，请换一个名称" });
    expect(await db.serviceMenuItem.count({ where: { name } })).toBe(1);
  });

  it("rejects bad input field by field and writes nothing", async () => {
    const user = await ministry();
    const name = `坏输入${uniqueSuffix()}`;
    const result = await executeAction(createMenuItemOp, user, meta, fields({ name, form: "DANCE", typicalDurationDays: "0", description: "短" }));
    expect(result).toMatchObject({
      ok: false,
      fieldErrors: { form: ["请选择服务形式"], typicalDurationDays: ["典型服务时长至少 1 天"], description: ["服务内容至少 5 个字"] },
    });
    expect(await db.serviceMenuItem.count({ where: { name } })).toBe(0);
  });

  it("refuses every role but the ministry, audited", async () => {
    const name = `越权菜单项${uniqueSuffix()}`;
    const province = await provinceAdmin("51");
    const unit = await unitUser();
    const expert = await expertUser();
    for (const user of [province, unit, expert]) {
      expect(await executeAction(createMenuItemOp, user, meta, fields({ name }))).toEqual({ ok: false, error: "无权执行此操作" });
      expect((await auditRows({ actorId: user.id }))[0]).toMatchObject({ operation: "menu.manage", outcome: "DENIED" });
    }
    expect(await db.serviceMenuItem.count({ where: { name } })).toBe(0);
  });
});

describe("service menu: edit with an optimistic lock", () => {
  it("saves the edit, bumps the version and audits before/after", async () => {
    const user = await ministry();
    const item = await created(user);
    const name = `${item.name}改`;
    const result = await executeAction(updateMenuItemOp, user, meta, { ...fields({ name, typicalDurationDays: "9" }), id: item.id, version: "0" });
    expect(result).toMatchObject({ ok: true });
    expect(await db.serviceMenuItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ name, typicalDurationDays: 9, version: 1 });
    const audit = (await auditRows({ entityId: item.id, operation: "menu.update" }))[0];
    expect(audit.before).toMatchObject({ name: item.name, typicalDurationDays: 5 });
    expect(audit.after).toMatchObject({ name, typicalDurationDays: 9 });
  });

  it("refuses a stale version and a name taken by another item, leaving the row unchanged", async () => {
    const user = await ministry();
    const item = await created(user);
    const other = await created(user);
    await executeAction(updateMenuItemOp, user, meta, { ...fields({ name: item.name }), id: item.id, version: "0" });
    expect(await executeAction(updateMenuItemOp, user, meta, { ...fields({ name: `${item.name}X` }), id: item.id, version: "0" }))
      .toMatchObject({ ok: false, error: "该菜单项已被他人修改，请刷新页面后重新编辑" });
    expect(await executeAction(updateMenuItemOp, user, meta, { ...fields({ name: other.name }), id: item.id, version: "1" }))
      .toMatchObject({ ok: false, fieldErrors: { name: ["已有同名的菜单项，请换一个名称"] } });
    expect(await db.serviceMenuItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ name: item.name, version: 1 });
    expect(await executeAction(updateMenuItemOp, user, meta, { ...fields(), id: "nope", version: "0" })).toEqual({ ok: false, error: "菜单项不存在或已被删除" });
  });

  it("lets exactly one of two simultaneous edits of the same version win", async () => {
    const [a, b] = [await ministry(), await ministry()];
    const item = await created(a);
    const results = await Promise.all([
      executeAction(updateMenuItemOp, a, meta, { ...fields({ name: `${item.name}甲` }), id: item.id, version: "0" }),
      executeAction(updateMenuItemOp, b, meta, { ...fields({ name: `${item.name}乙` }), id: item.id, version: "0" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await db.serviceMenuItem.findUniqueOrThrow({ where: { id: item.id } })).version).toBe(1);
  });

  it("refuses a province editing the menu", async () => {
    const item = await created(await ministry());
    const province = await provinceAdmin("33");
    expect(await executeAction(updateMenuItemOp, province, meta, { ...fields(), id: item.id, version: "0" })).toEqual({ ok: false, error: "无权执行此操作" });
    expect((await db.serviceMenuItem.findUniqueOrThrow({ where: { id: item.id } })).name).toBe(item.name);
  });
});

describe("service menu: retire, restore, delete", () => {
  it("retires and restores, refusing the same step twice; retired items leave the public menu", async () => {
    const user = await ministry();
    const item = await created(user);
    expect(await executeAction(retireMenuItemOp, user, meta, { id: item.id })).toMatchObject({ ok: true });
    expect((await db.serviceMenuItem.findUniqueOrThrow({ where: { id: item.id } })).retiredAt).not.toBeNull();
    expect((await activeMenuItems()).map((m) => m.id)).not.toContain(item.id);
    expect(await executeAction(retireMenuItemOp, user, meta, { id: item.id })).toEqual({ ok: false, error: "该菜单项已经停用" });
    expect(await executeAction(restoreMenuItemOp, user, meta, { id: item.id })).toMatchObject({ ok: true });
    expect((await activeMenuItems()).map((m) => m.id)).toContain(item.id);
    expect(await executeAction(restoreMenuItemOp, user, meta, { id: item.id })).toEqual({ ok: false, error: "该菜单项正在使用中，无需恢复" });
    const ops = (await auditRows({ entityId: item.id })).filter((a) => a.outcome === "SUCCESS").map((a) => a.operation);
    expect(ops).toEqual(["menu.create", "menu.retire", "menu.restore"]);
  });

  it("deletes an item no need uses, audited", async () => {
    const user = await ministry();
    const item = await created(user);
    expect(await executeAction(deleteMenuItemOp, user, meta, { id: item.id })).toMatchObject({ ok: true });
    expect(await db.serviceMenuItem.findUnique({ where: { id: item.id } })).toBeNull();
    expect((await auditRows({ entityId: item.id, operation: "menu.delete" }))[0]).toMatchObject({ outcome: "SUCCESS" });
    expect(await executeAction(deleteMenuItemOp, user, meta, { id: item.id })).toEqual({ ok: false, error: "菜单项不存在或已被删除" });
  });

  it("never deletes an item in use: the server refuses and so does the database; retiring is allowed", async () => {
    const user = await ministry();
    const item = await itemInUse(user);
    expect(await executeAction(deleteMenuItemOp, user, meta, { id: item.id }))
      .toEqual({ ok: false, error: "该菜单项已被 1 项需求选用，不能删除，只能停用" });
    expect(await db.serviceMenuItem.findUnique({ where: { id: item.id } })).not.toBeNull();
    await expect(db.serviceMenuItem.delete({ where: { id: item.id } })).rejects.toThrow();
    expect(await executeAction(retireMenuItemOp, user, meta, { id: item.id })).toMatchObject({ ok: true });
  });

  it("refuses a unit user retiring or deleting", async () => {
    const item = await created(await ministry());
    const unit = await unitUser();
    expect(await executeAction(retireMenuItemOp, unit, meta, { id: item.id })).toEqual({ ok: false, error: "无权执行此操作" });
    expect(await executeAction(deleteMenuItemOp, unit, meta, { id: item.id })).toEqual({ ok: false, error: "无权执行此操作" });
    expect(await db.serviceMenuItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({ retiredAt: null });
  });
});

describe("service menu: listing", () => {
  it("filters by keyword, form and state, grouped by form, with each item's need count", async () => {
    const user = await ministry();
    const tag = `筛选${uniqueSuffix()}`;
    const a = await created(user, { name: `${tag}甲`, form: "MENTORSHIP" });
    const b = await created(user, { name: `${tag}乙`, form: "TECH_GUIDANCE" });
    const unit = await createOrganization(db, { type: "COOPERATIVE" });
    await createNeed(db, { unitId: unit.id, menuItemIds: [b.id] });
    await createNeed(db, { unitId: unit.id, menuItemIds: [b.id] });
    await executeAction(retireMenuItemOp, user, meta, { id: a.id });

    const all = await searchMenuItems(menuSearchSchema.parse({ q: tag }));
    expect(all.total).toBe(2);
    // Form order is the enum's: 技术指导 before 师徒结对.
    expect(all.groups.map((g) => [g.form, g.items.map((i) => [i.name, i.needCount])])).toEqual([
      ["TECH_GUIDANCE", [[b.name, 2]]],
      ["MENTORSHIP", [[a.name, 0]]],
    ]);
    expect((await searchMenuItems(menuSearchSchema.parse({ q: tag, state: "retired" }))).groups.flatMap((g) => g.items.map((i) => i.id))).toEqual([a.id]);
    expect((await searchMenuItems(menuSearchSchema.parse({ q: tag, state: "active", form: "TECH_GUIDANCE" }))).total).toBe(1);
    expect((await searchMenuItems(menuSearchSchema.parse({ q: tag, form: "MENTORSHIP", state: "active" }))).total).toBe(0);
    // The download has the same filters, every page, flattened in menu order.
    expect((await menuForExport(user, menuSearchSchema.parse({ q: tag, page: "9" }))).map((i) => [i.name, i.needCount])).toEqual([[b.name, 2], [a.name, 0]]);
  });
});
