import { describe, expect, it } from "vitest";
import { maskEmail, maskIdNumber, maskPersonal, maskPhone } from "@/lib/privacy/mask";
import { idNumberCheckChar, isValidEmail, isValidIdNumber, isValidPhone } from "@/lib/experts/formats";
import { matchability } from "@/lib/experts/eligibility";
import { availabilitySchema, createExpertSchema, expertSearchSchema, registerSchema, updateProfileSchema } from "@/lib/experts/schemas";
import { canEdit, canRead, canViewPersonal, expertListWhere } from "@/lib/experts/scope";
import type { SessionUser } from "@/lib/auth/roles";

const ID = `33010619800101123${idNumberCheckChar("33010619800101123")}`;

describe("masking personal data", () => {
  it("masks phones, keeping the first 3 and last 4 of a mobile", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("0571-87654321")).toBe("0571****4321");
    expect(maskPhone(null)).toBeNull();
    expect(maskPhone("123")).toBe("***");
  });
  it("masks e-mail addresses to the first letter and the domain", () => {
    expect(maskEmail("linxf@zju.edu.cn")).toBe("l***@zju.edu.cn");
    expect(maskEmail("broken")).toBe("***");
    expect(maskEmail("")).toBeNull();
  });
  it("masks ID numbers to the first 4 and last 4", () => {
    expect(maskIdNumber("330106198001011234")).toBe("3301**********1234");
    expect(maskIdNumber(undefined)).toBeNull();
  });
  it("never leaves the full value in a masked record", () => {
    const m = maskPersonal({ phone: "13912345678", email: "wangfang@163.com", idNumber: ID });
    expect(JSON.stringify(m)).not.toContain("13912345678");
    expect(JSON.stringify(m)).not.toContain("wangfang");
    expect(JSON.stringify(m)).not.toContain(ID.slice(4, 14));
  });
});

describe("contact formats", () => {
  it("accepts mainland mobiles and landlines with an area code", () => {
    for (const ok of ["13812345678", "19912345678", "0571-87654321", "010 12345678", "02887654321"]) expect(isValidPhone(ok), ok).toBe(true);
    for (const bad of ["12812345678", "1381234567", "87654321", "abc", "138123456789"]) expect(isValidPhone(bad), bad).toBe(false);
  });
  it("checks e-mail addresses", () => {
    expect(isValidEmail("l.x-f@zju.edu.cn")).toBe(true);
    expect(isValidEmail("no-at.example.com")).toBe(false);
    expect(isValidEmail("a@b")).toBe(false);
  });
  it("checks the 身份证 check character and birth date", () => {
    expect(isValidIdNumber(ID)).toBe(true);
    expect(isValidIdNumber("11010519491231002X")).toBe(true); // the standard's own example
    expect(isValidIdNumber("11010519491231002x")).toBe(true);
    const wrongCheck = ID.slice(0, 17) + (ID[17] === "1" ? "2" : "1");
    expect(isValidIdNumber(wrongCheck)).toBe(false);
    const badDate = `33010619800231123`;
    expect(isValidIdNumber(badDate + idNumberCheckChar(badDate))).toBe(false);
    expect(isValidIdNumber("3301061980010112")).toBe(false);
  });
});

describe("matchability", () => {
  const base = { status: "ACTIVE" as const, isRetired: false, healthAttestedAt: null, consentAttestedAt: null, lastConfirmedAt: new Date() };
  it("is matchable when active and not retired", () => {
    expect(matchability(base)).toEqual({ matchable: true, reasons: [], warnings: [] });
  });
  it("blocks pending and suspended experts", () => {
    expect(matchability({ ...base, status: "PENDING" }).reasons).toEqual(["注册信息尚待省级审核"]);
    expect(matchability({ ...base, status: "SUSPENDED" }).matchable).toBe(false);
  });
  it("requires both declarations from retired experts", () => {
    expect(matchability({ ...base, isRetired: true }).reasons).toEqual(["退休专家尚未声明身体健康状况", "退休专家尚未声明自愿参加服务"]);
    expect(matchability({ ...base, isRetired: true, healthAttestedAt: new Date() }).reasons).toEqual(["退休专家尚未声明自愿参加服务"]);
    expect(matchability({ ...base, isRetired: true, healthAttestedAt: new Date(), consentAttestedAt: new Date() }).matchable).toBe(true);
  });
  it("only warns about a stale profile", () => {
    const m = matchability({ ...base, lastConfirmedAt: new Date("2020-01-01") });
    expect(m.matchable).toBe(true);
    expect(m.warnings[0]).toContain("12个月");
  });
});

