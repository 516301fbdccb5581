import { afterAll, describe, expect, it } from "vitest";
import { db, createPrismaClient } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import { resetDataKeys } from "@/lib/crypto/data-key";
import { createExpertOp, revealPersonalOp } from "@/lib/experts/operations";
import { expertDetail } from "@/lib/experts/queries";
import { EXPERT_COLUMNS } from "@/lib/import/columns";
import { idNumberCheckChar } from "@/lib/experts/formats";
import { commitImportOp, uploadImportOp } from "@/lib/import/operations";
import { purgeAbandonedImports } from "@/lib/import/service";
import { personalIndex } from "@/lib/privacy/at-rest";
import { rotateDataKeys } from "@/lib/privacy/rotate";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createExpert, uniqueSuffix } from "@/prisma/seed/factories";
import { dropDatabase, migrate, recreateDatabase } from "@/scripts/database";
import { provinceAdmin } from "./fixtures";
import { auditRows, meta } from "./helpers";

// Phone, e-mail and ID number are stored SM4-sealed with HMAC-SM3 blind indexes; reads show them masked, the audited
// reveal in full; import payloads are sealed too and abandoned ones purged; keys:rotate re-seals under a new key.

const csv = (rows: string[][]) => new TextEncoder().encode(`\uFEFF${rows.map((r) => r.join(",")).join("\r\n")}\r\n`);
function expertLine(over: Record<string, string>): string[] {
  const base: Record<string, string> = {
    name: "专家", gender: "男", birthYear: "1970", employer: "四川农业大学", title: "正高级", disciplines: "21060",
    industries: "01", skills: "果树栽培", bio: "", talentCategories: "", region: "510131", phone: "", email: "",
    idNumber: "", retired: "否", maxConcurrent: "2",
  };
  const v = { ...base, ...over };
  return EXPERT_COLUMNS.map((c) => v[c.key] ?? "");
}
const validId = (first17: string) => first17 + idNumberCheckChar(first17);
const ID_1975 = validId("51013119750101002");
const ID_1970 = validId("51013119700101001");
const phoneOf = () => `139${String(Date.now()).slice(-5)}${String(Math.floor(Math.random() * 1000)).padStart(3, "0")}`;

describe("personal data at rest", () => {
  it("stores an entered expert's phone, e-mail and ID number sealed with blind indexes; pages mask, the reveal opens", async () => {
    const sichuan = await provinceAdmin("51");
    const phone = phoneOf();
    const created = await executeAction(createExpertOp, sichuan, meta, {
      name: `加密专家${uniqueSuffix()}`, gender: "FEMALE", birthYear: "1975", employer: "四川农业大学", title: "SENIOR",
      disciplineCodes: "21060", industryCodes: "01", regionCode: "510131", phone, email: "Zhang.Li@Example.cn",
      idNumber: ID_1975, maxConcurrent: "2", serviceRegionCodes: "5101",
    });
    if (!created.ok) throw new Error(`${created.error} ${JSON.stringify(created.fieldErrors)}`);
    const row = await db.expertProfile.findUniqueOrThrow({ where: { id: created.data.id } });
    for (const v of [row.phone, row.email, row.idNumber]) expect(v).toMatch(/^sm4:[0-9a-f]{8}:/);
    expect(JSON.stringify(row)).not.toContain(phone);
    expect(row.phoneIndex).toBe(personalIndex("phone", phone));
    expect(row.emailIndex).toBe(personalIndex("email", "zhang.li@example.cn"));
    // Exact-match search through the index finds the row without decrypting anything.
    expect((await db.expertProfile.findMany({ where: { phoneIndex: personalIndex("phone", phone) }, select: { id: true } })).map((r) => r.id)).toEqual([row.id]);

    const detail = await expertDetail(row.id);
    expect(detail!.personal).toEqual({ phone: `${phone.slice(0, 3)}****${phone.slice(7)}`, email: "Z***@Example.cn", idNumber: `5101**********${ID_1975.slice(-4)}` });
    const revealed = await executeAction(revealPersonalOp, sichuan, meta, { expertId: row.id });
    expect(revealed).toMatchObject({ ok: true, data: { phone, email: "Zhang.Li@Example.cn", idNumber: ID_1975 } });
    expect((await auditRows({ entityId: row.id, operation: "expert.viewPersonal" }))).toHaveLength(1);
  });

  it("keeps an upload's personal fields sealed while it waits, recognises a known expert through the index, and commits them sealed", async () => {
    const sichuan = await provinceAdmin("51");
    const knownPhone = phoneOf();
    const known = await createExpert(db, { phone: knownPhone });
    const phone = phoneOf();
    const s = uniqueSuffix();
    const up = await executeAction(uploadImportOp("EXPERTS"), sichuan, meta, {
      fileName: "导入.csv",
      bytes: csv([EXPERT_COLUMNS.map((c) => c.header), expertLine({ name: `导入专家${s}`, phone, idNumber: ID_1970 }),
        expertLine({ name: known.name, phone: knownPhone })]),
    });
    if (!up.ok) throw new Error(up.error);
    // The known expert (same name and phone) is found through the blind index and refused.
    expect((await db.importJob.findUniqueOrThrow({ where: { id: up.data.id } })).validRows).toBe(1);
    const [{ payload }] = await db.$queryRaw<{ payload: string }[]>`SELECT "payload"::text AS payload FROM "ImportJob" WHERE id = ${up.data.id}`;
    expect(payload).not.toContain(phone);
    expect(payload).not.toContain(ID_1970);
    expect(payload).toContain("sm4:");
    expect(await executeAction(commitImportOp("EXPERTS"), sichuan, meta, { jobId: up.data.id })).toMatchObject({ ok: true });
    const imported = await db.expertProfile.findFirstOrThrow({ where: { name: `导入专家${s}` } });
    expect(imported.phone).toMatch(/^sm4:/);
    expect(imported.idNumberIndex).toBe(personalIndex("idNumber", ID_1970));
  });

  it("purges uploads left unconfirmed past the limit: cancelled, kept rows dropped, audited; a fresh one stays", async () => {
    const sichuan = await provinceAdmin("51");
    const upload = async () => {
      const r = await executeAction(uploadImportOp("EXPERTS"), sichuan, meta, {
        fileName: "搁置.csv", bytes: csv([EXPERT_COLUMNS.map((c) => c.header), expertLine({ name: `搁置${uniqueSuffix()}`, phone: phoneOf() })]),
      });
      if (!r.ok) throw new Error(r.error);
      return r.data.id;
    };
    const [old, fresh] = [await upload(), await upload()];
    await db.importJob.update({ where: { id: old }, data: { updatedAt: new Date(Date.now() - 25 * 3600_000) } });
    expect(await purgeAbandonedImports(db)).toBeGreaterThanOrEqual(1);
    expect(await db.importJob.findUniqueOrThrow({ where: { id: old } })).toMatchObject({ state: "CANCELLED", payload: null });
    expect((await db.importJob.findUniqueOrThrow({ where: { id: fresh } })).state).toBe("VALIDATED");
    expect((await auditRows({ entityId: old, operation: "import.purge" }))).toHaveLength(1);
  });
});

