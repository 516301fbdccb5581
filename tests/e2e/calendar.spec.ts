import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signInAs } from "./support";

// The ministry enters a holiday week and a make-up working day, is told why a weekday cannot be a make-up day,
// and deletes an entry after confirming. Written in 2097 so no invitation of the other journeys is affected.
test.describe.configure({ timeout: 120_000 });

const form = (page: Page) => page.getByRole("form", { name: "录入节假日安排" });

async function enter(page: Page, run: { name: string; kind: "放假" | "调休上班（周末）"; start: string; end?: string }) {
  const f = form(page);
  await f.getByLabel("节日名称").fill(run.name);
  await f.getByLabel("安排").selectOption({ label: run.kind });
  await f.getByLabel("开始日期").fill(run.start);
  await f.getByLabel("结束日期").fill(run.end ?? "");
  await f.getByRole("button", { name: "保存" }).click();
}

test("the ministry enters a holiday and a make-up working day, and deletes one after confirming", async ({ page }) => {
  await signInAs(page, "ministry");
  await page.goto("/ministry/calendar?year=2097");
  await expect(page.getByRole("heading", { level: 1, name: "工作日历" })).toBeVisible();
  await expect(page.getByText("2097 年尚未录入节假日安排")).toBeVisible();
  await expectAccessible(page);

  await enter(page, { name: "劳动节", kind: "放假", start: "2097-05-01", end: "2097-05-05" });
  await expect(form(page).getByRole("status")).toContainText("已保存");
  const table = page.getByRole("table", { name: "2097 年的节假日安排" });
  await expect(table.getByRole("row").filter({ hasText: "劳动节" })).toContainText("2097-05-01（周三） 至 2097-05-05（周日）");

  // A weekday cannot be a make-up working day: the form says why and keeps what was typed.
  await enter(page, { name: "劳动节", kind: "调休上班（周末）", start: "2097-05-08" });
  await expect(page.getByText("调休上班日应为周六或周日；工作日本来就上班，无需录入")).toBeVisible();
  await expect(form(page).getByLabel("开始日期")).toHaveValue("2097-05-08");
  await form(page).getByLabel("开始日期").fill("2097-05-11");
  await form(page).getByRole("button", { name: "保存" }).click();
  await expect(table.getByRole("row").filter({ hasText: "调休上班" })).toContainText("2097-05-11（周六）");
  await expectAccessible(page);

  // Delete the make-up day: asked first, then gone.
  await table.getByRole("button", { name: "删除 劳动节 2097-05-11" }).click();
  await page.getByRole("button", { name: "确认删除 劳动节 2097-05-11" }).click();
  await expect(table.getByRole("row").filter({ hasText: "调休上班" })).toHaveCount(0);
  await expect(table.getByRole("row").filter({ hasText: "劳动节" })).toHaveCount(1);
});

test("only the ministry opens the calendar", async ({ page }) => {
  await signInAs(page, "sichuan");
  await page.goto("/ministry/calendar");
  await expect(page).toHaveURL(/\/forbidden/);
});
