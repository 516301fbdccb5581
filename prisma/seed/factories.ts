import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { sealPersonal } from "@/lib/privacy/at-rest";
import {
  DeliveryMode, ExpertStatus, Gender, LibraryStatus, NeedState, OrgType, Prisma, ProfessionalTitle, Role, ServiceForm,
  TalentCategory, Urgency,
  type ExpertProfile, type Need, type Organization, type RoleAssignment, type User,
} from "@/lib/generated/prisma/client";
import { DEMO_PASSWORD } from "./accounts";

// Test factories and the row builders the demo seed shares with them. Builders are pure (they return createMany
// rows); factories insert one row through any client or transaction and give every unique field a fresh value, so
// a test can create as many as it likes in one database. Factories assume seedReferenceData() has run.

// ─── Builders ────────────────────────────────────────────────────────────────────

export type OrganizationInput = {
  id?: string;
  name: string;
  type: OrgType;
  regionCode: string;
  creditCode?: string | null;
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
  createdAt?: Date;
};

export function organizationRow(input: OrganizationInput): Prisma.OrganizationCreateManyInput {
  return { ...input, updatedAt: input.createdAt };
}

export type UserInput = {
  id?: string;
  username: string;
  displayName: string;
  passwordHash: string;
  organizationId?: string | null;
  phone?: string | null;
  email?: string | null;
  status?: Prisma.UserCreateManyInput["status"];
  createdAt?: Date;
};

/** Phone and e-mail are stored sealed (lib/privacy/at-rest.ts), in the seed as in the application. */
export function userRow(input: UserInput): Prisma.UserCreateManyInput {
  // The password is set now (its hash is computed by the seed), whatever the account's back-dated creation: an
  // account created months ago must not start with an expired password (PASSWORD_MAX_AGE_DAYS).
  return { ...input, ...sealPersonal({ phone: input.phone, email: input.email }), passwordChangedAt: new Date(), updatedAt: input.createdAt };
}

export type RoleInput = {
  id?: string;
  userId: string;
  role: Role;
  organizationId?: string | null;
  provinceCode?: string | null;
  createdAt?: Date;
};

/** Scope rule used everywhere: admins of a province carry provinceCode; org-bound roles carry organizationId. */
export function roleRow(input: RoleInput): Prisma.RoleAssignmentCreateManyInput {
  return { organizationId: null, provinceCode: null, ...input };
}

export type ExpertInput = Omit<Prisma.ExpertProfileCreateManyInput, "provinceCode"> & { provinceCode?: string };

/** Fills provinceCode from the region code (its first two digits). */
export function expertRow(input: ExpertInput): Prisma.ExpertProfileCreateManyInput {
  return {
    ...input, ...sealPersonal({ phone: input.phone, email: input.email, idNumber: input.idNumber }),
    provinceCode: input.provinceCode ?? input.regionCode.slice(0, 2),
  };
}

/** The legal path from DRAFT to each state, as the need workflow walks it. */
export const NEED_STATE_PATHS: Record<NeedState, NeedState[]> = {
  DRAFT: [NeedState.DRAFT],
  SUBMITTED: [NeedState.DRAFT, NeedState.SUBMITTED],
  RETURNED: [NeedState.DRAFT, NeedState.SUBMITTED, NeedState.RETURNED],
  REJECTED: [NeedState.DRAFT, NeedState.SUBMITTED, NeedState.REJECTED],
  OPEN: [NeedState.DRAFT, NeedState.SUBMITTED, NeedState.OPEN],
  MATCHED: [NeedState.DRAFT, NeedState.SUBMITTED, NeedState.OPEN, NeedState.MATCHED],
  IN_SERVICE: [NeedState.DRAFT, NeedState.SUBMITTED, NeedState.OPEN, NeedState.MATCHED, NeedState.IN_SERVICE],
  COMPLETED: [NeedState.DRAFT, NeedState.SUBMITTED, NeedState.OPEN, NeedState.MATCHED, NeedState.IN_SERVICE,
    NeedState.COMPLETED],
  CANCELLED: [NeedState.DRAFT, NeedState.SUBMITTED, NeedState.OPEN, NeedState.CANCELLED],
};

export type NeedInput = Omit<Prisma.NeedCreateManyInput, "provinceCode"> & { provinceCode?: string };

export function needRow(input: NeedInput): Prisma.NeedCreateManyInput {
  return { ...input, provinceCode: input.provinceCode ?? input.regionCode.slice(0, 2) };
}

export type TimelineStep = { toState: NeedState; at: Date; actorId: string | null; comment?: string | null };

/** NeedEvent rows for a timeline; the first step has no fromState. */
export function needEventRows(needId: string, steps: TimelineStep[], idOf?: (i: number) => string):
  Prisma.NeedEventCreateManyInput[] {
  return steps.map((s, i) => ({
    id: idOf?.(i),
    needId,
    fromState: i === 0 ? null : steps[i - 1].toState,
    toState: s.toState,
    actorId: s.actorId,
    comment: s.comment ?? null,
    createdAt: s.at,
  }));
}

