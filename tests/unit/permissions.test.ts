import { describe, expect, it } from "vitest";
import { can, grantedScopes, holds, listScope, OPERATIONS, PERMISSIONS, type Operation, type Scope } from "@/lib/auth/permissions";
import { partyOf } from "@/lib/engagements/scope";
import { ROLES, type RoleGrant, type SessionUser } from "@/lib/auth/roles";

// Generated from the permission table: every role × every operation, allowed and refused.
const PROVINCE = "51";
const OTHER_PROVINCE = "33";
const ORG = "org-own";
const OTHER_ORG = "org-other";

function userWith(grant: RoleGrant): SessionUser {
  return { id: "user-1", username: "u", displayName: "用户", roles: [grant] };
}

const grantFor = (role: RoleGrant["role"]): RoleGrant => ({
  role,
  organizationId: ORG,
  provinceCode: role === "PROVINCE_ADMIN" ? PROVINCE : null,
});

const inScope = { provinceCode: PROVINCE, organizationId: ORG, ownerUserId: "user-1" };
const outOfScope = { provinceCode: OTHER_PROVINCE, organizationId: OTHER_ORG, ownerUserId: "user-2" };

describe("permission matrix", () => {
  for (const role of ROLES) {
    for (const op of Object.keys(OPERATIONS) as Operation[]) {
      const scope = PERMISSIONS[role][op];
      const user = userWith(grantFor(role));
      if (!scope) {
        it(`${role} × ${op}: refused, even on its own records`, () => {
          expect(holds(user, op)).toBe(false);
          expect(can(user, op, inScope)).toBe(false);
          expect(listScope(user, op)).toBeNull();
        });
        continue;
      }
      it(`${role} × ${op}: allowed within ${scope} scope`, () => {
        expect(holds(user, op)).toBe(true);
        expect(can(user, op, inScope)).toBe(true);
      });
      it(`${role} × ${op}: ${scope === "national" ? "allowed nationwide" : "refused outside its scope"}`, () => {
        expect(can(user, op, outOfScope)).toBe(scope === "national");
      });
    }
  }
});

describe("scope checks", () => {
  it("refuses a record whose scope fields are missing", () => {
    const province = userWith(grantFor("PROVINCE_ADMIN"));
    expect(can(province, "need.review", {})).toBe(false);
    const unit = userWith(grantFor("UNIT_USER"));
    expect(can(unit, "need.update", { provinceCode: PROVINCE })).toBe(false);
  });

  it("refuses a province grant without a province code", () => {
    const broken = userWith({ role: "PROVINCE_ADMIN", organizationId: ORG, provinceCode: null });
    expect(can(broken, "need.review", { provinceCode: PROVINCE })).toBe(false);
  });

  it("refuses a user with no roles at all", () => {
    const nobody: SessionUser = { id: "x", username: "x", displayName: "x", roles: [] };
    for (const op of Object.keys(OPERATIONS) as Operation[]) expect(holds(nobody, op)).toBe(false);
  });

  it("combines several grants", () => {
    const user: SessionUser = {
      id: "u", username: "u", displayName: "u",
      roles: [
        { role: "PROVINCE_ADMIN", organizationId: null, provinceCode: "51" },
        { role: "PROVINCE_ADMIN", organizationId: null, provinceCode: "50" },
      ],
    };
    expect(can(user, "need.review", { provinceCode: "50" })).toBe(true);
    expect(can(user, "need.review", { provinceCode: "33" })).toBe(false);
    expect(listScope(user, "need.read")).toEqual({ all: false, provinceCodes: ["51", "50"], organizationIds: [], userId: null });
  });

  it("names the scopes that grant an operation, and the side an engagement's user acts for", () => {
    const both: SessionUser = {
      id: "user-1", username: "u", displayName: "u",
      roles: [{ role: "UNIT_USER", organizationId: ORG, provinceCode: null }, { role: "EXPERT", organizationId: null, provinceCode: null }],
    };
    expect(grantedScopes(both, "engagement.finish", inScope).sort()).toEqual(["self", "unit"]);
    expect(grantedScopes(both, "engagement.finish", outOfScope)).toEqual([]);
    expect(partyOf(both, "engagement.finish", inScope)).toBe("EXPERT"); // the expert's own grant wins
    expect(partyOf(both, "engagement.finish", { organizationId: ORG })).toBe("UNIT");
    expect(partyOf(userWith(grantFor("PROVINCE_ADMIN")), "engagement.cancel", { provinceCode: PROVINCE })).toBe("PROVINCE");
    expect(partyOf(userWith(grantFor("PROVINCE_ADMIN")), "engagement.cancel", { provinceCode: OTHER_PROVINCE })).toBeNull();
    // National grants read everything but act for no side.
    expect(partyOf(userWith(grantFor("MINISTRY_ADMIN")), "engagement.read", inScope)).toBeNull();
  });

  it("gives national list scope to the ministry", () => {
    expect(listScope(userWith(grantFor("MINISTRY_ADMIN")), "need.read")).toEqual({ all: true });
  });
});

