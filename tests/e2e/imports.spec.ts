import { expect, test } from "@playwright/test";
import { expectAccessible, expectLoggedInAt, login } from "./support";

test("a province downloads the template, uploads a CSV with one bad row, sees it and commits the good rows", async ({ page }) => {
  await login(page, "sichuan");
  await expectLoggedInAt(page, "/province", /省级工作台/);
  await page.getByRole("link", { name: "批量导入" }).click();
  await expectLoggedInAt(page, "/imports", /批量导入/);

  const xlsxHref = await page.getByRole("link", { name: /下载专家模板（\.xlsx/ }).getAttribute("href");
  const xlsx = await page.request.get(xlsxHref!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toContain("spreadsheetml");
  expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");
  const csvHref = await page.getByRole("link", { name: /下载专家模板（\.csv/ }).getAttribute("href");
  const template = await page.request.get(csvHref!);
  expect(template.status()).toBe(200);
  expect(await template.text()).toContain("姓名,性别,出生年份");
  await expectAccessible(page);

  const stamp = Date.now().toString(36);
  const lines = [
    "姓名,性别,出生年份,工作单位,职称,学科领域,所在地区,手机号码,是否退休",
    `导入甲${stamp},男,1972,四川农业大学,正高级,21060,四川省 成都市 蒲江县,13800000001,否`,
    `导入乙${stamp},不详,1980,四川农业大学,副高级,园艺学,510131,13800000002,否`,
    `导入丙${stamp},女,1985,"西南大学,园艺学院",中级,21040,510131,,是`,
  ];
  const fileName = `专家-${stamp}.csv`;
  await page.getByLabel("导入类型").selectOption("EXPERTS");
  await page.getByLabel("选择文件").setInputFiles({ name: fileName, mimeType: "text/csv", buffer: Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`) });
  await page.getByRole("button", { name: "上传并校验" }).click();

  await expect(page).toHaveURL(/\/imports\/[a-z0-9]+$/);
  await expect(page.getByRole("heading", { level: 1, name: `专家导入：${fileName}` })).toBeVisible();
  const errors = page.getByRole("table", { name: "校验错误明细" });
  await expect(errors.getByRole("row")).toHaveCount(2); // header + the one bad row
  await expect(errors.getByRole("row", { name: /第 3 行 性别 性别“不详”无效/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "导入无误的 2 行" }).click();
  await page.getByRole("button", { name: "确认导入" }).click();
  await expect(page.getByText("已成功导入 2 条专家")).toBeVisible();
  await expect(page.getByRole("link", { name: "查看专家" })).toBeVisible();

  await page.getByRole("link", { name: "返回导入记录" }).click();
  await expect(page.getByRole("row", { name: new RegExp(`${fileName} 专家 已导入 3 2 2`) })).toBeVisible();
});

test("a unit may import only needs; an expert may not open the import page", async ({ page }) => {
  await login(page, "unit");
  await expect(page).toHaveURL(/\/unit$/);
  await page.goto("/imports");
  await expectLoggedInAt(page, "/imports", /批量导入/);
  await expect(page.getByLabel("导入类型").locator("option")).toHaveText(["需求"]);
  const needs = await page.request.get("/api/imports/template?kind=needs&format=csv");
  expect(needs.status()).toBe(200);
  expect((await page.request.get("/api/imports/template?kind=experts&format=csv")).status()).toBe(403);

  await page.context().clearCookies();
  await login(page, "expert");
  await expect(page).toHaveURL(/\/expert$/);
  await page.goto("/imports");
  await expect(page).toHaveURL(/\/forbidden$/);
});
