import { expect, test } from "@playwright/test";
import pg from "pg";
import { expectAccessible, signInAs } from "./support";

// The engagement lifecycle after an expert accepted, through the pages: the unit confirms the expert from the need's
// team panel; both sides agree the work plan; the expert logs service; the unit confirms it and finishes; both rate
// and the engagement closes. Then the refusals, and a dispute on a seeded engagement of the demo accounts.
test.describe.configure({ timeout: 300_000 });

type Pair = { needId: string; title: string; unit: string; expert: string; expertName: string };

/**
 * A seeded need whose expert has accepted and waits for the unit (read-only lookup, so the spec follows the seed):
 * the unit's and the expert's accounts. Not the demo `unit`/`expert`, whose data the other journeys use.
 */
async function acceptedPair(): Promise<Pair | null> {
  const url = process.env.DATABASE_URL;
  if (!url) return null;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<Pair>(`
      SELECT n."id" AS "needId", n."title", uu."username" AS "unit", eu."username" AS "expert", x."name" AS "expertName"
        FROM "Match" m
        JOIN "Need" n ON n."id" = m."needId"
        JOIN "ExpertProfile" x ON x."id" = m."expertId"
        JOIN "User" eu ON eu."id" = x."userId" AND eu."status" = 'ACTIVE'
        JOIN "RoleAssignment" ra ON ra."organizationId" = n."unitId" AND ra."role" = 'UNIT_USER'
        JOIN "User" uu ON uu."id" = ra."userId" AND uu."status" = 'ACTIVE'
       WHERE m."state" = 'ACCEPTED' AND uu."username" <> 'unit' AND eu."username" <> 'expert' AND n."provinceCode" <> '33'
       ORDER BY n."code" LIMIT 1`);
    return rows[0] ?? null;
  } finally {
    await client.end();
  }
}

test("confirm the team, agree the plan, log and confirm service, finish, rate both ways: closed", async ({ page }) => {
  const pair = await acceptedPair();
  test.skip(!pair, "需要 DATABASE_URL 指向演示数据库（npm test 会设置）");
  const { needId, title, unit, expert, expertName } = pair!;

  // The unit confirms the expert who accepted, from the need's team panel.
  await signInAs(page, unit);
  await page.goto(`/needs/${needId}`);
  await expect(page.getByRole("heading", { name: "专家团队" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `确认 ${expertName} 加入团队` }).click();
  await page.getByRole("form", { name: `确认 ${expertName}` }).getByRole("button", { name: "确认" }).click();
  await page.getByRole("link", { name: new RegExp(`^查看服务项目\\s*：${expertName}$`) }).click();
  // The need's page has the same heading: wait for the engagement's address first.
  await expect(page).toHaveURL(/\/engagements\/\w+$/);
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("制定工作方案", { exact: true }).first()).toBeVisible();
  const url = page.url();

  // The unit writes the plan and agrees to it.
  await page.getByRole("button", { name: "修改工作方案" }).click();
  await page.getByLabel("服务目标").fill("摸清病虫害发生情况，制定绿色防控方案，培训技术骨干。");
  await page.getByLabel("进度安排").fill("第一周现场调研；第二周集中培训；之后每月跟踪指导一次。");
  await page.getByLabel("服务地点", { exact: true }).fill("示范基地及周边种植户");
  await page.getByLabel("预期成果").fill("防控方案 1 份，培训技术骨干 30 人");
  await page.getByRole("checkbox", { name: "技术指导" }).check();
  await page.getByRole("button", { name: "保存工作方案" }).click();
  await expect(page.getByRole("status").filter({ hasText: "工作方案已保存，等待对方确认" })).toBeVisible();
  await page.getByRole("button", { name: "同意工作方案" }).click();
  await page.getByRole("button", { name: "确认同意" }).click();
  await expect(page.getByRole("list", { name: "方案确认情况" })).toContainText(/服务单位：已同意/);
  await expectAccessible(page);

  // The expert agrees: the service starts.
  await signInAs(page, expert);
  await page.goto(url);
  await expect(page.getByText("示范基地及周边种植户").first()).toBeVisible();
  await page.getByRole("button", { name: "同意工作方案" }).click();
  await page.getByRole("button", { name: "确认同意" }).click();
  await expect(page.getByText("服务中", { exact: true }).first()).toBeVisible();

  // The expert logs a record (a bad one first: more trained than served).
  const form = page.getByRole("form", { name: "填写服务记录" });
  await form.getByLabel("服务时长（小时）").fill("6");
  await form.getByLabel("服务人数").fill("20");
  await form.getByLabel("其中培训人数").fill("30");
  await form.getByLabel("服务内容").fill("现场诊断病害发生情况，讲解冬季清园和药剂防治要点。");
  await form.getByRole("button", { name: "提交服务记录" }).click();
  await expect(form.getByText("培训人数不能多于服务人数")).toBeVisible();
  await form.getByLabel("其中培训人数").fill("15");
  await form.getByRole("button", { name: "提交服务记录" }).click();
  await expect(page.getByRole("status").filter({ hasText: "服务记录已提交，等待服务单位确认" })).toBeVisible();
  await expect(page.getByRole("table", { name: "服务记录" })).toContainText("待单位确认");
  await expectAccessible(page);

  // The unit confirms the record and finishes the service.
  await signInAs(page, unit);
  await page.goto(url);
  await page.getByRole("button", { name: /^确认.*的服务记录$/ }).click();
  await page.getByRole("button", { name: "确认无误" }).click();
  await expect(page.getByRole("table", { name: "服务记录" })).not.toContainText("待单位确认");
  await expect(page.getByText("已确认 6 小时 · 服务 20 人 · 培训 15 人")).toBeVisible();
  await page.getByRole("button", { name: "结束服务" }).click();
  await page.getByRole("button", { name: "确认结束" }).click();
  await expect(page.getByText("待评价", { exact: true }).first()).toBeVisible();

  // Both rate; a low rating needs a reason.
  const unitRating = page.getByRole("form", { name: "评价专家服务" });
  await unitRating.getByLabel("2 分 · 不太满意").check();
  await unitRating.getByRole("button", { name: "提交评价" }).click();
  await expect(unitRating.getByText("评分为 2 分及以下时，请写明原因（至少 5 个字）")).toBeVisible();
  await unitRating.getByLabel("5 分 · 非常满意").check();
  await unitRating.getByLabel(/评价意见/).fill("专家认真负责，解决了实际问题。");
  await unitRating.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByRole("region", { name: "服务单位的评价" })).toContainText("专家认真负责，解决了实际问题。");

  await signInAs(page, expert);
  await page.goto(url);
  const expertRating = page.getByRole("form", { name: "评价服务单位" });
  await expertRating.getByLabel("4 分 · 满意").check();
  await expertRating.getByRole("button", { name: "提交评价" }).click();
  await expect(page.getByRole("region", { name: "专家的评价" })).toContainText("4 分");
  await expect(page.getByText("已结束", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("list", { name: "服务过程" })).toContainText("双方均已评价，服务项目结束");

  // The need's team shows the engagement over (the need completes once its other engagements are over too),
  // and the unit was told.
  await signInAs(page, unit);
  await page.goto(`/needs/${needId}`);
  await expect(page.getByRole("region", { name: "已确认的专家" }).getByRole("listitem").filter({ hasText: expertName })).toContainText("已结束");
  await page.goto("/notifications");
  await expect(page.getByText(/服务项目已结束/).first()).toBeVisible();
});

