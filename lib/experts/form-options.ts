import { disciplineOptions, industryOptions, regionOptions } from "@/lib/reference/queries";
import type { ExpertDetail } from "@/lib/experts/queries";

/** Pickers' options for the profile form; `provinceCode` limits the region choice (a province enters its own experts). */
export async function profileFormOptions(provinceCode?: string) {
  const [disciplines, industries, regions, all] = await Promise.all([
    disciplineOptions(), industryOptions(), regionOptions(provinceCode), provinceCode ? regionOptions() : Promise.resolve(null),
  ]);
  const serviceRegions = (all ?? regions).filter((r) => r.level !== "COUNTY")
    .map((r) => ({ code: r.code, name: r.name, parentCode: r.parentCode }));
  return { disciplines, industries, regions, serviceRegions };
}

/** The form's defaults from a profile (personal data only as masked hints). */
export function profileDefaults(e: ExpertDetail) {
  return {
    expertId: e.id, version: e.version, name: e.name, gender: e.gender, birthYear: e.birthYear, employer: e.employer,
    title: e.title, disciplineCodes: e.disciplineCodes, industryCodes: e.industryCodes, skills: e.skills, bio: e.bio,
    talentCategories: e.talentCategories, regionCode: e.regionCode, preferredForms: e.preferredForms,
    serviceRegionCodes: e.serviceRegionCodes, acceptsRemote: e.acceptsRemote, maxConcurrent: e.maxConcurrent,
    isRetired: e.isRetired, healthAttested: !!e.healthAttestedAt, consentAttested: !!e.consentAttestedAt,
    shareAcrossRegions: e.shareAcrossRegions,
    maskedPhone: e.personal.phone, maskedEmail: e.personal.email, maskedIdNumber: e.personal.idNumber,
  };
}
