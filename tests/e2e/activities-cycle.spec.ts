import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { expectAccessible, signInAs } from "./support";

// One whole annual cycle of demonstration activities in one plan — next year's OPEN 博士后科技服务团 plan — with two
// provinces and a State Council department taking part, following one NEW application from start to finish:
//   四川 (province A): the demo unit applies (form, a linked need, the engine proposes the team, the mix rule
//     专家 + 导师 + 博士后 completed from the pool), submits; the 四川 admin recommends it and submits its ranked list.
//   湖南 (province B): a 湖南 unit applies through 农业农村部, which recommends it and submits its list; the 湖南
//     admin recommends the province's own application (from the demo) and submits its list.
//   The ministry closes the plan, assigns two reviewers from other provinces to each new application; each reviewer
//     signs in and scores; the selection board selects both new ones with reasons, rejects every other recommended
//     application of the plan with its reason, publishes; the public portal lists the selected ones (no login).
//   The 四川 unit starts its activity, reports the month's progress, completes it (final report, an actual for every
//     target); 四川 evaluates, then the ministry → 已评估.
// Every page passes the axe check and no page logs a console error.
test.describe.configure({ timeout: 600_000 });

const chinaDay = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });
const PLAN_THEME = "博士后科技服务助力产业振兴";
const TEAM_ROLES = ["专家", "导师", "博士后"] as const;
type Role = (typeof TEAM_ROLES)[number];

async function withDb<T>(fn: (one: <R extends object>(sql: string, args?: unknown[]) => Promise<R | null>, all: <R extends object>(sql: string, args?: unknown[]) => Promise<R[]>) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    const all = async <R extends object>(sql: string, args: unknown[] = []) => (await client.query<R & pg.QueryResultRow>(sql, args)).rows as R[];
    const one = async <R extends object>(sql: string, args: unknown[] = []) => (await all<R>(sql, args))[0] ?? null;
    return await fn(one, all);
  } finally {
    await client.end();
  }
}

type Facts = {
  planId: string;
  unitB: string; provinceB: string; provinceBAdmin: string;
  ownB: { title: string };
};

/** Read-only lookups in the seeded demo database, so the spec follows the seed. */
async function facts(): Promise<Facts | null> {
  return withDb(async (one) => {
    const plan = await one<{ id: string }>(`
      SELECT p."id" FROM "AnnualPlan" p JOIN "Program" g ON g."id" = p."programId"
       WHERE g."code" = 'POSTDOC_SERVICE' AND p."state" = 'OPEN' AND p."theme" = $1 LIMIT 1`, [PLAN_THEME]);
    if (!plan) return null;
    // Province B: a province with a SUBMITTED application of its own in the plan, and a unit there with a linkable need.
    const ownB = await one<{ title: string; provinceCode: string }>(`
      SELECT a."title", a."provinceCode" FROM "DemonstrationActivity" a
       WHERE a."planId" = $1 AND a."state" = 'SUBMITTED' AND a."channelOrgId" IS NULL AND a."provinceCode" <> '51'
       ORDER BY a."id" LIMIT 1`, [plan.id]);
    if (!ownB) return null;
    const unitB = await one<{ username: string }>(`
      SELECT u."username" FROM "User" u JOIN "RoleAssignment" ra ON ra."userId" = u."id" AND ra."role" = 'UNIT_USER'
        JOIN "Organization" o ON o."id" = ra."organizationId" JOIN "Region" r ON r."code" = o."regionCode"
       WHERE u."status" = 'ACTIVE' AND NOT u."mustChangePassword" AND r."provinceCode" = $1 AND r."level" = 'COUNTY'
         AND EXISTS (SELECT 1 FROM "Need" n WHERE n."unitId" = o."id" AND n."state" IN ('OPEN','MATCHED','IN_SERVICE') AND n."activityId" IS NULL)
       ORDER BY u."username" LIMIT 1`, [ownB.provinceCode]);
    const admin = await one<{ username: string }>(`
      SELECT u."username" FROM "RoleAssignment" ra JOIN "User" u ON u."id" = ra."userId"
       WHERE ra."role" = 'PROVINCE_ADMIN' AND ra."provinceCode" = $1 AND u."status" = 'ACTIVE' ORDER BY u."username" LIMIT 1`, [ownB.provinceCode]);
    if (!unitB || !admin) return null;
    return { planId: plan.id, unitB: unitB.username, provinceB: ownB.provinceCode, provinceBAdmin: admin.username, ownB: { title: ownB.title } };
  });
}

