import { afterEach, beforeAll, beforeEach, describe, expect, it, vi, type MockInstance } from "vitest";
import { z } from "zod";
import { db } from "@/lib/db";
import { executeAction, type ActionDefinition } from "@/lib/actions/pipeline";
import { inScopeOrNotFound, recordInScope } from "@/lib/auth/load-in-scope";
import type { SessionUser } from "@/lib/auth/roles";
import { engagementDetail, searchEngagements } from "@/lib/engagements/queries";
import { engagementSearchSchema } from "@/lib/engagements/schemas";
import { expertInScope } from "@/lib/experts/queries";
import { seenFromProvincesSql, seenFromProvincesWhere } from "@/lib/experts/scope";
import { GENERIC_ERROR } from "@/lib/errors";
import { importJobInScope } from "@/lib/import/queries";
import { needInScope } from "@/lib/needs/queries";
import { codeNames, withSubtree } from "@/lib/reference/queries";
import { createExpert, createNeed, createOrganization, createUser, uniqueSuffix } from "@/prisma/seed/factories";
import { auditRows, meta, sessionUserOf } from "./helpers";

// The scope kit: one record in scope for a detail page (out of scope answers 404 like a missing record, and the
// refusal is audited), the pipeline refusing actions that never authorize, and the shared rules checked against
// the database.

const NOT_FOUND = { digest: "NEXT_HTTP_ERROR_FALLBACK;404" };

let unitUser: SessionUser;
let otherUnitUser: SessionUser;
let sichuan: SessionUser;
let zhejiang: SessionUser;
let needId: string;

beforeAll(async () => {
  const unit = await createOrganization(db, {});
  const otherUnit = await createOrganization(db, {});
  unitUser = await sessionUserOf((await createUser(db, { role: "UNIT_USER", organizationId: unit.id })).id);
  otherUnitUser = await sessionUserOf((await createUser(db, { role: "UNIT_USER", organizationId: otherUnit.id })).id);
  sichuan = await sessionUserOf((await createUser(db, { role: "PROVINCE_ADMIN", provinceCode: "51" })).id);
  zhejiang = await sessionUserOf((await createUser(db, { role: "PROVINCE_ADMIN", provinceCode: "33" })).id);
  needId = (await createNeed(db, { unitId: unit.id, state: "SUBMITTED" })).id;
});

const denials = (actor: SessionUser, entityId: string) =>
  auditRows({ actorId: actor.id, entityId }).then((rows) => rows.filter((r) => r.outcome === "DENIED"));

describe("a record in scope for a detail page", () => {
  it("gives the record to its unit and its province", async () => {
    expect((await inScopeOrNotFound(unitUser, needInScope(needId))).id).toBe(needId);
    expect((await inScopeOrNotFound(sichuan, needInScope(needId))).id).toBe(needId);
    expect(await denials(unitUser, needId)).toEqual([]);
  });

  it("answers 404 out of scope, like a missing record, and audits the refusal", async () => {
    await expect(inScopeOrNotFound(otherUnitUser, needInScope(needId))).rejects.toMatchObject(NOT_FOUND);
    await expect(inScopeOrNotFound(zhejiang, needInScope(needId, "need.read"))).rejects.toMatchObject(NOT_FOUND);
    expect(await denials(otherUnitUser, needId)).toMatchObject([{ operation: "need.read", entityType: "Need", entityId: needId }]);
    expect(await denials(zhejiang, needId)).toHaveLength(1);

    const missing = `missing-${uniqueSuffix()}`;
    await expect(inScopeOrNotFound(zhejiang, needInScope(missing))).rejects.toMatchObject(NOT_FOUND);
    expect(await auditRows({ entityId: missing })).toEqual([]);
  });

  it("checks the page's own operation: reading a need is not editing it", async () => {
    await expect(inScopeOrNotFound(sichuan, needInScope(needId, "need.update"))).rejects.toMatchObject(NOT_FOUND);
    expect(await denials(sichuan, needId)).toMatchObject([{ operation: "need.update" }]);
  });

  it("follows an area's wider rule: another province reads a shared expert but may not edit it", async () => {
    const shared = await createExpert(db, { regionCode: "330106", shareAcrossRegions: true });
    expect(await recordInScope(sichuan, expertInScope(shared.id, "expert.read"))).toMatchObject({ id: shared.id });
    await expect(inScopeOrNotFound(sichuan, expertInScope(shared.id, "expert.update"))).rejects.toMatchObject(NOT_FOUND);
    expect(await denials(sichuan, shared.id)).toMatchObject([{ operation: "expert.update", entityType: "ExpertProfile" }]);
    expect((await inScopeOrNotFound(zhejiang, expertInScope(shared.id, "expert.update"))).id).toBe(shared.id);
  });

  it("takes the operation from the record when the record decides it (an import's kind)", async () => {
    const job = await db.importJob.create({ data: { kind: "EXPERTS", fileName: "专家.xlsx", createdById: zhejiang.id, provinceCode: "33" } });
    expect((await inScopeOrNotFound(zhejiang, importJobInScope(job.id))).id).toBe(job.id);
    await expect(inScopeOrNotFound(sichuan, importJobInScope(job.id))).rejects.toMatchObject(NOT_FOUND);
    await expect(inScopeOrNotFound(unitUser, importJobInScope(job.id))).rejects.toMatchObject(NOT_FOUND);
    expect(await denials(sichuan, job.id)).toMatchObject([{ operation: "expert.import", entityType: "ImportJob" }]);
    expect(await denials(unitUser, job.id)).toMatchObject([{ operation: "expert.import" }]);
  });
});

