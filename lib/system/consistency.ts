// The consistency check of a database (`npm run db:check`, run after every `npm run db:restore`, and by the restore
// drill in tests/integration/backup-restore.test.ts): what a restored copy must satisfy before anyone serves from it.
//   migrations   every directory of prisma/migrations applied once, finished, with the file's checksum; none extra
//   audit chain  the audit log's SM3 hash chain (lib/audit/integrity.ts, as `npm run audit:verify`)
//   rollups      the tracking rollups equal the grouping of the confirmed service records (as tracking_rebuild() does)
//   term stats   the match terms' document frequencies equal a count over the experts' terms
//   foreign keys no row refers to a missing row (a data-only restore with triggers off could leave some)
//   checks       every CHECK constraint validated and holding on every row
//   triggers     every trigger enabled, every index valid
//   sequences    every sequence past the largest value its column holds (else the next insert collides)
//   row counts   every table's rows equal the source's (a backup's manifest, or the source database itself)
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { verifyAuditChain } from "@/lib/audit/integrity";

/** One SQL query, rows as objects: over Prisma, node-postgres or PGlite alike. */
export type Query = (sql: string) => Promise<Record<string, unknown>[]>;

export const prismaQuery = (db: PrismaClient): Query => (sql) => db.$queryRawUnsafe(sql);

export type CheckResult = { key: string; name: string; ok: boolean; detail: string; problems: string[] };
export type ConsistencyReport = { ok: boolean; checks: CheckResult[]; counts: Record<string, number> };

/** Row counts of every ordinary table outside the system schemas (partitions apart, their parent not), keyed by name. */
export async function tableCounts(q: Query): Promise<Record<string, number>> {
  const tables = await q(`
    SELECT CASE WHEN n.nspname = 'public' THEN c.relname::text ELSE n.nspname::text || '.' || c.relname::text END AS "name",
           format('%I.%I', n.nspname, c.relname) AS "ident"
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
     ORDER BY 1`);
  if (tables.length === 0) return {};
  const rows = await q(tables.map((t) => `SELECT '${String(t.name).replace(/'/g, "''")}' AS "name", count(*)::text AS "n" FROM ${t.ident}`).join(" UNION ALL "));
  return Object.fromEntries(rows.map((r) => [String(r.name), Number(r.n)]));
}

const num = (v: unknown) => Number(v ?? 0);
const result = (key: string, name: string, problems: string[], okDetail: string): CheckResult =>
  ({ key, name, ok: problems.length === 0, detail: problems.length === 0 ? okDetail : problems.slice(0, 5).join("；") + (problems.length > 5 ? `；另有 ${problems.length - 5} 处` : ""), problems });

async function checkMigrations(q: Query, dir: string): Promise<CheckResult> {
  const name = "迁移记录";
  const present = await q(`SELECT to_regclass('public._prisma_migrations')::text AS "t"`);
  if (!present[0]?.t) return result("migrations", name, ["没有迁移记录表 _prisma_migrations（不是本平台的数据库，或恢复不完整）"], "");
  const expected = new Map<string, string>();
  for (const entry of (await readdir(dir, { withFileTypes: true })).filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const file = path.join(dir, entry.name, "migration.sql");
    if (existsSync(file)) expected.set(entry.name, createHash("sha256").update(await readFile(file)).digest("hex"));
  }
  const rows = await q(`SELECT "migration_name" AS "name", "checksum", "finished_at" IS NOT NULL AS "finished", "rolled_back_at" IS NOT NULL AS "rolledBack"
                          FROM "_prisma_migrations" ORDER BY "migration_name"`);
  const applied = new Map<string, Record<string, unknown>[]>();
  for (const r of rows.filter((r) => !r.rolledBack)) applied.set(String(r.name), [...(applied.get(String(r.name)) ?? []), r]);
  const problems: string[] = [];
  for (const [migration, checksum] of expected) {
    const got = applied.get(migration) ?? [];
    if (got.length === 0) problems.push(`迁移 ${migration} 未应用`);
    else if (got.length > 1) problems.push(`迁移 ${migration} 记录了 ${got.length} 次`);
    else if (!got[0].finished) problems.push(`迁移 ${migration} 未执行完成`);
    else if (got[0].checksum !== checksum) problems.push(`迁移 ${migration} 的校验和与 prisma/migrations 中的文件不符`);
  }
  for (const migration of applied.keys()) if (!expected.has(migration)) problems.push(`数据库中有代码里没有的迁移 ${migration}（数据库比代码新）`);
  return result("migrations", name, problems, `${expected.size} 个迁移均已应用，校验和一致`);
}

