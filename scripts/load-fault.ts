// `npm run load:fault [-- --users 200 --minutes 10]`
// Load and faults (issue 14): `--users` signed-in users (a tenth province staff, four tenths grassroots units, the rest
// experts) drive a write-only mix through the app's own server actions — a unit posts and submits a need, the
// province invites an expert, the expert accepts an invitation or logs a service record — with autocannon (one
// connection per user, each sending its next request when the previous one answered) for `--minutes`, against the
// production build served by scripts/serve.ts. At `--restart-at` of the run (default 0.4) PostgreSQL is restarted
// (`pg_ctl restart -m fast`). Then it reconciles the database with what every request was told:
//   - every write answered `ok: true` is there exactly once, whole (a need with its menu items, its two timeline
//     events and its two audit rows; an invitation with its audit row and notification; an acceptance with its audit
//     row; a service record with its audit row and its trigger-kept tracking columns);
//   - every write that failed, was refused or never answered is either absent or there whole, and at most once;
//   - every expert's place counter equals the place-holding matches it has; the audit log's hash chain is intact;
// and reports requests, errors, req/s, p50 and p95 before, during and after the restart, and the time until writes
// succeed again. Exit code 1 when a write is lost, duplicated or half done, or when the service does not resume.
//
// The database: by default its OWN PostgreSQL cluster (initdb into a temporary directory, `--pg-port`, default 5439;
// run as the `postgres` user when started as root) — never a shared server, since it is restarted. `--database-url`
// names an existing server instead (a fresh database `esp_load_…` is created on it and dropped afterwards) and then
// `--restart-command` is required: the shell command that restarts that server.
// The fixtures (users, their units, experts with an engagement in service, open needs to invite to) are written
// directly with the seed's factories; capacity limits are lifted (experts take up to 100,000 places, invitation
// needs 20 seats each, enough of them) so that the flows do not run dry before the end.
// `--dry-run` prints the plan and checks the build's action ids are resolvable when a build exists (CI's smoke step).
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, chown, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadAverage, percentile, signInWithPassword, startServe, waitHealthy, type ServedApp } from "./bench-kit";
import { dropDatabase, migrate, recreateDatabase, run, seed } from "./database";
import { ensureClient } from "./ensure-client";
import { actionIds, actionResult, population, type ActionKey } from "./load-fault-kit";