describe("the pipeline refuses an action that never authorizes", () => {
  const schema = z.object({ title: z.string() });
  // Writes a notification to the user in a transaction with its success audit, authorizing only when told to.
  const noteOp = (authorize: boolean) => ({
    operation: "notification.read",
    schema,
    async run(ctx) {
      if (authorize) ctx.authorize({ ownerUserId: ctx.user.id });
      return db.$transaction(async (tx) => {
        const n = await tx.notification.create({ data: { userId: ctx.user.id, title: ctx.input.title } });
        await ctx.audit(tx, { entityType: "Notification", entityId: n.id, summary: ctx.input.title });
        return n.id;
      });
    },
  }) satisfies ActionDefinition<typeof schema, string>;
  // Changes nothing and writes no audit, but still claims success.
  const silentOp = {
    operation: "notification.read",
    schema,
    run: async () => "done",
  } satisfies ActionDefinition<typeof schema, string>;

  let errors: MockInstance<typeof console.error>;
  beforeEach(() => void (errors = vi.spyOn(console, "error").mockImplementation(() => undefined)));
  afterEach(() => errors.mockRestore());

  it("rolls back what the action wrote and records no success", async () => {
    const title = `未授权${uniqueSuffix()}`;
    expect(await executeAction(noteOp(false), unitUser, meta, { title })).toEqual({ ok: false, error: GENERIC_ERROR });
    expect(await db.notification.count({ where: { title } })).toBe(0);
    expect(await db.auditLog.count({ where: { summary: title } })).toBe(0);
    expect(String(errors.mock.calls[0]?.[1])).toContain("without ctx.authorize");
  });

  it("refuses an action that returns without authorizing, even one that changed nothing", async () => {
    expect(await executeAction(silentOp, unitUser, meta, { title: "x" })).toEqual({ ok: false, error: GENERIC_ERROR });
    expect(errors).toHaveBeenCalledTimes(1);
  });

  it("lets the same action through once it authorizes", async () => {
    const title = `已授权${uniqueSuffix()}`;
    expect(await executeAction(noteOp(true), unitUser, meta, { title })).toMatchObject({ ok: true });
    expect(await db.notification.count({ where: { title } })).toBe(1);
    expect(await db.auditLog.count({ where: { summary: title, outcome: "SUCCESS" } })).toBe(1);
    expect(errors).not.toHaveBeenCalled();
  });
});