async function checkAuditChain(db: PrismaClient): Promise<CheckResult> {
  const r = await verifyAuditChain(db);
  // A copy may hold rows committed just before the dump and not chained yet: counted, not a fault of the copy
  // (the platform chains them once it runs on it; audit:verify reports them when they wait too long).
  const pending = r.pending ? `；另有 ${r.pending} 条尚未入链` : "";
  if (!r.firstBreak) return result("audit", "审计日志哈希链", [], r.firstSeq === null ? `审计日志为空${pending}` : `完整：${r.checked} 条，序号 ${r.firstSeq}—${r.lastSeq}${pending}`);
  const b = r.firstBreak!;
  return result("audit", "审计日志哈希链", [`第一个断点为第 ${b.seq} 条（id ${b.id}）——${b.reason}`], "");
}

/** Each rollup with the grouping tracking_rebuild() computes from the records' snapshot columns. */
const ROLLUPS: { table: string; columns: string; expected: string }[] = [
  {
    table: "TrackingMonthly",
    columns: `"month", "provinceCode", "programKey", "form", "records", "hours", "days", "peopleServed", "peopleTrained", "techniquesPromoted", "incomeEffect"`,
    expected: `SELECT date_trunc('month', "startDate")::date, "provinceCode", "programKey", "form", count(*), sum("hours"),
                      sum("endDate" - "startDate" + 1), sum("peopleServed"), sum("peopleTrained"), sum("techniquesPromoted"), sum("incomeEffect")
                 FROM "ServiceRecord" WHERE "state" = 'CONFIRMED' GROUP BY 1, 2, 3, 4`,
  },
  {
    table: "TrackingFlowYear",
    columns: `"year", "expertProvinceCode", "provinceCode", "programKey", "form", "records", "hours"`,
    expected: `SELECT extract(year FROM "startDate")::integer, "expertProvinceCode", "provinceCode", "programKey", "form", count(*), sum("hours")
                 FROM "ServiceRecord" WHERE "state" = 'CONFIRMED' AND "expertProvinceCode" <> "provinceCode" GROUP BY 1, 2, 3, 4, 5`,
  },
  {
    table: "TrackingPriorityYear",
    columns: `"year", "provinceCode", "programKey", "form", "priority", "records", "hours", "peopleServed"`,
    expected: `SELECT extract(year FROM "startDate")::integer, "provinceCode", "programKey", "form", "priority", count(*), sum("hours"), sum("peopleServed")
                 FROM "ServiceRecord" WHERE "state" = 'CONFIRMED' GROUP BY 1, 2, 3, 4, 5`,
  },
  {
    table: "TrackingExpertYear",
    columns: `"year", "provinceCode", "programKey", "form", "expertId", "expertProvinceCode", "records"`,
    expected: `SELECT extract(year FROM "startDate")::integer, "provinceCode", "programKey", "form", "expertId", "expertProvinceCode", count(*)
                 FROM "ServiceRecord" WHERE "state" = 'CONFIRMED' GROUP BY 1, 2, 3, 4, 5, 6`,
  },
];

async function checkRollups(q: Query): Promise<CheckResult> {
  const problems: string[] = [];
  for (const r of ROLLUPS) {
    // Rows in the rollup that the records do not give, plus rows the records give that the rollup lacks.
    const [d] = await q(`SELECT (SELECT count(*) FROM (SELECT ${r.columns} FROM "${r.table}" EXCEPT ALL ${r.expected}) a)::int AS "extra",
                                (SELECT count(*) FROM (${r.expected} EXCEPT ALL SELECT ${r.columns} FROM "${r.table}") b)::int AS "missing"`);
    if (num(d.extra) || num(d.missing)) problems.push(`${r.table} 与已确认服务记录的重新汇总不符（${num(d.extra)} 行多余或有误，${num(d.missing)} 行缺失或有误）`);
  }
  return result("rollups", "跟踪汇总表", problems, `${ROLLUPS.length} 张汇总表与已确认服务记录的重新汇总一致`);
}

async function checkTermStats(q: Query): Promise<CheckResult> {
  const [d] = await q(`
    WITH c AS (SELECT "term", sum("df")::int AS "df" FROM (
                 SELECT t AS "term", 1 AS "df" FROM "ExpertProfile", unnest("matchTerms") t
                 UNION ALL SELECT '', 1 FROM "ExpertProfile" WHERE "matchTerms" IS NOT NULL) x GROUP BY "term")
    SELECT count(*)::int AS "n" FROM c FULL JOIN "MatchTermStat" s USING ("term") WHERE COALESCE(c."df", 0) <> COALESCE(s."df", 0)`);
  const problems = num(d.n) ? [`MatchTermStat 有 ${num(d.n)} 个词的文档频率与专家的匹配词不符`] : [];
  return result("termStats", "匹配词文档频率", problems, "MatchTermStat 与专家的匹配词一致");
}