const { values: args } = parseArgs({
  options: {
    users: { type: "string", default: "200" },
    minutes: { type: "string", default: "10" },
    "restart-at": { type: "string", default: "0.4" },
    port: { type: "string", default: process.env.LOAD_PORT ?? "3320" },
    "pg-port": { type: "string", default: "5439" },
    "database-url": { type: "string" },
    "restart-command": { type: "string" },
    timeout: { type: "string", default: "120" },
    build: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    "dry-run": { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

const USAGE = `npm run load:fault -- [--users 200] [--minutes 10] [--restart-at 0.4] [--port 3320] [--pg-port 5439]
                          [--database-url postgresql://…/postgres --restart-command "…"] [--timeout 120] [--build] [--keep] [--dry-run]`;
const PASSWORD = "Demo@2025"; // the seed's demo password, hashed by its factories (demo mode only)
const users = Number(args.users);
const seconds = Math.round(Number(args.minutes) * 60);
const restartAt = Number(args["restart-at"]);
const port = Number(args.port);
const pgPort = Number(args["pg-port"]);
const timeoutSeconds = Number(args.timeout);
const base = `http://127.0.0.1:${port}`;
const RUN = Date.now().toString(36);
const PG_BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (line: string) => console.log(`[load:fault] ${line}`);


// ─── PostgreSQL: its own cluster, or a server given by URL ─────────────────────

type Database = { serverUrl: string; url: string; restart: () => Promise<void>; close: () => Promise<void>; describe: string };

function asPostgres(cmd: string, cmdArgs: string[]): [string, string[]] {
  return process.getuid?.() === 0 ? ["runuser", ["-u", "postgres", "--", cmd, ...cmdArgs]] : [cmd, cmdArgs];
}

async function ownCluster(): Promise<Database> {
  if (!existsSync(path.join(PG_BIN, "initdb"))) throw new Error(`找不到 ${PG_BIN}/initdb：请安装 PostgreSQL 服务端（Debian: postgresql-15），或设置 PG_BIN，或用 --database-url`);
  const dir = await mkdtemp(path.join(os.tmpdir(), "esp-load-pg-"));
  const data = path.join(dir, "data");
  if (process.getuid?.() === 0) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    await chown(dir, uid, gid);
  }
  await chmod(dir, 0o700);
  const pgCtl = (...a: string[]) => {
    const [cmd, cmdArgs] = asPostgres(path.join(PG_BIN, "pg_ctl"), a);
    return run(cmd, cmdArgs, process.env, true);
  };
  {
    const [cmd, cmdArgs] = asPostgres(path.join(PG_BIN, "initdb"), ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale"]);
    await run(cmd, cmdArgs, process.env, true);
  }
  // Durable as a real server is (fsync on); enough connections for the app's pool, the sweeps and the jobs.
  const options = `-p ${pgPort} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=60 -c shared_buffers=128MB`;
  await pgCtl("start", "-D", data, "-w", "-t", "60", "-l", path.join(dir, "server.log"), "-o", options);
  const serverUrl = `postgresql://postgres@127.0.0.1:${pgPort}/postgres`;
  const url = await recreateDatabase(serverUrl, "esp_load");
  return {
    serverUrl, url, describe: `自建 PostgreSQL 集群 ${data}（端口 ${pgPort}）`,
    restart: () => pgCtl("restart", "-D", data, "-m", "fast", "-w", "-t", "60", "-l", path.join(dir, "server.log"), "-o", options),
    close: async () => {
      await pgCtl("stop", "-D", data, "-m", "fast", "-w").catch(() => {});
      if (!args.keep) await rm(dir, { recursive: true, force: true });
      else log(`保留集群目录 ${dir}`);
    },
  };
}

async function givenServer(serverUrl: string, command: string): Promise<Database> {
  const name = `esp_load_${RUN}`;
  const url = await recreateDatabase(serverUrl, name);
  return {
    serverUrl, url, describe: `已有服务器上的数据库 ${name}（重启命令：${command}）`,
    restart: () => run("sh", ["-c", command], process.env, true),
    close: () => (args.keep ? Promise.resolve() : dropDatabase(serverUrl, name)),
  };
}

// ─── Fixtures ──────────────────────────────────────────────────────────────────

type Fixtures = {
  provinces: { username: string }[];
  units: { username: string; regionCode: string }[];
  experts: { username: string; expertId: string; engagementId: string }[];
  /** Per province user: the open needs it invites to (20 seats each). */
  inviteNeeds: string[][];
  menuItemIds: string[];
};

const SEATS = 20;
/** Seats of each need to invite to: 20, or fewer when there are fewer experts (each pair is invited once). */
const seatsPerNeed = (experts: number) => Math.min(SEATS, experts);

async function writeFixtures(url: string): Promise<Fixtures> {
  const { createPrismaClient } = await import("@/lib/db");
  const { createExpert, createNeed, createUser, demoPasswordHash, DEFAULT_COUNTY } = await import("@/prisma/seed/factories");
  const db = createPrismaClient(url, 4);
  try {
    const pop = population(users);
    const passwordHash = await demoPasswordHash();
    const menuItemIds = (await db.serviceMenuItem.findMany({ where: { retiredAt: null }, orderBy: { sortOrder: "asc" }, take: 2, select: { id: true } })).map((m) => m.id);
    if (menuItemIds.length < 2) throw new Error("服务菜单不足两项：参考数据未加载？");
    const provinces = [];
    for (let i = 0; i < pop.provinces; i++) {
      const u = await createUser(db, { role: "PROVINCE_ADMIN", provinceCode: "51", username: `load-prov-${i}`, displayName: `压测省级${i}`, passwordHash });
      provinces.push({ username: u.username, id: u.id });
    }
    const units = [];
    for (let i = 0; i < pop.units; i++) {
      const u = await createUser(db, { role: "UNIT_USER", username: `load-unit-${i}`, displayName: `压测单位${i}`, passwordHash });
      units.push({ username: u.username, orgId: u.organizationId!, regionCode: DEFAULT_COUNTY });
    }
    const since = new Date(Date.now() - 30 * 86_400_000);
    const experts = [];
    for (let i = 0; i < pop.experts; i++) {
      const e = await createExpert(db, {
        user: { username: `load-expert-${i}`, passwordHash }, name: `压测专家${i}`, regionCode: DEFAULT_COUNTY,
        maxConcurrent: 100_000, activeEngagements: 1,
      });
      // One engagement in service (confirmed a month ago), to log service records on.
      const need = await createNeed(db, { unitId: units[i % units.length].orgId, state: "IN_SERVICE", menuItemIds, title: `压测服务中需求${i}` });
      const match = await db.match.create({
        data: { needId: need.id, expertId: e.id, score: 0.8, source: "SYSTEM", state: "CONFIRMED", explanation: "压测", invitedAt: since, respondedAt: since },
      });
      const engagement = await db.engagement.create({
        data: { matchId: match.id, needId: need.id, expertId: e.id, state: "ACTIVE", planForms: ["TECH_GUIDANCE"], createdAt: since, planAgreedByUnitAt: since, planAgreedByExpertAt: since },
      });
      experts.push({ username: e.user!.username, expertId: e.id, engagementId: engagement.id });
    }
    // Open needs to invite to: enough seats for one invitation per province user every ~0.5 s of the run.
    const needsPerProvince = Math.max(2, Math.ceil((seconds * 2) / seatsPerNeed(experts.length)));
    const inviteNeeds: string[][] = [];
    for (let p = 0; p < provinces.length; p++) {
      const ids: string[] = [];
      for (let k = 0; k < needsPerProvince; k++) {
        const need = await createNeed(db, {
          unitId: units[(p + k) % units.length].orgId, state: "OPEN", menuItemIds, expertsWanted: seatsPerNeed(experts.length), withTimeline: true,
          title: `压测待邀请需求${p}-${k}`, bottleneck: "果园病虫害绿色防控技术缺乏，亟需专家现场指导", reviewedById: provinces[p].id,
        });
        ids.push(need.id);
      }
      inviteNeeds.push(ids);
    }
    return {
      provinces: provinces.map(({ username }) => ({ username })),
      units: units.map(({ username, regionCode }) => ({ username, regionCode })),
      experts, inviteNeeds, menuItemIds,
    };
  } finally {
    await db.$disconnect();
  }
}

// ─── The server ────────────────────────────────────────────────────────────────

async function health(): Promise<number> {
  try {
    return (await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(5000) })).status;
  } catch {
    return 0;
  }
}

const signIn = (username: string) => signInWithPassword(base, username, PASSWORD);

// ─── Server actions, as the browser calls them ─────────────────────────────────

// ─── The work: tasks, their outcomes, phases ───────────────────────────────────

type Kind = "need" | "invite" | "accept" | "record";
type Outcome = "ok" | "refused" | "error" | "unknown";
type Task = {
  seq: number; kind: Kind; user: string; started: number; ended?: number; outcome: Outcome; status?: number; error?: string;
  marker?: string; needId?: string; expertId?: string; matchId?: string; engagementId?: string;
};

type Actor = { username: string; role: "province" | "unit" | "expert"; cookie: string; busySince: number | null; index: number };

class Workload {
  readonly tasks: Task[] = [];
  private free: Actor[];
  private readonly actors: Actor[];
  /** Invitations each expert has (from successful invites), to accept. */
  private readonly inbox = new Map<string, string[]>();
  private readonly cursor: number[];
  private seq = 0;
  constructor(private readonly fx: Fixtures, cookies: Map<string, string>, private readonly ids: Record<ActionKey, string>, private readonly today: string) {
    this.actors = [
      ...fx.provinces.map((p, index) => ({ username: p.username, role: "province" as const, index })),
      ...fx.units.map((u, index) => ({ username: u.username, role: "unit" as const, index })),
      ...fx.experts.map((e, index) => ({ username: e.username, role: "expert" as const, index })),
    ].map((a) => ({ ...a, cookie: cookies.get(a.username)!, busySince: null }));
    // Interleave roles so every stretch of connections has the mix.
    this.free = [...this.actors].sort((a, b) => (a.index / count(a.role, fx)) - (b.index / count(b.role, fx)));
    this.cursor = fx.provinces.map(() => 0);
  }

  /** The next request: the user idle longest (a user whose request never answered is taken back after the timeout). */
  next(now: number): { task: Task; request: { method: string; path: string; headers: Record<string, string>; body: string } } | null {
    if (!this.free.length) {
      const stale = this.actors.filter((a) => a.busySince !== null && now - a.busySince > timeoutSeconds * 1000);
      for (const a of stale) { a.busySince = null; this.free.push(a); }
    }
    const actor = this.free.shift() ?? this.actors[this.seq % this.actors.length];
    actor.busySince = now;
    const seq = ++this.seq;
    const marker = `LF${RUN}-${seq}`;
    let kind: Kind;
    let path: string;
    let action: string;
    let input: Record<string, unknown>;
    const task: Partial<Task> = {};
    if (actor.role === "unit") {
      kind = "need";
      path = "/needs/new";
      action = this.ids.createNeed;
      task.marker = marker;
      input = {
        title: `压测需求 ${marker}`, bottleneck: "猕猴桃溃疡病连年发生，缺少绿色防控技术和懂行的技术员", menuItemIds: this.fx.menuItemIds,
        disciplineCodes: ["21060"], industryCodes: ["01"], regionCode: this.fx.units[actor.index].regionCode, expertsWanted: 1,
        delivery: "EITHER", urgency: "NORMAL", expectedOutcome: "", onBehalfOf: "", intent: "submit",
      };
    } else if (actor.role === "province") {
      const needs = this.fx.inviteNeeds[actor.index];
      const c = this.cursor[actor.index]++;
      const experts = this.fx.experts;
      // Need k takes SEATS experts in turn; the experts' order is shifted per province user so their invitations spread.
      const seats = seatsPerNeed(experts.length);
      const k = Math.floor(c / seats);
      const needId = needs[k % needs.length];
      const expert = experts[((c % seats) + k * seats + actor.index * 7) % experts.length];
      kind = "invite";
      path = `/needs/${needId}`;
      action = this.ids.invite;
      task.needId = needId;
      task.expertId = expert.expertId;
      input = { needId, expertId: expert.expertId };
    } else {
      const expert = this.fx.experts[actor.index];
      const invitation = this.inbox.get(expert.expertId)?.shift();
      if (invitation) {
        kind = "accept";
        path = `/expert/invitations/${invitation}`;
        action = this.ids.respond;
        task.matchId = invitation;
        input = { matchId: invitation, version: 0, decision: "accept", reason: "", offeredHours: "" };
      } else {
        kind = "record";
        path = `/engagements/${expert.engagementId}`;
        action = this.ids.logRecord;
        task.marker = marker;
        task.engagementId = expert.engagementId;
        input = {
          engagementId: expert.engagementId, startDate: this.today, endDate: this.today, hours: "2", form: "TECH_GUIDANCE",
          content: `现场指导果园病虫害防控，记录编号 ${marker}`, peopleServed: "12", peopleTrained: "6", techniquesPromoted: "0", incomeEffect: "",
        };
      }
    }
    const full: Task = { ...task, seq, kind, user: actor.username, started: now, outcome: "unknown" };
    this.tasks.push(full);
    return {
      task: full,
      request: {
        method: "POST", path,
        headers: {
          Origin: base, "Next-Action": action, Accept: "text/x-component", "Content-Type": "text/plain;charset=UTF-8",
          Cookie: actor.cookie,
        },
        body: JSON.stringify([null, input]),
      },
    };
  }

  done(task: Task, status: number, body: string, now: number) {
    task.ended = now;
    task.status = status;
    const result = status === 200 ? actionResult(body) : undefined;
    if (result?.ok) {
      task.outcome = "ok";
      if (task.kind === "invite") {
        task.matchId = String(result.data?.matchId ?? "");
        const list = this.inbox.get(task.expertId!) ?? [];
        list.push(task.matchId);
        this.inbox.set(task.expertId!, list);
      }
    } else {
      task.outcome = result ? "refused" : "error";
      task.error = result?.error ?? (status ? `HTTP ${status}` : "无 HTTP 状态（连接中断）");
    }
    const actor = this.actors.find((a) => a.username === task.user);
    if (actor && actor.busySince !== null) {
      actor.busySince = null;
      this.free.push(actor);
    }
  }
}

function count(role: Actor["role"], fx: Fixtures) {
  return role === "province" ? fx.provinces.length : role === "unit" ? fx.units.length : fx.experts.length;
}

// ─── Autocannon ────────────────────────────────────────────────────────────────

type AutocannonRequest = {
  setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => Record<string, unknown> | null;
  onResponse: (status: number, body: string, context: Record<string, unknown>) => void;
};
type AutocannonInstance = NodeJS.EventEmitter & { stop: () => void };
type Autocannon = (
  opts: { url: string; connections: number; duration: number; timeout: number; requests: AutocannonRequest[] },
  done: (err: Error | null, result: Record<string, unknown>) => void,
) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

// ─── Reconcile ─────────────────────────────────────────────────────────────────

type Problem = { task?: number; kind: string; what: string };

async function reconcile(url: string, tasks: Task[], fx: Fixtures): Promise<{ problems: Problem[]; committedDespiteFailure: number; committedFailures: string[]; committedUnanswered: number; counts: Record<string, number> }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const problems: Problem[] = [];
  let committedDespiteFailure = 0;
  let committedUnanswered = 0;
  const committedFailures: string[] = [];
  const q = async <T extends Record<string, unknown>>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows;
  try {
    // Needs, by the marker in their title.
    const needs = await q<{ id: string; title: string; state: string; items: string; events: string; created: string; submitted: string }>(`
      SELECT n.id, n.title, n.state::text,
        (SELECT count(*) FROM "NeedMenuItem" m WHERE m."needId" = n.id) AS items,
        (SELECT count(*) FROM "NeedEvent" e WHERE e."needId" = n.id) AS events,
        (SELECT count(*) FROM "AuditLog" a WHERE a."entityId" = n.id AND a.operation = 'need.create' AND a.outcome = 'SUCCESS') AS created,
        (SELECT count(*) FROM "AuditLog" a WHERE a."entityId" = n.id AND a.operation = 'need.submit' AND a.outcome = 'SUCCESS') AS submitted
      FROM "Need" n WHERE n.title LIKE $1`, [`压测需求 LF${RUN}-%`]);
    const needsByMarker = group(needs, (n) => n.title.replace("压测需求 ", ""));
    // Service records, by the marker in their content.
    const records = await q<{ id: string; content: string; engagementId: string; provinceCode: string | null; expertId: string | null }>(
      `SELECT id, content, "engagementId", "provinceCode", "expertId" FROM "ServiceRecord" WHERE content LIKE $1`, [`%LF${RUN}-%`]);
    const recordsByMarker = group(records, (r) => r.content.match(/LF[0-9a-z]+-\d+/)![0]);
    // Matches of the load's experts, with their audit rows and notifications.
    const expertIds = fx.experts.map((e) => e.expertId);
    const matches = await q<{ id: string; needId: string; expertId: string; state: string; invited: string; accepted: string; notified: string }>(`
      SELECT m.id, m."needId", m."expertId", m.state::text,
        (SELECT count(*) FROM "AuditLog" a WHERE a."entityId" = m.id AND a.operation = 'match.invite' AND a.outcome = 'SUCCESS') AS invited,
        (SELECT count(*) FROM "AuditLog" a WHERE a."entityId" = m.id AND a.operation = 'match.accept' AND a.outcome = 'SUCCESS') AS accepted,
        (SELECT count(*) FROM "Notification" x WHERE x.link = '/expert/invitations/' || m.id AND x."userId" = p."userId") AS notified
      FROM "Match" m JOIN "ExpertProfile" p ON p.id = m."expertId" WHERE m."expertId" = ANY($1) AND m.state <> 'CONFIRMED'`, [expertIds]);
    const matchByPair = new Map(matches.map((m) => [`${m.needId}|${m.expertId}`, m]));
    const matchById = new Map(matches.map((m) => [m.id, m]));

    const present = (task: Task, n: number) => {
      if (task.outcome === "ok" && n !== 1) problems.push({ task: task.seq, kind: task.kind, what: n === 0 ? "成功应答的写入不存在（丢失）" : `成功应答的写入出现 ${n} 次（重复）` });
      if (task.outcome !== "ok" && n > 1) problems.push({ task: task.seq, kind: task.kind, what: `未成功的写入出现 ${n} 次（重复）` });
      if (task.outcome !== "ok" && task.outcome !== "unknown" && n === 1) {
        committedDespiteFailure++;
        committedFailures.push(`${task.kind} #${task.seq}（${task.error}）`);
      }
      if (task.outcome === "unknown" && n === 1) committedUnanswered++;
    };
    for (const task of tasks) {
      if (task.kind === "need") {
        const rows = needsByMarker.get(task.marker!) ?? [];
        present(task, rows.length);
        for (const n of rows) {
          const whole = n.state === "SUBMITTED" && Number(n.items) === fx.menuItemIds.length && Number(n.events) === 2 && Number(n.created) === 1 && Number(n.submitted) === 1;
          if (!whole) problems.push({ task: task.seq, kind: "need", what: `需求 ${n.id} 不完整：状态 ${n.state}，菜单项 ${n.items}，时间线 ${n.events}，审计 填报 ${n.created} / 提交 ${n.submitted}` });
        }
      } else if (task.kind === "record") {
        const rows = recordsByMarker.get(task.marker!) ?? [];
        present(task, rows.length);
        for (const r of rows) {
          if (r.engagementId !== task.engagementId || !r.provinceCode || !r.expertId) problems.push({ task: task.seq, kind: "record", what: `服务记录 ${r.id} 不完整（统计列未由触发器填写或挂错服务项目）` });
        }
      } else if (task.kind === "invite") {
        const m = matchByPair.get(`${task.needId}|${task.expertId}`);
        present(task, m ? 1 : 0);
        if (m && task.outcome === "ok" && task.matchId && m.id !== task.matchId) problems.push({ task: task.seq, kind: "invite", what: `应答的邀请 ${task.matchId} 与库中 ${m.id} 不符` });
        if (m && (Number(m.invited) !== 1 || Number(m.notified) !== (m.state === "ACCEPTED" ? 2 : 1))) problems.push({ task: task.seq, kind: "invite", what: `邀请 ${m.id} 不完整：审计 ${m.invited}，通知 ${m.notified}` });
      } else {
        const m = matchById.get(task.matchId!);
        if (!m) { problems.push({ task: task.seq, kind: "accept", what: `邀请 ${task.matchId} 不存在` }); continue; }
        const accepted = m.state === "ACCEPTED";
        present(task, accepted ? 1 : 0);
        if (Number(m.accepted) !== (accepted ? 1 : 0)) problems.push({ task: task.seq, kind: "accept", what: `邀请 ${m.id} 状态 ${m.state}，接受的审计 ${m.accepted} 条` });
      }
    }
    // Invitations or records no request asked for (a write done twice under another key would show here).
    const asked = new Set(tasks.filter((t) => t.kind === "invite").map((t) => `${t.needId}|${t.expertId}`));
    for (const m of matches) if (!asked.has(`${m.needId}|${m.expertId}`)) problems.push({ kind: "invite", what: `邀请 ${m.id} 不属于任何请求` });
    const markers = new Set(tasks.map((t) => t.marker).filter(Boolean));
    for (const key of [...needsByMarker.keys(), ...recordsByMarker.keys()]) if (!markers.has(key)) problems.push({ kind: "need/record", what: `${key} 不属于任何请求` });
    // Each record's audit row: per engagement, as many engagement.log rows as records.
    const perEngagement = await q<{ id: string; records: string; audits: string }>(`
      SELECT e.id, (SELECT count(*) FROM "ServiceRecord" r WHERE r."engagementId" = e.id) AS records,
        (SELECT count(*) FROM "AuditLog" a WHERE a."entityId" = e.id AND a.operation = 'engagement.log' AND a.outcome = 'SUCCESS') AS audits
      FROM "Engagement" e WHERE e.id = ANY($1)`, [fx.experts.map((e) => e.engagementId)]);
    for (const e of perEngagement) if (e.records !== e.audits) problems.push({ kind: "record", what: `服务项目 ${e.id}：服务记录 ${e.records} 条，审计 ${e.audits} 条` });
    // Places: every expert's counter equals its place-holding matches.
    const places = await q<{ id: string; active: number; holding: string }>(`
      SELECT p.id, p."activeEngagements" AS active,
        (SELECT count(*) FROM "Match" m LEFT JOIN "Engagement" g ON g."matchId" = m.id
          WHERE m."expertId" = p.id AND m.state IN ('INVITED', 'ACCEPTED', 'CONFIRMED') AND (g.state IS NULL OR g.state <> 'CANCELLED')) AS holding
      FROM "ExpertProfile" p WHERE p.id = ANY($1)`, [expertIds]);
    for (const p of places) if (p.active !== Number(p.holding)) problems.push({ kind: "places", what: `专家 ${p.id}：名额计数 ${p.active}，实际占用 ${p.holding}` });
    // Seats: no need holds more place-holding matches than it wants.
    const seats = await q<{ id: string; wanted: number; held: string }>(`
      SELECT n.id, n."expertsWanted" AS wanted, count(m.id) AS held FROM "Need" n JOIN "Match" m ON m."needId" = n.id
      WHERE n.id = ANY($1) AND m.state IN ('INVITED', 'ACCEPTED', 'CONFIRMED') GROUP BY n.id HAVING count(m.id) > n."expertsWanted"`, [fx.inviteNeeds.flat()]);
    for (const s of seats) problems.push({ kind: "seats", what: `需求 ${s.id}：计划 ${s.wanted} 人，占用 ${s.held}` });
    return { problems, committedDespiteFailure, committedFailures, committedUnanswered, counts: { needs: needs.length, records: records.length, matches: matches.length, accepted: matches.filter((m) => m.state === "ACCEPTED").length } };
  } finally {
    await client.end();
  }
}

function group<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    out.set(k, [...(out.get(k) ?? []), r]);
  }
  return out;
}