// Written out by hand, not read from the table: who may do the sensitive things, and over what. A grant added to,
// widened in or dropped from PERMISSIONS for one of these fails here, where the generated matrix above would follow it.
const SENSITIVE: Partial<Record<Operation, Partial<Record<RoleGrant["role"], Scope>>>> = {
  "user.create": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "user.resetPassword": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "security.settings": { MINISTRY_ADMIN: "national" },
  "user.manage": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province", SYSTEM_ADMIN: "national" },
  "audit.read": { MINISTRY_ADMIN: "national", AUDIT_ADMIN: "national" },
  "adminRole.manage": { SECURITY_ADMIN: "national" },
  "menu.manage": { MINISTRY_ADMIN: "national" },
  "plan.manage": { MINISTRY_ADMIN: "national" },
  "need.review": { PROVINCE_ADMIN: "province" },
  "need.import": { PROVINCE_ADMIN: "province", UNIT_USER: "unit" },
  "expert.create": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "expert.import": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "expert.update": { PROVINCE_ADMIN: "province", EXPERT: "self" },
  "expert.approve": { PROVINCE_ADMIN: "province" },
  "expert.viewPersonal": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province", EXPERT: "self" },
  "library.nominate": { PROVINCE_ADMIN: "province" },
  "library.decide": { MINISTRY_ADMIN: "national" },
  "match.settings": { MINISTRY_ADMIN: "national" },
  "calendar.manage": { MINISTRY_ADMIN: "national" },
  "match.invite": { PROVINCE_ADMIN: "province" },
  "engagement.confirm": { UNIT_USER: "unit" },
  "engagement.cancel": { PROVINCE_ADMIN: "province" },
  "activity.recommend": { PROVINCE_ADMIN: "province", DEPARTMENT_ADMIN: "unit" },
  "activity.select": { MINISTRY_ADMIN: "national" },
  "activity.review": { EXPERT: "self" },
  "activity.evaluate": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "base.review": { PROVINCE_ADMIN: "province" },
  "base.approveNational": { MINISTRY_ADMIN: "national" },
  "base.read": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province", BASE_HOST: "unit" },
  "base.apply": { BASE_HOST: "unit" },
  "base.report": { BASE_HOST: "unit" },
  "base.evaluate": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "base.rectify": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "challenge.publish": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "challenge.select": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "challenge.accept": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "challenge.confirm": { ENTERPRISE: "unit" },
  "challenge.review": { EXPERT: "self" },
  "case.publish": { MINISTRY_ADMIN: "national" },
  "case.submit": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "case.read": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "announcement.manage": { MINISTRY_ADMIN: "national" },
  "certificate.issue": { EXPERT: "self" },
  "certificate.revoke": { PROVINCE_ADMIN: "province" },
  "certificate.read": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province", EXPERT: "self" },
  "commendation.nominate": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province" },
  "commendation.decide": { MINISTRY_ADMIN: "national" },
  "questionnaire.manage": { MINISTRY_ADMIN: "national" },
  "tracking.read": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province", UNIT_USER: "unit", EXPERT: "self", BASE_HOST: "unit" },
  "tracking.export": { MINISTRY_ADMIN: "national", PROVINCE_ADMIN: "province", UNIT_USER: "unit", EXPERT: "self", BASE_HOST: "unit" },
};

/** The table's grants of one operation, role by role, in the shape SENSITIVE is written in. */
const grantsOf = (op: Operation) =>
  Object.fromEntries(ROLES.flatMap((role) => (PERMISSIONS[role][op] ? [[role, PERMISSIONS[role][op]]] : [])));

describe("sensitive operations, written out by hand", () => {
  for (const [op, expected] of Object.entries(SENSITIVE) as [Operation, Partial<Record<RoleGrant["role"], Scope>>][]) {
    it(`${op}: exactly ${Object.entries(expected).map(([r, s]) => `${r}@${s}`).join(", ")}`, () => {
      expect(grantsOf(op)).toEqual(expected);
      for (const role of ROLES) {
        const user = userWith(grantFor(role));
        const scope = expected[role];
        expect(holds(user, op), role).toBe(scope !== undefined);
        expect(can(user, op, inScope), role).toBe(scope !== undefined);
        expect(can(user, op, outOfScope), role).toBe(scope === "national");
      }
    });
  }

  it("grants national scope only to the ministry, to experts for browsing open needs, and to the 三员 for their one duty each", () => {
    const national = ROLES.flatMap((role) =>
      (Object.entries(PERMISSIONS[role]) as [Operation, Scope][]).filter(([, s]) => s === "national").map(([op]) => `${role} ${op}`),
    ).filter((grant) => !grant.startsWith("MINISTRY_ADMIN "));
    expect(national).toEqual([
      "EXPERT need.browseOpen",
      "SYSTEM_ADMIN console.system", "SYSTEM_ADMIN user.manage",
      "SECURITY_ADMIN console.security", "SECURITY_ADMIN adminRole.manage",
      "AUDIT_ADMIN console.audit", "AUDIT_ADMIN audit.read",
    ]);
  });

  it("三员分立: each administrator holds its own duty and none of the others' (nor any business operation)", () => {
    const duty = { SYSTEM_ADMIN: "user.manage", SECURITY_ADMIN: "adminRole.manage", AUDIT_ADMIN: "audit.read" } as const;
    const personal = ["account.changePassword", "account.mfa", "notification.read"];
    for (const [role, op] of Object.entries(duty) as [keyof typeof duty, Operation][]) {
      const ops = Object.keys(PERMISSIONS[role]).filter((o) => !personal.includes(o) && !o.startsWith("console."));
      expect(ops, role).toEqual([op]);
    }
  });

  it("gives base hosts and enterprises nothing beyond their own unit and account", () => {
    for (const role of ["BASE_HOST", "ENTERPRISE"] as const) {
      for (const scope of Object.values(PERMISSIONS[role])) expect(["unit", "self"], role).toContain(scope);
    }
  });
});
