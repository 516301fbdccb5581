import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signInAs } from "./support";

// The application and recommendation part of the annual cycle, on the demo data: a unit applies (fills the form,
// links a need, has the matching engine propose its team) and submits; 四川 returns it with a reason; the unit
// resubmits; 四川 is at its quota, so recommending is refused until it revokes one; it recommends, ranks and
// submits its list. The department 农业农村部 recommends an application made through it. The ministry changes its
// open plan with a reason, kept as a revision. Every page visited passes the axe check.
test.describe.configure({ timeout: 300_000 });

const chinaDay = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const status = (page: Page, text: string | RegExp) => page.getByRole("status").filter({ hasText: text });

test("a unit applies; 四川 returns, recommends within its quota, ranks and submits its list", async ({ page }) => {
  const title = `专家服务蒲江丑柑产业示范活动 E2E${Date.now().toString(36)}`;

  await signInAs(page, "unit");
  await page.goto("/activities");
  await expect(page.getByRole("heading", { level: 1, name: "示范活动申报" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "申报示范活动" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "申报示范活动" })).toBeVisible();
  await expectAccessible(page);

  const plan = page.getByLabel("年度计划");
  const planValue = await plan.locator("option", { hasText: "专家服务基层行动" }).first().getAttribute("value");
  await plan.selectOption(planValue!);
  await page.getByLabel("项目类别").selectOption("EXPERT_SERVICE");
  await page.getByLabel("活动名称").fill(title);
  await page.getByLabel("活动方案").fill("组织果树和植保专家围绕丑柑褐斑病防控、老园改造和采后处理开展点餐式服务，带动周边产区提质增效。");
  await page.getByLabel("与年度主题的契合").fill("紧扣乡村全面振兴主题，突破丑柑产业发展瓶颈。");
  await expect(page.getByRole("combobox", { name: "区县" })).toHaveValue("510131");
  await page.getByLabel("计划开始日期").fill(chinaDay(100));
  await page.getByLabel("计划结束日期").fill(chinaDay(220));
  await page.getByLabel("计划专家人数（名额）").fill("2");
  await page.getByLabel("东中西部人才协作结对省份").selectOption({ label: "浙江省" });
  await page.getByRole("checkbox", { name: "技术指导", exact: true }).check();
  await page.getByRole("group", { name: "关联需求" }).getByRole("checkbox").first().check();
  await page.getByLabel("预算科目 1", { exact: true }).fill("专家差旅和食宿");
  await page.getByLabel("预算科目 1 金额（元）").fill("30000");
  await page.getByLabel("目标指标 1", { exact: true }).fill("培训技术骨干");
  await page.getByLabel("目标指标 1 目标值").fill("60");
  await page.getByLabel("目标指标 1 单位").fill("人");
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const url = page.url();
  await expect(page.getByRole("table", { name: "关联需求" }).getByRole("row")).toHaveCount(2);

  // Submitting without a team is refused; the engine proposes the whole team.
  await page.getByRole("button", { name: "提交申报" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "计划团队" })).toBeVisible();
  await page.getByLabel("团队人数").fill("2");
  await page.getByRole("button", { name: "按关联需求智能组队" }).click();
  await expect(status(page, "已按匹配结果组建团队")).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("button", { name: /移出团队$/ })).toHaveCount(2);
  await expectAccessible(page);
  await page.getByRole("button", { name: "提交申报" }).click();
  // Submitted: the applicant's buttons give way to the state (the page re-renders without them).
  await expect(page.getByText("待推荐", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "提交申报" })).toHaveCount(0);

  // 四川 returns it with a reason.
  await signInAs(page, "sichuan");
  await page.goto("/activities/recommend");
  await expect(page.getByRole("heading", { level: 1, name: "示范活动推荐" })).toBeVisible();
  await expect(page.getByText("名额已满").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: `预审：${title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: "退回修改" }).check();
  await page.getByLabel(/预审意见/).fill("请补充示范园建设的量化目标。");
  await page.getByRole("button", { name: "确认" }).click();
  await expect(page.getByText("退回修改", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("form", { name: "预审" })).toHaveCount(0);

  // The unit sees the reason and resubmits.
  await signInAs(page, "unit");
  await page.goto(url);
  await expect(page.getByText("请补充示范园建设的量化目标。").first()).toBeVisible();
  await page.getByRole("button", { name: "提交申报" }).click();
  // Submitted: the applicant's buttons give way to the state (the page re-renders without them).
  await expect(page.getByText("待推荐", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "提交申报" })).toHaveCount(0);

  // 四川 is at its quota: refused with the reason; it revokes one recommendation and recommends this one.
  await signInAs(page, "sichuan");
  await page.goto(url);
  await page.getByRole("radio", { name: /推荐（/ }).check();
  await page.getByRole("button", { name: "确认" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "推荐名额已满" })).toBeVisible();
  await page.goto("/activities/recommend");
  await page.getByRole("button", { name: "撤回推荐：专家服务甘孜州牦牛产业高质量发展示范活动" }).click();
  await page.getByLabel(/撤回原因/).fill("改推基层单位点单形成的活动");
  await page.getByRole("button", { name: "确认撤回" }).click();
  await expect(page.getByRole("link", { name: "预审：专家服务甘孜州牦牛产业高质量发展示范活动" })).toBeVisible();
  await page.goto(url);
  await page.getByRole("radio", { name: /推荐（/ }).check();
  await page.getByRole("button", { name: "确认" }).click();
  await expect(status(page, "预审结果已保存")).toBeVisible();

  // Rank it first and submit the list.
  await page.goto("/activities/recommend");
  const ranked = page.getByRole("table", { name: /推荐名单/ }).first();
  await expect(ranked.getByRole("row").nth(2)).toContainText(title);
  await page.getByRole("button", { name: `${title}上移一位` }).click();
  await expect(ranked.getByRole("row").nth(1)).toContainText(title);
  await expect(ranked.getByRole("row").nth(1)).toContainText("第 1");
  await page.getByRole("button", { name: "报送推荐名单" }).first().click();
  await page.getByRole("button", { name: "确认报送" }).click();
  await expect(status(page, "推荐名单已报送")).toBeVisible();
  await expectAccessible(page);
});

test("the department 农业农村部 recommends an application made through it", async ({ page }) => {
  await signInAs(page, "department");
  await expect(page.getByRole("heading", { level: 1, name: /部门工作台/ })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("navigation").getByRole("link", { name: "示范活动推荐" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "示范活动推荐" })).toBeVisible();
  await expectAccessible(page);
  const title = "专家服务眉县猕猴桃全产业链示范活动（经农业农村部推荐）";
  await page.getByRole("link", { name: `预审：${title}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("radio", { name: /推荐（/ }).check();
  await page.getByRole("button", { name: "确认" }).click();
  await expect(status(page, "预审结果已保存")).toBeVisible();
  await page.goto("/activities/recommend");
  await expect(page.getByRole("table", { name: /推荐名单/ }).first()).toContainText(title);
  // Another department's or a province's page of it: the province 陕西 it sits in may read it, 四川 may not.
  const url = await page.getByRole("link", { name: title }).first().getAttribute("href");
  await signInAs(page, "sichuan");
  await page.goto(url!);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});

test("the ministry changes its open plan with a reason, kept as a revision", async ({ page }) => {
  await signInAs(page, "ministry");
  await page.goto("/ministry/plans");
  await expect(page.getByRole("heading", { level: 1, name: "年度计划" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "服务乡村全面振兴和新质生产力发展" }).click();
  await expect(page.getByText("接受申报").first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("link", { name: "修改计划" }).click();
  await expectAccessible(page);
  await page.getByLabel("遴选名额（项）").fill("65");
  await page.getByRole("button", { name: "保存计划" }).click();
  await expect(page.getByText(/须写明原因/).first()).toBeVisible();
  await page.getByLabel(/修改原因/).fill("部分省份申请增加名额");
  await page.getByRole("button", { name: "保存计划" }).click();
  const revisions = page.getByRole("table", { name: "修改记录" });
  await expect(revisions).toContainText("部分省份申请增加名额");
  await expect(revisions).toContainText("遴选名额：60 → 65");
});
