import { db } from "@/lib/db";
import type { SessionUser } from "@/lib/auth/roles";
import type { OrgType, Role } from "@/lib/generated/prisma/enums";
import type { Organization } from "@/lib/generated/prisma/client";
import {
  createExpert, createOrganization, createUser, DEFAULT_COUNTY, type CreateExpertInput, type CreateUserInput,
} from "@/prisma/seed/factories";
import { sessionUserOf } from "./helpers";

// Who acts in the integration tests, built on the seed's factories. Every call makes fresh rows with names unique to
// this process (one per test file), so files running in parallel on one database never share a user, and a test
// that counts audit rows or notifications by user sees only its own. Files that share users across their tests take
// the usual cast once, from createTestUsers() in beforeAll.

export const SICHUAN = "51";
export const ZHEJIANG = "33";
/** 蒲江县 (四川): where units are by default. */
export const SICHUAN_COUNTY = DEFAULT_COUNTY;
/** 西湖区 (浙江): where createExpert puts experts by default. */
export const ZHEJIANG_COUNTY = "330106";

/** A fresh user holding one role, as the session guard sees it; createUser adds the organization the role needs. */
export async function userWith(role: Role, input: Omit<CreateUserInput, "role"> = {}): Promise<SessionUser> {
  return sessionUserOf((await createUser(db, { ...input, role })).id);
}

export const ministryAdmin = () => userWith("MINISTRY_ADMIN");
export const provinceAdmin = (provinceCode: string) => userWith("PROVINCE_ADMIN", { provinceCode });
/** A user of the unit `organizationId`; without one, of a fresh cooperative in 蒲江县. */
export const unitUser = (organizationId?: string) => userWith("UNIT_USER", { organizationId });

/** A fresh unit (an organization of `type` in `regionCode`) with one user. */
export async function unitIn(
  regionCode: string = SICHUAN_COUNTY,
  type: OrgType = "COOPERATIVE",
): Promise<{ org: Organization; user: SessionUser }> {
  const org = await createOrganization(db, { type, regionCode });
  return { org, user: await unitUser(org.id) };
}

/** An expert profile with its own account; `session` is that account as the guard sees it. */
export async function expertWithUser(overrides: Omit<CreateExpertInput, "user"> = {}) {
  const expert = await createExpert(db, { user: true, ...overrides });
  return { ...expert, session: await sessionUserOf(expert.user!.id) };
}

/** The account of a fresh expert (浙江, shared across regions unless overridden). */
export const expertUser = async (overrides: Omit<CreateExpertInput, "user"> = {}) => (await expertWithUser(overrides)).session;

export type TestUsers = {
  ministry: SessionUser;
  /** Province admins of 四川 (the units' province) and 浙江 (the experts'). */
  sichuan: SessionUser;
  zhejiang: SessionUser;
  /** Two units (cooperatives in 蒲江县, 四川), one user each. */
  unitOrg: Organization;
  unit: SessionUser;
  otherUnitOrg: Organization;
  otherUnit: SessionUser;
  /** An expert of 浙江 (the factory's defaults) with an account. */
  expertId: string;
  expert: SessionUser;
  base: SessionUser;
  enterprise: SessionUser;
};

/** The usual cast, fresh on every call: call it once per file (beforeAll) for users its tests share. */
export async function createTestUsers(): Promise<TestUsers> {
  const [ministry, sichuan, zhejiang] = [await ministryAdmin(), await provinceAdmin(SICHUAN), await provinceAdmin(ZHEJIANG)];
  const [own, other] = [await unitIn(), await unitIn()];
  const expert = await expertWithUser();
  return {
    ministry, sichuan, zhejiang,
    unitOrg: own.org, unit: own.user, otherUnitOrg: other.org, otherUnit: other.user,
    expertId: expert.id, expert: expert.session,
    base: await userWith("BASE_HOST"), enterprise: await userWith("ENTERPRISE"),
  };
}
