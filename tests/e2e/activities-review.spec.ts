import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { expectAccessible, signInAs } from "./support";

// The ministry's part of the annual cycle on the demo data: assign reviewers (a recused one refused), the demo
// expert scores, the selection board decides with reasons and publishes, the public portal lists the selection;
// then a running activity's monthly progress report and a completed one's province and ministry evaluations.
test.describe.configure({ timeout: 300_000 });

type Facts = {
  planId: string;
  unassigned: { id: string; title: string; provinceCode: string };
  sameProvinceExpert: string;
  scored: { title: string };
  running: { id: string; admin: string };
  completed: { id: string; admin: string };
};

/** Read-only lookups in the seeded demo database, so the spec follows the seed. */
async function facts(): Promise<Facts | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const one = async <T extends object>(sql: string, args: unknown[] = []) => (await client.query<T & pg.QueryResultRow>(sql, args)).rows[0] ?? null;
  try {
    const scored = await one<{ title: string; planId: string }>(`
      SELECT a."title", a."planId" FROM "ActivityReview" r JOIN "DemonstrationActivity" a ON a."id" = r."activityId"
        JOIN "User" u ON u."id" = r."reviewerId" JOIN "AnnualPlan" p ON p."id" = a."planId"
       WHERE u."username" = 'expert' AND r."submittedAt" IS NULL AND a."state" = 'RECOMMENDED' AND p."state" = 'CLOSED' LIMIT 1`);
    if (!scored) return null;
    const unassigned = await one<Facts["unassigned"]>(`
      SELECT a."id", a."title", a."provinceCode" FROM "DemonstrationActivity" a
       WHERE a."planId" = $1 AND a."state" = 'RECOMMENDED' AND NOT EXISTS (SELECT 1 FROM "ActivityReview" r WHERE r."activityId" = a."id")
       ORDER BY a."id" LIMIT 1`, [scored.planId]);
    if (!unassigned) return null;
    const same = await one<{ name: string }>(`
      SELECT x."name" FROM "ExpertProfile" x JOIN "User" u ON u."id" = x."userId" AND u."status" = 'ACTIVE'
       WHERE x."provinceCode" = $1 AND x."status" = 'ACTIVE'
         AND (SELECT count(*) FROM "ExpertProfile" y WHERE y."name" LIKE '%' || x."name" || '%') = 1
       ORDER BY x."name" LIMIT 1`, [unassigned.provinceCode]);
    const adminOf = `(SELECT u."username" FROM "RoleAssignment" ra JOIN "User" u ON u."id" = ra."userId" WHERE ra."role" = 'PROVINCE_ADMIN' AND ra."provinceCode" = a."provinceCode" ORDER BY u."username" LIMIT 1)`;
    const running = await one<Facts["running"]>(`
      SELECT a."id", ${adminOf} AS "admin" FROM "DemonstrationActivity" a
       WHERE a."state" = 'IN_PROGRESS' AND a."isDemonstration" ORDER BY a."id" LIMIT 1`);
    const completed = await one<Facts["completed"]>(`
      SELECT a."id", ${adminOf} AS "admin" FROM "DemonstrationActivity" a
       WHERE a."state" = 'COMPLETED' AND a."isDemonstration" AND NOT EXISTS (SELECT 1 FROM "ActivityEvaluation" e WHERE e."activityId" = a."id")
       ORDER BY a."id" LIMIT 1`);
    if (!same || !running || !completed) return null;
    return { planId: scored.planId, unassigned, sameProvinceExpert: same.name, scored, running, completed };
  } finally {
    await client.end();
  }
}

function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

