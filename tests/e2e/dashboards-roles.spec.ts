import { readFileSync, statSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, signInAs } from "./support";

// Own dashboards (跟踪问效 for a unit, an expert, a base host): each opens its dashboard from its console, clicks a
// number and lands on exactly the records it counts (its own only), and downloads a table and the records; the
// expert downloads its own engagements-by-state table and follows a number to the engagements list of that year.
test.describe.configure({ timeout: 600_000 });

const num = (s: string) => Number(s.trim().replace(/,/g, ""));

/** Data lines of a CSV download (the header aside). */
async function csvLines(page: Page, href: string): Promise<string[]> {
  const res = await page.request.get(href);
  expect(res.status()).toBe(200);
  return (await res.text()).trim().split(/\r\n/).slice(1);
}

test("a unit opens its dashboard, drills from a number and a chart bar to its own records, and exports them", async ({ page }) => {
  await signInAs(page, "unit");
  await page.getByRole("link", { name: "服务成效统计" }).click();
  const heading = page.getByRole("heading", { level: 1, name: /^本单位服务成效（.+）$/ });
  await expect(heading).toBeVisible({ timeout: 60_000 });
  const unitName = (await heading.innerText()).replace(/^本单位服务成效（(.+)）$/, "$1");
  await expect(page.getByTestId("chart").first().locator("svg")).toBeVisible();
  await expect(page.getByRole("table", { name: /本单位需求按状态统计/ })).toBeVisible();
  await expectAccessible(page);

  // The 服务次数 of the first form in the table: that many records, every one this unit's.
  const forms = page.getByRole("table", { name: "按服务形式统计" });
  const first = forms.getByRole("row").nth(1);
  const count = num(await first.getByRole("link").first().innerText());
  expect(count).toBeGreaterThan(0);
  await first.getByRole("link").first().click();
  await expect(page).toHaveURL(/\/tracking\/records\?.*form=[A-Z_]+/, { timeout: 60_000 });
  await expect(page.getByText(`共 ${count} 条已确认服务记录`)).toBeVisible();
  await expectAccessible(page);
  const csvHref = (await page.getByRole("link", { name: "导出 CSV" }).getAttribute("href"))!;
  const lines = await csvLines(page, csvHref);
  expect(lines).toHaveLength(count);
  for (const line of lines) expect(line).toContain(unitName);

  // A foreign province in the URL shows nothing of anyone else's: the unit is served in its own province only.
  await page.goto("/tracking/records?province=33");
  await expect(page.getByText("共 0 条已确认服务记录")).toBeVisible();
  expect(await csvLines(page, "/api/export/tracking-records?province=33&format=csv")).toHaveLength(0);

  // A chart bar opens the records of its form.
  await page.goto("/tracking");
  const formsCard = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: "按服务形式" }) });
  await formsCard.getByTestId("chart").locator("path[fill='#1d4ed8']").last().click();
  await expect(page).toHaveURL(/\/tracking\/records\?.*form=[A-Z_]+/, { timeout: 60_000 });

  // The dashboard's tables download (CSV and Excel), with the unit's own total.
  await page.goto("/tracking");
  const total = num(await page.getByRole("link", { name: /^服务次数/ }).first().locator("dd span").first().innerText());
  const monthRows = await csvLines(page, "/api/export/tracking?table=month&format=csv");
  expect(monthRows.reduce((s, l) => s + Number(l.split(",")[3] || 0), 0)).toBe(total);
  const xlsx = await page.request.get("/api/export/tracking?table=form&format=xlsx");
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect(await csvLines(page, "/api/export/tracking-records?format=csv")).toHaveLength(total);
  // The yearly statistical report is the provinces' and the ministry's, not a unit's.
  expect((await page.request.get(`/api/export/tracking-report?year=${new Date().getFullYear()}`)).status()).toBe(403);
});

test("an expert opens their own dashboard, drills to their records, and a base host sees its activities and reports", async ({ page }) => {
  await signInAs(page, "expert");
  await page.getByRole("navigation").getByRole("link", { name: "服务成效", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "我的服务成效" })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("chart").first().locator("svg")).toBeVisible();
  await expectAccessible(page);

  const months = page.getByRole("table", { name: "按月份统计" });
  const row = months.getByRole("row").nth(1);
  const month = (await row.getByRole("rowheader").innerText()).trim();
  const count = num(await row.getByRole("link").first().innerText());
  expect(count).toBeGreaterThan(0);
  await row.getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/tracking/records\\?.*month=${month}`), { timeout: 60_000 });
  await expect(page.getByText(`共 ${count} 条已确认服务记录`)).toBeVisible();
  // Every record is this expert's: one expert name in the whole export.
  const lines = await csvLines(page, (await page.getByRole("link", { name: "导出 CSV" }).getAttribute("href"))!);
  expect(lines).toHaveLength(count);
  expect(new Set(lines.map((l) => l.split(",")[6])).size).toBe(1);

  // The expert's engagements by state, for a year that has some: the table downloads (a real file), and a number
  // opens the engagements list with the same year and state, listing exactly that many.
  await page.goto("/tracking");
  const years = await page.getByLabel("年度", { exact: true }).locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter(Boolean));
  const engagements = page.getByRole("table", { name: "服务项目按状态统计" });
  let year = "";
  for (const y of years) {
    await page.goto(`/tracking?year=${y}`);
    await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^服务项目（${y}年建立）$`) })).toBeVisible({ timeout: 60_000 });
    if (await engagements.isVisible()) { year = y; break; }
  }
  expect(year, "a year with engagements on the expert's dashboard").not.toBe("");
  const card = page.locator("section").filter({ has: page.getByRole("heading", { level: 2, name: `服务项目（${year}年建立）` }) });
  const [download] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "导出 Excel" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^跟踪问效-服务项目按状态-.+\.xlsx$/);
  expect(statSync((await download.path())!).size).toBeGreaterThan(0);
  const [csvDownload] = await Promise.all([page.waitForEvent("download"), card.getByRole("link", { name: "导出 CSV" }).click()]);
  const csvText = readFileSync((await csvDownload.path())!, "utf8");
  const stateRow = engagements.getByRole("row").nth(1);
  const state = (await stateRow.getByRole("rowheader").innerText()).trim();
  const stateCount = num(await stateRow.getByRole("link").innerText());
  expect(csvText).toContain(`${state},${stateCount}`);
  await stateRow.getByRole("link").click();
  await expect(page).toHaveURL(new RegExp(`/engagements\\?state=[A-Z_]+&year=${year}$`), { timeout: 60_000 });
  await expect(page.getByLabel("建立年度")).toHaveValue(year);
  await expect(page.getByText(`共 ${stateCount} 个服务项目`)).toBeVisible();
  await expectAccessible(page);

  await signInAs(page, "base");
  await page.getByRole("link", { name: "基地服务成效" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^基地服务成效/ })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole("table", { name: "本单位依托基地的年度报告" })).toBeVisible();
  await expectAccessible(page);
  const table = await page.request.get("/api/export/tracking?table=program&format=csv");
  expect(table.status()).toBe(200);
});
