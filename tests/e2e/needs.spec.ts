import { expect, test, type Page } from "@playwright/test";
import { SAMPLES } from "../sample-files";
import { expectAccessible, signInAs } from "./support";

// A unit orders from the menu and submits; the province returns it with a reason; the unit revises and resubmits;
// the province approves. Each step shows on the timeline. The need's title is unique to this run.
// Journeys through several accounts: each sign-in hashes a password (argon2), so allow more than the default minute.
test.describe.configure({ timeout: 300_000 });

const timeline = (page: Page) => page.getByRole("list", { name: "办理过程" }).getByRole("listitem");

test("order from the menu, return with a reason, revise, resubmit and approve", async ({ page }) => {
  const title = `猕猴桃溃疡病绿色防控 E2E${Date.now().toString(36)}`;

  // The unit orders from the menu and saves a draft.
  await signInAs(page, "unit");
  await page.goto("/needs/new");
  await expect(page.getByRole("heading", { level: 1, name: "点餐下单" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("checkbox", { name: /果树病虫害现场诊断/ }).check();
  await page.getByRole("checkbox", { name: /新品种新技术示范推广/ }).check();
  await page.getByLabel("需求标题").fill(title);
  await page.getByLabel("面临的瓶颈问题").fill("近三年溃疡病发病率超过三成，果农缺乏绿色防控手段。");
  const discipline = page.getByRole("combobox", { name: "学科领域" });
  await discipline.fill("植物保护");
  await discipline.press("Enter");
  await expect(page.getByRole("button", { name: "移除 植物保护学" })).toBeVisible();
  await expect(page.getByRole("combobox", { name: "区县" })).toHaveValue("510131"); // the unit's county, prefilled
  await page.getByLabel("需要专家人数").fill("2");
  await page.getByLabel("促进农民增收").check();
  await page.getByRole("button", { name: "保存草稿" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("草稿", { exact: true }).first()).toBeVisible();
  const needUrl = page.url();

  // Attachments: a real PDF is kept; a renamed executable is refused with a reason.
  await page.getByLabel("上传附件").setInputFiles({ name: "果园现场情况.pdf", mimeType: "application/pdf", buffer: Buffer.from(SAMPLES.pdf) });
  await page.getByRole("button", { name: "上传", exact: true }).click();
  await expect(page.getByRole("link", { name: "果园现场情况.pdf" })).toBeVisible();
  await page.getByLabel("上传附件").setInputFiles({ name: "照片.png", mimeType: "image/png", buffer: Buffer.from(SAMPLES.exe) });
  await page.getByRole("button", { name: "上传", exact: true }).click();
  await expect(page.getByText(/不支持的文件类型/)).toBeVisible();
  const href = await page.getByRole("link", { name: "果园现场情况.pdf" }).getAttribute("href");
  const download = await page.request.get(href!);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("果园现场情况.pdf")}`);
  expect(download.headers()["x-content-type-options"]).toBe("nosniff");
  expect(download.headers()["content-type"]).toBe("application/pdf");

  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page.getByRole("status").filter({ hasText: "已提交，等待省级审核" })).toBeVisible();
  await expect(page.getByText("待审核", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  // Another province sees nothing of it.
  await signInAs(page, "zhejiang");
  await page.goto(needUrl);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  expect((await page.request.get(href!)).status()).toBe(404);

  // The province finds it among the needs waiting for review and returns it with a reason.
  await signInAs(page, "sichuan");
  await page.goto("/needs");
  await expect(page.getByRole("heading", { level: 1, name: "需求审核" })).toBeVisible();
  await expect(page.getByLabel("状态")).toHaveValue("SUBMITTED");
  await page.getByLabel("关键词").fill(title.slice(-12));
  await page.getByRole("button", { name: "查询" }).click();
  await expect(page.getByRole("status")).toHaveText("待审核：共 1 项需求");
  await expectAccessible(page);
  await page.getByRole("link", { name: title }).click();
  await expect(page.getByText(/果树病虫害现场诊断/).first()).toBeVisible();
  await page.getByLabel("退回修改").check();
  await page.getByRole("button", { name: "确认" }).click();
  await expect(page.getByText("退回修改时请写明需要修改的内容")).toBeVisible();
  await page.getByLabel(/审核意见/).fill("请补充种植面积和近年损失情况");
  await page.getByRole("button", { name: "确认" }).click();
  await expect(page.getByText("退回修改意见：请补充种植面积和近年损失情况")).toBeVisible();

  // The unit revises and resubmits.
  await signInAs(page, "unit");
  await page.goto(needUrl);
  await expect(page.getByText("退回修改意见：请补充种植面积和近年损失情况")).toBeVisible();
  await page.getByRole("link", { name: "修改需求" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "修改需求" })).toBeVisible();
  await expect(page.getByLabel("需求标题")).toHaveValue(title);
  await page.getByLabel("面临的瓶颈问题").fill("种植面积 1200 亩，近三年溃疡病发病率超过三成，年损失约 300 万元。");
  await page.getByRole("button", { name: "提交审核" }).click();
  await expect(page).toHaveURL(needUrl);
  await expect(page.getByText("待审核", { exact: true }).first()).toBeVisible();
  await expect(page.getByText(/年损失约 300 万元/)).toBeVisible();

  // The province approves.
  await signInAs(page, "sichuan");
  await page.goto(needUrl);
  await page.getByLabel(/审核通过/).check();
  await page.getByRole("button", { name: "确认" }).click();
  await expect(page.getByText("待匹配", { exact: true }).first()).toBeVisible();

  // The timeline shows every step, with who and why.
  await expect(timeline(page)).toHaveCount(5);
  await expect(timeline(page).nth(0)).toContainText("填报草稿");
  await expect(timeline(page).nth(1)).toContainText("提交审核");
  await expect(timeline(page).nth(2)).toContainText("退回修改");
  await expect(timeline(page).nth(2)).toContainText("请补充种植面积和近年损失情况");
  await expect(timeline(page).nth(3)).toContainText("提交审核");
  await expect(timeline(page).nth(4)).toContainText("审核通过");

  // The unit was told.
  await signInAs(page, "unit");
  await page.goto("/notifications");
  await expect(page.getByText(`需求审核通过：${title}`)).toBeVisible();
});

test("the ministry reads needs nationwide but cannot act; an expert cannot open needs", async ({ page }) => {
  await signInAs(page, "ministry");
  await page.goto("/needs");
  await expect(page.getByRole("heading", { level: 1, name: "需求总览" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("table", { name: "需求列表" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: "办理过程" })).toBeVisible();
  await expect(page.getByRole("button", { name: "确认" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "修改需求" })).toHaveCount(0);
  const exported = await page.request.get("/api/export/needs?format=csv&state=ALL");
  expect(exported.status()).toBe(200);
  expect(await exported.text()).toContain("需求编号");

  await signInAs(page, "expert");
  await page.goto("/needs");
  await expect(page).toHaveURL(/\/forbidden$/);
});
