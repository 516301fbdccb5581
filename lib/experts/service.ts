import type { Tx } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { conflict, invalidInput, invalidTransition, notFound } from "@/lib/errors";
import { computeExpertTerms } from "@/lib/matching/terms";
import { requestReviewedChange, reviewedChanges, type ReviewedField } from "@/lib/experts/profile-review";
import { notify, staffIds } from "@/lib/notifications/send";
import type { CreateExpertInput, ProfileInput, RegisterInput, UpdateProfileInput } from "@/lib/experts/schemas";
import { openPersonal, sealPersonal } from "@/lib/privacy/at-rest";

// Rules and state changes of the expert pool. Every function takes the caller's transaction; the caller
// (operations.ts) has already checked the session, the role and the record's scope, and writes the audit row.

const PERSONAL = ["phone", "email", "idNumber"] as const;

/** The region an expert lives in: it must exist and be a county (or a city without counties). */
export async function expertRegion(tx: Tx, code: string) {
  const region = await tx.region.findUnique({
    where: { code },
    select: { code: true, level: true, provinceCode: true, _count: { select: { children: true } } },
  });
  if (!region || region.level === "PROVINCE" || (region.level === "CITY" && region._count.children > 0)) {
    throw invalidInput({ regionCode: ["请选择到区县一级"] });
  }
  return region;
}

async function assertCodesExist(tx: Tx, input: Pick<ProfileInput, "disciplineCodes" | "industryCodes"> & Partial<Pick<ProfileInput, "serviceRegionCodes">>) {
  const errors: Record<string, string[]> = {};
  if (input.disciplineCodes.length) {
    const n = await tx.discipline.count({ where: { code: { in: input.disciplineCodes } } });
    if (n !== input.disciplineCodes.length) errors.disciplineCodes = ["学科代码不存在"];
  }
  if (input.industryCodes.length) {
    const n = await tx.industry.count({ where: { code: { in: input.industryCodes } } });
    if (n !== input.industryCodes.length) errors.industryCodes = ["行业代码不存在"];
  }
  if (input.serviceRegionCodes?.length) {
    const n = await tx.region.count({ where: { code: { in: input.serviceRegionCodes }, level: { in: ["PROVINCE", "CITY"] } } });
    if (n !== input.serviceRegionCodes.length) errors.serviceRegionCodes = ["服务地区只能选省或地市"];
  }
  if (Object.keys(errors).length) throw invalidInput(errors);
}

async function assertUsernameFree(tx: Tx, username: string) {
  if (await tx.user.findUnique({ where: { username }, select: { id: true } })) {
    throw invalidInput({ username: ["该账号已被注册，请换一个"] }, "该账号已被注册，请换一个");
  }
}


function attestation(ticked: boolean, previous: Date | null, now: Date): Date | null {
  return ticked ? (previous ?? now) : null;
}

function serviceData(input: ProfileInput, previous: { healthAttestedAt: Date | null; consentAttestedAt: Date | null } | null, now: Date) {
  return {
    skills: input.skills,
    bio: input.bio,
    talentCategories: input.talentCategories,
    preferredForms: input.preferredForms,
    serviceRegionCodes: input.serviceRegionCodes,
    acceptsRemote: input.acceptsRemote,
    maxConcurrent: input.maxConcurrent,
    isRetired: input.isRetired,
    healthAttestedAt: input.isRetired ? attestation(input.healthAttested, previous?.healthAttestedAt ?? null, now) : null,
    consentAttestedAt: input.isRetired ? attestation(input.consentAttested, previous?.consentAttestedAt ?? null, now) : null,
    shareAcrossRegions: input.shareAcrossRegions,
  };
}

/**
 * Public self-registration: a PENDING account (no role yet) and a PENDING profile, in one transaction; the province
 * of the chosen region is notified. `passwordHash` is computed by the caller outside the transaction (argon2 is slow).
 */