const USER_CONSTRAINTS = `c.connamespace NOT IN (SELECT oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema'))`;

async function checkForeignKeys(q: Query): Promise<CheckResult> {
  const fks = await q(`
    SELECT c.conname::text AS "name", c.conrelid::regclass::text AS "child", c.confrelid::regclass::text AS "parent",
           ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS "cols",
           ARRAY(SELECT quote_ident(a.attname) FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                   JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS "pcols"
      FROM pg_constraint c WHERE c.contype = 'f' AND c.conparentid = 0 AND ${USER_CONSTRAINTS} ORDER BY 1`);
  if (fks.length === 0) return result("foreignKeys", "外键引用", [], "没有外键");
  // One query for all of them: rows whose key is set (MATCH SIMPLE: every column) with no row to refer to.
  const parts = fks.map((fk, i) => {
    const cols = fk.cols as string[];
    const pcols = fk.pcols as string[];
    const notNull = cols.map((c) => `c.${c} IS NOT NULL`).join(" AND ");
    const join = cols.map((c, j) => `p.${pcols[j]} = c.${c}`).join(" AND ");
    return `SELECT ${i} AS "i", count(*)::int AS "n" FROM ${fk.child} c WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${fk.parent} p WHERE ${join})`;
  });
  const counts = await q(parts.join(" UNION ALL "));
  const problems = counts.filter((r) => num(r.n) > 0).map((r) => {
    const fk = fks[num(r.i)];
    return `${fk.child} 有 ${num(r.n)} 行引用了 ${fk.parent} 中不存在的记录（外键 ${fk.name}）`;
  });
  return result("foreignKeys", "外键引用", problems, `${fks.length} 个外键均无悬空引用`);
}

async function checkConstraints(q: Query): Promise<CheckResult> {
  const defs = await q(`
    SELECT c.conname::text AS "name", c.conrelid::regclass::text AS "tbl", c.convalidated AS "validated",
           pg_get_constraintdef(c.oid) AS "def", c.contype::text AS "type"
      FROM pg_constraint c WHERE c.contype IN ('c', 'f') AND c.conrelid <> 0 AND ${USER_CONSTRAINTS} ORDER BY 1`);
  const problems = defs.filter((d) => !d.validated).map((d) => `约束 ${d.name}（${d.tbl}）未经验证（NOT VALID）`);
  const checks = defs.filter((d) => d.type === "c");
  if (checks.length > 0) {
    // A CHECK holds unless its expression is false (null passes, as in PostgreSQL).
    const parts = checks.map((d, i) => {
      const expr = String(d.def).replace(/^CHECK\s*/, "").replace(/\s+NOT VALID$/, "");
      return `SELECT ${i} AS "i", count(*)::int AS "n" FROM ${d.tbl} WHERE (${expr}) IS FALSE`;
    });
    for (const r of await q(parts.join(" UNION ALL "))) {
      if (num(r.n) > 0) problems.push(`${checks[num(r.i)].tbl} 有 ${num(r.n)} 行违反检查约束 ${checks[num(r.i)].name}`);
    }
  }
  return result("constraints", "检查约束", problems, `${checks.length} 个检查约束在每一行上成立`);
}

async function checkTriggersAndIndexes(q: Query): Promise<CheckResult> {
  const triggers = await q(`
    SELECT t.tgname::text AS "name", t.tgrelid::regclass::text AS "tbl", t.tgenabled::text AS "enabled"
      FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE NOT t.tgisinternal AND c.relnamespace NOT IN (SELECT oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema'))`);
  const indexes = await q(`
    SELECT i.indexrelid::regclass::text AS "name" FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
     WHERE NOT (i.indisvalid AND i.indisready) AND c.relnamespace NOT IN (SELECT oid FROM pg_namespace WHERE nspname IN ('pg_catalog', 'information_schema'))`);
  const problems = [
    ...triggers.filter((t) => t.enabled === "D").map((t) => `触发器 ${t.name}（${t.tbl}）已被停用`),
    ...indexes.map((i) => `索引 ${i.name} 无效（未建完）`),
  ];
  return result("triggers", "触发器与索引", problems, `${triggers.length} 个触发器均已启用，索引均有效`);
}

