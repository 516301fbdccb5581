import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { executeAction } from "@/lib/actions/pipeline";
import type { Role } from "@/lib/generated/prisma/enums";
import { EXPERT_COLUMNS, NEED_COLUMNS, type RowError } from "@/lib/import/columns";
import { cancelImportOp, commitImportOp, uploadImportOp } from "@/lib/import/operations";
import { importJobDetail, importJobErrors, importJobScope, listImportJobs, maySeeJob } from "@/lib/import/queries";
import { readSpreadsheet } from "@/lib/import/read";
import { loadExpertReference, loadNeedReference } from "@/lib/import/reference";
import { templateCsv, templateXlsx } from "@/lib/import/template";
import { validateSheet } from "@/lib/import/validate";
import { createOrganization, uniqueSuffix } from "@/prisma/seed/factories";
import { unitIn, userWith } from "./fixtures";
import { auditRows, meta } from "./helpers";

// ─── helpers ────────────────────────────────────────────────────────────────────

const quote = (c: string) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
const csv = (rows: string[][]) => new TextEncoder().encode(`\uFEFF${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`);

const EXPERT_HEADER = EXPERT_COLUMNS.map((c) => c.header);
const NEED_HEADER = NEED_COLUMNS.map((c) => c.header);

function expertLine(over: Record<string, string>): string[] {
  const base: Record<string, string> = {
    name: "专家", gender: "男", birthYear: "1970", employer: "四川农业大学", title: "正高级", disciplines: "21060",
    industries: "01", skills: "果树栽培", bio: "", talentCategories: "", region: "510131", phone: "", email: "",
    idNumber: "", retired: "否", maxConcurrent: "2",
  };
  const v = { ...base, ...over };
  return EXPERT_COLUMNS.map((c) => v[c.key] ?? "");
}

function needLine(over: Record<string, string>): string[] {
  const base: Record<string, string> = {
    unit: "", title: "需求", bottleneck: "瓶颈问题描述", menuItems: "果树病虫害现场诊断", disciplines: "21060", industries: "01",
    county: "", windowStart: "2026-03-01", windowEnd: "2026-06-30", expertsWanted: "1", delivery: "现场", expectedOutcome: "",
    breakBottleneck: "是", promoteTechnology: "否", raiseFarmerIncome: "是", urgency: "一般", onBehalfOf: "",
  };
  const v = { ...base, ...over };
  return NEED_COLUMNS.map((c) => v[c.key] ?? "");
}

/** A fresh user of `role`: a province admin of `provinceCode`, a unit user of a fresh cooperative in 四川. */
const staff = async (role: Role, opts: { provinceCode?: string } = {}) => ({ user: await userWith(role, opts) });

type Staff = Awaited<ReturnType<typeof staff>>["user"];

async function upload(user: Staff, kind: "EXPERTS" | "NEEDS", bytes: Uint8Array, fileName = "导入.csv") {
  return executeAction(uploadImportOp(kind), user, meta, { fileName, bytes });
}

async function uploaded(user: Staff, kind: "EXPERTS" | "NEEDS", bytes: Uint8Array) {
  const result = await upload(user, kind, bytes);
  if (!result.ok) throw new Error(`upload failed: ${result.error} ${JSON.stringify(result.fieldErrors)}`);
  return db.importJob.findUniqueOrThrow({ where: { id: result.data.id } });
}

const errorsOf = (job: { errors: unknown }) => job.errors as RowError[];

// ─── tests ──────────────────────────────────────────────────────────────────────