async function auditChain(url: string) {
  const { createPrismaClient } = await import("@/lib/db");
  const { verifyAuditChain } = await import("@/lib/audit/integrity");
  const db = createPrismaClient(url, 1);
  try {
    // As audit:verify: rows the servers had not chained yet are chained first; any that waited over the bound fail.
    return await verifyAuditChain(db, { chainFirst: true });
  } finally {
    await db.$disconnect();
  }
}

// ─── Phases and the report ─────────────────────────────────────────────────────

type Phase = { name: string; from: number; to: number; start: number };
type PhaseStats = { phase: string; seconds: number; requests: number; ok: number; refused: number; errors: number; unanswered: number; rps: number; okPerSecond: number; p50: number; p95: number; p99: number };

function phaseStats(phase: Phase, tasks: Task[], socketErrors: number[]): PhaseStats {
  // A request counts in the phase it was answered in (one never answered: the phase it was sent in).
  const at = (t: Task) => t.ended ?? t.started;
  const inPhase = tasks.filter((t) => at(t) >= phase.from && at(t) < phase.to && t.started >= phase.start);
  const answered = inPhase.filter((t) => t.ended !== undefined);
  const latencies = answered.map((t) => t.ended! - t.started);
  const secs = Math.max(0.001, (phase.to - phase.from) / 1000);
  const ok = inPhase.filter((t) => t.outcome === "ok").length;
  return {
    phase: phase.name, seconds: secs, requests: inPhase.length, ok,
    refused: inPhase.filter((t) => t.outcome === "refused").length,
    errors: inPhase.filter((t) => t.outcome === "error").length + socketErrors.filter((at) => at >= phase.from && at < phase.to).length,
    unanswered: inPhase.length - answered.length,
    rps: answered.length / secs, okPerSecond: ok / secs,
    p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99),
  };
}

