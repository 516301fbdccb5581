import { z } from "zod";
import { passwordProblem } from "@/lib/auth/password";
import { isValidEmail, isValidIdNumber, isValidPhone } from "@/lib/experts/formats";

// Shared by the forms (field errors beside fields) and the actions. Forms post FormData: repeated keys arrive as
// arrays, a single one as a string, checkboxes as "on" or nothing — the helpers below normalise that.

const GENDERS = ["MALE", "FEMALE"] as const;
export const TITLES = ["SENIOR", "ASSOCIATE_SENIOR", "INTERMEDIATE", "JUNIOR"] as const;
export const TALENT_CATEGORIES = [
  "ACADEMICIAN", "NATIONAL_TALENT_PROGRAM", "PROVINCIAL_TALENT_PROGRAM", "MAJOR_PROJECT_LEAD", "URGENT_NEED",
  "SPECIAL_ALLOWANCE", "RETURNED_OVERSEAS", "POSTDOC", "RETIRED",
] as const;
export const SERVICE_FORMS = [
  "TECH_GUIDANCE", "TECH_PROMOTION", "JOINT_RESEARCH", "DECISION_CONSULTING", "JOINT_TRAINING", "MENTORSHIP",
  "TOURING_LECTURE", "THEMED_LECTURE", "DEMONSTRATION_TEACHING", "PUBLIC_WELFARE", "RESULT_TRANSFER", "STARTUP",
  "PART_TIME_POST", "ACADEMIC_EXCHANGE", "INTERMEDIARY",
] as const;
export const LIBRARY_STATUSES = ["NONE", "NOMINATED", "IN_LIBRARY", "DECLINED", "LEFT"] as const;
export const EXPERT_STATUSES = ["PENDING", "ACTIVE", "SUSPENDED"] as const;
export const ACHIEVEMENT_KINDS = ["PAPER", "PATENT", "PROJECT", "AWARD", "STANDARD", "OTHER"] as const;

const thisYear = () => new Date().getFullYear();

/** A list from FormData: absent → [], one value → [value]; blanks dropped, duplicates removed. */
const list = <T extends z.ZodType>(item: T, max: number, tooMany: string) =>
  z.preprocess(
    (v) => {
      const arr = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
      return [...new Set(arr.map((x) => (typeof x === "string" ? x.trim() : x)).filter((x) => x !== ""))];
    },
    z.array(item).max(max, tooMany),
  );

/** A checkbox: "on", "true", true → true; anything else (absent) → false. */
export const checkbox = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());

/** Blank → undefined, so "leave empty to keep" works for optional fields. */
const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

export const phoneField = z.preprocess(blankToUndefined,
  z.string().max(20, "电话号码过长").refine(isValidPhone, "请填写 11 位手机号或带区号的固定电话，如 0571-87654321").optional());
export const emailField = z.preprocess(blankToUndefined,
  z.string().max(120, "邮箱过长").refine(isValidEmail, "邮箱格式不正确").optional());
export const idNumberField = z.preprocess((v) => (typeof blankToUndefined(v) === "string" ? (blankToUndefined(v) as string).toUpperCase() : undefined),
  z.string().refine(isValidIdNumber, "身份证号码应为 18 位且校验位正确").optional());

const regionCode = z.string({ error: "请选择所在地区" }).trim().regex(/^\d{6}$/, "请选择到区县一级");
const int = (min: number, max: number, message: string) =>
  z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : Number(v)),
    z.number({ error: message }).int(message).min(min, message).max(max, message));