describe("import: validation reports every bad row and writes nothing", () => {
  it("keeps good rows on the job, reports each bad row with row, column and reason", async () => {
    const { user } = await staff("PROVINCE_ADMIN", { provinceCode: "51" });
    const s = uniqueSuffix();
    const job = await uploaded(user, "EXPERTS", csv([
      EXPERT_HEADER,
      expertLine({ name: `好专家甲${s}`, phone: "13800000001" }),
      expertLine({ name: `坏专家乙${s}`, gender: "不详" }),
      expertLine({ name: `好专家丙${s}`, region: "四川省 成都市 蒲江县", bio: "多行简介,\n第二行" }),
      expertLine({ name: `坏专家丁${s}`, region: "330106", title: "教授" }),
      expertLine({ name: `好专家甲${s}`, phone: "13800000001" }),
    ]));
    expect(job).toMatchObject({ state: "VALIDATED", kind: "EXPERTS", totalRows: 5, validRows: 2, provinceCode: "51", organizationId: null });
    expect(errorsOf(job)).toEqual([
      { row: 3, column: "性别", message: expect.stringContaining("性别“不详”无效") },
      { row: 5, column: "职称", message: expect.stringContaining("职称“教授”无效") },
      { row: 5, column: "所在地区", message: expect.stringContaining("不在本省") },
      { row: 6, column: "姓名", message: "与第 2 行重复（姓名和手机号码相同）" },
    ]);
    expect(await db.expertProfile.count({ where: { name: { endsWith: s } } })).toBe(0);
    expect((await auditRows({ entityId: job.id }))[0]).toMatchObject({ outcome: "SUCCESS", operation: "expert.import", actorId: user.id });
  });

  it("refuses a file that is not a spreadsheet, or lacks required columns, without a job", async () => {
    const { user } = await staff("PROVINCE_ADMIN", { provinceCode: "51" });
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]);
    expect(await upload(user, "EXPERTS", png)).toMatchObject({ ok: false, fieldErrors: { file: [expect.stringContaining("文件类型不支持")] } });
    const before = await db.importJob.count({ where: { createdById: user.id } });
    expect(before).toBe(0);
    const job = await uploaded(user, "EXPERTS", csv([["姓名", "性别"], ["张三", "男"]]));
    expect(job.validRows).toBe(0);
    expect(errorsOf(job)).toContainEqual({ row: 1, column: "所在地区", message: "缺少必填列" });
  });
});

describe("import: error listing", () => {
  it("pages the row errors in file order and gives them all for the CSV download", async () => {
    const { user } = await staff("PROVINCE_ADMIN", { provinceCode: "51" });
    const s = uniqueSuffix();
    const rows = Array.from({ length: 60 }, (_, i) => expertLine({ name: `错${i}${s}`, gender: "?", title: i % 2 ? "?" : "正高级" }));
    const job = await uploaded(user, "EXPERTS", csv([[...EXPERT_HEADER, "备注"], ...rows.map((r) => [...r, ""]), expertLine({ name: `对${s}` })]));
    const first = (await importJobDetail(job.id, 1))!;
    expect(first).toMatchObject({ errorCount: 91, errorRows: 60, headerErrors: 1, errorPage: 1, validRows: 1 });
    expect(first.errors[0]).toEqual({ row: 1, column: "备注", message: expect.stringContaining("无法识别") });
    expect(first.errors.slice(1, 4).map((e) => [e.row, e.column])).toEqual([[2, "性别"], [3, "性别"], [3, "职称"]]);
    const last = (await importJobDetail(job.id, 99))!;
    expect(last.errorPage).toBe(2);
    expect(last.errors).toHaveLength(41);
    expect(last.errors.at(-1)).toMatchObject({ row: 61, column: "职称" });
    expect((await importJobErrors(job.id))!.errors).toHaveLength(91);
  });

  it("marks a commit cut off long ago (its instance stopped) as failed", async () => {
    const { user } = await staff("PROVINCE_ADMIN", { provinceCode: "51" });
    const job = await uploaded(user, "EXPERTS", csv([EXPERT_HEADER, expertLine({ name: `中断${uniqueSuffix()}` })]));
    await db.$executeRaw`UPDATE "ImportJob" SET "state" = 'COMMITTING', "updatedAt" = now() - interval '1 hour' WHERE "id" = ${job.id}`;
    await importJobScope(job.id);
    expect(await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: "FAILED", failureReason: expect.stringContaining("中断") });
  });
});