export async function registerExpert(tx: Tx, input: RegisterInput, passwordHash: string, now = new Date()) {
  const region = await expertRegion(tx, input.regionCode);
  await assertCodesExist(tx, input);
  await assertUsernameFree(tx, input.username);
  const user = await tx.user.create({
    data: {
      username: input.username, displayName: input.name, passwordHash, status: "PENDING",
      ...sealPersonal({ phone: input.phone, email: input.email ?? null }),
    },
    select: { id: true },
  });
  const expert = await tx.expertProfile.create({
    data: {
      userId: user.id, name: input.name, gender: input.gender, birthYear: input.birthYear, employer: input.employer,
      title: input.title, disciplineCodes: input.disciplineCodes, industryCodes: input.industryCodes, skills: input.skills,
      bio: input.bio, talentCategories: input.talentCategories, regionCode: region.code, provinceCode: region.provinceCode,
      isRetired: input.isRetired, ...sealPersonal({ phone: input.phone, email: input.email ?? null, idNumber: input.idNumber ?? null }),
      status: "PENDING", source: "SELF", shareAcrossRegions: false, lastConfirmedAt: now,
    },
    select: { id: true, provinceCode: true },
  });
  await computeExpertTerms(tx, expert.id);
  await notify(tx, await staffIds(tx, "PROVINCE_ADMIN", { provinceCode: region.provinceCode }), {
    title: `新的专家注册待审核：${input.name}`,
    body: `${input.name}（${input.employer}）在平台自助注册，请审核。`,
    link: `/experts/${expert.id}`,
  });
  return { userId: user.id, expertId: expert.id, provinceCode: expert.provinceCode };
}

/** A province (or the ministry) enters an expert; with `createAccount`, an EXPERT login that must change its password. */
export async function createExpertProfile(tx: Tx, input: CreateExpertInput, passwordHash: string | null, now = new Date()) {
  const region = await expertRegion(tx, input.regionCode);
  await assertCodesExist(tx, input);
  let userId: string | null = null;
  if (input.createAccount && input.username && passwordHash) {
    await assertUsernameFree(tx, input.username);
    const user = await tx.user.create({
      data: {
        username: input.username, displayName: input.name, passwordHash, status: "ACTIVE", mustChangePassword: true,
        ...sealPersonal({ phone: input.phone ?? null, email: input.email ?? null }),
      },
      select: { id: true },
    });
    await tx.roleAssignment.create({ data: { userId: user.id, role: "EXPERT" } });
    userId = user.id;
  }
  const expert = await tx.expertProfile.create({
    data: {
      userId, name: input.name, gender: input.gender, birthYear: input.birthYear, employer: input.employer,
      title: input.title, disciplineCodes: input.disciplineCodes, industryCodes: input.industryCodes,
      regionCode: region.code, provinceCode: region.provinceCode, ...serviceData(input, null, now),
      ...sealPersonal({ phone: input.phone ?? null, email: input.email ?? null, idNumber: input.idNumber ?? null }),
      status: "ACTIVE", source: "PROVINCE",
      // Entered from the province's own records: confirmed now (the 12-month clock starts at entry).
      lastConfirmedAt: now,
    },
    select: { id: true, provinceCode: true, userId: true },
  });
  await computeExpertTerms(tx, expert.id);
  return expert;
}

/** Changed field names, for the audit row; personal data is named but never written to the log. */
function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): string[] {
  return Object.keys(after).filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null));
}

/**
 * Edit a profile under the optimistic lock. Blank phone / e-mail / ID number keep the stored values.
 * Saving as the expert confirms the profile (lastConfirmedAt = now); the expert's own change to name, title, talent
 * categories or employer is held for the province (lib/experts/profile-review.ts), the old values staying in force.
 */
export async function updateProfile(
  tx: Tx, input: UpdateProfileInput, opts: { bySelf: boolean; actorId?: string }, now = new Date(),
) {
  const stored = await tx.expertProfile.findUnique({ where: { id: input.expertId } });
  if (!stored) throw notFound("专家");
  // Compared in plain text (stored sealed), written sealed again below.
  const current = { ...stored, ...openPersonal({ phone: stored.phone, email: stored.email, idNumber: stored.idNumber }) };
  const region = await expertRegion(tx, input.regionCode);
  await assertCodesExist(tx, input);
  const data = {
    name: input.name, gender: input.gender, birthYear: input.birthYear, employer: input.employer, title: input.title,
    disciplineCodes: input.disciplineCodes, industryCodes: input.industryCodes,
    regionCode: region.code, provinceCode: region.provinceCode,
    ...serviceData(input, current, now),
    ...(input.phone !== undefined ? { phone: input.phone } : {}),
    ...(input.email !== undefined ? { email: input.email } : {}),
    ...(input.idNumber !== undefined ? { idNumber: input.idNumber } : {}),
  };
  const held = opts.bySelf ? reviewedChanges(current, data) : {};
  for (const f of Object.keys(held) as ReviewedField[]) (data as Record<string, unknown>)[f] = current[f];
  const changed = changedFields(current as unknown as Record<string, unknown>, data);
  const { count } = await tx.expertProfile.updateMany({
    where: { id: input.expertId, version: input.version },
    data: {
      ...data, ...sealPersonal({ phone: data.phone, email: data.email, idNumber: data.idNumber }),
      version: { increment: 1 }, ...(opts.bySelf ? { lastConfirmedAt: now } : {}),
    },
  });
  if (!count) throw conflict("该专家档案已被他人修改，请刷新页面后重新编辑");
  const heldForReview = await requestReviewedChange(tx, { ...current, provinceCode: region.provinceCode }, held, opts.actorId ?? current.userId ?? "");
  await computeExpertTerms(tx, input.expertId);
  const loggable = (fields: Record<string, unknown>) =>
    Object.fromEntries(changed.filter((k) => !(PERSONAL as readonly string[]).includes(k)).map((k) => [k, fields[k] as Prisma.InputJsonValue]));
  return {
    changed,
    before: loggable(current as unknown as Record<string, unknown>),
    after: loggable(data),
    version: input.version + 1,
    movedProvince: current.provinceCode !== region.provinceCode,
    heldForReview,
  };
}