/** The facts of a profile every form edits. */
export const profileFields = {
  name: z.string({ error: "请填写姓名" }).trim().min(2, "姓名至少 2 个字").max(40, "姓名不超过 40 个字"),
  gender: z.enum(GENDERS, { error: "请选择性别" }),
  birthYear: int(1920, thisYear() - 18, `出生年份应在 1920—${thisYear() - 18} 之间`),
  employer: z.string({ error: "请填写工作单位" }).trim().min(2, "请填写工作单位").max(100, "工作单位不超过 100 个字"),
  title: z.enum(TITLES, { error: "请选择职称" }),
  disciplineCodes: list(z.string().regex(/^\d{3,10}$/, "学科代码不正确"), 5, "学科最多选 5 个").refine((a) => a.length > 0, "请至少选择 1 个学科"),
  industryCodes: list(z.string().regex(/^[A-Z0-9]{1,10}$/, "行业代码不正确"), 5, "行业最多选 5 个"),
  regionCode,
};

export const serviceFields = {
  skills: list(z.string().max(20, "每个专长不超过 20 个字"), 15, "专长标签最多 15 个"),
  bio: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(2000, "个人简介不超过 2000 字")),
  talentCategories: list(z.enum(TALENT_CATEGORIES, { error: "人才类别不正确" }), 9, "人才类别过多"),
  preferredForms: list(z.enum(SERVICE_FORMS, { error: "服务形式不正确" }), 15, "服务形式过多"),
  serviceRegionCodes: list(z.string().regex(/^\d{2}(\d{2})?$/, "服务地区只能选省或地市"), 20, "服务地区最多选 20 个"),
  acceptsRemote: checkbox,
  maxConcurrent: int(1, 10, "同时服务项目数应为 1—10"),
  isRetired: checkbox,
  healthAttested: checkbox,
  consentAttested: checkbox,
  shareAcrossRegions: checkbox,
  phone: phoneField,
  email: emailField,
  idNumber: idNumberField,
};

const profileObject = z.object({ ...profileFields, ...serviceFields });
export type ProfileInput = z.infer<typeof profileObject>;

const username = z.string({ error: "请填写登录账号" }).trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{3,31}$/, "账号为 4—32 位字母、数字、下划线、点或短横线，以字母开头");
const password = z.string({ error: "请设置密码" }).superRefine((v, ctx) => {
  const problem = passwordProblem(v);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

/** Self-registration on the public portal. */
export const registerSchema = z.object({
  username,
  password,
  passwordConfirm: z.string({ error: "请再次输入密码" }),
  ...profileFields,
  talentCategories: serviceFields.talentCategories,
  skills: serviceFields.skills,
  bio: serviceFields.bio,
  isRetired: checkbox,
  phone: z.preprocess(blankToUndefined, z.string({ error: "请填写联系电话" }).refine(isValidPhone, "请填写 11 位手机号或带区号的固定电话")),
  email: emailField,
  idNumber: idNumberField,
  agree: checkbox.refine((v) => v, "请阅读并同意个人信息处理规则"),
}).refine((v) => v.password === v.passwordConfirm, { path: ["passwordConfirm"], message: "两次输入的密码不一致" });
export type RegisterInput = z.infer<typeof registerSchema>;

/** A province (or the ministry) enters an expert, optionally with a login account. */
export const createExpertSchema = profileObject.extend({
  createAccount: checkbox,
  username: z.preprocess(blankToUndefined, username.optional()),
  password: z.preprocess((v) => (v === "" ? undefined : v), password.optional()),
}).superRefine((v, ctx) => {
  if (!v.createAccount) return;
  if (!v.username) ctx.addIssue({ code: "custom", path: ["username"], message: "开通账号时请填写登录账号" });
  if (!v.password) ctx.addIssue({ code: "custom", path: ["password"], message: "开通账号时请设置初始密码" });
});
export type CreateExpertInput = z.infer<typeof createExpertSchema>;

const expertId = z.string({ error: "缺少专家" }).min(1, "缺少专家").max(40);
const version = int(0, 1_000_000_000, "版本号不正确");

/** Edit a profile; blank phone / e-mail / ID number keep the stored value (the form never receives it). */
export const updateProfileSchema = profileObject.extend({ expertId, version });
export type UpdateProfileInput = z.infer<typeof updateProfileSchema>;

export const expertIdSchema = z.object({ expertId });

export const rejectSchema = z.object({
  expertId,
  reason: z.string({ error: "请填写不通过的原因" }).trim().min(2, "请填写不通过的原因").max(500, "原因不超过 500 字"),
});

export const achievementSchema = z.object({
  expertId,
  kind: z.enum(ACHIEVEMENT_KINDS, { error: "请选择成果类型" }),
  title: z.string({ error: "请填写成果名称" }).trim().min(2, "请填写成果名称").max(200, "成果名称不超过 200 字"),
  abstract: z.preprocess((v) => (typeof v === "string" ? v.trim() : ""), z.string().max(1000, "简介不超过 1000 字")),
  year: z.preprocess((v) => (v === "" || v === undefined || v === null ? undefined : Number(v)),
    z.number({ error: "年份不正确" }).int("年份不正确").min(1950, "年份不正确").max(thisYear(), "年份不能晚于今年").optional()),
});
export const updateAchievementSchema = achievementSchema.extend({ achievementId: z.string({ error: "缺少成果" }).min(1).max(40) });
export const removeAchievementSchema = z.object({ expertId, achievementId: z.string({ error: "缺少成果" }).min(1).max(40) });

const isoDate = (message: string) => z.string({ error: message }).regex(/^\d{4}-\d{2}-\d{2}$/, message)
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), message);