test("engagements are refused out of scope and read-only for the ministry", async ({ page }) => {
  await signInAs(page, "unit");
  await page.goto("/engagements?state=ACTIVE");
  await expect(page.getByRole("heading", { level: 1, name: "本单位服务项目" })).toBeVisible();
  await page.getByRole("table", { name: "服务项目列表" }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/engagements\/\w+$/);
  const url = page.url();

  // Out of scope answers like a missing record (the not-found page): nothing confirms the engagement exists.
  await signInAs(page, "zhejiang");
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();

  await signInAs(page, "ministry");
  await page.goto(url);
  await expect(page.getByRole("heading", { name: "服务记录" })).toBeVisible();
  await expect(page.getByRole("button", { name: "结束服务" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "取消服务项目" })).toHaveCount(0);
  await page.goto("/engagements");
  await expect(page.getByRole("heading", { level: 1, name: "服务项目总览" })).toBeVisible();
  await expect(page.getByLabel("省份")).toBeVisible();
  const download = await page.request.get("/api/export/engagements?format=csv&state=CLOSED");
  expect(download.status()).toBe(200);
  expect(await download.text()).toContain("需求编号");
});

test("the unit disputes a waiting record; the expert corrects it and it waits again", async ({ page }) => {
  // The demo pair (the demo expert serving the demo unit) always has a record waiting for the unit.
  await signInAs(page, "expert");
  await page.goto("/engagements?state=ACTIVE");
  await expect(page.getByRole("heading", { level: 1, name: "我的服务" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("table", { name: "服务项目列表" }).getByRole("row").filter({ hasText: "条待确认" }).first().getByRole("link").click();
  await expect(page).toHaveURL(/\/engagements\/\w+$/);
  const url = page.url();

  await signInAs(page, "unit");
  await page.goto(url);
  await page.getByRole("button", { name: /^对.*的服务记录提出异议$/ }).first().click();
  await page.getByRole("button", { name: "提交异议" }).click();
  await expect(page.getByText("提出异议时请写明哪里与实际不符")).toBeVisible();
  await page.getByLabel("异议内容（将告知专家）").fill("培训人数与签到表不符，请核实。");
  await page.getByRole("button", { name: "提交异议" }).click();
  await expect(page.getByRole("table", { name: "服务记录" })).toContainText("异议：培训人数与签到表不符，请核实。");
  await expect(page.getByRole("button", { name: "结束服务" })).toBeVisible();

  await signInAs(page, "expert");
  await page.goto(url);
  await page.getByRole("button", { name: /^修改.*的服务记录$/ }).first().click();
  const edit = page.getByRole("form", { name: "修改服务记录" });
  await edit.getByLabel("其中培训人数").fill("0");
  await edit.getByRole("button", { name: "保存修改" }).click();
  await expect(page.getByRole("table", { name: "服务记录" })).not.toContainText("异议：培训人数与签到表不符");
  await expect(page.getByRole("table", { name: "服务记录" })).toContainText("待单位确认");
  await expectAccessible(page);
});
