import { expect, test } from "@playwright/test";
import { SAMPLES } from "../sample-files";
import { expectAccessible, signInAs } from "./support";

// One service base from application to removal: the host applies (provincial level), the province approves and it
// is established with a number; the host files its annual report; the province evaluates it 不合格 and orders a
// rectification; the host answers; the province re-evaluates and removes it. The public list then shows it removed
// with the reason. The base's name is unique to this run.
test.describe.configure({ timeout: 300_000 });

test("application → approval → report → 不合格 → rectification → answer → removal, published", async ({ page }) => {
  const name = `蒲江县晚熟柑橘E2E${Date.now().toString(36)}专家服务基地`;
  const reason = "整改期满仍未达到要求，予以调整退出";

  // The host applies; submitting without the criteria's facts is refused in Chinese, then completed.
  await signInAs(page, "base");
  await page.goto("/base/apply");
  await expect(page.getByRole("heading", { level: 1, name: "申请设立专家服务基地" })).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("基地名称").fill(name);
  await page.getByLabel("申请级别").selectOption("PROVINCIAL");
  await page.getByLabel("服务方向").fill("晚熟柑橘绿色高效生产技术指导");
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByText("请说明创新实力（至少 10 个字）")).toBeVisible();
  await page.getByLabel("创新实力").fill("建有县级柑橘工程技术研究中心，近三年获省科技进步奖两项。");
  await page.getByLabel("科研基础").fill("建有标准化示范果园 800 亩和检测实验室一处。");
  await page.getByLabel("副高以上专家（人）").fill("9");
  await page.getByLabel("发展规划").fill("三年内组织专家服务活动不少于 30 场次，培养本土技术骨干 100 名以上。");
  await page.getByLabel("内部管理制度").fill("专家服务基地管理办法、专家工作站运行制度、经费管理细则");
  await page.getByLabel("第 1 项活动名称").fill("春季修剪现场指导");
  await page.getByRole("button", { name: "提交申请" }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("待省级审核", { exact: true }).first()).toBeVisible();
  const hostUrl = page.url();
  const id = hostUrl.split("/").pop()!;
  await expectAccessible(page);

  // The province finds it (the list is accessible), approves it: a provincial base is established with a number.
  await signInAs(page, "sichuan");
  await page.goto(`/province/bases?q=${encodeURIComponent(name)}`);
  await expectAccessible(page);
  await page.getByRole("link", { name }).click();
  await expect(page).toHaveURL(new RegExp(`/province/bases/${id}$`));
  await page.getByRole("form", { name: "省级审核" }).getByRole("button", { name: "确认" }).click();
  // The decision form gives way to the new state: 已设立, with its number.
  await expect(page.getByText(/^ZJJD-SJ-51-\d{4}-\d{3}$/)).toBeVisible();
  await expect(page.getByText("已设立", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  // The host files its annual report (pre-filled form).
  await signInAs(page, "base");
  await page.goto("/base");
  await expectAccessible(page);
  await page.getByRole("link", { name }).click();
  await page.getByLabel("年度开展的活动").fill("全年组织专家开展现场指导 2 次，举办技术培训 1 期。");
  await page.getByLabel("开展活动（次）").fill("3");
  await page.getByRole("button", { name: "报送年度报告" }).click();
  await expect(page.getByRole("table", { name: "基地年度报告" })).toContainText("全年组织专家开展现场指导 2 次");

  // The province evaluates it 不合格 and orders a rectification (deadline: 12 months by default).
  await signInAs(page, "sichuan");
  await page.goto(`/province/bases/${id}`);
  const evaluation = page.getByRole("form", { name: "年度评估" });
  await evaluation.getByLabel("评估等次").selectOption("UNQUALIFIED");
  await evaluation.getByLabel("服务活动（0—25 分）").fill("8");
  await evaluation.getByLabel("专家组织（0—25 分）").fill("10");
  await evaluation.getByLabel("人才培养（0—25 分）").fill("9");
  await evaluation.getByLabel("管理制度（0—25 分）").fill("6");
  await evaluation.getByLabel(/评估意见/).fill("服务活动不足，专家服务记录不完整。");
  await evaluation.getByRole("button", { name: "保存评估结果" }).click();
  await expect(page.getByRole("table", { name: "省级年度评估结果" })).toContainText("不合格");
  await expect(page.getByRole("table", { name: "省级年度评估结果" })).toContainText("33");
  const order = page.getByRole("form", { name: "下达限期整改" });
  await order.getByLabel("整改事由").fill("年度评估不合格");
  await order.getByLabel("整改要求（每行一项）").fill("年度内组织专家服务活动不少于 6 次\n补齐专家服务记录");
  await order.getByRole("button", { name: "下达整改通知" }).click();
  await expect(page.getByText("限期整改中", { exact: true }).first()).toBeVisible();
  await expectAccessible(page);

  // The host answers with its evidence.
  await signInAs(page, "base");
  await page.goto(hostUrl);
  await expect(page.getByRole("list", { name: "整改要求" })).toContainText("补齐专家服务记录");
  await page.getByLabel("上传佐证材料").setInputFiles({ name: "整改记录.pdf", mimeType: "application/pdf", buffer: Buffer.from(SAMPLES.pdf) });
  await page.getByRole("button", { name: "上传", exact: true }).click();
  await expect(page.getByRole("list", { name: "整改佐证材料" }).getByRole("link", { name: "整改记录.pdf" })).toBeVisible();
  await page.getByLabel(/整改情况/).fill("已组织专家服务活动 2 次，补齐服务记录，修订管理制度。");
  await page.getByRole("button", { name: "提交整改报告" }).click();
  await expect(page.getByText("已提交整改报告", { exact: true })).toBeVisible();
  await expectAccessible(page);

  // The province re-evaluates: removal, with the reason (confirmed first).
  await signInAs(page, "sichuan");
  await page.goto(`/province/bases/${id}`);
  await page.getByRole("button", { name: "调整退出" }).click();
  await page.getByLabel(/调整退出原因/).fill(reason);
  await page.getByRole("button", { name: "确认调整退出" }).click();
  await expect(page.getByText("已调整退出", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("list", { name: "基地办理记录" })).toContainText("调整退出");
  // The province reads the host's evidence.
  const evidence = await page.getByRole("link", { name: "整改记录.pdf" }).getAttribute("href");
  expect((await page.request.get(evidence!)).status()).toBe(200);

  // The public list (no sign-in) shows it removed with the reason.
  await page.context().clearCookies();
  await page.goto(`/bases?q=${encodeURIComponent(name)}`);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText("已调整退出");
  await expect(row).toContainText(reason);
  await expectAccessible(page);

  // The ministry's view opens on its queue and can show every base.
  await signInAs(page, "ministry");
  await page.goto("/ministry/bases");
  await expect(page.getByRole("heading", { level: 1, name: "专家服务基地" })).toBeVisible();
  await expectAccessible(page);
  await page.goto(`/ministry/bases?state=ALL&q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("link", { name })).toBeVisible();
});

test("a host cannot open another host's base; the public list hides applications", async ({ page }) => {
  await signInAs(page, "base-2");
  await page.goto("/base");
  const other = await page.getByRole("link").filter({ hasText: "专家服务基地" }).first().getAttribute("href");
  await signInAs(page, "base");
  await page.goto(other!);
  await expect(page.getByRole("heading", { name: "页面不存在" })).toBeVisible();
  await page.context().clearCookies();
  await page.goto("/bases?q=潜江市虾稻共作");
  await expect(page.getByText("没有符合条件的基地")).toBeVisible();
});