function printPlan(db: string) {
  const pop = population(users);
  log(`${users} 个并发登录用户（省级 ${pop.provinces}、基层单位 ${pop.units}、专家 ${pop.experts}），${seconds} 秒，第 ${Math.round(seconds * restartAt)} 秒重启 PostgreSQL；${db}`);
  log(`写入组合：单位 填报并提交需求 · 省级 邀请专家 · 专家 接受邀请（有待答复的邀请时）或填写服务记录；经应用自己的服务端操作（Next-Action），应用端口 ${port}`);
}

async function main() {
  if (args.help) {
    console.log(USAGE);
    return;
  }
  if (!(users >= 3) || !(seconds >= 10) || !(restartAt > 0 && restartAt < 1)) throw new Error(`参数不合法：${USAGE}`);
  if (args["database-url"] && !args["restart-command"]) throw new Error("--database-url 须同时给出 --restart-command（重启该服务器的命令）；默认自建集群，不动共享数据库");
  if (args["dry-run"]) {
    printPlan(args["database-url"] ? `已有服务器 ${args["database-url"]}` : `自建集群（${PG_BIN}，端口 ${pgPort}）`);
    const manifest = path.resolve(".next/server/server-reference-manifest.json");
    if (existsSync(manifest)) {
      const ids = actionIds(JSON.parse(readFileSync(manifest, "utf8")));
      log(`构建中的服务端操作：${Object.entries(ids).map(([k, v]) => `${k}=${v.slice(0, 10)}…`).join("，")}`);
    } else log("尚无生产构建：正式运行时先构建（npm run build）");
    return;
  }
  await ensureClient();
  const t0 = performance.now();
  const database = args["database-url"] ? await givenServer(args["database-url"], args["restart-command"]!) : await ownCluster();
  printPlan(database.describe);
  let server: ServedApp | null = null;
  try {
    await migrate(database.url);
    await seed(database.url, { demo: false });
    const fx = await writeFixtures(database.url);
    log(`数据准备完成（${((performance.now() - t0) / 1000).toFixed(0)} s）：每位省级用户 ${fx.inviteNeeds[0].length} 项待邀请需求（每项 ${seatsPerNeed(fx.experts.length)} 个名额）`);
    const secret = "load-fault-secret-0123456789abcdefghijklmn";
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: database.url, NEXTAUTH_SECRET: secret, NEXTAUTH_URL: base, NODE_ENV: "production",
      DEMO_MODE: "1", NEXT_TELEMETRY_DISABLED: "1",
      // Every user signs in from this one machine: the per-address sign-in limit is for the internet, not for this test.
      LOGIN_ATTEMPTS_PER_ADDRESS: "100000",
    };
    if (args.build || !existsSync(path.resolve(".next/BUILD_ID"))) {
      log("生产构建（npm run build）…");
      await run("npm", ["run", "build"], env, true);
    }
    const ids = actionIds(JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")));
    await mkdir("bench-results", { recursive: true });
    const serverLog = path.join("bench-results", `load-fault-server-${RUN}.log`);
    server = startServe({ port, env, logFile: serverLog });
    log(`应用输出：${serverLog}`);
    await waitHealthy(base, server);
    const cookies = new Map<string, string>();
    const everyone = [...fx.provinces, ...fx.units, ...fx.experts].map((u) => u.username);
    for (let i = 0; i < everyone.length; i += 4) {
      await Promise.all(everyone.slice(i, i + 4).map(async (u) => cookies.set(u, await signIn(u))));
    }
    log(`${cookies.size} 个用户已登录；负载 ${loadAverage()}`);
    const { chinaDate } = await import("@/lib/calendar/china-time");
    const work = new Workload(fx, cookies, ids, chinaDate(new Date()));

    // One request of each kind first, one at a time: a wrong action id or body fails here, not as 10 minutes of errors.
    await warmUp(work);

    // Health, once a second, for the timeline.
    const healthLog: { at: number; status: number }[] = [];
    let stopHealth = false;
    const healthLoop = (async () => {
      while (!stopHealth) {
        const at = performance.now();
        healthLog.push({ at, status: await health() });
        await sleep(Math.max(0, 1000 - (performance.now() - at)));
      }
    })();

    const socketErrors: number[] = [];
    const start = performance.now();
    let restartBegin = 0;
    let restartEnd = 0;
    let restartError: string | null = null;
    const restartTimer = setTimeout(async () => {
      restartBegin = performance.now();
      log(`第 ${((restartBegin - start) / 1000).toFixed(0)} 秒：重启 PostgreSQL（pg_ctl restart -m fast）…`);
      try {
        await database.restart();
      } catch (err) {
        restartError = err instanceof Error ? err.message : String(err);
      }
      restartEnd = performance.now();
      log(`PostgreSQL 已重启（${((restartEnd - restartBegin) / 1000).toFixed(1)} s）${restartError ? `：失败 ${restartError}` : ""}`);
    }, seconds * restartAt * 1000);

    const pending = new Map<Record<string, unknown>, Task>();
    const result = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const instance = autocannon({
        url: base, connections: users, duration: seconds, timeout: timeoutSeconds,
        requests: [{
          setupRequest: (req, context) => {
            const next = work.next(performance.now());
            if (!next) return null;
            pending.set(context, next.task);
            return { ...req, ...next.request };
          },
          onResponse: (status, body, context) => {
            const task = pending.get(context);
            pending.delete(context);
            if (task) work.done(task, status, body, performance.now());
          },
        }],
      }, (err, res) => (err ? reject(err) : resolve(res)));
      instance.on("reqError", () => socketErrors.push(performance.now()));
      const progress = setInterval(() => {
        const s = (performance.now() - start) / 1000;
        const recent = work.tasks.filter((t) => t.ended !== undefined && t.ended > performance.now() - 30_000);
        log(`${s.toFixed(0)} s：已发 ${work.tasks.length} 次，近 30 s 成功 ${recent.filter((t) => t.outcome === "ok").length}、失败 ${recent.filter((t) => t.outcome !== "ok").length}；负载 ${loadAverage()}`);
      }, 30_000);
      instance.on("done", () => clearInterval(progress));
    });
    clearTimeout(restartTimer);
    const end = performance.now();
    stopHealth = true;
    await healthLoop;
    void result;

    // Recovery: the first write sent after PostgreSQL was back that succeeded (an ok answered just after the restart
    // may have committed before it; this one cannot have). Under load it also waits its turn behind the queued requests.
    const recovered = work.tasks.filter((t) => restartEnd > 0 && t.outcome === "ok" && t.started >= restartEnd).sort((a, b) => a.ended! - b.ended!)[0];
    const firstFailure = work.tasks.filter((t) => t.ended !== undefined && t.ended >= restartBegin && t.outcome !== "ok").sort((a, b) => a.ended! - b.ended!)[0];
    const healthDown = healthLog.filter((h) => h.at >= restartBegin && h.status !== 200);
    const healthBack = healthLog.find((h) => h.at >= restartEnd && h.status === 200);
    const recoveredAt = recovered?.ended ?? null;
    // "During" runs from the restart until every request that was queued when it began has had its answer: the
    // restart's end plus the p95 latency before it (at least 30 s) — under load a request waits its turn in the
    // server for seconds, so the restart's failures are answered well after PostgreSQL is back.
    const before = work.tasks.filter((t) => t.ended !== undefined && t.started >= start && t.ended < (restartBegin || end)).map((t) => t.ended! - t.started);
    const settle = Math.max(30_000, percentile(before, 95) || 0);
    const duringTo = restartBegin ? Math.min(end, restartEnd + settle) : end;
    const last = Math.max(end, ...work.tasks.map((t) => t.ended ?? 0)) + 1;
    const phases: Phase[] = [
      { name: "重启前", from: start, to: restartBegin || last, start },
      ...(restartBegin ? [
        { name: `重启中（重启 + ${(settle / 1000).toFixed(0)} s）`, from: restartBegin, to: duringTo, start },
        { name: "重启后", from: duringTo, to: last, start },
      ] : []),
    ];
    // A run too short to have an "after" (the restart's window reaches its end) shows two phases.
    const stats = phases.filter((p) => p.to - p.from >= 1000).map((p) => phaseStats(p, work.tasks, socketErrors));
    const serverAlive = server.exitCode() === undefined && (await health()) === 200;

    log(`负载结束（${((end - start) / 1000).toFixed(0)} s）；对账…`);
    await sleep(2000);
    const rec = await reconcile(database.url, work.tasks, fx);
    const chain = await auditChain(database.url);

    const byKind = (k: Kind) => {
      const t = work.tasks.filter((x) => x.kind === k);
      return `${k} ${t.length}（成功 ${t.filter((x) => x.outcome === "ok").length}）`;
    };
    console.log("");
    console.log(`| 阶段 | 时长 s | 请求 | 成功 | 应用拒绝 | 错误 | 未应答 | 次/秒 | 成功写入/秒 | p50 ms | p95 ms | p99 ms |`);
    console.log(`|---|---|---|---|---|---|---|---|---|---|---|---|`);
    const f = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : "—");
    for (const s of stats) {
      console.log(`| ${s.phase} | ${s.seconds.toFixed(0)} | ${s.requests} | ${s.ok} | ${s.refused} | ${s.errors} | ${s.unanswered} | ${s.rps.toFixed(1)} | ${s.okPerSecond.toFixed(1)} | ${f(s.p50)} | ${f(s.p95)} | ${f(s.p99)} |`);
    }
    console.log("");
    log(`请求：${byKind("need")}，${byKind("invite")}，${byKind("accept")}，${byKind("record")}；套接字错误 ${socketErrors.length}`);
    const refusedReasons = group(work.tasks.filter((t) => t.outcome !== "ok" && t.outcome !== "unknown"), (t) => t.error ?? "");
    for (const [reason, ts] of [...refusedReasons.entries()].sort((a, b) => b[1].length - a[1].length).slice(0, 6)) log(`  失败原因「${reason}」× ${ts.length}`);
    if (restartBegin) {
      log(`PostgreSQL 重启耗时 ${((restartEnd - restartBegin) / 1000).toFixed(1)} s；首个失败应答在重启开始后 ${firstFailure ? ((firstFailure.ended! - restartBegin) / 1000).toFixed(1) : "—"} s；` +
        `/api/health 非 200 或 5 s 内无应答 ${healthDown.length} 次，重启后 ${healthBack ? ((healthBack.at - restartBegin) / 1000).toFixed(1) : "—"} s 恢复 200；` +
        `写入恢复：重启后发出的写入首个成功于重启开始后 ${recoveredAt ? ((recoveredAt - restartBegin) / 1000).toFixed(1) : "—（未恢复）"} s（发出后 ${recovered ? ((recovered.ended! - recovered.started) / 1000).toFixed(1) : "—"} s 得到应答）`);
    }
    log(`对账：需求 ${rec.counts.needs}，服务记录 ${rec.counts.records}，邀请 ${rec.counts.matches}（已接受 ${rec.counts.accepted}）；` +
      `应答失败但已完整提交的写入 ${rec.committedDespiteFailure}，未应答（负载停止或超时）而已完整提交的 ${rec.committedUnanswered}；问题 ${rec.problems.length}`);
    if (rec.committedFailures.length) log(`  应答失败而已完整提交：${rec.committedFailures.slice(0, 10).join("，")}`);
    for (const p of rec.problems.slice(0, 20)) log(`  问题：${p.kind}${p.task ? ` #${p.task}` : ""} ${p.what}`);
    log(chain.ok ? `审计日志哈希链完整（${chain.checked} 条）` : `审计日志哈希链断裂：${JSON.stringify(chain.firstBreak, (_k, v) => (typeof v === "bigint" ? String(v) : v))}`);
    log(`负载 ${loadAverage()}（${os.cpus().length} 核）`);

    await mkdir("bench-results", { recursive: true });
    const file = path.join("bench-results", `load-fault-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    await writeFile(file, JSON.stringify({
      at: new Date().toISOString(), users, seconds, restartAt, load: os.loadavg(), cpus: os.cpus().length, stats,
      restart: restartBegin ? { seconds: (restartEnd - restartBegin) / 1000, error: restartError, recoveredAfterSeconds: recoveredAt ? (recoveredAt - restartBegin) / 1000 : null,
        healthBackAfterSeconds: healthBack ? (healthBack.at - restartBegin) / 1000 : null } : null,
      reconcile: { ...rec, problems: rec.problems.slice(0, 200) }, auditChain: { ok: chain.ok, checked: chain.checked },
      // Every request (ms from the start of the load), to recompute phases another way.
      tasks: work.tasks.map((t) => ({ seq: t.seq, kind: t.kind, sent: Math.round(t.started - start), answered: t.ended === undefined ? null : Math.round(t.ended - start), outcome: t.outcome, error: t.error })),
      restartAtMs: restartBegin ? Math.round(restartBegin - start) : null, restartEndMs: restartEnd ? Math.round(restartEnd - start) : null,
      kinds: Object.fromEntries((["need", "invite", "accept", "record"] as Kind[]).map((k) => [k, work.tasks.filter((t) => t.kind === k).length])),
    }, null, 2));
    log(`结果已写入 ${file}`);

    const failures = [
      ...(rec.problems.length ? [`${rec.problems.length} 处写入丢失、重复或不完整`] : []),
      ...(chain.ok ? [] : ["审计日志哈希链断裂"]),
      ...(restartBegin && !recoveredAt ? ["重启后写入没有恢复"] : []),
      ...(restartError ? [`重启 PostgreSQL 失败：${restartError}`] : []),
      ...(serverAlive ? [] : [`应用服务未存活（退出码 ${server.exitCode() ?? "—"}）：\n${server.tail().slice(-3000)}`]),
      ...(!restartBegin ? ["负载结束前未执行重启"] : []),
    ];
    if (failures.length) throw new Error(`未通过：${failures.join("；")}`);
    log("通过：服务自行恢复，0 处丢失或不完整的写入，每个成功应答的写入恰好一次");
  } finally {
    await server?.stop();
    await database.close();
  }
}

async function warmUp(work: Workload) {
  const kinds = new Set<Kind>();
  for (let i = 0; i < 400 && kinds.size < 3; i++) {
    const next = work.next(performance.now())!;
    const res = await fetch(`${base}${next.request.path}`, { method: "POST", headers: next.request.headers, body: next.request.body });
    const body = await res.text();
    work.done(next.task, res.status, body, performance.now());
    if (next.task.outcome !== "ok") throw new Error(`预热请求失败（${next.task.kind}，HTTP ${res.status}）：${next.task.error}\n${body.slice(0, 600)}`);
    kinds.add(next.task.kind);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