/** An expert of the pool who can fill `role` on the team of `activityId`: free capacity, no blackout, a unique name. */
async function poolExpertFor(activityId: string, role: Role): Promise<string | null> {
  const fits: Record<Role, string> = {
    博士后: `'POSTDOC' = ANY(x."talentCategories")`,
    导师: `NOT 'POSTDOC' = ANY(x."talentCategories") AND x."title" IN ('SENIOR', 'ASSOCIATE_SENIOR')`,
    专家: `NOT 'POSTDOC' = ANY(x."talentCategories")`,
  };
  return withDb(async (one) => (await one<{ name: string }>(`
    SELECT x."name" FROM "ExpertProfile" x
     WHERE x."status" = 'ACTIVE' AND x."maxConcurrent" > x."activeEngagements" AND ${fits[role]}
       AND NOT EXISTS (SELECT 1 FROM "ExpertAvailability" b WHERE b."expertId" = x."id" AND b."kind" = 'BLACKOUT')
       AND NOT EXISTS (SELECT 1 FROM "ActivityTeamMember" t WHERE t."activityId" = $1 AND t."expertId" = x."id")
       AND (SELECT count(*) FROM "ExpertProfile" y WHERE y."name" LIKE '%' || x."name" || '%' OR y."employer" LIKE '%' || x."name" || '%') = 1
     ORDER BY x."name" LIMIT 1`, [activityId]))?.name ?? null);
}

/** Experts eligible to review every one of `activityIds` (other provinces, on none of their teams), by name → username. */
async function eligibleReviewers(activityIds: string[]): Promise<Map<string, string>> {
  const rows = await withDb((_, all) => all<{ username: string; name: string }>(`
    SELECT u."username", x."name" FROM "User" u JOIN "ExpertProfile" x ON x."userId" = u."id"
      JOIN "RoleAssignment" ra ON ra."userId" = u."id" AND ra."role" = 'EXPERT'
      LEFT JOIN "Organization" o ON o."id" = u."organizationId" LEFT JOIN "Region" r ON r."code" = o."regionCode"
     WHERE u."status" = 'ACTIVE' AND NOT u."mustChangePassword" AND x."status" = 'ACTIVE' AND u."username" <> 'expert'
       AND x."provinceCode" NOT IN (SELECT a."provinceCode" FROM "DemonstrationActivity" a WHERE a."id" = ANY($1))
       AND coalesce(r."provinceCode", '') NOT IN (SELECT a."provinceCode" FROM "DemonstrationActivity" a WHERE a."id" = ANY($1))
       AND NOT EXISTS (SELECT 1 FROM "ActivityTeamMember" t WHERE t."activityId" = ANY($1) AND t."expertId" = x."id")`, [activityIds]));
  const twice = new Set(rows.filter((r, i) => rows.findIndex((q) => q.name === r.name) !== i).map((r) => r.name));
  return new Map(rows.filter((r) => !twice.has(r.name)).map((r) => [r.name, r.username]));
}

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(`${page.url()}: ${m.text()}`); });
  page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
  return errors;
}