export const availabilitySchema = z.object({
  expertId,
  kind: z.enum(["AVAILABLE", "BLACKOUT"], { error: "请选择类型" }),
  startsOn: isoDate("请填写开始日期"),
  endsOn: isoDate("请填写结束日期"),
  note: z.preprocess((v) => (typeof v === "string" && v.trim() ? v.trim() : undefined), z.string().max(200, "备注不超过 200 字").optional()),
}).refine((v) => v.startsOn <= v.endsOn, { path: ["endsOn"], message: "结束日期不能早于开始日期" });
export const removeAvailabilitySchema = z.object({ expertId, availabilityId: z.string({ error: "缺少时段" }).min(1).max(40) });

/** The expert list's query (from the URL); bad values fall back to defaults. */
export const expertSearchSchema = z.object({
  q: z.string().trim().max(60).optional().catch(undefined),
  province: z.string().regex(/^\d{2}$/).optional().catch(undefined),
  region: z.string().regex(/^\d{4}(\d{2})?$/).optional().catch(undefined),
  origin: z.enum(["own", "shared"]).optional().catch(undefined),
  discipline: z.string().regex(/^\d{3,10}$/).optional().catch(undefined),
  industry: z.string().regex(/^[A-Z0-9]{1,10}$/).optional().catch(undefined),
  title: z.enum(TITLES).optional().catch(undefined),
  talent: z.enum(TALENT_CATEGORIES).optional().catch(undefined),
  library: z.enum(LIBRARY_STATUSES).optional().catch(undefined),
  status: z.enum(EXPERT_STATUSES).optional().catch(undefined),
  retired: z.enum(["yes", "no"]).optional().catch(undefined),
  sharing: z.enum(["yes", "no"]).optional().catch(undefined),
  stale: z.enum(["1"]).optional().catch(undefined),
  sort: z.enum(["updated", "name", "confirmed", "birthYear"]).catch("updated"),
  page: z.coerce.number().int().min(1).max(100000).catch(1),
});
export type ExpertSearch = z.infer<typeof expertSearchSchema>;

/** The province's decision on an expert's change to reviewed fields (lib/experts/profile-review.ts). */
export const decideProfileChangeSchema = z.object({
  changeId: z.string().min(1),
  decision: z.enum(["approve", "reject"], { error: "请选择通过或不通过" }),
  reason: z.string().trim().max(500, "原因不超过 500 字").optional(),
}).refine((v) => v.decision === "approve" || !!v.reason, { path: ["reason"], message: "不通过时请填写原因" });
