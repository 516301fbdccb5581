import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, request, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import PgBoss from "pg-boss";
import { LOCKOUT_THRESHOLD } from "../../lib/auth/session-policy";
import { DEMO_PASSWORD } from "./support";
import { URL_A, URL_B } from "./instances";

// Two instances of the same production build over one PostgreSQL database (playwright.config.ts: A on E2E_PORT,
// B on E2E_PORT_B): what one instance decides, the other honours. Sessions (a cookie from A works on B; signed out
// on A, it is refused on B), sign-in failures counted together (captcha and lock reached across A and B), one
// winner when an expert answers the same invitation on A and B at once and when two officers invite the same
// expert at once, and the escalation job run by both instances' pg-boss workers exactly once per overdue order.
// Setup and checks read and write the database directly (DATABASE_URL, as `npm test` sets).
test.describe.configure({ mode: "serial", timeout: 150_000 });

const run = `${Date.now().toString(36)}${randomBytes(2).toString("hex")}`;
let pool: pg.Pool;

async function rows<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await pool.query<T>(sql, params)).rows;
}
async function one<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await rows<T>(sql, params);
  expect(row, sql).toBeDefined();
  return row;
}

/** A fresh account with the roles of `from` (same password): the spec's lockouts and sign-outs touch no demo account. */
async function cloneUser(from: string, role: string): Promise<{ id: string; username: string }> {
  const id = `two${run}${randomBytes(4).toString("hex")}`;
  const username = `${role}-${run}-${randomBytes(2).toString("hex")}`;
  await pool.query(
    `INSERT INTO "User" SELECT (json_populate_record(NULL::"User", (to_jsonb(u) || jsonb_build_object(
       'id', $2::text, 'username', $3::text, 'phone', NULL, 'email', NULL, 'phoneIndex', NULL, 'emailIndex', NULL,
       'failedLoginCount', 0, 'lockedUntil', NULL, 'sessionVersion', 0, 'mfaEnabledAt', NULL, 'mfaSecret', NULL,
       'lastLoginAt', NULL, 'mustChangePassword', false, 'passwordChangedAt', now()))::json)).*
     FROM "User" u WHERE u."username" = $1`,
    [from, id, username],
  );
  await pool.query(
    `INSERT INTO "RoleAssignment" ("id", "userId", "role", "organizationId", "provinceCode")
     SELECT $2 || '-' || r."id", $2, r."role", r."organizationId", r."provinceCode"
       FROM "RoleAssignment" r JOIN "User" u ON u."id" = r."userId" WHERE u."username" = $1`,
    [from, id],
  );
  return { id, username };
}

/** Sign in through next-auth's credentials endpoint on `base`: null on success, else the refusal code (CAPTCHA, LOCKED …). */
async function signIn(ctx: APIRequestContext, base: string, username: string, password = DEMO_PASSWORD): Promise<string | null> {
  const { csrfToken } = await (await ctx.get(`${base}/api/auth/csrf`)).json();
  const res = await ctx.post(`${base}/api/auth/callback/credentials`, {
    form: { username, password, csrfToken, callbackUrl: `${base}/`, json: "true" }, maxRedirects: 0,
  });
  const target = res.headers()["location"] ?? (await res.json()).url;
  return new URL(target, base).searchParams.get("error");
}

async function sessionCookie(ctx: APIRequestContext): Promise<string> {
  const cookie = (await ctx.storageState()).cookies.find((c) => c.name === "next-auth.session-token");
  expect(cookie, "session cookie").toBeDefined();
  return `next-auth.session-token=${cookie!.value}`;
}

/** Whether `path` on `base` serves the signed-in page for this cookie (not a redirect to the login page). */
async function signedIn(base: string, path: string, cookie: string): Promise<boolean> {
  const ctx = await request.newContext();
  try {
    const res = await ctx.get(`${base}${path}`, { headers: { cookie }, maxRedirects: 0 });
    const location = res.headers()["location"] ?? "";
    if (res.status() >= 300 && res.status() < 400) {
      expect(location).toContain("/login");
      return false;
    }
    expect(res.status()).toBe(200);
    return !(await res.text()).includes("NEXT_REDIRECT");
  } finally {
    await ctx.dispose();
  }
}

test.beforeAll(async () => {
  test.skip(!process.env.DATABASE_URL, "需要 DATABASE_URL 指向演示数据库（npm test 会设置）");
  test.skip(process.env.E2E_TWO_INSTANCES === "0", "E2E_TWO_INSTANCES=0：未启动第二个实例（内置数据库时如此）");
  const healthB = await fetch(`${URL_B}/api/health`).then((r) => r.ok, () => false);
  test.skip(!healthB, `第二个实例（${URL_B}）未启动`);
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
});

