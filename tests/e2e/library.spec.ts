import { expect, test } from "@playwright/test";
import { expectAccessible, expectLoggedInAt, login } from "./support";

test("Sichuan nominates an eligible expert, the ministry admits, and the expert shows as 已入库", async ({ page }) => {
  test.setTimeout(240_000); // a long journey with several accessibility scans on a shared machine
  await login(page, "sichuan");
  await expectLoggedInAt(page, "/province", /省级工作台/);
  await page.getByRole("link", { name: "重点联系专家库" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "重点联系专家库" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("link", { name: "推荐专家入库" }).first().click();
  await expect(page).toHaveURL(/\/library\/nominate$/);
  await expectAccessible(page);
  // The first expert who meets the title / category criterion (the list is of Sichuan experts only).
  const link = page.getByRole("link", { name: /^推荐 / }).first();
  const name = (await link.getAttribute("aria-label"))!.replace(/^推荐 /, "");
  await link.click();
  await expect(page.getByRole("heading", { level: 1, name: `推荐 ${name} 进入重点联系专家库` })).toBeVisible();
  await expect(page.getByText("具有副高级及以上职称，或至少具有一项人才类别（符合）")).toBeVisible();
  await expect(page.getByText(/本人自愿参加服务基层活动（不符合/)).toBeVisible();

  await page.getByLabel("推荐理由").fill("长期扎根基层开展技术服务，专业能力突出，群众认可度高。");
  await page.getByRole("button", { name: `提交对 ${name} 的推荐` }).click();
  await expect(page.getByRole("alert").filter({ hasText: "不符合推荐条件" })).toContainText("须经本人自愿");
  await expect(page.getByLabel("推荐理由")).toHaveValue(/长期扎根基层/);
  await page.getByLabel("本人自愿参加专家服务基层活动").check();
  await page.getByLabel("身体健康，能够承担服务任务").check();
  await expect(page.getByText("本人自愿参加服务基层活动（符合）")).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("button", { name: `提交对 ${name} 的推荐` }).click();
  await expect(page).toHaveURL(/\/library$/);
  await page.getByLabel("关键词").fill(name);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("已推荐");

  await page.context().clearCookies();
  await login(page, "ministry");
  await expectLoggedInAt(page, "/ministry", /部级工作台/);
  await page.getByRole("link", { name: "重点联系专家库" }).click();
  await expectAccessible(page);
  await page.getByLabel("推荐省份").selectOption({ label: "四川省" });
  await page.getByLabel("关键词").fill(name);
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("status").filter({ hasText: "条推荐" })).toHaveText("待审定 1 条推荐");
  await page.getByRole("button", { name: `审定 ${name}` }).click();
  await page.getByRole("button", { name: `同意 ${name} 入库`, exact: true }).click();
  // Decided, it leaves the queue.
  await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  await expect(page.getByRole("status").filter({ hasText: "条推荐" })).toHaveText("待审定 0 条推荐");

  await page.goto(`/library/members?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row").filter({ hasText: name })).toBeVisible();
  await expectAccessible(page);

  await page.context().clearCookies();
  await login(page, "sichuan");
  await expectLoggedInAt(page, "/province", /省级工作台/);
  await page.goto(`/library?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("已入库");
});

test("a library member confirms their information from the expert console", async ({ page }) => {
  await login(page, "expert");
  await expectLoggedInAt(page, "/expert", /专家工作台/);
  const card = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "重点联系专家库" }) });
  await expect(card).toContainText("已入库");
  await card.getByRole("button", { name: "确认信息仍然准确" }).click();
  await expect(card.getByRole("status")).toHaveText("已确认，感谢您对服务基层工作的支持");
  await expectAccessible(page);
});

test("a grassroots unit cannot open the library", async ({ page }) => {
  await login(page, "unit");
  await expectLoggedInAt(page, "/unit", /基层单位工作台/);
  await page.goto("/library");
  await expect(page).toHaveURL(/\/forbidden$/);
});