async function checkSequences(q: Query): Promise<CheckResult> {
  const seqs = await q(`
    SELECT s.seqrelid::regclass::text AS "seq", d.refobjid::regclass::text AS "tbl", quote_ident(a.attname) AS "col"
      FROM pg_sequence s JOIN pg_depend d ON d.objid = s.seqrelid AND d.classid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
      JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid`);
  // Sequences no column owns, with the largest value they handed out: need codes XQ-<year>-<n> (lib/needs/code.ts).
  if ((await q(`SELECT to_regclass('public.need_code_seq')::text AS "t"`))[0]?.t) {
    seqs.push({ seq: "need_code_seq", tbl: `"Need"`, col: `"code"`, max: `substring("code" FROM '^XQ-[0-9]{4}-([0-9]{1,18})$')::bigint` });
  }
  if (seqs.length === 0) return result("sequences", "序列", [], "没有序列");
  const rows = await q(seqs.map((s, i) => `SELECT ${i} AS "i", (SELECT max(${s.max ?? s.col})::text FROM ${s.tbl}) AS "max",
                                                  (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END::text FROM ${s.seq}) AS "last"`).join(" UNION ALL "));
  const problems = rows.filter((r) => r.max !== null && BigInt(String(r.max)) > BigInt(String(r.last))).map((r) => {
    const s = seqs[num(r.i)];
    return `序列 ${s.seq} 的当前值 ${r.last} 小于 ${s.tbl}.${s.col} 的最大值 ${r.max}（新插入会冲突）`;
  });
  return result("sequences", "序列", problems, `${seqs.length} 个序列均不小于已用的最大值`);
}

function checkCounts(counts: Record<string, number>, expected: Record<string, number> | undefined, source: string): CheckResult {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  const summary = `${Object.keys(counts).length} 张表共 ${total} 行`;
  if (!expected) return result("counts", "行数", [], `${summary}（未提供来源，未比对）`);
  const problems: string[] = [];
  for (const table of [...new Set([...Object.keys(expected), ...Object.keys(counts)])].sort()) {
    const want = expected[table];
    const got = counts[table];
    if (got === undefined) problems.push(`缺少表 ${table}（${source}有 ${want} 行）`);
    else if (want === undefined) problems.push(`多出表 ${table}（${source}没有）`);
    else if (want !== got) problems.push(`${table} 有 ${got} 行，${source}有 ${want} 行`);
  }
  return result("counts", "行数", problems, `${summary}，与${source}逐表一致`);
}

export type CheckOptions = {
  /** prisma/migrations of this checkout (default: under the working directory). */
  migrationsDir?: string;
  /** Row counts the database must have, table by table: a backup's manifest, or the source database's counts. */
  expectedCounts?: Record<string, number>;
  /** How the report names where the expected counts came from, e.g. "备份清单" or "源数据库". */
  countsSource?: string;
};

/** Runs every check (each on its own, so one failure does not hide another) and says which failed and why. */
export async function checkConsistency(db: PrismaClient, opts: CheckOptions = {}): Promise<ConsistencyReport> {
  const q = prismaQuery(db);
  const guarded = async (key: string, name: string, run: () => Promise<CheckResult>): Promise<CheckResult> => {
    try {
      return await run();
    } catch (err) {
      return result(key, name, [`无法完成检查：${err instanceof Error ? err.message.split("\n").filter(Boolean).pop() : String(err)}`], "");
    }
  };
  const checks = [
    await guarded("migrations", "迁移记录", () => checkMigrations(q, opts.migrationsDir ?? path.resolve("prisma/migrations"))),
    await guarded("audit", "审计日志哈希链", () => checkAuditChain(db)),
    await guarded("rollups", "跟踪汇总表", () => checkRollups(q)),
    await guarded("termStats", "匹配词文档频率", () => checkTermStats(q)),
    await guarded("foreignKeys", "外键引用", () => checkForeignKeys(q)),
    await guarded("constraints", "检查约束", () => checkConstraints(q)),
    await guarded("triggers", "触发器与索引", () => checkTriggersAndIndexes(q)),
    await guarded("sequences", "序列", () => checkSequences(q)),
  ];
  const counts = await tableCounts(q);
  checks.push(checkCounts(counts, opts.expectedCounts, opts.countsSource ?? "来源"));
  return { ok: checks.every((c) => c.ok), checks, counts };
}

/** The short Chinese report `npm run db:check` prints: one line per check, then the verdict. */
export function formatReport(report: ConsistencyReport, label: string): string {
  const lines = report.checks.map((c) => `  ${c.ok ? "通过" : "失败"}  ${c.name}：${c.detail}`);
  const failed = report.checks.filter((c) => !c.ok).map((c) => c.name);
  return [
    `一致性检查：${label}`,
    ...lines,
    report.ok ? "结论：一致，可以使用" : `结论：不一致（${failed.join("、")}），请勿使用此数据库，先查明原因`,
  ].join("\n");
}