test.afterAll(async () => {
  await pool?.end();
});

test("a session begun on A works on B; signed out on A, its cookie is refused on B", async () => {
  const user = await cloneUser("unit", "unit");
  const a = await request.newContext();
  try {
    expect(await signIn(a, URL_A, user.username)).toBeNull();
    const cookie = await sessionCookie(a);
    expect(await signedIn(URL_B, "/unit", cookie)).toBe(true);
    expect(await signedIn(URL_A, "/unit", cookie)).toBe(true);

    const { csrfToken } = await (await a.get(`${URL_A}/api/auth/csrf`)).json();
    await a.post(`${URL_A}/api/auth/signout`, { form: { csrfToken, json: "true" }, maxRedirects: 0 });
    expect((await one<{ v: number }>(`SELECT "sessionVersion" AS v FROM "User" WHERE "id" = $1`, [user.id])).v).toBe(1);
    // The copied cookie is still a well-signed token: only the server-side version refuses it, on B as on A.
    expect(await signedIn(URL_B, "/unit", cookie)).toBe(false);
    expect(await signedIn(URL_A, "/unit", cookie)).toBe(false);
    const denied = await rows(
      `SELECT 1 FROM "AuditLog" WHERE "operation" = 'auth.session' AND "outcome" = 'DENIED' AND "entityId" = $1 AND "summary" LIKE '%会话已注销或密码已修改%'`,
      [user.id],
    );
    expect(denied.length).toBeGreaterThanOrEqual(2);
  } finally {
    await a.dispose();
  }
});

test("failed sign-ins on A and B count together: the captcha after three, the lock at the account's threshold", async () => {
  const [a, b] = [await request.newContext(), await request.newContext()];
  try {
    // Captcha: three failures for one account from this address, spread over A, B, A; the right password on B
    // then needs the captcha (a per-instance count would have seen one failure on B and let it in).
    const c = await cloneUser("unit", "unit");
    expect(await signIn(a, URL_A, c.username, "Wrong#2025")).toBe("INVALID");
    expect(await signIn(b, URL_B, c.username, "Wrong#2025")).toBe("INVALID");
    expect(await signIn(a, URL_A, c.username, "Wrong#2025")).toBe("INVALID");
    expect(await signIn(b, URL_B, c.username)).toBe("CAPTCHA");
    expect(await signIn(a, URL_A, c.username)).toBe("CAPTCHA");
    const counter = await one<{ count: number }>(`SELECT "count" FROM "RateLimit" WHERE "key" LIKE 'login:fail:%:' || $1`, [c.username]);
    expect(counter.count).toBe(3);

    // Lock: the account's own failure count, from every address, reaches the threshold across the instances.
    const l = await cloneUser("unit", "unit");
    await pool.query(`UPDATE "User" SET "failedLoginCount" = $2 WHERE "id" = $1`, [l.id, LOCKOUT_THRESHOLD - 2]);
    expect(await signIn(a, URL_A, l.username, "Wrong#2025")).toBe("INVALID");
    expect(await signIn(b, URL_B, l.username, "Wrong#2025")).toBe("INVALID");
    const locked = await one<{ failedLoginCount: number; lockedUntil: Date | null }>(
      `SELECT "failedLoginCount", "lockedUntil" FROM "User" WHERE "id" = $1`, [l.id]);
    expect(locked.failedLoginCount).toBe(LOCKOUT_THRESHOLD);
    expect(locked.lockedUntil).not.toBeNull();
    expect(await signIn(a, URL_A, l.username)).toBe("LOCKED");
    expect(await signIn(b, URL_B, l.username)).toBe("LOCKED");
  } finally {
    await Promise.all([a.dispose(), b.dispose()]);
  }
});

async function userId(username: string): Promise<string> {
  return (await one<{ id: string }>(`SELECT "id" FROM "User" WHERE "username" = $1`, [username])).id;
}

// Server actions called as the browser calls them (POST with the action's id), for races that need no page: the id
// comes from this build's manifest. Posted to a light page: the action re-renders the page it was posted to, and a
// need's page computes recommendations (a cold instance first builds its matching model, which takes long).
const INVITE = { file: "lib/matches/actions.ts", name: "inviteExpertAction", path: "/expert/invitations" };