test("assign reviewers with recusal, score, select with reasons, publish, public list, progress, evaluations", async ({ page }) => {
  test.skip(!process.env.DATABASE_URL, "需要 DATABASE_URL 指向演示数据库（npm test 会设置）");
  const f = await facts();
  expect(f, "演示数据应有：已截止计划中待演示专家评分和尚未分配评审的已推荐申报、外省同名唯一的专家、实施中和待评估的示范活动").not.toBeNull();
  const { planId, unassigned, sameProvinceExpert, scored, running, completed } = f!;
  const errors = watchConsole(page);

  // The ministry reaches the review list from the navigation.
  await signInAs(page, "ministry");
  await page.getByRole("link", { name: "示范活动评审" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "示范活动评审" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: `分配评审：${unassigned.title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: unassigned.title })).toBeVisible();
  await expectAccessible(page);

  // A reviewer from the applicant's province is refused (recusal enforced), nothing assigned.
  const search = page.getByRole("search", { name: "查找评审专家" });
  await search.getByLabel("专家姓名").fill(sameProvinceExpert);
  await search.getByRole("button", { name: "查找" }).click();
  await expect(page.getByText("同省回避")).toBeVisible();
  const assign = page.getByRole("form", { name: "分配评审专家" });
  await assign.getByRole("checkbox", { name: sameProvinceExpert }).check();
  await assign.getByRole("button", { name: "分配所选专家" }).click();
  await expect(assign.getByText(/按回避规定不能评审该申报/)).toBeVisible();
  await expect(page.getByText("尚未分配评审专家")).toBeVisible();

  // Two eligible experts from the default list.
  await page.goto(`/ministry/activities/${unassigned.id}`);
  const boxes = page.getByRole("form", { name: "分配评审专家" }).getByRole("checkbox");
  await boxes.nth(0).check();
  await boxes.nth(1).check();
  await page.getByRole("button", { name: "分配所选专家" }).click();
  await expect(page.getByText("评审专家已分配，并已通知专家")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "评审专家（2）" })).toBeVisible();

  // The demo expert scores the application assigned to them.
  await signInAs(page, "expert");
  await page.getByRole("link", { name: "评审任务" }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "评审任务" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: scored.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: scored.title })).toBeVisible();
  await expectAccessible(page);
  const form = page.getByRole("form", { name: "评分" });
  await form.getByLabel("主题契合（0–20 分）").fill("25");
  for (const [label, v] of [["需求真实（0–20 分）", "17"], ["专家实力（0–20 分）", "16"], ["方案可行（0–15 分）", "13"], ["预期成效（0–15 分）", "12"], ["东西部协作（0–10 分）", "8"]]) {
    await form.getByLabel(label).fill(v);
  }
  await form.getByLabel("评审意见（必填）").fill("需求真实具体，专家团队结构合理，建议入选。");
  await form.getByRole("button", { name: "提交评分" }).click();
  await expect(form.getByText("“主题契合”的得分须在 0 到 20 之间")).toBeVisible();
  await form.getByLabel("主题契合（0–20 分）").fill("18");
  await form.getByRole("button", { name: "提交评分" }).click();
  // The page turns read-only with the scores submitted.
  await expect(page.getByText(/您已于 .+ 提交评分，总分/)).toBeVisible();
  await expect(page.getByRole("form", { name: "评分" })).toHaveCount(0);

  // The selection board: the disagreement flag, decisions with required reasons, then publication.
  await signInAs(page, "ministry");
  await page.goto(`/ministry/plans/${planId}/selection`);
  await expect(page.getByRole("heading", { level: 1, name: /遴选会/ })).toBeVisible();
  await expect(page.getByText("意见分歧").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `入选：${scored.title}`, exact: true }).click();
  const select = page.getByRole("form", { name: `入选：${scored.title}`, exact: true });
  await select.getByRole("button", { name: "确认入选" }).click();
  await expect(page.getByText("请填写遴选理由（至少 4 个字）")).toBeVisible();
  await select.getByLabel("入选理由（必填）").fill("主题契合度高，东西部协作特色鲜明，同意入选。");
  await select.getByRole("button", { name: "确认入选" }).click();
  await expect(page.getByText("理由：主题契合度高，东西部协作特色鲜明，同意入选。")).toBeVisible();
  // Every other recommended application of the plan is not selected, each with its reason.
  for (;;) {
    const next = page.getByRole("button", { name: /^不入选：/ }).first();
    if (!(await next.count())) break;
    const name = (await next.getAttribute("aria-label"))!;
    await next.click();
    const reject = page.getByRole("form", { name, exact: true });
    await reject.getByLabel("不入选理由（必填）").fill("评审得分偏低，本年度未入选。");
    await reject.getByRole("button", { name: "确认不入选" }).click();
    await expect(page.getByRole("button", { name, exact: true })).toHaveCount(0);
  }
  await page.getByRole("button", { name: "公布遴选结果" }).click();
  await page.getByRole("form", { name: "公布遴选结果" }).getByRole("button", { name: "确认公布" }).click();
  await expect(page.getByText(/已于 .+ 公布，入选名单见/)).toBeVisible();

  // The public portal lists the selection, without signing in; the rejected application is not there.
  await page.context().clearCookies();
  await page.goto("/");
  await page.getByRole("navigation", { name: "站点导航" }).getByRole("link", { name: "示范活动" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /示范活动入选名单/ })).toBeVisible();
  await expect(page.getByRole("link", { name: scored.title })).toBeVisible();
  await expect(page.getByRole("link", { name: unassigned.title })).toHaveCount(0);
  await expectAccessible(page);
  await page.getByRole("link", { name: scored.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: scored.title })).toBeVisible();
  await expectAccessible(page);
  const hidden = await page.goto(`/demonstrations/${unassigned.id}`);
  expect(hidden?.status()).toBe(404);

  // A running activity's monthly progress report, pre-filled from its service records.
  await signInAs(page, running.admin);
  await page.goto(`/activities/${running.id}/progress`);
  await expectAccessible(page);
  const progress = page.getByRole("form", { name: /^报送 \d{4}-\d{2} 进展$/ });
  await progress.getByLabel("本期进展（简要）").fill("本月组织专家开展现场指导和专题培训，对接解决技术问题 5 个。");
  await progress.getByRole("button", { name: /^报送 \d{4}-\d{2} 进展$/ }).click();
  await expect(page.getByText(/的进展已报送。每月至多报送一次/)).toBeVisible();
  await expect(page.getByRole("cell", { name: "本月组织专家开展现场指导和专题培训，对接解决技术问题 5 个。" })).toBeVisible();

  // A completed activity: the province evaluates, then the ministry.
  await signInAs(page, completed.admin);
  await page.goto(`/activities/${completed.id}/evaluation`);
  await expectAccessible(page);
  const province = page.getByRole("form", { name: "省级评估" });
  await province.getByRole("radio", { name: "优秀", exact: true }).check();
  await province.getByLabel("评估得分（0–100）").fill("92");
  await province.getByLabel("评估意见（必填）").fill("目标全部完成，服务记录完整，群众满意度高。");
  await province.getByRole("button", { name: "提交省级评估" }).click();
  await expect(page.getByRole("cell", { name: "省级评估" })).toBeVisible();

  await signInAs(page, "ministry");
  await page.goto(`/activities/${completed.id}/evaluation`);
  await expectAccessible(page);
  const ministry = page.getByRole("form", { name: "部级评估" });
  await ministry.getByRole("radio", { name: "合格", exact: true }).check();
  await ministry.getByLabel("评估得分（0–100）").fill("85");
  await ministry.getByLabel("评估意见（必填）").fill("示范带动作用较好，建议加强成果总结和推广。");
  await ministry.getByRole("button", { name: "提交部级评估" }).click();
  await expect(page.getByRole("cell", { name: "部级评估" })).toBeVisible();
  await expect(page.getByText("已评估").first()).toBeVisible();

  expect(errors.filter((e) => !/404|Failed to load resource/.test(e))).toEqual([]);
});
