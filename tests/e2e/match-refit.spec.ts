import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "./support";

// The ministry asks for weights refitted from outcomes on the settings page: it is told the measured result (or, on
// a database with too few answered invitations, why there is none), and nothing changes until it applies one.

test("the ministry asks for weights fitted from outcomes and sees the measured gain or why there is none", async ({ page }) => {
  await signInAs(page, "ministry");
  await page.goto("/ministry/matching");
  await expect(page.getByRole("heading", { name: "依据实际结果调整权重" })).toBeVisible();
  await expect(page.getByText(/排序一致率/).first()).toBeVisible();
  await page.getByRole("button", { name: "依据结果生成建议" }).click();
  const told = page.getByText(/已依据实际结果生成权重建议|可用的结果数据不足/);
  await expect(told.first()).toBeVisible({ timeout: 60_000 });
  if (await page.getByText("已依据实际结果生成权重建议").count()) {
    await expect(page.getByText("待决定").first()).toBeVisible();
    await expect(page.getByRole("button", { name: "采用建议" }).first()).toBeVisible();
  }
  // The weights in force did not change.
  await expect(page.getByLabel("学科吻合", { exact: true })).toHaveValue("25");
  await expectAccessible(page);
});
