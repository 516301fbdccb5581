import { expect, test } from "@playwright/test";
import { expectAccessible, signInAs } from "./support";

// 跟踪问效: the demo expert issues a service certificate of their confirmed service and downloads it as a PDF; anyone
// verifies it on the public page from its code; wrong check digits show it as altered; the expert's province revokes
// it with a reason and the public page then says 已撤销. The ministry approves a pending commendation and downloads
// the priority-recommendation list.
test.describe.configure({ timeout: 240_000 });

test("issue → download PDF → public verification → altered → revoked", async ({ page, browser, baseURL }) => {
  await signInAs(page, "expert");
  await page.goto("/certificates");
  await expect(page.getByRole("heading", { level: 1, name: "服务证明" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("form", { name: "开具服务证明" }).getByRole("button", { name: "开具服务证明" }).click();
  const issued = page.getByText(/服务证明已开具，验证码 FW-\d{4}-[A-Z0-9]{5}-[A-Z0-9]{5}/);
  await expect(issued).toBeVisible();
  const code = (await issued.textContent())!.match(/FW-\d{4}-[A-Z0-9]{5}-[A-Z0-9]{5}/)![0];
  const link = page.getByRole("link", { name: `下载服务证明 PDF（${code}）` });
  const href = (await link.getAttribute("href"))!;
  const id = href.split("/")[3];

  // The PDF: a real PDF carrying the code.
  const pdf = await page.request.get(href);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  const body = await pdf.body();
  expect(body.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(body.toString("latin1")).toContain(code);

  // The detail page shows the check digits printed on the certificate.
  await page.goto(`/certificates/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: `服务证明 ${code}` })).toBeVisible();
  const digits = (await page.getByText(/校验位 [0-9A-F]{12}/).textContent())!.match(/校验位 ([0-9A-F]{12})/)![1];
  await expectAccessible(page);

  // Anyone, signed in or not, verifies it from its code.
  const visitorContext = await browser.newContext({ baseURL });
  const visitor = await visitorContext.newPage();
  await visitor.goto("/verify");
  await expect(visitor.getByRole("heading", { level: 1, name: "服务证明核验" })).toBeVisible();
  await expectAccessible(visitor);
  await visitor.getByLabel("验证码").fill(code.toLowerCase());
  await visitor.getByLabel(/校验位/).fill(digits);
  await visitor.getByRole("button", { name: "核验" }).click();
  await expect(visitor).toHaveURL(new RegExp(`/verify/${code}`));
  await expect(visitor.getByRole("status").filter({ hasText: "有效：该服务证明由本平台开具" })).toBeVisible();
  await expect(visitor.getByRole("region", { name: "平台登记的证明内容" })).toContainText("林晓峰");
  await expectAccessible(visitor);

  // A certificate whose check digits were changed is shown as altered; an unknown code as not found.
  await visitor.goto(`/verify/${code}?d=000000000000`);
  await expect(visitor.getByText("内容不符：该服务证明可能已被篡改")).toBeVisible();
  await visitor.goto("/verify/FW-2026-22222-22222");
  await expect(visitor.getByText(/未找到：本平台没有开具过该验证码的服务证明/)).toBeVisible();

  // The expert's province (浙江) revokes it with a reason, asked first.
  await signInAs(page, "zhejiang");
  await page.goto(`/certificates?q=${code}`);
  await page.getByRole("link", { name: code, exact: true }).click();
  await page.getByRole("button", { name: "撤销服务证明" }).click();
  await page.getByRole("button", { name: "确认撤销" }).click();
  await expect(page.getByText("请填写撤销原因").or(page.getByText(/撤销时请写明原因/))).toBeVisible();
  await page.getByLabel(/撤销原因/).fill("服务记录经核实有误，予以撤销");
  await page.getByRole("button", { name: "确认撤销" }).click();
  await expect(page.getByText(/该服务证明已于 .+ 撤销。原因：服务记录经核实有误，予以撤销/)).toBeVisible();

  await visitor.goto(`/verify/${code}`);
  await expect(visitor.getByRole("status").filter({ hasText: "已撤销" })).toContainText("服务记录经核实有误，予以撤销");
  await expectAccessible(visitor);
  await visitorContext.close();
});

test("the ministry approves a pending commendation and downloads the priority-recommendation list", async ({ page }) => {
  await signInAs(page, "ministry");
  await page.goto("/commendations?state=PENDING");
  await expect(page.getByRole("heading", { level: 1, name: "表彰推荐" })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole("table").getByRole("link", { name: "林晓峰" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /表彰推荐：林晓峰/ })).toBeVisible();
  await expect(page.getByText(/小时，\d+ 天/)).toBeVisible();
  await expectAccessible(page);
  const decide = page.getByRole("form", { name: "审定表彰推荐" });
  await decide.getByLabel("不批准").check();
  await decide.getByRole("button", { name: "提交审定" }).click();
  await expect(decide.getByText("请填写原因")).toBeVisible();
  await decide.getByLabel("批准", { exact: true }).check();
  await decide.getByRole("button", { name: "提交审定" }).click();
  // The page re-renders with the decision: the form gives way to the state and who decided.
  await expect(page.getByRole("main").getByText("已批准", { exact: true })).toBeVisible();
  await expect(page.getByRole("form", { name: "审定表彰推荐" })).toHaveCount(0);

  const list = await page.request.get("/api/export/commendations?state=APPROVED&priority=1&format=csv");
  expect(list.status()).toBe(200);
  const csv = await list.text();
  expect(csv).toContain("林晓峰");
  expect(csv.split("\r\n")[0]).toContain("服务时长（小时）");
});
