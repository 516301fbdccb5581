import { describe, expect, it } from "vitest";
import { can, OPERATIONS, type Operation, type ResourceScope } from "@/lib/auth/permissions";
import { ROLES, type RoleGrant, type SessionUser } from "@/lib/auth/roles";
import { scopeWhere } from "@/lib/auth/scope";
import { expertListWhere } from "@/lib/experts/scope";

const user = (...roles: RoleGrant[]): SessionUser => ({ id: "user-1", username: "u", displayName: "用户", roles });
const grant = (role: RoleGrant["role"], provinceCode: string | null = null, organizationId: string | null = null): RoleGrant =>
  ({ role, provinceCode, organizationId });

// A where-clause of plain data, and its meaning over a record's scope, to compare scopeWhere with can().
type W = { OR?: W[]; province?: string[]; unit?: string[]; self?: string };
const branches = {
  province: (codes: string[]): W => ({ province: codes }),
  unit: (ids: string[]): W => ({ unit: ids }),
  self: (userId: string): W => ({ self: userId }),
};
function matches(w: W, r: ResourceScope): boolean {
  if (w.OR) return w.OR.some((x) => matches(x, r));
  if (w.province) return w.province.includes(r.provinceCode ?? "");
  if (w.unit) return w.unit.includes(r.organizationId ?? "");
  if (w.self) return w.self === r.ownerUserId;
  return true; // {}: national
}

describe("scopeWhere", () => {
  it("answers {} for national scope and null for none", () => {
    expect(scopeWhere(user(grant("MINISTRY_ADMIN")), "need.read", branches)).toEqual({});
    expect(scopeWhere(user(grant("EXPERT")), "need.read", branches)).toBeNull();
  });

  it("joins every grant of the user with OR, each kind once, provinces without repeats", () => {
    const u = user(grant("PROVINCE_ADMIN", "51"), grant("PROVINCE_ADMIN", "51"), grant("UNIT_USER", null, "org-1"));
    expect(scopeWhere(u, "need.read", branches)).toEqual({ OR: [{ province: ["51"] }, { unit: ["org-1"] }] });
  });

  it("denies by default: a grant whose kind the area does not map lists nothing", () => {
    expect(scopeWhere(user(grant("EXPERT")), "engagement.read", { province: branches.province })).toBeNull();
    expect(scopeWhere(user(grant("EXPERT")), "engagement.read", branches)).toEqual({ OR: [{ self: "user-1" }] });
  });

  it("lists exactly the records can() allows, for every role and operation", () => {
    const records: ResourceScope[] = [
      { provinceCode: "51", organizationId: "org-1", ownerUserId: "user-1" },
      { provinceCode: "51" }, { provinceCode: "33" }, { organizationId: "org-1" }, { organizationId: "org-2" },
      { ownerUserId: "user-1" }, { ownerUserId: "user-2" }, {},
    ];
    for (const role of ROLES) {
      const u = user(grant(role, role === "PROVINCE_ADMIN" ? "51" : null, "org-1"));
      for (const op of Object.keys(OPERATIONS) as Operation[]) {
        const where = scopeWhere(u, op, branches);
        for (const r of records) {
          expect({ role, op, r, listed: where !== null && matches(where, r) }).toEqual({ role, op, r, listed: can(u, op, r) });
        }
      }
    }
  });

  it("gives the experts list its shape (the rule lib/matching/retrieval shares)", () => {
    expect(expertListWhere(user(grant("PROVINCE_ADMIN", "51")))).toEqual({
      OR: [{ OR: [{ provinceCode: { in: ["51"] } }, { shareAcrossRegions: true, status: "ACTIVE", provinceCode: { notIn: ["51"] } }] }],
    });
  });
});