/** The review fields a need in `state` carries (submittedAt, reviewedAt …), given when each step happened. */
export function needReviewFields(state: NeedState, steps: TimelineStep[]):
  Pick<Prisma.NeedCreateManyInput, "submittedAt" | "reviewedAt" | "reviewedById" | "reviewComment"> {
  const submitted = [...steps].reverse().find((s) => s.toState === NeedState.SUBMITTED);
  const reviewed = [...steps].reverse().find((s) =>
    s.toState === NeedState.OPEN || s.toState === NeedState.RETURNED || s.toState === NeedState.REJECTED);
  if (state === NeedState.DRAFT) return { submittedAt: null, reviewedAt: null, reviewedById: null, reviewComment: null };
  return {
    submittedAt: submitted?.at ?? null,
    reviewedAt: state === NeedState.SUBMITTED ? null : reviewed?.at ?? null,
    reviewedById: state === NeedState.SUBMITTED ? null : reviewed?.actorId ?? null,
    reviewComment: state === NeedState.SUBMITTED ? null : reviewed?.comment ?? null,
  };
}

// ─── Factories ───────────────────────────────────────────────────────────────────

/** Drops keys whose value is undefined, so `{ regionCode: undefined }` does not override a default. */
function defined<T extends object>(obj: T): Partial<T> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined)) as Partial<T>;
}

const RUN = randomBytes(3).toString("hex");
let counter = 0;

/** A suffix unique within this process and very likely across processes sharing a database. */
export function uniqueSuffix(): string {
  counter += 1;
  return `${RUN}${counter.toString(36)}`;
}

let demoHash: Promise<string> | undefined;

/** argon2 is slow on purpose: hash the demo password once per process. */
export function demoPasswordHash(): Promise<string> {
  demoHash ??= hashPassword(DEMO_PASSWORD);
  return demoHash;
}

/** 蒲江县 (四川成都): a county every factory default can rely on once reference data is seeded. */
export const DEFAULT_COUNTY = "510131";

const ORG_TYPE_LABEL: Record<OrgType, string> = {
  MINISTRY: "专家服务中心", PROVINCIAL_BUREAU: "人力资源和社会保障厅", DEPARTMENT: "人事司", COUNTY_GOVERNMENT: "县人民政府",
  TOWNSHIP_GOVERNMENT: "镇人民政府", ENTERPRISE: "科技有限公司", COOPERATIVE: "专业合作社", HOSPITAL: "人民医院",
  SCHOOL: "职业中学", RESEARCH_STATION: "农业技术推广站", BASE_HOST: "专家服务基地", EMPLOYER: "研究院", OTHER: "单位",
};

export async function createOrganization(
  tx: Tx,
  overrides: Partial<OrganizationInput> = {},
): Promise<Organization> {
  const type = overrides.type ?? OrgType.COOPERATIVE;
  const data = organizationRow({
    name: overrides.name ?? `测试${ORG_TYPE_LABEL[type]}${uniqueSuffix()}`,
    type,
    regionCode: type === OrgType.PROVINCIAL_BUREAU ? DEFAULT_COUNTY.slice(0, 2) : type === OrgType.MINISTRY ? "11" : DEFAULT_COUNTY,
    ...defined(overrides),
  });
  return tx.organization.create({ data });
}

export type CreateUserInput = {
  role: Role;
  username?: string;
  displayName?: string;
  /** Plain password to hash; defaults to DEMO_PASSWORD (hashed once per process). */
  password?: string;
  /** A precomputed hash, to skip argon2 entirely. */
  passwordHash?: string;
  organizationId?: string | null;
  provinceCode?: string | null;
  status?: Prisma.UserCreateManyInput["status"];
  phone?: string | null;
  email?: string | null;
};

const ROLE_ORG_TYPE: Partial<Record<Role, OrgType>> = {
  MINISTRY_ADMIN: OrgType.MINISTRY,
  PROVINCE_ADMIN: OrgType.PROVINCIAL_BUREAU,
  UNIT_USER: OrgType.COOPERATIVE,
  BASE_HOST: OrgType.BASE_HOST,
  ENTERPRISE: OrgType.ENTERPRISE,
  DEPARTMENT_ADMIN: OrgType.DEPARTMENT,
};

/**
 * A user with one role assignment. Roles that belong to an organization get one created when none is given
 * (a PROVINCE_ADMIN's bureau sits in its province); a PROVINCE_ADMIN's provinceCode defaults to "51".
 */
