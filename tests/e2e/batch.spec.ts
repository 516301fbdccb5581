import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "./support";

// The province generates a batch proposal for its queue, takes one expert out, and sends an invitation; the
// ministry changes a weight, previews it, and restores the defaults.
test.describe.configure({ timeout: 300_000 });

test("a province generates a proposal, removes an expert, and sends an invitation", async ({ page }) => {
  await signInAs(page, "sichuan");
  await page.goto("/matching/batch");
  await expect(page.getByRole("heading", { level: 1, name: "批量分配" })).toBeVisible();
  await expectAccessible(page);

  // Every need on the first page of the queue.
  await page.getByRole("checkbox", { name: "本页全选" }).check();
  await expect(page.getByRole("checkbox", { name: /^选择需求/ }).first()).toBeChecked();
  await page.getByRole("button", { name: "生成分配方案" }).click();
  const done = page.getByRole("status").filter({ hasText: "分配方案已生成" });
  const confirm = page.getByRole("button", { name: "确认生成" });
  await expect(done.or(confirm)).toBeVisible({ timeout: 120_000 });
  if (await confirm.isVisible()) await confirm.click();
  await expect(done).toBeVisible({ timeout: 120_000 });
  await expect(done).toContainText("贪心基线总分");

  await done.getByRole("link", { name: "查看并调整方案" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "分配方案" })).toBeVisible();
  await expectAccessible(page);

  // Take the first proposed expert out.
  const remove = page.getByRole("button", { name: /^移出 / }).first();
  const removedLabel = (await remove.getAttribute("aria-label"))!;
  const count = await page.getByRole("button", { name: /^移出 / }).count();
  await remove.click();
  await expect(page.getByRole("button", { name: /^移出 / })).toHaveCount(count - 1);
  expect(removedLabel).toMatch(/^移出 .+/);

  // Send one invitation: clear the page, tick one row (not the demo expert, whose invitations other journeys use).
  await page.getByRole("checkbox", { name: "本页全选" }).uncheck();
  const rows = page.getByRole("checkbox", { name: /^发送邀请：/ });
  await expect(rows.first()).not.toBeChecked();
  const labels = await rows.evaluateAll((els) => els.map((e) => e.getAttribute("aria-label") ?? ""));
  const pick = labels.findIndex((l) => !l.includes("林晓峰"));
  expect(pick).toBeGreaterThanOrEqual(0);
  await rows.nth(pick).check();
  await page.getByRole("button", { name: "向勾选的专家发送邀请" }).click();
  await expect(page.getByText("将向勾选的 1 位专家发出邀请")).toBeVisible();
  await page.getByRole("button", { name: "确认发送" }).click();
  const result = page.getByRole("status").filter({ hasText: "已发出" }).first();
  await expect(result).toContainText("已发出 1 份邀请");
  await expect(page.getByRole("list", { name: "发送结果" }).getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("checkbox", { name: labels[pick] })).toHaveCount(0);
  await expectAccessible(page);
});

test("the ministry changes a weight, previews it, and restores the defaults", async ({ page }) => {
  await signInAs(page, "ministry");
  await page.goto("/ministry/matching");
  await expect(page.getByRole("heading", { level: 1, name: "匹配设置" })).toBeVisible();
  await expect(page.getByRole("table", { name: "各评分项的含义与默认权重" })).toContainText("学科吻合");
  await expectAccessible(page);

  const discipline = page.getByLabel("学科吻合", { exact: true });
  await expect(discipline).toHaveValue("25");
  await discipline.fill("40");
  await page.getByRole("button", { name: "按上方权重预览（不保存）" }).click();
  await expect(page.getByRole("table", { name: /^编辑中的权重/ })).toBeVisible({ timeout: 60_000 });
  await page.getByRole("button", { name: "保存设置" }).click();
  await expect(page.getByRole("status").filter({ hasText: "匹配设置已保存" })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("学科吻合", { exact: true })).toHaveValue("40");

  await page.getByRole("button", { name: "恢复默认" }).click();
  await page.getByRole("button", { name: "确认恢复默认" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已恢复默认匹配设置" })).toBeVisible();
  await expect(page.getByLabel("学科吻合", { exact: true })).toHaveValue("25");
  await page.reload();
  await expect(page.getByLabel("学科吻合", { exact: true })).toHaveValue("25");
  await expectAccessible(page);
});

test("other roles cannot open the batch or the settings pages", async ({ page }) => {
  await signInAs(page, "unit");
  await page.goto("/matching/batch");
  await expect(page).toHaveURL(/\/forbidden/);
  await page.goto("/ministry/matching");
  await expect(page).toHaveURL(/\/forbidden/);
});
