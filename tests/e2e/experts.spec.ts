import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, expectLoggedInAt, login, loginError } from "./support";

// The expert pool: the demo expert 林晓峰 (Zhejiang) keeps their profile; a newcomer registers and is approved by
// the province of their region; personal data is masked unless revealed (audited) by someone allowed.
// Long journeys on a shared, loaded machine: allow more than the default minute.
test.describe.configure({ timeout: 150_000 });

test("the expert adds an achievement and changes skills on their profile", async ({ page }) => {
  await login(page, "expert");
  await expectLoggedInAt(page, "/expert", /专家工作台/);
  await page.getByRole("link", { name: "我的档案" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我的档案" })).toBeVisible();

  const stamp = Date.now().toString(36);
  const title = `茶园绿色防控技术规程${stamp}`;
  const add = page.getByRole("form", { name: "添加代表性成果" });
  await add.getByLabel("成果类型").selectOption("STANDARD");
  await add.getByLabel("成果名称").fill(title);
  await add.getByLabel("年份").fill("2025");
  await add.getByRole("button", { name: "添加成果" }).click();
  await expect(page.getByRole("list", { name: "代表性成果" })).toContainText(title);

  const skill = `茶叶品质${stamp}`.slice(0, 20);
  const skills = page.getByLabel("专长", { exact: true });
  await skills.fill(skill);
  await skills.press("Enter");
  await page.getByRole("button", { name: "移除 果品采后商品化处理" }).click();
  await page.getByRole("button", { name: "确认并保存" }).click();
  await expect(page.getByText("专家档案已保存")).toBeVisible();

  await page.reload();
  const saved = page.getByRole("list", { name: "已添加" });
  await expect(saved).toContainText(skill);
  await expect(saved).not.toContainText("果品采后商品化处理");
  await expect(page.getByRole("list", { name: "代表性成果" })).toContainText(title);
  // The page carries only the masked phone; the full number comes from the audited reveal.
  expect(await page.content()).not.toContain("13857100000");
  await page.getByRole("button", { name: "显示完整信息" }).last().click();
  await expect(page.getByText("13857100000").last()).toBeVisible();
});

/** Fills in and submits the public registration form (a Zhejiang expert, so `zhejiang` reviews it). */
async function registerNewcomer(page: Page, username: string, name: string) {
  await page.goto("/");
  await page.getByRole("link", { name: "专家注册" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "专家注册" })).toBeVisible();
  await page.getByLabel("账号", { exact: true }).fill(username);
  await page.getByLabel("密码", { exact: true }).fill("Strong@2026");
  await page.getByLabel("确认密码").fill("Strong@2026");
  await page.getByLabel("姓名").fill(name);
  await page.getByLabel("性别").selectOption("FEMALE");
  await page.getByLabel("出生年份").fill("1985");
  await page.getByLabel("职称").selectOption("ASSOCIATE_SENIOR");
  await page.getByLabel("工作单位").fill("浙江农林大学");
  await page.getByLabel("省份").selectOption({ label: "浙江省" });
  await page.getByLabel("地市").selectOption({ label: "杭州市" });
  await page.getByLabel("区县").selectOption({ label: "西湖区" });
  const discipline = page.getByLabel("学科（最多 5 个）");
  await discipline.fill("园艺");
  await discipline.press("ArrowDown");
  await discipline.press("Enter");
  await page.getByLabel("联系电话", { exact: true }).fill("13912345678");
  await page.getByRole("button", { name: "提交注册申请" }).click();
  await expect(page.getByText("请阅读并同意个人信息处理规则")).toBeVisible();
  await page.getByLabel(/我已阅读并同意/).check();
  await page.getByRole("button", { name: "提交注册申请" }).click();
  await expect(page.getByText("注册申请已提交")).toBeVisible();
}

test("a newcomer registers, the province of their region approves, and they sign in", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const username = `newexpert${stamp}`;
  const name = `沈注册${stamp}`;
  await registerNewcomer(page, username, name);

  await login(page, username, "Strong@2026");
  await expect(loginError(page)).toHaveText("账号正在等待审核，审核通过后即可登录");

  await login(page, "zhejiang");
  await expectLoggedInAt(page, "/province", /省级工作台/);
  await page.goto(`/experts?status=PENDING&q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await page.getByRole("button", { name: "审核通过" }).click();
  await page.getByRole("button", { name: "确认通过" }).click();
  // The page refreshes with the approved profile: no review panel, matchable.
  await expect(page.getByRole("heading", { name: "注册审核" })).toHaveCount(0);
  await expect(page.getByText("可参与需求匹配。")).toBeVisible();

  await page.context().clearCookies();
  await login(page, username, "Strong@2026");
  await expectLoggedInAt(page, "/expert", /专家工作台/);
});

test("a rejected applicant is told the province's reason when signing in", async ({ page }) => {
  const stamp = Date.now().toString(36);
  const username = `rejected${stamp}`;
  const name = `冯驳回${stamp}`;
  await registerNewcomer(page, username, name);
  await login(page, "zhejiang");
  await expectLoggedInAt(page, "/province", /省级工作台/);
  await page.goto(`/experts?status=PENDING&q=${encodeURIComponent(name)}`);
  await page.getByRole("link", { name }).click();
  await page.getByRole("button", { name: "不予通过" }).click();
  await page.getByLabel("不通过的原因（将告知申请人）").fill("无法核实职称证明，请补充材料后重新申请");
  await page.getByRole("button", { name: "确认不予通过" }).click();
  await expect(page.getByText("注册未通过。原因：无法核实职称证明，请补充材料后重新申请")).toBeVisible();

  await page.context().clearCookies();
  await login(page, username, "Strong@2026");
  await expect(loginError(page)).toHaveText("注册申请未通过所在省级人社部门审核。原因：无法核实职称证明，请补充材料后重新申请");
});

test("another province sees a shared expert read-only and masked", async ({ page }) => {
  await login(page, "sichuan");
  await expectLoggedInAt(page, "/province", /省级工作台/);
  await page.goto(`/experts?origin=shared&q=${encodeURIComponent("林晓峰")}`);
  const row = page.getByRole("row", { name: /林晓峰/ });
  await expect(row).toContainText("外省共享");
  await expect(row).toContainText("138****0000");
  await row.getByRole("link", { name: "林晓峰" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "林晓峰" })).toBeVisible();
  await expect(page.getByRole("link", { name: "编辑档案" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "显示完整信息" })).toHaveCount(0);
  expect(await page.content()).not.toContain("13857100000");
  const id = page.url().split("/").pop();
  // Editing is out of its scope: answered like a missing profile (the not-found page).
  await page.goto(`/experts/${id}/edit`);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
});

test("the expert pool's pages pass the accessibility rules", async ({ page }) => {
  const check = (path: string) => expectAccessible(page, path);
  await check("/register");
  await login(page, "zhejiang");
  await expectLoggedInAt(page, "/province", /省级工作台/);
  await check("/experts");
  await check("/experts/new");
  await page.goto(`/experts?q=${encodeURIComponent("林晓峰")}`);
  await page.getByRole("link", { name: "林晓峰" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "林晓峰" })).toBeVisible();
  const id = page.url().split("/").pop();
  await check(`/experts/${id}`);
  await check(`/experts/${id}/edit`);
  await page.context().clearCookies();
  await login(page, "expert");
  await expectLoggedInAt(page, "/expert", /专家工作台/);
  await check("/expert/profile");
});
