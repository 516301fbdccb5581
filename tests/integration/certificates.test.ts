import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { SessionUser } from "@/lib/auth/roles";
import { issueCertificateOp, revokeCertificateOp } from "@/lib/certificates/operations";
import { renderCertificatePdf } from "@/lib/certificates/pdf";
import { certificatesReadable, searchCertificates } from "@/lib/certificates/queries";
import { certificateSearchSchema } from "@/lib/certificates/schemas";
import { verifyCertificate } from "@/lib/certificates/service";
import type { ServiceRecordState } from "@/lib/generated/prisma/enums";
import { createNeed } from "@/prisma/seed/factories";
import { createTestUsers, expertWithUser, provinceAdmin, unitIn, ZHEJIANG, type TestUsers } from "./fixtures";
import { auditRows, meta, REFUSED } from "./helpers";

// Service certificates on the database: issued only from unit-confirmed service, verified as valid, altered or
// revoked; revoked only by the expert's province with a reason; every role × operation allowed and refused.

let u: TestUsers;
let otherZhejiang: SessionUser;

beforeAll(async () => {
  u = await createTestUsers();
  otherZhejiang = await provinceAdmin(ZHEJIANG);
});

const day = (d: string) => new Date(`${d}T00:00:00Z`);

/** An engagement of `expertId` with a unit of its own (named), and records in the given states. */
async function serviceOf(expertId: string, records: [start: string, end: string, hours: number, state: ServiceRecordState][], unitName = "蒲江县猕猴桃合作社") {
  const { org } = await unitIn();
  await db.organization.update({ where: { id: org.id }, data: { name: `${unitName}${org.id.slice(-4)}` } });
  const need = await createNeed(db, { unitId: org.id, state: "IN_SERVICE", title: "猕猴桃溃疡病防治" });
  const match = await db.match.create({ data: { needId: need.id, expertId, score: 0.9, source: "PROVINCE", state: "CONFIRMED" } });
  const engagement = await db.engagement.create({ data: { matchId: match.id, needId: need.id, expertId, state: "ACTIVE" } });
  for (const [start, end, hours, state] of records) {
    await db.serviceRecord.create({
      data: { engagementId: engagement.id, startDate: day(start), endDate: day(end), hours, form: "TECH_GUIDANCE", content: "现场指导", peopleServed: 20, peopleTrained: 5, state },
    });
  }
  return { engagement, org: await db.organization.findUniqueOrThrow({ where: { id: org.id } }) };
}

const issue = (user: SessionUser, input: Record<string, unknown> = {}) => executeAction(issueCertificateOp, user, meta, input);
const revoke = (user: SessionUser, input: Record<string, unknown>) => executeAction(revokeCertificateOp, user, meta, input);

function issued(r: Awaited<ReturnType<typeof issue>>) {
  if (!r.ok) throw new Error(`expected success, got ${r.error}`);
  return r.data;
}