/** Approve a self-registration: account ACTIVE with the EXPERT role, profile ACTIVE and confirmed now. */
export async function approveRegistration(tx: Tx, expertId: string, now = new Date()) {
  const expert = await tx.expertProfile.findUnique({ where: { id: expertId }, select: { userId: true, name: true } });
  if (!expert) throw notFound("专家");
  const { count } = await tx.expertProfile.updateMany({
    where: { id: expertId, status: "PENDING" },
    data: { status: "ACTIVE", reviewComment: null, lastConfirmedAt: now, version: { increment: 1 } },
  });
  if (!count) throw invalidTransition("该注册申请已处理，不能重复审核");
  if (expert.userId) {
    await tx.user.updateMany({ where: { id: expert.userId, status: "PENDING" }, data: { status: "ACTIVE" } });
    await tx.roleAssignment.createMany({ data: [{ userId: expert.userId, role: "EXPERT" }], skipDuplicates: true });
    await notify(tx, [expert.userId], {
      title: "专家注册审核已通过",
      body: `${expert.name}，您的专家注册已审核通过，欢迎使用平台。请及时完善专家档案。`,
      link: "/expert/profile",
    });
  }
}

/** Reject a self-registration with a reason: the profile is suspended and the account stays unusable (disabled). */
export async function rejectRegistration(tx: Tx, expertId: string, reason: string) {
  const expert = await tx.expertProfile.findUnique({ where: { id: expertId }, select: { userId: true, name: true } });
  if (!expert) throw notFound("专家");
  const { count } = await tx.expertProfile.updateMany({
    where: { id: expertId, status: "PENDING" },
    data: { status: "SUSPENDED", reviewComment: reason, version: { increment: 1 } },
  });
  if (!count) throw invalidTransition("该注册申请已处理，不能重复审核");
  if (expert.userId) {
    await tx.user.updateMany({ where: { id: expert.userId, status: "PENDING" }, data: { status: "DISABLED" } });
    await notify(tx, [expert.userId], { title: "专家注册审核未通过", body: `${expert.name}，您的专家注册未通过审核。原因：${reason}` });
  }
}

export type AchievementData = { kind: Prisma.ExpertAchievementCreateInput["kind"]; title: string; abstract: string; year?: number };

export async function addAchievement(tx: Tx, expertId: string, a: AchievementData) {
  const created = await tx.expertAchievement.create({
    data: { expertId, kind: a.kind, title: a.title, abstract: a.abstract, year: a.year ?? null },
    select: { id: true },
  });
  await computeExpertTerms(tx, expertId);
  return created;
}

export async function updateAchievement(tx: Tx, expertId: string, achievementId: string, a: AchievementData) {
  const { count } = await tx.expertAchievement.updateMany({
    where: { id: achievementId, expertId },
    data: { kind: a.kind, title: a.title, abstract: a.abstract, year: a.year ?? null },
  });
  if (!count) throw notFound("成果");
  await computeExpertTerms(tx, expertId);
}

export async function removeAchievement(tx: Tx, expertId: string, achievementId: string) {
  const { count } = await tx.expertAchievement.deleteMany({ where: { id: achievementId, expertId } });
  if (!count) throw notFound("成果");
  await computeExpertTerms(tx, expertId);
}

export async function addAvailability(tx: Tx, expertId: string, a: { kind: "AVAILABLE" | "BLACKOUT"; startsOn: string; endsOn: string; note?: string }) {
  return tx.expertAvailability.create({
    data: { expertId, kind: a.kind, startsOn: new Date(`${a.startsOn}T00:00:00Z`), endsOn: new Date(`${a.endsOn}T00:00:00Z`), note: a.note ?? null },
    select: { id: true },
  });
}

export async function removeAvailability(tx: Tx, expertId: string, availabilityId: string) {
  const { count } = await tx.expertAvailability.deleteMany({ where: { id: availabilityId, expertId } });
  if (!count) throw notFound("时段");
}