/** The application form of the signed-in applicant, saved as a draft; returns the new activity's id. */
async function applyDraft(page: Page, o: { title: string; viaDepartment?: boolean; paired?: string }): Promise<string> {
  await page.goto("/activities");
  await expect(page.getByRole("heading", { level: 1, name: "示范活动申报" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "申报示范活动" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "申报示范活动" })).toBeVisible();
  await expectAccessible(page);
  const plan = page.getByLabel("年度计划");
  const planValue = await plan.locator("option", { hasText: PLAN_THEME }).first().getAttribute("value");
  await plan.selectOption(planValue!);
  await page.getByLabel("项目类别").selectOption("POSTDOC_SERVICE");
  if (o.viaDepartment) await page.getByLabel("推荐渠道").selectOption({ label: "通过农业农村部推荐" });
  await page.getByLabel("活动名称").fill(o.title);
  await page.getByLabel("活动方案").fill("组织博士后在导师带领下，围绕产业关键技术难题开展联合攻关、现场指导和技术培训，形成可推广的技术规程。");
  await page.getByLabel("与年度主题的契合").fill("紧扣博士后科技服务助力产业振兴主题，以产业真实需求为导向。");
  await page.getByLabel("计划开始日期").fill(chinaDay(100));
  await page.getByLabel("计划结束日期").fill(chinaDay(220));
  await page.getByLabel("计划专家人数（名额）").fill("3");
  if (o.paired) await page.getByLabel("东中西部人才协作结对省份").selectOption({ label: o.paired });
  await page.getByRole("checkbox", { name: "技术指导", exact: true }).check();
  await page.getByRole("group", { name: "关联需求" }).getByRole("checkbox").first().check();
  await page.getByLabel("预算科目 1", { exact: true }).fill("专家差旅和食宿");
  await page.getByLabel("预算科目 1 金额（元）").fill("40000");
  await page.getByLabel("目标指标 1", { exact: true }).fill("培训技术骨干");
  await page.getByLabel("目标指标 1 目标值").fill("80");
  await page.getByLabel("目标指标 1 单位").fill("人");
  await page.getByLabel("目标指标 2", { exact: true }).fill("解决技术难题");
  await page.getByLabel("目标指标 2 目标值").fill("6");
  await page.getByLabel("目标指标 2 单位").fill("个");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: o.title })).toBeVisible();
  await expect(page.getByRole("table", { name: "关联需求" }).getByRole("row")).toHaveCount(2);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Completes the team to the program's mix (专家 + 导师 + 博士后) by picking from the pool the roles it lacks. */
async function completeMix(page: Page, id: string) {
  for (const role of TEAM_ROLES) {
    const members = page.getByRole("listitem").filter({ hasText: `（${role}）` });
    if (await members.count()) continue;
    const name = await poolExpertFor(id, role);
    expect(name, `专家库中应有可担任“${role}”的专家`).not.toBeNull();
    await page.goto(`/activities/${id}?q=${encodeURIComponent(name!)}`);
    await page.getByLabel(`${name}的团队角色`).selectOption(role);
    await page.getByRole("button", { name: `将${name}加入团队` }).click();
    await expect(page.getByRole("button", { name: `将${name}移出团队` })).toBeVisible();
  }
}

async function submitApplication(page: Page) {
  await page.getByRole("button", { name: "提交申报" }).click();
  await expect(page.getByText("待推荐", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "提交申报" })).toHaveCount(0);
}

