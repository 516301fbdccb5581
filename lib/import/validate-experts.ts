import type { ProfessionalTitle, TalentCategory } from "@/lib/generated/prisma/enums";
import { PROFESSIONAL_TITLE_LABEL, TALENT_CATEGORY_LABEL } from "@/lib/labels";
import { EXPERT_COLUMNS, type RowError } from "@/lib/import/columns";
import { checkIdNumber, isValidEmail, isValidPhone } from "@/lib/experts/formats";
import type { ExpertRecord, Importer } from "@/lib/import/records";
import type { ExpertReference } from "@/lib/import/reference";
import { RowReader, splitList } from "@/lib/import/values";

const GENDERS = { 男: "MALE", 女: "FEMALE", 男性: "MALE", 女性: "FEMALE" } as const;
const TITLES: Record<string, ProfessionalTitle> = {
  ...Object.fromEntries(Object.entries(PROFESSIONAL_TITLE_LABEL).map(([k, v]) => [v, k as ProfessionalTitle])),
  初级: "JUNIOR",
};
const TALENT: Record<string, TalentCategory> = Object.fromEntries(
  Object.entries(TALENT_CATEGORY_LABEL).map(([k, v]) => [v, k as TalentCategory]),
);


export type RowResult<T> = { ok: true; record: T } | { ok: false; errors: RowError[] };

/** One expert row → a record, or its errors (row numbers as the spreadsheet shows them). */
export function validateExpertRow(
  row: number,
  cells: Map<string, string>,
  ref: ExpertReference,
  importer: Importer,
  now = new Date(),
): RowResult<ExpertRecord> {
  const r = new RowReader(row, cells, EXPERT_COLUMNS);
  const name = r.text("name", { required: true, max: 50 });
  const gender = r.choice("gender", GENDERS, undefined, ["男", "女"]);
  const maxYear = now.getFullYear() - 18;
  const birthYear = r.int("birthYear", 1920, maxYear);
  const employer = r.text("employer", { required: true, max: 100 });
  const title = r.choice("title", TITLES, undefined, Object.values(PROFESSIONAL_TITLE_LABEL));
  const disciplineCodes = r.codes("disciplines", ref.disciplines, { required: true, max: 10 });
  const industryCodes = r.codes("industries", ref.industries, { max: 10 });

  let skills: string[] | undefined = splitList(r.raw("skills"));
  if (skills.length > 20) skills = r.fail("skills", "专业特长最多填写 20 项");
  else if (skills.some((s) => [...s].length > 30)) skills = r.fail("skills", "每项专业特长不能超过 30 个字");

  const bio = r.text("bio", { max: 2000 });

  let talentCategories: TalentCategory[] | undefined = [];
  for (const item of splitList(r.raw("talentCategories"))) {
    if (item in TALENT) talentCategories?.push(TALENT[item]);
    else talentCategories = r.fail("talentCategories", `人才类别“${item}”无效，可选：${Object.keys(TALENT).join("、")}`);
  }

  let region = r.county("region", ref.regions, { required: true });
  if (region && importer.kind === "province" && region.provinceCode !== importer.provinceCode) {
    region = r.fail("region", "所在地区不在本省范围内，省级只能导入本省专家");
  } else if (region && importer.kind === "unit") {
    region = r.fail("region", "基层单位不能导入专家");
  }

  const phoneRaw = r.raw("phone").replace(/\s+/g, "");
  const phone = !phoneRaw ? null : isValidPhone(phoneRaw) ? phoneRaw : r.fail("phone", "手机号码格式不正确（11 位手机号码或带区号的固定电话）");
  const emailRaw = r.raw("email");
  const email = !emailRaw ? null
    : !isValidEmail(emailRaw) ? r.fail("email", "电子邮箱格式不正确") : emailRaw.toLowerCase();

  const idRaw = r.raw("idNumber").replace(/\s+/g, "");
  let idNumber: string | null | undefined = null;
  if (idRaw) {
    const check = checkIdNumber(idRaw);
    if (!check.ok) idNumber = r.fail("idNumber", `${check.message}（请将该列设为文本格式）`);
    else if (birthYear !== undefined && check.birthYear !== birthYear) {
      idNumber = r.fail("idNumber", `身份证号中的出生年份（${check.birthYear}）与出生年份（${birthYear}）不一致`);
    } else idNumber = idRaw.toUpperCase();
  }

  const isRetired = r.flag("retired");
  const maxConcurrent = r.int("maxConcurrent", 1, 10, 2);

  if (r.errors.length) return { ok: false, errors: r.errors };
  const categories = new Set(talentCategories!);
  if (isRetired) categories.add("RETIRED");
  return {
    ok: true,
    record: {
      row,
      name: name!,
      gender: gender!,
      birthYear: birthYear!,
      employer: employer!,
      title: title!,
      disciplineCodes: disciplineCodes!,
      industryCodes: industryCodes!,
      skills: skills!,
      bio: bio!,
      talentCategories: [...categories],
      regionCode: region!.code,
      provinceCode: region!.provinceCode,
      phone: phone ?? null,
      email: email ?? null,
      idNumber: idNumber ?? null,
      isRetired: isRetired!,
      maxConcurrent: maxConcurrent!,
    },
  };
}

/** Same person twice in a file: same name and phone, or same ID number. */
export function expertDuplicateKeys(record: ExpertRecord): { key: string; what: string }[] {
  const keys: { key: string; what: string }[] = [];
  if (record.phone) keys.push({ key: `np:${record.name}|${record.phone}`, what: "姓名和手机号码" });
  if (record.idNumber) keys.push({ key: `id:${record.idNumber}`, what: "身份证号" });
  return keys;
}