describe("one rule for which experts a province sees", () => {
  it("picks the same experts as a Prisma where-clause and as the SQL retrieval ranks with", async () => {
    const ids: string[] = [];
    for (const regionCode of ["510131", "330106", "630102"]) {
      for (const shareAcrossRegions of [true, false]) {
        for (const status of ["ACTIVE", "PENDING", "SUSPENDED"] as const) {
          ids.push((await createExpert(db, { regionCode, shareAcrossRegions, status })).id);
        }
      }
    }
    for (const codes of [["51"], ["33", "63"], []]) {
      const byPrisma = await db.expertProfile.findMany({ where: { AND: [{ id: { in: ids } }, seenFromProvincesWhere(codes)] }, select: { id: true } });
      const bySql = await db.$queryRaw<{ id: string }[]>`
        SELECT e."id" FROM "ExpertProfile" e WHERE e."id" = ANY(${ids}::text[]) AND ${seenFromProvincesSql(codes)}`;
      const sorted = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
      expect(sorted(bySql)).toEqual(sorted(byPrisma));
      // All six of each own province's, and the one active sharing expert of each other province.
      expect(byPrisma).toHaveLength(6 * codes.length + (3 - codes.length));
    }
  });
});

describe("the code tables", () => {
  it("takes a discipline with its sub-disciplines by the table's links, as GB/T 13745's nesting codes give them", async () => {
    const firstLevel = await db.discipline.findMany({ where: { parentCode: null }, select: { code: true } });
    for (const { code } of firstLevel) {
      const byPrefix = await db.discipline.findMany({ where: { code: { startsWith: code } }, select: { code: true } });
      expect((await withSubtree("discipline", code)).sort()).toEqual(byPrefix.map((d) => d.code).sort());
    }
    expect(await withSubtree("discipline", "999")).toEqual(["999"]);
  });

  it("takes an industry section with its divisions, whose codes do not start with the section's", async () => {
    const divisions = await db.industry.findMany({ where: { parentCode: "A" }, select: { code: true } });
    expect(divisions.length).toBeGreaterThan(0);
    expect((await withSubtree("industry", "A")).sort()).toEqual(["A", ...divisions.map((d) => d.code)].sort());
  });

  it("names codes from their table, unknown ones as themselves", async () => {
    const name = await codeNames("region", ["51", "510131", "no-such"]);
    expect(name("51")).toBe("四川省");
    expect(name("no-such")).toBe("no-such");
  });
});

describe("engagement totals", () => {
  it("are the same on the list and on the detail page, summed exactly", async () => {
    const unit = await createOrganization(db, {});
    const unitUser = await sessionUserOf((await createUser(db, { role: "UNIT_USER", organizationId: unit.id })).id);
    const need = await createNeed(db, { unitId: unit.id, state: "IN_SERVICE" });
    const expert = await createExpert(db, { regionCode: "510131" });
    const match = await db.match.create({ data: { needId: need.id, expertId: expert.id, score: 0.5, source: "PROVINCE", state: "CONFIRMED" } });
    const engagement = await db.engagement.create({ data: { matchId: match.id, needId: need.id, expertId: expert.id, state: "ACTIVE" } });
    const record = (hours: string, state: "CONFIRMED" | "SUBMITTED", served: number) => ({
      engagementId: engagement.id, startDate: new Date("2026-11-02"), endDate: new Date("2026-11-02"), hours, form: "TECH_GUIDANCE" as const,
      content: "现场指导", peopleServed: served, peopleTrained: 1, state,
    });
    await db.serviceRecord.createMany({ data: [record("0.1", "CONFIRMED", 3), record("0.2", "CONFIRMED", 4), record("1.5", "SUBMITTED", 9)] });

    const detail = (await engagementDetail(unitUser, engagement.id))!;
    expect(detail.totals).toEqual({ hours: 0.3, served: 7, trained: 2, allHours: 1.8 });
    expect(detail.counts).toEqual({ CONFIRMED: 2, SUBMITTED: 1 });
    const [row] = (await searchEngagements(unitUser, engagementSearchSchema.parse({ q: need.code }))).rows;
    expect(row.totals).toEqual({ counts: detail.counts, ...detail.totals });
  });
});