describe("profile schemas", () => {
  const valid = {
    name: "王芳", gender: "FEMALE", birthYear: "1980", employer: "浙江大学", title: "SENIOR", disciplineCodes: "21060",
    regionCode: "330106", maxConcurrent: "3", skills: ["茶树栽培", "茶树栽培", ""], acceptsRemote: "on",
  };
  it("normalises FormData shapes: single values, repeated keys, checkboxes, blanks", () => {
    const r = createExpertSchema.parse(valid);
    expect(r.disciplineCodes).toEqual(["21060"]);
    expect(r.skills).toEqual(["茶树栽培"]);
    expect(r.acceptsRemote).toBe(true);
    expect(r.shareAcrossRegions).toBe(false);
    expect(r.phone).toBeUndefined();
    expect(r.birthYear).toBe(1980);
  });
  it("rejects bad input with Chinese messages beside the fields", () => {
    const r = updateProfileSchema.safeParse({ ...valid, expertId: "x", version: "0", maxConcurrent: "11", phone: "123", email: "x@", idNumber: "330106198001011230", disciplineCodes: [] });
    expect(r.success).toBe(false);
    const fields = new Set(r.error!.issues.map((i) => i.path[0]));
    expect([...fields].sort()).toEqual(["disciplineCodes", "email", "idNumber", "maxConcurrent", "phone"].sort());
    expect(r.error!.issues.find((i) => i.path[0] === "maxConcurrent")!.message).toBe("同时服务项目数应为 1—10");
  });
  it("requires a username and password only when an account is opened", () => {
    expect(createExpertSchema.safeParse({ ...valid, createAccount: "on" }).error?.issues.map((i) => i.path[0]).sort()).toEqual(["password", "username"]);
    expect(createExpertSchema.safeParse({ ...valid, createAccount: "on", username: "wangfang", password: "weak" }).error?.issues[0].message).toBe("密码至少 8 位");
  });
  it("checks registration: strong matching passwords, a valid phone, consent", () => {
    const reg = { ...valid, username: "wangfang2026", password: "Strong@2026", passwordConfirm: "Strong@2026", phone: "13912345678", agree: "on" };
    expect(registerSchema.safeParse(reg).success).toBe(true);
    expect(registerSchema.safeParse({ ...reg, passwordConfirm: "Other@2026" }).error?.issues[0].path).toEqual(["passwordConfirm"]);
    expect(registerSchema.safeParse({ ...reg, agree: undefined }).error?.issues[0].path).toEqual(["agree"]);
    expect(registerSchema.safeParse({ ...reg, phone: "" }).success).toBe(false);
    expect(registerSchema.safeParse({ ...reg, username: "1bad" }).success).toBe(false);
  });
  it("requires availability to start no later than it ends", () => {
    expect(availabilitySchema.safeParse({ expertId: "e", kind: "BLACKOUT", startsOn: "2026-05-02", endsOn: "2026-05-01" }).error?.issues[0].path).toEqual(["endsOn"]);
    expect(availabilitySchema.safeParse({ expertId: "e", kind: "AVAILABLE", startsOn: "2026-05-01", endsOn: "2026-05-01" }).success).toBe(true);
    expect(availabilitySchema.safeParse({ expertId: "e", kind: "AVAILABLE", startsOn: "2026-13-01", endsOn: "2026-12-01" }).success).toBe(false);
  });
  it("falls back to defaults for a bad list query", () => {
    expect(expertSearchSchema.parse({ title: "BOSS", page: "-3", sort: "x", stale: "yes" })).toMatchObject({ title: undefined, page: 1, sort: "updated", stale: undefined });
  });
});

describe("cross-region scope", () => {
  const user = (role: SessionUser["roles"][number]["role"], provinceCode: string | null = null, id = "u1"): SessionUser =>
    ({ id, username: id, displayName: id, roles: [{ role, provinceCode, organizationId: null }] });
  const zj = { provinceCode: "33", userId: "e1", shareAcrossRegions: false, status: "ACTIVE" as const };
  it("lets the ministry read everyone and edit no one", () => {
    expect(expertListWhere(user("MINISTRY_ADMIN"))).toEqual({});
    expect(canRead(user("MINISTRY_ADMIN"), zj)).toBe(true);
    expect(canEdit(user("MINISTRY_ADMIN"), zj)).toBe(false);
    expect(canViewPersonal(user("MINISTRY_ADMIN"), zj)).toBe(true);
  });
  it("lets another province read only shared, active experts and never edit them", () => {
    const sc = user("PROVINCE_ADMIN", "51");
    expect(canRead(sc, zj)).toBe(false);
    expect(canRead(sc, { ...zj, shareAcrossRegions: true })).toBe(true);
    expect(canRead(sc, { ...zj, shareAcrossRegions: true, status: "PENDING" })).toBe(false);
    const shared = { ...zj, shareAcrossRegions: true };
    expect(canEdit(sc, shared)).toBe(false);
    expect(canViewPersonal(sc, shared)).toBe(false);
    expect(canEdit(user("PROVINCE_ADMIN", "33"), zj)).toBe(true);
  });
  it("gives an expert their own profile and no one else's; units nothing", () => {
    expect(canEdit(user("EXPERT", null, "e1"), zj)).toBe(true);
    expect(canRead(user("EXPERT", null, "e2"), { ...zj, shareAcrossRegions: true })).toBe(false);
    expect(expertListWhere(user("EXPERT", null, "e1"))).toEqual({ OR: [{ userId: "e1" }] });
    expect(expertListWhere(user("UNIT_USER"))).toBeNull();
    expect(canRead(user("UNIT_USER"), { ...zj, shareAcrossRegions: true })).toBe(false);
  });
});
