import { expect, test } from "@playwright/test";
import { expectAccessible, expectLoggedInAt, login } from "./support";

test("the ministry adds a service menu item, edits it and retires it", async ({ page }) => {
  test.setTimeout(240_000); // a long journey with several accessibility scans on a shared machine
  const name = `田间物联网监测指导${Date.now().toString(36)}`;
  const renamed = `${name}（修订）`;
  await login(page, "ministry");
  await expectLoggedInAt(page, "/ministry", /部级工作台/);
  await page.getByRole("link", { name: "服务菜单" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "服务菜单" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "新增菜单项" }).click();
  await page.getByRole("button", { name: "新增菜单项" }).click();
  await expect(page.getByText("请选择服务形式")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("名称").fill(name);
  await page.getByLabel("服务形式").selectOption({ label: "科技推广" });
  await page.getByLabel("服务内容").fill("为种植大户部署土壤墒情和虫情监测设备，并指导数据解读与农事决策。");
  await page.getByLabel("典型服务时长（天）").fill("10");
  await page.getByLabel("服务方式").selectOption({ label: "现场" });
  await page.getByRole("button", { name: "新增菜单项" }).click();
  await expect(page).toHaveURL(/\/ministry\/menu$/);

  await page.getByLabel("关键词").fill(name);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("status")).toHaveText("共 1 个菜单项");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("在用");
  await expect(row).toContainText("10 天");

  await page.getByRole("link", { name: `编辑 ${name}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: "编辑菜单项" })).toBeVisible();
  await page.getByLabel("名称").fill(renamed);
  await page.getByLabel("典型服务时长（天）").fill("12");
  await page.getByRole("button", { name: "保存修改" }).click();
  await expect(page).toHaveURL(/\/ministry\/menu$/);

  await page.goto(`/ministry/menu?q=${encodeURIComponent(renamed)}`);
  const edited = page.getByRole("row").filter({ hasText: renamed });
  await expect(edited).toContainText("12 天");
  await page.getByRole("button", { name: `停用 ${renamed}` }).click();
  await expect(edited).toContainText("已停用");
  await expect(page.getByRole("button", { name: `恢复 ${renamed}` })).toBeVisible();

  await page.context().clearCookies();
  await page.goto("/");
  await page.getByRole("link", { name: /^服务菜单/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "服务菜单" })).toBeVisible();
  await expect(page.getByText("果树病虫害现场诊断")).toBeVisible();
  await expect(page.getByText(renamed)).toHaveCount(0);
  await expectAccessible(page);
});

test("a province cannot open the service menu", async ({ page }) => {
  await login(page, "zhejiang");
  await expectLoggedInAt(page, "/province", /省级工作台/);
  await page.goto("/ministry/menu");
  await expect(page).toHaveURL(/\/forbidden$/);
});