function actionId(file: string, name: string): string {
  const manifest = JSON.parse(readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename?: string; exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === name);
  expect(found, `${file} ${name}`).toBeDefined();
  return found![0];
}

async function callAction(
  ctx: APIRequestContext, base: string, action: { file: string; name: string; path: string }, input: Record<string, unknown>,
): Promise<{ ok: true } | { ok: false; error: string }> {
  const res = await ctx.post(`${base}${action.path}`, {
    headers: { "Next-Action": actionId(action.file, action.name), "Content-Type": "text/plain;charset=UTF-8", Accept: "text/x-component", Origin: base },
    data: JSON.stringify(["$undefined", input]),
  });
  expect(res.status()).toBe(200);
  const line = (await res.text()).split("\n").find((l) => /^[0-9a-f]+:\{"ok":/.test(l));
  expect(line, "action result").toBeDefined();
  return JSON.parse(line!.slice(line!.indexOf(":") + 1));
}

/** A browser context signed in as `username` (through the API on `base`; the cookie serves both ports). */
async function signedInContext(browser: Browser, base: string, username: string) {
  const context = await browser.newContext();
  expect(await signIn(context.request, base, username)).toBeNull();
  return context;
}

/** The form's own message (Next's route announcer is an alert too, outside main). */
const formAlert = (page: Page) => page.locator("main").getByRole("alert").filter({ hasText: /\S/ });

/** After both pages submitted at once: which one shows a refusal (exactly one must). */
async function refusedOf(onA: Page, onB: Page): Promise<["refused" | "done", "refused" | "done"]> {
  await expect.poll(async () => (await formAlert(onA).count()) + (await formAlert(onB).count()), { timeout: 15_000 }).toBe(1);
  return (await formAlert(onA).count()) ? ["refused", "done"] : ["done", "refused"];
}

test("an expert accepts on A and declines on B at once: one answer wins, the other is refused", async ({ browser }) => {
  const m = await one<{ id: string; title: string; username: string; expertId: string; active: number }>(`
    SELECT m."id", n."title", u."username", x."id" AS "expertId", x."activeEngagements" AS "active"
      FROM "Match" m JOIN "Need" n ON n."id" = m."needId" JOIN "ExpertProfile" x ON x."id" = m."expertId"
      JOIN "User" u ON u."id" = x."userId" AND u."status" = 'ACTIVE'
     WHERE m."state" = 'INVITED' AND m."respondBy" > now() AND u."username" <> 'expert'
     ORDER BY n."code" DESC LIMIT 1`);
  const context = await signedInContext(browser, URL_A, m.username);
  try {
    const [onA, onB] = [await context.newPage(), await context.newPage()];
    await Promise.all([onA.goto(`${URL_A}/expert/invitations/${m.id}`), onB.goto(`${URL_B}/expert/invitations/${m.id}`)]);
    await onA.getByRole("button", { name: `接受邀请：${m.title}` }).click();
    await onB.getByRole("button", { name: `婉拒邀请：${m.title}` }).click();
    await onB.getByLabel("婉拒原因（必填，将告知省级）").fill("两实例并发测试：时间冲突");
    await Promise.all([
      onA.getByRole("button", { name: "确认接受" }).click(),
      onB.getByRole("button", { name: "确认婉拒" }).click(),
    ]);
    // The loser's form shows the refusal; the winner's page re-renders with the new state (its form gone).
    const [a] = await refusedOf(onA, onB);
    const loser = a === "refused" ? onA : onB;
    await expect(formAlert(loser)).toHaveText(/请刷新后重试|不能/);

    const after = await one<{ state: string; version: number; active: number }>(`
      SELECT m."state", m."version", x."activeEngagements" AS "active"
        FROM "Match" m JOIN "ExpertProfile" x ON x."id" = m."expertId" WHERE m."id" = $1`, [m.id]);
    expect(after.state).toBe(a === "done" ? "ACCEPTED" : "DECLINED");
    expect(after.version).toBe(1);
    // A decline gives the expert's place back; an acceptance keeps it. Never both.
    expect(after.active).toBe(after.state === "DECLINED" ? m.active - 1 : m.active);
    const audits = await rows<{ operation: string }>(
      `SELECT "operation" FROM "AuditLog" WHERE "entityId" = $1 AND "outcome" = 'SUCCESS' AND "operation" IN ('match.accept', 'match.decline')`, [m.id]);
    expect(audits.map((r) => r.operation)).toEqual([after.state === "ACCEPTED" ? "match.accept" : "match.decline"]);
  } finally {
    await context.close();
  }
});

test("two officers of one province invite the same expert to the same need at once: one invitation", async () => {
  const second = await cloneUser("sichuan", "sichuan");
  const [a, b] = [await request.newContext(), await request.newContext()];
  try {
    expect(await signIn(a, URL_A, "sichuan")).toBeNull();
    expect(await signIn(b, URL_B, second.username)).toBeNull();
    // Pairs the province may invite as far as the database says (open need with a seat, own active expert with a
    // place, no match yet); the matching engine's hard filters may still refuse one — then both officers get the
    // same refusal and the next pair is tried.
    const pairs = await rows<{ needId: string; expertId: string; active: number }>(`
      SELECT n."id" AS "needId", x."id" AS "expertId", x."activeEngagements" AS "active"
        FROM (SELECT n."id", n."code" FROM "Need" n
               WHERE n."provinceCode" = '51' AND n."state" = 'OPEN'
                 AND n."expertsWanted" > (SELECT count(*) FROM "Match" m WHERE m."needId" = n."id" AND m."state" IN ('INVITED', 'ACCEPTED', 'CONFIRMED'))
               ORDER BY n."code" DESC LIMIT 4) n
        CROSS JOIN LATERAL (SELECT x."id", x."activeEngagements" FROM "ExpertProfile" x
               WHERE x."provinceCode" = '51' AND x."status" = 'ACTIVE' AND x."activeEngagements" < x."maxConcurrent"
                 AND NOT EXISTS (SELECT 1 FROM "Match" m WHERE m."needId" = n."id" AND m."expertId" = x."id")
               ORDER BY x."id" DESC LIMIT 4) x`);
    // Twice: the first time an instance started without having scored yet fits its matching model (long, CPU-bound);
    // that used to happen inside the invitation's transaction and outlast it, both officers refused with 系统繁忙
    // (lib/matches/service.ts warmScoring). The second time both instances are warm and the requests really meet.
    const raced: string[] = [];
    const experts = new Set<string>();
    for (const pair of pairs) {
      if (raced.length === 2) break;
      if (raced.includes(pair.needId) || experts.has(pair.expertId)) continue;
      const input = { needId: pair.needId, expertId: pair.expertId };
      const results = await Promise.all([callAction(a, URL_A, INVITE, input), callAction(b, URL_B, INVITE, input)]);
      // Both refused by a hard filter of the matching engine: not a pair to race on.
      if (results.every((r) => !r.ok && r.error.startsWith("不能匹配该专家"))) continue;
      raced.push(pair.needId);
      experts.add(pair.expertId);
      expect(results.map((r) => r.ok).sort(), JSON.stringify(results)).toEqual([false, true]);
      const loser = results.find((r) => !r.ok)!;
      expect(loser.error).toMatch(/请刷新后重试|名额已满|不能|已满/);

      const matches = await rows<{ id: string; state: string; invitedById: string }>(
        `SELECT "id", "state", "invitedById" FROM "Match" WHERE "needId" = $1 AND "expertId" = $2`, [pair.needId, pair.expertId]);
      expect(matches).toHaveLength(1);
      expect(matches[0].state).toBe("INVITED");
      expect(matches[0].invitedById).toBe(results[0].ok ? await userId("sichuan") : second.id);
      const audits = await rows<{ actorId: string }>(
        `SELECT "actorId" FROM "AuditLog" WHERE "entityId" = $1 AND "operation" = 'match.invite' AND "outcome" = 'SUCCESS'`, [matches[0].id]);
      expect(audits.map((r) => r.actorId)).toEqual([matches[0].invitedById]);
      // One place of the expert taken, not two; one notification to the expert.
      expect((await one<{ active: number }>(`SELECT "activeEngagements" AS "active" FROM "ExpertProfile" WHERE "id" = $1`, [pair.expertId])).active)
        .toBe(pair.active + 1);
      const notes = await rows(`SELECT 1 FROM "Notification" WHERE "link" = $1`, [`/expert/invitations/${matches[0].id}`]);
      expect(notes.length).toBeLessThanOrEqual(1);
    }
    expect(raced, "四川省有两项可邀请的需求与专家").toHaveLength(2);
  } finally {
    await Promise.all([a.dispose(), b.dispose()]);
  }
});

test("overdue rectifications escalate once while both instances' pg-boss workers run the job", async () => {
  const JOB = "base-rectification-escalation";
  // Both instances started pg-boss on this database (JOBS_MODE auto on PostgreSQL) and scheduled the job: one schedule.
  await expect.poll(async () => (await rows(`SELECT 1 FROM pgboss.schedule WHERE "name" = $1`, [JOB]).catch(() => [])).length, { timeout: 30_000 })
    .toBe(1);

  // Twelve bases of this run, each with an order past its deadline and unanswered.
  const template = await one<{ id: string }>(`SELECT "id" FROM "ServiceBase" WHERE "state" = 'ESTABLISHED' ORDER BY "name" LIMIT 1`);
  const issuer = await one<{ id: string }>(`SELECT "id" FROM "User" WHERE "username" = 'sichuan'`);
  const bases: { id: string; name: string; order: string }[] = [];
  for (let i = 0; i < 12; i++) {
    const id = `two${run}b${i}`;
    const name = `两实例测试基地${run}-${i}`;
    await pool.query(
      `INSERT INTO "ServiceBase" SELECT (json_populate_record(NULL::"ServiceBase", (to_jsonb(b) || jsonb_build_object(
         'id', $2::text, 'name', $3::text, 'code', NULL))::json)).* FROM "ServiceBase" b WHERE b."id" = $1`,
      [template.id, id, name],
    );
    const order = `two${run}r${i}`;
    await pool.query(
      `INSERT INTO "RectificationOrder" ("id", "baseId", "reason", "deadline", "state", "issuedById", "createdAt", "updatedAt", "requiredItems")
       VALUES ($1, $2, '两实例测试：年度评估不合格', CURRENT_DATE - 3, 'ISSUED', $3, now() - interval '1 year', now(), ARRAY['恢复服务活动'])`,
      [order, id, issuer.id],
    );
    bases.push({ id, name, order });
  }

  // Six runs of the job at once, as a schedule tick would queue them, for the workers of A and B to take.
  const boss = new PgBoss({ connectionString: process.env.DATABASE_URL!, schema: "pgboss", max: 2, supervise: false, schedule: false, migrate: false });
  boss.on("error", () => {});
  await boss.start();
  try {
    const ids = (await Promise.all(Array.from({ length: 6 }, () => boss.send(JOB, {})))).filter((x): x is string => !!x);
    expect(ids).toHaveLength(6);
    await expect.poll(async () => {
      const jobs = await Promise.all(ids.map((id) => boss.getJobById(JOB, id, { includeArchive: true })));
      return jobs.map((j) => `${j?.state}/${j?.retryCount}`);
    }, { timeout: 45_000, intervals: [500] }).toEqual(ids.map(() => "completed/0"));
    // Taken by more than one worker, i.e. by both instances (this process only sends): one worker starts its runs
    // at least its polling interval (2 s, lib/jobs/boss.ts) apart, so two runs starting closer came from two.
    const starts = (await rows<{ t: number }>(
      `SELECT extract(epoch FROM "started_on") * 1000 AS t FROM pgboss.job WHERE "id" = ANY($1::uuid[]) ORDER BY 1`, [ids]))
      .map((r) => Number(r.t));
    expect(starts).toHaveLength(6);
    expect(Math.min(...starts.slice(1).map((t, i) => t - starts[i]))).toBeLessThan(1_800);
  } finally {
    await boss.stop({ graceful: false, wait: false }).catch(() => {});
  }

  for (const b of bases) {
    const order = await one<{ escalatedAt: Date | null }>(`SELECT "escalatedAt" FROM "RectificationOrder" WHERE "id" = $1`, [b.order]);
    expect(order.escalatedAt, b.name).not.toBeNull();
    const events = await rows(`SELECT 1 FROM "BaseEvent" WHERE "baseId" = $1 AND "action" = '整改逾期未答复，自动上报'`, [b.id]);
    expect(events, b.name).toHaveLength(1);
    const audits = await rows(`SELECT 1 FROM "AuditLog" WHERE "operation" = 'base.escalate' AND "entityId" = $1`, [b.order]);
    expect(audits, b.name).toHaveLength(1);
    // Each person told once: the province, the ministry and the host.
    const notes = await rows<{ title: string; n: number }>(
      `SELECT "title", count(*)::int AS n FROM "Notification" WHERE "title" IN ($1, $2) GROUP BY "userId", "title"`,
      [`整改逾期：${b.name}`, `整改逾期已上报：${b.name}`]);
    expect(new Set(notes.map((r) => r.title)), b.name).toEqual(new Set([`整改逾期：${b.name}`, `整改逾期已上报：${b.name}`]));
    expect(notes.filter((r) => r.n !== 1), b.name).toEqual([]);
  }
});