describe("keys:rotate (on a database of its own)", () => {
  const server = process.env.DATABASE_URL!;
  const name = `esp_keyrotate_${process.pid}_${Date.now().toString(36)}`;
  let other: PrismaClient | undefined;
  const saved = { key: process.env.DATA_ENCRYPTION_KEY, prev: process.env.DATA_ENCRYPTION_KEY_PREVIOUS };
  afterAll(async () => {
    process.env.DATA_ENCRYPTION_KEY = saved.key;
    process.env.DATA_ENCRYPTION_KEY_PREVIOUS = saved.prev;
    if (saved.key === undefined) delete process.env.DATA_ENCRYPTION_KEY;
    if (saved.prev === undefined) delete process.env.DATA_ENCRYPTION_KEY_PREVIOUS;
    resetDataKeys();
    await other?.$disconnect();
    await dropDatabase(server, name);
  });

  it("seals legacy plain text, then moves everything to a new key; the old key is then no longer needed", async () => {
    const url = await recreateDatabase(server, name);
    await migrate(url);
    other = createPrismaClient(url, 2);
    const A = "a".repeat(64);
    const B = "b".repeat(64);
    process.env.DATA_ENCRYPTION_KEY = A;
    resetDataKeys();
    const { seedReferenceData } = await import("@/prisma/seed/reference-data");
    await seedReferenceData(other);
    const sealed = await createExpert(other, { phone: "13900000001", email: "a@b.cn" });
    // A row from before encryption: plain text, no index.
    const legacy = await createExpert(other, {});
    await other.expertProfile.update({ where: { id: legacy.id }, data: { phone: "13900000002", phoneIndex: null } });

    expect(await rotateDataKeys(other)).toMatchObject({ experts: 1 });
    const legacyRow = await other.expertProfile.findUniqueOrThrow({ where: { id: legacy.id } });
    expect(legacyRow.phone).toMatch(/^sm4:/);
    expect(legacyRow.phoneIndex).toBe(personalIndex("phone", "13900000002"));

    process.env.DATA_ENCRYPTION_KEY = B;
    process.env.DATA_ENCRYPTION_KEY_PREVIOUS = A;
    resetDataKeys();
    expect((await rotateDataKeys(other)).experts).toBeGreaterThanOrEqual(2);
    delete process.env.DATA_ENCRYPTION_KEY_PREVIOUS;
    resetDataKeys();
    const rows = await other.expertProfile.findMany({ where: { id: { in: [sealed.id, legacy.id] } }, select: { id: true, phone: true, phoneIndex: true } });
    const { openPersonal } = await import("@/lib/privacy/at-rest");
    expect(rows.map((r) => openPersonal(r).phone).sort()).toEqual(["13900000001", "13900000002"]);
    expect(rows.find((r) => r.id === legacy.id)!.phoneIndex).toBe(personalIndex("phone", "13900000002"));
    expect(await rotateDataKeys(other)).toEqual({ experts: 0, users: 0, imports: 0 });
  });
});