describe("issuing", () => {
  it("is refused, with the reason, while no service record is confirmed by the unit; nothing is written", async () => {
    const ex = await expertWithUser();
    await serviceOf(ex.id, [["2026-03-02", "2026-03-03", 12, "SUBMITTED"], ["2026-03-10", "2026-03-10", 6, "DISPUTED"]]);
    const r = await issue(ex.session);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/没有经服务单位确认的服务记录，不能开具服务证明.*2 条记录尚待服务单位确认或有异议/);
    expect(await db.certificate.count({ where: { expertId: ex.id } })).toBe(0);
    expect((await auditRows({ actorId: ex.session.id, operation: "certificate.issue" })).map((a) => a.outcome)).toEqual(["FAILURE"]);
  });

  it("states the confirmed service only: hours, distinct days, units, forms, feedback; audited", async () => {
    const ex = await expertWithUser();
    const a = await serviceOf(ex.id, [
      ["2026-03-02", "2026-03-03", 12, "CONFIRMED"],
      ["2026-03-03", "2026-03-03", 4.5, "CONFIRMED"], // the same day again: counted once in days
      ["2026-03-10", "2026-03-10", 8, "SUBMITTED"], // not confirmed: not counted
    ], "甲合作社");
    const b = await serviceOf(ex.id, [["2026-04-01", "2026-04-01", 6, "CONFIRMED"]], "乙卫生院");
    await db.feedback.create({ data: { engagementId: a.engagement.id, party: "UNIT", authorId: u.unit.id, rating: 5, answers: { satisfaction: 5, solved: true, inviteAgain: true } } });
    await db.feedback.create({ data: { engagementId: b.engagement.id, party: "UNIT", authorId: u.unit.id, rating: 4 } });
    const { id, code } = issued(await issue(ex.session));
    const row = await db.certificate.findUniqueOrThrow({ where: { id } });
    const contents = row.contents as Record<string, unknown>;
    expect(contents.totals).toEqual({ hours: 22.5, days: 3, records: 3, units: 2, peopleServed: 60, peopleTrained: 15 });
    expect(contents.units).toEqual([a.org.name, b.org.name]);
    expect(contents.period).toEqual({ from: "2026-03-02", to: "2026-04-01" });
    expect(contents.forms).toEqual([{ form: "TECH_GUIDANCE", hours: 22.5 }]);
    expect(contents.feedback).toEqual({ count: 2, average: 4.5, solved: 1, inviteAgain: 1 });
    expect(row).toMatchObject({ state: "VALID", provinceCode: ZHEJIANG, ownerUserId: ex.session.id, issuedById: ex.session.id });
    const [audit] = await auditRows({ entityId: id, operation: "certificate.issue" });
    expect(audit.outcome).toBe("SUCCESS");
    expect(audit.summary).toContain(code);

    // A period: only the records inside it.
    const march = issued(await issue(ex.session, { from: "2026-03-01", to: "2026-03-31" }));
    const m = await db.certificate.findUniqueOrThrow({ where: { id: march.id } });
    expect((m.contents as { totals: { hours: number; units: number } }).totals).toMatchObject({ hours: 16.5, units: 1 });
    const none = await issue(ex.session, { from: "2026-05-01" });
    expect(!none.ok && none.error).toMatch(/所选期间没有经服务单位确认的服务记录/);
  });

  it("refuses bad input (end before start) and changes nothing", async () => {
    const before = await db.certificate.count();
    const r = await issue(u.expert, { from: "2026-05-01", to: "2026-04-01" });
    expect(r).toMatchObject({ ok: false, fieldErrors: { to: ["结束日期不能早于开始日期"] } });
    expect(await db.certificate.count()).toBe(before);
  });

  it("is the expert's alone: every other role is refused", async () => {
    await serviceOf(u.expertId, [["2026-02-02", "2026-02-02", 3, "CONFIRMED"]]);
    for (const user of [u.ministry, u.sichuan, u.zhejiang, u.unit, u.base, u.enterprise]) expect(await issue(user)).toEqual(REFUSED);
    expect(issued(await issue(u.expert)).code).toMatch(/^FW-\d{4}-[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}$/);
  });
});

describe("verification", () => {
  it("confirms a genuine certificate, with or without its check digits", async () => {
    const ex = await expertWithUser();
    await serviceOf(ex.id, [["2026-06-01", "2026-06-02", 10, "CONFIRMED"]]);
    const { code } = issued(await issue(ex.session));
    const v = await verifyCertificate(code);
    expect(v.status).toBe("VALID");
    if (v.status === "NOT_FOUND") throw new Error("unreachable");
    expect(v.contents.totals.hours).toBe(10);
    expect((await verifyCertificate(code, v.checkDigits.toLowerCase())).status).toBe("VALID");
  });

  it("shows an altered certificate as such: wrong check digits, or contents changed in the database", async () => {
    const ex = await expertWithUser();
    await serviceOf(ex.id, [["2026-06-01", "2026-06-02", 10, "CONFIRMED"]]);
    const { id, code } = issued(await issue(ex.session));
    const forged = await verifyCertificate(code, "000000000000");
    expect(forged).toMatchObject({ status: "ALTERED", problem: expect.stringContaining("校验位与平台登记不符") });

    const row = await db.certificate.findUniqueOrThrow({ where: { id } });
    const contents = row.contents as { totals: { hours: number } };
    await db.certificate.update({ where: { id }, data: { contents: { ...contents, totals: { ...contents.totals, hours: 1000 } } } });
    expect(await verifyCertificate(code)).toMatchObject({ status: "ALTERED", problem: expect.stringContaining("内容可能已被篡改") });
    expect((await verifyCertificate("FW-2026-22222-22222")).status).toBe("NOT_FOUND");
  });
});

