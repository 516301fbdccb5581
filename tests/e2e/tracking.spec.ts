import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "./support";

// 跟踪问效: the ministry opens the national dashboard from its navigation, filters it to the west, drills from a
// table number and from a chart bar to the records behind them (the count is the number clicked), and exports them;
// the yearly report downloads; a province sees its own province only, whatever the URL asks.
test.describe.configure({ timeout: 600_000 });

test("the ministry filters the national dashboard, drills to the records and exports them", async ({ page }) => {
  await signInAs(page, "ministry");
  await page.getByRole("navigation").getByRole("link", { name: "跟踪问效" }).first().click();
  // The first visit of a page on a loaded machine can take a while.
  await expect(page.getByRole("heading", { level: 1, name: "跟踪问效（全国）" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("chart").first().locator("svg")).toBeVisible();
  await expectAccessible(page);

  // Filter: the western region only. 浙江 (east) leaves the province table, 四川 (west) stays.
  const filters = page.getByRole("search", { name: "统计筛选" });
  await filters.getByLabel("区域").selectOption("WEST");
  await filters.getByRole("button", { name: "查询" }).click();
  await expect(page).toHaveURL(/zone=WEST/, { timeout: 60_000 });
  const provinces = page.getByRole("table", { name: "按省份统计" });
  await expect(provinces.getByRole("rowheader", { name: "四川省" })).toBeVisible();
  await expect(provinces.getByRole("rowheader", { name: "浙江省" })).toHaveCount(0);
  await expectAccessible(page);

  // Drill from the table: 四川's 服务次数 opens exactly that many confirmed records.
  const sichuan = provinces.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "四川省" }) });
  const count = (await sichuan.getByRole("link").first().innerText()).trim();
  expect(Number(count.replace(/,/g, ""))).toBeGreaterThan(0);
  await sichuan.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/tracking\/records\?.*zone=WEST.*province=51/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { level: 1, name: "服务记录明细" })).toBeVisible();
  await expect(page.getByText(`共 ${count} 条已确认服务记录`)).toBeVisible();
  await expectAccessible(page);

  // Export what the list shows: the CSV has one line per record under its header.
  const csvHref = await page.getByRole("link", { name: "导出 CSV" }).getAttribute("href");
  expect(csvHref).toContain("province=51");
  const csv = await page.request.get(csvHref!);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-disposition"]).toContain(encodeURIComponent("服务记录明细"));
  const lines = (await csv.text()).trim().split(/\r\n/);
  expect(lines[0]).toContain("服务时长（小时）");
  expect(lines.length - 1).toBe(Number(count.replace(/,/g, "")));
  const xlsx = await page.request.get((await page.getByRole("link", { name: "导出 Excel" }).getAttribute("href"))!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");

  // Drill from a chart: a bar of 按服务形式 opens the records of that form.
  await page.getByRole("link", { name: "返回统计图表" }).click();
  await expect(page).toHaveURL(/\/tracking\?.*zone=WEST/);
  const formsCard = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "按服务形式" }) });
  const bar = formsCard.getByTestId("chart").locator("path[fill='#1d4ed8']").last();
  await expect(bar).toBeVisible();
  await bar.click();
  await expect(page).toHaveURL(/\/tracking\/records\?.*zone=WEST.*form=[A-Z_]+/);
  await expect(page.getByText(/共 [\d,]+ 条已确认服务记录/)).toBeVisible();

  // A dashboard table exports too, and the yearly statistical report has its sheets.
  const table = await page.request.get("/api/export/tracking?table=form&zone=WEST&format=csv");
  expect(table.status()).toBe(200);
  expect(await table.text()).toContain("服务次数");
  const report = await page.request.get(`/api/export/tracking-report?year=${new Date().getFullYear()}`);
  expect(report.status()).toBe(200);
  expect(report.headers()["content-disposition"]).toContain(encodeURIComponent("全国"));
});

test("a province's dashboard stays in its province, whatever the URL asks", async ({ page }) => {
  await signInAs(page, "sichuan");
  await page.goto("/tracking?province=33");
  await expect(page.getByRole("heading", { level: 1, name: "跟踪问效（四川省）" })).toBeVisible();
  await expect(page.getByText("暂无符合条件的已确认服务记录")).toBeVisible();
  await page.goto("/tracking/records?province=33");
  await expect(page.getByText("共 0 条已确认服务记录")).toBeVisible();
  const csv = await page.request.get("/api/export/tracking-records?province=33&format=csv");
  expect((await csv.text()).trim().split(/\r\n/)).toHaveLength(1);
  const report = await page.request.get(`/api/export/tracking-report?year=${new Date().getFullYear()}&province=33`);
  expect(report.status()).toBe(403);
  expect(await report.text()).toBe("无权导出其他省份的统计报表");
  expect((await page.request.get(`/api/export/tracking-report?year=${new Date().getFullYear()}&province=51`)).status()).toBe(200);
  await page.goto("/tracking");
  await expect(page.getByRole("heading", { level: 2, name: "按省份（服务所在地）" })).toHaveCount(0);
  await expectAccessible(page);
  // The unit's account has its own dashboard only (dashboards-roles.spec.ts), never the province's.
  await signInAs(page, "unit");
  await page.goto("/tracking?province=51");
  await expect(page.getByRole("heading", { level: 1, name: /^本单位服务成效/ })).toBeVisible();
});