export async function createUser(tx: Tx, input: CreateUserInput): Promise<User & { roles: RoleAssignment[] }> {
  const suffix = uniqueSuffix();
  const provinceCode = input.role === Role.PROVINCE_ADMIN ? (input.provinceCode ?? "51") : (input.provinceCode ?? null);
  let organizationId = input.organizationId;
  const orgType = ROLE_ORG_TYPE[input.role];
  if (organizationId === undefined && orgType) {
    const org = await createOrganization(tx, {
      type: orgType,
      regionCode: orgType === OrgType.PROVINCIAL_BUREAU || orgType === OrgType.MINISTRY ? (provinceCode ?? "11")
        : orgType === OrgType.DEPARTMENT ? "11" : undefined,
    });
    organizationId = org.id;
  }
  const passwordHash = input.passwordHash ??
    (input.password === undefined ? await demoPasswordHash() : await hashPassword(input.password));
  const user = await tx.user.create({
    data: userRow({
      username: input.username ?? `test-${input.role.toLowerCase()}-${suffix}`,
      displayName: input.displayName ?? `测试用户${suffix}`,
      passwordHash,
      organizationId: organizationId ?? null,
      status: input.status,
      phone: input.phone,
      email: input.email,
    }),
  });
  const role = await tx.roleAssignment.create({
    data: roleRow({ userId: user.id, role: input.role, organizationId: organizationId ?? null, provinceCode }),
  });
  return { ...user, roles: [role] };
}

export type CreateExpertInput = Partial<ExpertInput> & {
  /** Also create an EXPERT user linked to the profile (true, or options for the user). */
  user?: boolean | Omit<CreateUserInput, "role">;
};

export async function createExpert(
  tx: Tx,
  overrides: CreateExpertInput = {},
): Promise<ExpertProfile & { user: (User & { roles: RoleAssignment[] }) | null }> {
  const { user: userOption, ...given } = overrides;
  const fields = defined(given);
  const suffix = uniqueSuffix();
  let user: (User & { roles: RoleAssignment[] }) | null = null;
  if (userOption) {
    user = await createUser(tx, { ...(userOption === true ? {} : userOption), role: Role.EXPERT,
      displayName: (userOption !== true && userOption.displayName) || fields.name || `测试专家${suffix}` });
  }
  const regionCode = fields.regionCode ?? "330106";
  const expert = await tx.expertProfile.create({
    data: expertRow({
      name: `测试专家${suffix}`,
      gender: Gender.MALE,
      birthYear: 1975,
      employer: "浙江大学",
      title: ProfessionalTitle.SENIOR,
      disciplineCodes: ["21060"],
      industryCodes: ["01"],
      skills: ["果园绿色防控"],
      talentCategories: [TalentCategory.PROVINCIAL_TALENT_PROGRAM],
      preferredForms: [ServiceForm.TECH_GUIDANCE],
      serviceRegionCodes: [],
      status: ExpertStatus.ACTIVE,
      libraryStatus: LibraryStatus.NONE,
      shareAcrossRegions: true,
      ...fields,
      regionCode,
      userId: user?.id ?? fields.userId ?? null,
    }),
  });
  return { ...expert, user };
}

export type CreateNeedInput = Partial<Omit<NeedInput, "unitId">> & {
  unitId: string;
  /** ServiceMenuItem ids to link. */
  menuItemIds?: string[];
  /** Also write the NeedEvent timeline that leads to `state` (actor: actorId, reviewer: reviewedById). */
  withTimeline?: boolean;
  actorId?: string | null;
};

/** A need of the given unit; regionCode/provinceCode come from the unit's organization. */
export async function createNeed(tx: Tx, input: CreateNeedInput): Promise<Need> {
  const { unitId, menuItemIds, withTimeline, actorId, ...given } = input;
  const fields = defined(given);
  const unit = await tx.organization.findUniqueOrThrow({ where: { id: unitId }, include: { region: true } });
  const state = fields.state ?? NeedState.DRAFT;
  const suffix = uniqueSuffix();
  const now = new Date();
  const steps: TimelineStep[] = NEED_STATE_PATHS[state].map((toState, i, path) => ({
    toState,
    at: new Date(now.getTime() - (path.length - i) * 60_000),
    actorId: toState === NeedState.OPEN || toState === NeedState.RETURNED || toState === NeedState.REJECTED
      ? (fields.reviewedById ?? null)
      : (actorId ?? null),
    comment: toState === NeedState.RETURNED ? "请补充需求细节" : toState === NeedState.REJECTED ? "不属于服务范围" : null,
  }));
  const need = await tx.need.create({
    data: needRow({
      code: `XQ-T${suffix.toUpperCase()}`,
      title: `测试需求${suffix}`,
      bottleneck: "测试用瓶颈问题描述",
      disciplineCodes: ["21060"],
      industryCodes: ["01"],
      expertsWanted: 1,
      delivery: DeliveryMode.EITHER,
      urgency: Urgency.NORMAL,
      ...needReviewFields(state, steps),
      ...fields,
      state,
      unitId,
      regionCode: unit.regionCode,
      provinceCode: unit.region.provinceCode,
    }),
  });
  if (menuItemIds && menuItemIds.length > 0) {
    await tx.needMenuItem.createMany({ data: menuItemIds.map((menuItemId) => ({ needId: need.id, menuItemId })) });
  }
  if (withTimeline) await tx.needEvent.createMany({ data: needEventRows(need.id, steps) });
  return need;
}