describe("import: commit", () => {
  it("writes exactly the good rows, within the importer's scope, and audits the counts", async () => {
    const { user } = await staff("PROVINCE_ADMIN", { provinceCode: "51" });
    const s = uniqueSuffix();
    const job = await uploaded(user, "EXPERTS", csv([
      EXPERT_HEADER,
      expertLine({ name: `入库甲${s}`, talentCategories: "退休专家", retired: "是" }),
      expertLine({ name: `入库乙${s}`, region: "四川省 成都市 蒲江县" }),
      expertLine({ name: `外省丙${s}`, region: "浙江省 杭州市 西湖区" }),
    ]));
    expect(errorsOf(job)).toEqual([{ row: 4, column: "所在地区", message: expect.stringContaining("不在本省") }]);
    const result = await executeAction(commitImportOp("EXPERTS"), user, meta, { jobId: job.id });
    expect(result).toEqual({ ok: true, data: { committedRows: 2 } });
    const written = await db.expertProfile.findMany({ where: { name: { endsWith: s } }, orderBy: { name: "asc" } });
    expect(written.map((e) => e.name)).toEqual([`入库乙${s}`, `入库甲${s}`].sort());
    for (const e of written) {
      expect(e).toMatchObject({ source: "IMPORT", status: "ACTIVE", provinceCode: "51", regionCode: "510131", userId: null });
      expect(e.lastConfirmedAt).not.toBeNull();
    }
    expect(written.find((e) => e.name === `入库甲${s}`)).toMatchObject({ isRetired: true, talentCategories: ["RETIRED"] });
    expect(await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({
      state: "COMMITTED", committedRows: 2, processedRows: 2, payload: null,
    });
    const audits = await auditRows({ entityId: job.id });
    expect(audits.map((a) => a.summary)).toEqual([expect.stringContaining("上传专家导入文件"), "确认导入专家 2 条"]);
  });

  it("refuses, row by row, experts already on the platform (same ID number, or same name and phone)", async () => {
    const { user } = await staff("PROVINCE_ADMIN", { provinceCode: "51" });
    const s = uniqueSuffix();
    const phone = `139${String(Date.now()).slice(-8)}`;
    const sheet = csv([EXPERT_HEADER, expertLine({ name: `重复甲${s}`, phone }), expertLine({ name: `重复乙${s}` })]);
    const first = await uploaded(user, "EXPERTS", sheet);
    expect(await executeAction(commitImportOp("EXPERTS"), user, meta, { jobId: first.id })).toMatchObject({ ok: true, data: { committedRows: 2 } });
    const again = await uploaded(user, "EXPERTS", sheet);
    expect(again.validRows).toBe(1); // 乙 has no phone or ID number to recognise them by
    expect(errorsOf(again)).toEqual([{ row: 2, column: "姓名", message: expect.stringContaining("平台中已有该专家") }]);
  });

  it("commit nothing: the job is cancelled, no row is written, and it can no longer be committed", async () => {
    const { user } = await staff("PROVINCE_ADMIN", { provinceCode: "51" });
    const s = uniqueSuffix();
    const job = await uploaded(user, "EXPERTS", csv([EXPERT_HEADER, expertLine({ name: `放弃${s}` })]));
    expect(await executeAction(cancelImportOp("EXPERTS"), user, meta, { jobId: job.id })).toMatchObject({ ok: true });
    expect(await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: "CANCELLED", payload: null });
    expect(await executeAction(commitImportOp("EXPERTS"), user, meta, { jobId: job.id })).toMatchObject({
      ok: false, error: expect.stringContaining("不能重复提交"),
    });
    expect(await executeAction(cancelImportOp("EXPERTS"), user, meta, { jobId: job.id })).toMatchObject({ ok: false });
    expect(await db.expertProfile.count({ where: { name: `放弃${s}` } })).toBe(0);
    expect((await auditRows({ entityId: job.id })).map((a) => a.summary)).toContain("放弃导入专家（未写入任何数据）");
  });

  it("double commit: exactly one wins and the rows are written once", async () => {
    const { user } = await staff("PROVINCE_ADMIN", { provinceCode: "51" });
    const colleague = (await staff("PROVINCE_ADMIN", { provinceCode: "51" })).user;
    const s = uniqueSuffix();
    const job = await uploaded(user, "EXPERTS", csv([EXPERT_HEADER, ...[1, 2, 3].map((i) => expertLine({ name: `并发${i}${s}` }))]));
    const results = await Promise.all([
      executeAction(commitImportOp("EXPERTS"), user, meta, { jobId: job.id }),
      executeAction(commitImportOp("EXPERTS"), colleague, meta, { jobId: job.id }),
      executeAction(commitImportOp("EXPERTS"), user, meta, { jobId: job.id }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([
      { ok: false, error: expect.stringContaining("不能重复提交") },
      { ok: false, error: expect.stringContaining("不能重复提交") },
    ]);
    expect(await db.expertProfile.count({ where: { name: { endsWith: s } } })).toBe(3);
  });

  it("a commit that fails writes nothing and leaves the job FAILED with a Chinese reason", async () => {
    const { user } = await staff("PROVINCE_ADMIN", { provinceCode: "51" });
    const unit = await createOrganization(db, { type: "COOPERATIVE", regionCode: "510131" });
    const s = uniqueSuffix();
    const item = await db.serviceMenuItem.create({
      data: { form: "TECH_GUIDANCE", name: `临时菜单${s}`, description: "测试", typicalDurationDays: 1 },
    });
    const job = await uploaded(user, "NEEDS", csv([
      NEED_HEADER,
      needLine({ unit: unit.name, title: `先写入${s}` }),
      needLine({ unit: unit.name, title: `会失败${s}`, menuItems: item.name }),
    ]));
    expect(job.validRows).toBe(2);
    await db.serviceMenuItem.delete({ where: { id: item.id } }); // gone before the commit: its link row fails
    const result = await executeAction(commitImportOp("NEEDS", { chunkSize: 1 }), user, meta, { jobId: job.id });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("未写入任何数据") });
    expect(await db.need.count({ where: { title: { endsWith: s } } })).toBe(0);
    const failed = await db.importJob.findUniqueOrThrow({ where: { id: job.id } });
    expect(failed).toMatchObject({ state: "FAILED", committedRows: 0 });
    expect(failed.failureReason).toMatch(/未写入任何数据/);
    expect((await auditRows({ actorId: user.id })).some((a) => a.outcome === "FAILURE")).toBe(true);
  });
});

describe("import: needs", () => {
  it("a province's needs go into its own review queue with codes, menu items and a timeline", async () => {
    const { user } = await staff("PROVINCE_ADMIN", { provinceCode: "51" });
    const unit = await createOrganization(db, { type: "COOPERATIVE", regionCode: "510131", creditCode: `9351013100${uniqueSuffix().toUpperCase().padEnd(8, "0").slice(0, 8)}` });
    const zjUnit = await createOrganization(db, { type: "COOPERATIVE", regionCode: "330106" });
    const s = uniqueSuffix();
    const job = await uploaded(user, "NEEDS", csv([
      NEED_HEADER,
      needLine({ unit: unit.creditCode!, title: `省导入甲${s}`, menuItems: "果树病虫害现场诊断;专题授课", onBehalfOf: "某村" }),
      needLine({ unit: unit.name, title: `省导入乙${s}`, county: "四川省 成都市 锦江区" }),
      needLine({ unit: zjUnit.name, title: `外省单位${s}` }),
      needLine({ unit: unit.name, title: `外省县${s}`, county: "330106" }),
    ]));
    expect(errorsOf(job)).toEqual([
      { row: 4, column: "需求单位", message: expect.stringContaining("未找到本省单位") },
      { row: 5, column: "所在县（区）", message: "所在县（区）不在本省范围内" },
    ]);
    expect(await executeAction(commitImportOp("NEEDS"), user, meta, { jobId: job.id })).toEqual({ ok: true, data: { committedRows: 2 } });
    const needs = await db.need.findMany({
      where: { title: { endsWith: s } }, orderBy: { title: "asc" },
      include: { menuItems: { include: { menuItem: true } }, events: true },
    });
    expect(needs.map((n) => n.title).sort()).toEqual([`省导入乙${s}`, `省导入甲${s}`].sort());
    for (const n of needs) {
      expect(n).toMatchObject({ state: "SUBMITTED", unitId: unit.id, provinceCode: "51", enteredById: user.id });
      expect(n.code).toMatch(/^XQ-\d{4}-\d{6}$/);
      expect(n.submittedAt).not.toBeNull();
      expect(n.events).toEqual([expect.objectContaining({ toState: "SUBMITTED", actorId: user.id, comment: expect.stringContaining("批量导入") })]);
    }
    const jia = needs.find((n) => n.title === `省导入甲${s}`)!;
    expect(jia.menuItems.map((m) => m.menuItem.name).sort()).toEqual(["专题授课", "果树病虫害现场诊断"].sort());
    expect(jia).toMatchObject({ onBehalfOf: "某村", regionCode: "510131", breakBottleneck: true, raiseFarmerIncome: true, delivery: "ONSITE" });
    expect(jia.windowStart?.toISOString().slice(0, 10)).toBe("2026-03-01");
    expect(needs.find((n) => n.title === `省导入乙${s}`)!.regionCode).toBe("510104");
    // The trigger fills the search text.
    expect(jia.searchText).toContain(`省导入甲${s}`);
  });

  it("a unit's needs are its own drafts; naming another unit is a row error and nothing of it is written", async () => {
    const { user, org } = await unitIn("510131");
    const otherUnit = await createOrganization(db, { type: "HOSPITAL", regionCode: "510131" });
    const s = uniqueSuffix();
    const job = await uploaded(user, "NEEDS", csv([
      NEED_HEADER,
      needLine({ title: `本单位${s}` }),
      needLine({ unit: org.name, title: `本单位具名${s}` }),
      needLine({ unit: otherUnit.name, title: `他单位${s}` }),
    ]));
    expect(job).toMatchObject({ organizationId: org.id, provinceCode: null, validRows: 2 });
    expect(errorsOf(job)).toEqual([{ row: 4, column: "需求单位", message: expect.stringContaining("只能导入本单位") }]);
    expect(await executeAction(commitImportOp("NEEDS"), user, meta, { jobId: job.id })).toMatchObject({ ok: true });
    const needs = await db.need.findMany({ where: { title: { endsWith: s } }, include: { events: true } });
    expect(needs).toHaveLength(2);
    for (const n of needs) {
      expect(n).toMatchObject({ state: "DRAFT", unitId: org.id, submittedAt: null });
      expect(n.events).toEqual([expect.objectContaining({ fromState: null, toState: "DRAFT", comment: "批量导入" })]);
    }
    expect(await db.need.count({ where: { unitId: otherUnit.id } })).toBe(0);
  });
});

describe("import: permissions", () => {
  it("refuses roles without the import operation, audited, with no job", async () => {
    const bytes = csv([EXPERT_HEADER, expertLine({ name: "越权" })]);
    const cases: [Role, "EXPERTS" | "NEEDS"][] = [
      ["UNIT_USER", "EXPERTS"], ["EXPERT", "EXPERTS"], ["BASE_HOST", "EXPERTS"], ["ENTERPRISE", "NEEDS"],
      ["MINISTRY_ADMIN", "NEEDS"], ["EXPERT", "NEEDS"], ["BASE_HOST", "NEEDS"],
    ];
    for (const [role, kind] of cases) {
      const { user } = await staff(role);
      expect(await upload(user, kind, bytes), `${role} ${kind}`).toEqual({ ok: false, error: "无权执行此操作" });
      expect((await auditRows({ actorId: user.id }))[0], `${role} ${kind}`).toMatchObject({
        outcome: "DENIED", operation: kind === "EXPERTS" ? "expert.import" : "need.import",
      });
      expect(await db.importJob.count({ where: { createdById: user.id } })).toBe(0);
    }
  });

  it("lets the ministry import experts anywhere", async () => {
    const { user } = await staff("MINISTRY_ADMIN");
    const s = uniqueSuffix();
    const job = await uploaded(user, "EXPERTS", csv([EXPERT_HEADER, expertLine({ name: `部导入${s}`, region: "330106" })]));
    expect(job).toMatchObject({ validRows: 1, provinceCode: null, organizationId: null });
    expect(await executeAction(commitImportOp("EXPERTS"), user, meta, { jobId: job.id })).toMatchObject({ ok: true });
    expect(await db.expertProfile.findFirst({ where: { name: `部导入${s}` } })).toMatchObject({ provinceCode: "33" });
  });

  it("keeps a job within its scope: another province or unit can neither see, commit nor cancel it", async () => {
    const sichuan = (await staff("PROVINCE_ADMIN", { provinceCode: "51" })).user;
    const colleague = (await staff("PROVINCE_ADMIN", { provinceCode: "51" })).user;
    const zhejiang = (await staff("PROVINCE_ADMIN", { provinceCode: "33" })).user;
    const s = uniqueSuffix();
    const job = await uploaded(sichuan, "EXPERTS", csv([EXPERT_HEADER, expertLine({ name: `范围${s}` })]));
    expect(maySeeJob(zhejiang, job)).toBe(false);
    expect(maySeeJob(colleague, job)).toBe(true);
    expect((await listImportJobs(zhejiang, 1)).rows.map((r) => r.id)).not.toContain(job.id);
    expect((await listImportJobs(colleague, 1)).rows.map((r) => r.id)).toContain(job.id);
    for (const op of [commitImportOp("EXPERTS"), cancelImportOp("EXPERTS")]) {
      expect(await executeAction(op, zhejiang, meta, { jobId: job.id })).toEqual({ ok: false, error: "无权执行此操作" });
    }
    expect(await auditRows({ actorId: zhejiang.id })).toEqual([
      expect.objectContaining({ outcome: "DENIED", entityId: job.id }),
      expect.objectContaining({ outcome: "DENIED", entityId: job.id }),
    ]);
    // Wrong kind for the job: not found, not a leak of its existence through another operation.
    const unitUser = (await staff("UNIT_USER")).user;
    expect(await executeAction(commitImportOp("NEEDS"), unitUser, meta, { jobId: job.id })).toMatchObject({ ok: false, error: "导入任务不存在或已被删除" });
    expect((await db.importJob.findUniqueOrThrow({ where: { id: job.id } })).state).toBe("VALIDATED");

    const unitA = await staff("UNIT_USER");
    const unitB = await staff("UNIT_USER");
    const needJob = await uploaded(unitA.user, "NEEDS", csv([NEED_HEADER, needLine({ title: `单位范围${s}` })]));
    expect(await executeAction(commitImportOp("NEEDS"), unitB.user, meta, { jobId: needJob.id })).toEqual({ ok: false, error: "无权执行此操作" });
    expect(maySeeJob(sichuan, needJob)).toBe(false); // a unit's drafts are the unit's until it submits them
    expect(await db.need.count({ where: { title: `单位范围${s}` } })).toBe(0);
  });
});

describe("import: templates", () => {
  it("the downloadable templates read back with their example row valid for the importer", async () => {
    await createOrganization(db, { type: "COOPERATIVE", regionCode: "510131" });
    const province = { national: false, provinceCode: "51", organizationId: null };
    const importer = { kind: "province" as const, provinceCode: "51" };
    for (const bytes of [await templateXlsx("EXPERTS", province), new TextEncoder().encode(await templateCsv("EXPERTS", province))]) {
      const { sheet } = await readSpreadsheet(new Uint8Array(bytes));
      const v = validateSheet("EXPERTS", sheet, await loadExpertReference(db), importer);
      expect(v).toMatchObject({ totalRows: 1, errors: [] });
      expect(v.records[0].provinceCode).toBe("51");
    }
    const xlsx = await templateXlsx("NEEDS", province);
    const { sheet } = await readSpreadsheet(new Uint8Array(xlsx));
    expect(validateSheet("NEEDS", sheet, await loadNeedReference(db, "51"), importer)).toMatchObject({ totalRows: 1, errors: [] });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(["导入数据", "填写说明", "学科代码", "行业代码", "地区代码", "服务菜单", "本省单位"]);
    expect(workbook.getWorksheet("填写说明")!.getRow(2).values).toEqual([undefined, "需求单位", "必填", expect.stringContaining("统一社会信用代码"), expect.any(String)]);
  });
});

describe("import: scale", () => {
  it("parses, validates and commits 10,000 expert rows from an .xlsx, moving the progress as it goes", async () => {
    const { user } = await staff("PROVINCE_ADMIN", { provinceCode: "51" });
    const s = uniqueSuffix();
    const employer = `万行导入测试单位${s}`;
    const N = 10_000;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("导入数据");
    sheet.addRow(EXPERT_HEADER);
    for (let i = 0; i < N; i++) {
      sheet.addRow(expertLine({
        name: `万行专家${i}`, employer, phone: `139${String(i).padStart(8, "0")}`, disciplines: "21060;园艺学",
        region: i % 2 ? "510131" : "四川省 成都市 蒲江县", skills: "栽培;植保", talentCategories: "享受政府特殊津贴专家",
      }));
    }
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());

    const t0 = performance.now();
    const result = await executeAction(uploadImportOp("EXPERTS"), user, meta, { fileName: "万行.xlsx", bytes });
    const t1 = performance.now();
    expect(result).toMatchObject({ ok: true, data: { totalRows: N, validRows: N, errorCount: 0 } });
    const jobId = result.ok ? result.data.id : "";

    const seen: number[] = [];
    let done = false;
    const poll = (async () => {
      while (!done) {
        const j = await db.importJob.findUnique({ where: { id: jobId }, select: { processedRows: true, state: true } });
        if (j?.state === "COMMITTING") seen.push(j.processedRows);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const commit = await executeAction(commitImportOp("EXPERTS"), user, meta, { jobId });
    done = true;
    await poll;
    const t2 = performance.now();

    expect(commit).toEqual({ ok: true, data: { committedRows: N } });
    expect(await db.expertProfile.count({ where: { employer } })).toBe(N);
    expect(await db.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({ state: "COMMITTED", processedRows: N, committedRows: N });
    // Progress written outside the transaction was visible while it was still open.
    expect(seen.some((v) => v > 0 && v < N)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    console.log(`[imports] 10,000 rows: upload+parse+validate ${((t1 - t0) / 1000).toFixed(1)} s, commit ${((t2 - t1) / 1000).toFixed(1)} s, progress values seen ${new Set(seen).size}`);
  }, 300_000);
});