/** The channel (province or department) recommends `title` in the plan and submits its ranked list. */
async function recommendAndSubmit(page: Page, title: string) {
  await page.goto("/activities/recommend");
  await expect(page.getByRole("heading", { level: 1, name: "示范活动推荐" })).toBeVisible();
  await expectAccessible(page);
  const section = page.getByRole("region", { name: new RegExp(PLAN_THEME) });
  await section.getByRole("link", { name: `预审：${title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: /推荐（/ }).check();
  await page.getByRole("button", { name: "确认" }).click();
  await expect(status(page, "预审结果已保存")).toBeVisible();
  await page.goto("/activities/recommend");
  const ranked = section.getByRole("table", { name: /推荐名单/ });
  await expect(ranked).toContainText(title);
  await section.getByRole("button", { name: "报送推荐名单" }).click();
  await page.getByRole("button", { name: "确认报送" }).click();
  await expect(status(page, "推荐名单已报送")).toBeVisible();
}

test("a whole annual cycle: two provinces and a department, apply → recommend → review → select → publish → progress → evaluation", async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, "需要 DATABASE_URL 指向演示数据库（npm test 会设置）");
  const f = await facts();
  expect(f, "演示数据应有：开放申报的博士后科技服务团年度计划、其中外省已提交的申报、该省有可关联需求的单位账号").not.toBeNull();
  const { planId, unitB, provinceBAdmin, ownB } = f!;
  const errors = watchConsole(page);
  const stamp = Date.now().toString(36);
  const titleA = `博士后科技服务团助力蒲江丑柑产业 E2E${stamp}`;
  const titleB = `博士后科技服务团服务安化黑茶加工（经农业农村部推荐）E2E${stamp}`;

  // ─── 1. 四川: the demo unit applies; the engine proposes the team; the mix is completed from the pool ───
  await signInAs(page, "unit");
  const idA = await applyDraft(page, { title: titleA, paired: "浙江省" });
  await page.getByLabel("团队人数").fill("3");
  await page.getByRole("button", { name: "按关联需求智能组队" }).click();
  await expect(status(page, "已按匹配结果组建团队")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("button", { name: /移出团队$/ }).first()).toBeVisible();
  await completeMix(page, idA);
  await expectAccessible(page);
  await submitApplication(page);

  // ─── 2. 湖南: a unit applies through 农业农村部, its team picked from the pool ───
  await signInAs(page, unitB);
  const idB = await applyDraft(page, { title: titleB, viaDepartment: true });
  await expect(page.getByText("农业农村部").first()).toBeVisible();
  // Submitting without a team is refused with the reason.
  await page.getByRole("button", { name: "提交申报" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "计划团队" })).toBeVisible();
  await completeMix(page, idB);
  await submitApplication(page);

  // The channels: 四川 recommends A, 农业农村部 recommends B, 湖南 its own application; each submits its list.
  await signInAs(page, "sichuan");
  await recommendAndSubmit(page, titleA);
  await signInAs(page, "department");
  await recommendAndSubmit(page, titleB);
  await signInAs(page, provinceBAdmin);
  // B went through the department, not through 湖南's queue.
  await page.goto("/activities/recommend");
  await expect(page.getByRole("link", { name: `预审：${titleB}` })).toHaveCount(0);
  await recommendAndSubmit(page, ownB.title);

  // ─── 3. The ministry closes the plan, assigns reviewers ───
  await signInAs(page, "ministry");
  await page.goto(`/ministry/plans/${planId}`);
  await expect(page.getByText(`年度主题：${PLAN_THEME}`)).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "截止申报" }).click();
  await page.getByRole("button", { name: "确认截止" }).click();
  await expect(page.getByText("申报截止", { exact: true }).first()).toBeVisible();

  // Two reviewers for each application, from the ministry's list of eligible experts (other provinces, not on the
  // team): the same two for both, so each signs in once.
  const eligible = await eligibleReviewers([idA, idB]);
  const listed: string[][] = [];
  for (const id of [idA, idB]) {
    await page.goto(`/ministry/activities/${id}`);
    await expectAccessible(page);
    listed.push((await page.getByRole("form", { name: "分配评审专家" }).locator("li label").allInnerTexts()).map((t) => t.trim()));
  }
  const picked = listed[0].filter((n) => listed[1].includes(n) && eligible.has(n) && listed[0].filter((m) => m === n).length === 1).slice(0, 2);
  expect(picked, "两项申报的评审专家候选名单中应有两名共同的、可登录的外省专家").toHaveLength(2);
  const reviewers = picked.map((name) => ({ name, username: eligible.get(name)! }));
  for (const id of [idA, idB]) {
    await page.goto(`/ministry/activities/${id}`);
    const assign = page.getByRole("form", { name: "分配评审专家" });
    for (const r of reviewers) await assign.getByRole("checkbox", { name: r.name, exact: true }).check();
    await assign.getByRole("button", { name: "分配所选专家" }).click();
    await expect(page.getByText("评审专家已分配，并已通知专家")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "评审专家（2）" })).toBeVisible();
  }

  // Each reviewer signs in and scores both applications.
  const scores: [string, string][][] = [
    [["主题契合（0–20 分）", "18"], ["需求真实（0–20 分）", "17"], ["专家实力（0–20 分）", "17"], ["方案可行（0–15 分）", "13"], ["预期成效（0–15 分）", "13"], ["东西部协作（0–10 分）", "8"]],
    [["主题契合（0–20 分）", "17"], ["需求真实（0–20 分）", "18"], ["专家实力（0–20 分）", "16"], ["方案可行（0–15 分）", "12"], ["预期成效（0–15 分）", "13"], ["东西部协作（0–10 分）", "7"]],
  ];
  for (const [k, r] of reviewers.entries()) {
    await signInAs(page, r.username);
    for (const title of [titleA, titleB]) {
      await page.goto("/expert/reviews");
      await expect(page.getByRole("heading", { level: 1, name: "评审任务" })).toBeVisible();
      await expectAccessible(page);
      await page.getByRole("link", { name: title }).click();
      await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      await expectAccessible(page);
      const form = page.getByRole("form", { name: "评分" });
      for (const [label, v] of scores[k]) await form.getByLabel(label).fill(v);
      await form.getByLabel("评审意见（必填）").fill("博士后与导师搭配合理，需求来自基层点单，量化目标明确，建议入选。");
      await form.getByRole("button", { name: "提交评分" }).click();
      await expect(page.getByText(/您已于 .+ 提交评分，总分/)).toBeVisible();
    }
  }

  // The selection board: both new applications selected with reasons, every other recommended one rejected with its reason.
  await signInAs(page, "ministry");
  await page.goto(`/ministry/plans/${planId}/selection`);
  await expect(page.getByRole("heading", { level: 1, name: /遴选会/ })).toBeVisible();
  await expectAccessible(page);
  for (const title of [titleA, titleB]) {
    await page.getByRole("button", { name: `入选：${title}`, exact: true }).click();
    const select = page.getByRole("form", { name: `入选：${title}`, exact: true });
    await select.getByLabel("入选理由（必填）").fill("评审得分高，博士后科技服务特色鲜明，同意入选。");
    await select.getByRole("button", { name: "确认入选" }).click();
    await expect(page.getByRole("button", { name: `入选：${title}`, exact: true })).toHaveCount(0);
  }
  let rejected = 0;
  for (;;) {
    const next = page.getByRole("button", { name: /^不入选：/ }).first();
    if (!(await next.count())) break;
    const name = (await next.getAttribute("aria-label"))!;
    await next.click();
    const reject = page.getByRole("form", { name, exact: true });
    await reject.getByLabel("不入选理由（必填）").fill("未安排评审或评审得分偏低，本年度未入选。");
    await reject.getByRole("button", { name: "确认不入选" }).click();
    await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
    rejected++;
  }
  expect(rejected, "湖南自己的推荐应在遴选会上不入选").toBeGreaterThanOrEqual(1);
  await page.getByRole("button", { name: "公布遴选结果" }).click();
  await page.getByRole("form", { name: "公布遴选结果" }).getByRole("button", { name: "确认公布" }).click();
  await expect(page.getByText(/已于 .+ 公布，入选名单见/)).toBeVisible();

  // ─── 4. The public portal lists the selected ones, without signing in ───
  await page.context().clearCookies();
  await page.goto("/");
  await page.getByRole("navigation", { name: "站点导航" }).getByRole("link", { name: "示范活动" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /示范活动入选名单/ })).toBeVisible();
  await expect(page.getByRole("link", { name: titleA })).toBeVisible();
  await expect(page.getByRole("link", { name: titleB })).toBeVisible();
  await expect(page.getByRole("link", { name: ownB.title })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: titleA }).click();
  await expect(page.getByRole("heading", { level: 1, name: titleA })).toBeVisible();
  await expectAccessible(page);

  // ─── 5. 四川's unit runs its activity: start, the month's progress, completion ───
  await signInAs(page, "unit");
  await page.goto(`/activities/${idA}`);
  await expect(page.getByText("已入选", { exact: true }).first()).toBeVisible();
  await page.getByRole("link", { name: /进展报送/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: titleA })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: "开始实施" }).click();
  await page.getByRole("button", { name: "确认开始" }).click();
  const progress = page.getByRole("form", { name: /^报送 \d{4}-\d{2} 进展$/ });
  await expect(progress).toBeVisible();
  await expectAccessible(page);
  const content = "本月组织博士后和导师赴现场开展技术指导，培训技术骨干 20 人次，对接解决技术问题 2 个。";
  await progress.getByLabel("本期进展（简要）").fill(content);
  await progress.getByRole("button", { name: /^报送 \d{4}-\d{2} 进展$/ }).click();
  await expect(page.getByRole("cell", { name: content })).toBeVisible();

  const complete = page.getByRole("form", { name: "提交总结，完成活动" });
  await complete.getByLabel(/^培训技术骨干：实际完成/).fill("86");
  await complete.getByLabel("活动总结（必填）").fill("活动按计划完成：博士后在导师带领下开展联合攻关和现场指导，培训技术骨干 86 人，解决技术难题 7 个，目标全部完成。");
  await complete.getByRole("button", { name: "提交总结，完成活动" }).click();
  // Every target needs its actual: refused, nothing saved, until the last one is filled in.
  await expect(complete.getByRole("alert").filter({ hasText: "请填写“解决技术难题”的实际完成情况" })).toBeVisible();
  await complete.getByLabel(/^解决技术难题：实际完成/).fill("7");
  await complete.getByRole("button", { name: "提交总结，完成活动" }).click();
  await expect(page.getByText("培训技术骨干：目标 80 人，实际 86 人")).toBeVisible();

  // ─── 6. 四川 evaluates, then the ministry ───
  await signInAs(page, "sichuan");
  await page.goto(`/activities/${idA}/evaluation`);
  await expectAccessible(page);
  const province = page.getByRole("form", { name: "省级评估" });
  await province.getByRole("radio", { name: "优秀", exact: true }).check();
  await province.getByLabel("评估得分（0–100）").fill("93");
  await province.getByLabel("评估意见（必填）").fill("目标全部超额完成，博士后服务成效明显，服务单位满意。");
  await province.getByRole("button", { name: "提交省级评估" }).click();
  await expect(page.getByRole("cell", { name: "省级评估" })).toBeVisible();

  await signInAs(page, "ministry");
  await page.goto(`/activities/${idA}/evaluation`);
  await expectAccessible(page);
  const ministry = page.getByRole("form", { name: "部级评估" });
  await ministry.getByRole("radio", { name: "优秀", exact: true }).check();
  await ministry.getByLabel("评估得分（0–100）").fill("90");
  await ministry.getByLabel("评估意见（必填）").fill("示范带动作用明显，形成了可复制推广的博士后科技服务模式。");
  await ministry.getByRole("button", { name: "提交部级评估" }).click();
  await expect(page.getByRole("cell", { name: "部级评估" })).toBeVisible();
  await expect(page.getByText("已评估").first()).toBeVisible();

  // The activity's own page tells the whole story in its timeline.
  await page.goto(`/activities/${idA}`);
  const timeline = page.getByRole("list", { name: "办理过程" });
  for (const s of ["草稿 → 待推荐", "待推荐 → 已推荐", "已推荐 → 已入选", "已入选 → 实施中", "实施中 → 已完成", "已完成 → 已评估"]) {
    await expect(timeline.getByText(s, { exact: true })).toBeVisible();
  }
  await expectAccessible(page);

  expect(errors.filter((e) => !/404|Failed to load resource/.test(e))).toEqual([]);
});