describe("revocation", () => {
  it("only the expert's province revokes, with a reason; then verification says revoked; once only", async () => {
    const ex = await expertWithUser();
    await serviceOf(ex.id, [["2026-07-01", "2026-07-01", 5, "CONFIRMED"]]);
    const { id, code } = issued(await issue(ex.session));
    const reason = "服务记录经核实与实际不符";
    for (const user of [ex.session, u.expert, u.sichuan, u.ministry, u.unit, u.base, u.enterprise]) {
      expect(await revoke(user, { certificateId: id, version: 0, reason })).toEqual(REFUSED);
    }
    expect(await revoke(u.zhejiang, { certificateId: id, version: 0, reason: "不对" })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    expect((await db.certificate.findUniqueOrThrow({ where: { id } })).state).toBe("VALID");

    expect(await revoke(u.zhejiang, { certificateId: id, version: 0, reason })).toMatchObject({ ok: true });
    expect(await verifyCertificate(code)).toMatchObject({ status: "REVOKED", revokeReason: reason });
    expect(await db.notification.count({ where: { userId: ex.session.id, title: { contains: code } } })).toBe(1);
    const again = await revoke(u.zhejiang, { certificateId: id, version: 1, reason });
    expect(!again.ok && again.error).toBe("该服务证明已撤销，不能再次撤销");
    expect((await auditRows({ entityId: id, operation: "certificate.revoke" })).map((a) => a.outcome)).toEqual(expect.arrayContaining(["SUCCESS", "DENIED"]));
  });

  it("of two province admins revoking at once, exactly one wins", async () => {
    const ex = await expertWithUser();
    await serviceOf(ex.id, [["2026-07-01", "2026-07-01", 5, "CONFIRMED"]]);
    const { id } = issued(await issue(ex.session));
    const results = await Promise.all([u.zhejiang, otherZhejiang].map((user) => revoke(user, { certificateId: id, version: 0, reason: "重复开具，予以撤销" })));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect((await auditRows({ entityId: id, operation: "certificate.revoke" })).filter((a) => a.outcome === "SUCCESS")).toHaveLength(1);
  });
});

describe("reading", () => {
  it("lists certificates by scope: own for the expert, the province's experts', all for the ministry", async () => {
    const ex = await expertWithUser();
    await serviceOf(ex.id, [["2026-08-01", "2026-08-01", 2, "CONFIRMED"]]);
    const { code } = issued(await issue(ex.session));
    const search = certificateSearchSchema.parse({ q: code });
    const seen = async (user: SessionUser) => (await searchCertificates(user, search)).rows.map((r) => r.code);
    expect(await seen(ex.session)).toEqual([code]);
    expect(await seen(u.zhejiang)).toEqual([code]);
    expect(await seen(u.ministry)).toEqual([code]);
    expect(await seen(u.sichuan)).toEqual([]);
    expect(await seen(u.expert)).toEqual([]);
    expect(certificatesReadable(u.unit)).toBeNull();
  });

  it("renders a PDF carrying its code, with the Chinese font embedded as a subset", async () => {
    const ex = await expertWithUser();
    await serviceOf(ex.id, [["2026-09-01", "2026-09-03", 18, "CONFIRMED"]]);
    const { id, code } = issued(await issue(ex.session));
    const row = await db.certificate.findUniqueOrThrow({ where: { id } });
    const pdf = await renderCertificatePdf({
      code, checkDigits: "ABCDEF012345", contents: row.contents as never, verifyUrl: `http://localhost/verify/${code}`, verifyHome: "http://localhost/verify",
    });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF-")).toBe(true);
    expect(text).toContain(code);
    expect(text).toMatch(/\/FontFile3|\/FontFile2/);
    expect(pdf.length).toBeLessThan(400_000); // a subset, not the 8 MB font
  });
});
