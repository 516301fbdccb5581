import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./support";

// On a phone (390 px) and a common laptop (1366 px) nothing sticks out of its card: a score bar that does not wrap
// or a reason that cannot break pushes past the card's right edge. Reasons wrap between their parts or at
// punctuation, never inside a word (「东西部协」 / 「作」).

const WIDTHS = [390, 1366];

/** Every element or text of a titled card (a <section> headed by an <h2>) that reaches outside the card. */
function overflows(page: Page): Promise<string[]> {
  return page.locator("main").evaluate((main) => {
    const found: string[] = [];
    const scrolls = (el: Element) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
    const cards = [...main.querySelectorAll("section")].filter((s) => s.querySelector(":scope > header > h2"));
    const page = main.getBoundingClientRect();
    for (const card of cards) {
      const box = card.getBoundingClientRect();
      const title = card.querySelector(":scope > header > h2")!.textContent;
      if (box.right > page.right + 0.5) found.push(`卡片「${title}」超出内容区：右缘 ${Math.round(box.right)}，内容区 ${Math.round(page.right)}`);
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
        // A scroll box (a wide table) is checked itself; what scrolls inside it is reachable.
        acceptNode: (n) => (n.parentElement && n.parentElement !== card && scrolls(n.parentElement) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
      });
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        let r: DOMRect;
        if (n instanceof Text) {
          if (!n.data.trim()) continue;
          const range = document.createRange();
          range.selectNodeContents(n);
          r = range.getBoundingClientRect();
        } else r = (n as Element).getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || (r.width <= 1 && r.height <= 1)) continue; // hidden, or sr-only
        if (r.left < box.left - 0.5 || r.right > box.right + 0.5) {
          const what = n instanceof Text ? `文字「${n.data.trim().slice(0, 20)}」` : `<${(n as Element).tagName.toLowerCase()}>「${(n.textContent ?? "").trim().slice(0, 20)}」`;
          found.push(`卡片「${title}」中的${what}：${Math.round(r.left)}–${Math.round(r.right)}，卡片 ${Math.round(box.left)}–${Math.round(box.right)}`);
        }
      }
    }
    if (document.documentElement.scrollWidth > window.innerWidth) found.push(`页面宽 ${document.documentElement.scrollWidth}，视口 ${window.innerWidth}`);
    return found;
  });
}

/** The character before each line break of the recommendation reasons that breaks inside a word. */
function brokenWords(page: Page): Promise<string[]> {
  return page.locator("main p", { hasText: "推荐理由：" }).evaluateAll((paragraphs) =>
    paragraphs.flatMap((p) => {
      const chars: { ch: string; top: number }[] = [];
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      for (let t = walker.nextNode() as Text | null; t; t = walker.nextNode() as Text | null) {
        for (let i = 0; i < t.data.length; i++) {
          const range = document.createRange();
          range.setStart(t, i);
          range.setEnd(t, i + 1);
          const r = range.getBoundingClientRect();
          if (r.width > 0) chars.push({ ch: t.data[i], top: r.top });
        }
      }
      const lineHeight = parseFloat(getComputedStyle(p).lineHeight) || 20;
      const text = chars.map((c) => c.ch).join("");
      return chars.flatMap((c, i) =>
        // Between words: after a space, a separator or punctuation, or on either side of the arrow (浙江 | →四川).
        i > 0 && c.top - chars[i - 1].top > lineHeight / 2 && !/[\s·：，、；→]/.test(chars[i - 1].ch) && !/[\s→]/.test(c.ch)
          ? [`「${text.slice(Math.max(0, i - 6), i)}」|「${text.slice(i, i + 4)}」`]
          : [],
      );
    }),
  );
}

async function expectFits(page: Page, url: string) {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await overflows(page), `${url} 宽 ${width}px`).toEqual([]);
    expect(await brokenWords(page), `${url} 宽 ${width}px 的推荐理由`).toEqual([]);
  }
}

test("an invitation's score, reasons and deadline stay inside their cards at 390 and 1366 px", async ({ page }) => {
  await signInAs(page, "expert");
  await page.goto("/expert/invitations");
  const links = page.locator("main a[href^='/expert/invitations/']");
  await expect(links.first()).toBeVisible();
  const urls = await links.evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute("href")!))].slice(0, 3));
  for (const url of urls) await expectFits(page, url);
  // The reasons on these pages include the east → west collaboration part that used to break as 「东西部协」.
  await expect(page.locator("main p", { hasText: "推荐理由：" }).first()).toBeVisible();
});

test("an engagement's overview, plan, records and feedback stay inside their cards at 390 and 1366 px", async ({ page }) => {
  await signInAs(page, "expert");
  for (const state of ["ACTIVE", "CLOSED"]) {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`/engagements?state=${state}`);
    const link = page.getByRole("table", { name: "服务项目列表" }).getByRole("link").first();
    await expect(link).toBeVisible();
    await expectFits(page, (await link.getAttribute("href"))!);
  }
});

test("the header names the user once when the name is the role", async ({ page }) => {
  await signInAs(page, "ministry");
  const bar = page.getByRole("banner");
  await expect(bar.getByText("部级管理员", { exact: true })).toHaveCount(1);
  expect((await bar.innerText()).match(/部级管理员/g)).toHaveLength(1);
  // A person's name is still followed by the role.
  await signInAs(page, "expert");
  await expect(bar.getByText("专家", { exact: true })).toBeVisible();
});

// Every console landing and list page, and every portal page, on a phone: the page is no wider than the screen
// (a wide table scrolls inside its own box) and no titled card's content sticks out of it.
const PAGES_BY_ACCOUNT: Record<string, string[]> = {
  "": ["/", "/services", "/cases", "/challenges", "/demonstrations", "/bases", "/verify", "/login", "/register"],
  ministry: [
    "/ministry", "/ministry/activities", "/ministry/plans", "/ministry/bases", "/ministry/challenges", "/ministry/menu",
    "/ministry/matching", "/ministry/questionnaires", "/ministry/calendar", "/ministry/announcements", "/ministry/users",
    "/tracking", "/tracking/records", "/editorial/cases", "/commendations", "/commendations/candidates", "/library",
    "/library/members", "/experts",
  ],
  sichuan: [
    "/province", "/province/bases", "/province/challenges", "/needs", "/experts", "/matching/batch", "/imports",
    "/tracking", "/activities", "/commendations", "/library/nominate", "/province/users", "/certificates",
  ],
  unit: ["/unit", "/needs", "/needs/new", "/engagements", "/tracking"],
  expert: ["/expert", "/expert/needs", "/expert/invitations", "/expert/feedback", "/expert/challenges", "/expert/reviews", "/expert/profile", "/engagements", "/certificates"],
  enterprise: ["/enterprise", "/enterprise/challenges", "/enterprise/challenges/new"],
  base: ["/base", "/base/apply"],
  department: ["/department", "/activities"],
  auditor: ["/audit"],
  secadmin: ["/security", "/security/admins"],
  sysadmin: ["/system", "/system/users"],
};

for (const [account, paths] of Object.entries(PAGES_BY_ACCOUNT)) {
  test(`${account || "the public"}'s pages fit a 390 px phone`, async ({ page }) => {
    test.setTimeout(60_000 + paths.length * 15_000);
    if (account) await signInAs(page, account);
    await page.setViewportSize({ width: 390, height: 900 });
    const problems: string[] = [];
    for (const path of paths) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBeLessThan(400);
      await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
      problems.push(...(await overflows(page)).map((p) => `${path}：${p}`));
    }
    expect(problems).toEqual([]);
  });
}

// The first detail page each list links to, on a phone, the same way.
const DETAILS_BY_ACCOUNT: Record<string, [list: string, prefix: string][]> = {
  "": [["/cases", "/cases/"], ["/challenges", "/challenges/"], ["/demonstrations", "/demonstrations/"]],
  ministry: [
    ["/ministry/activities", "/ministry/activities/"], ["/ministry/bases", "/ministry/bases/"],
    ["/ministry/challenges", "/ministry/challenges/"], ["/editorial/cases", "/editorial/cases/"], ["/experts", "/experts/"],
    ["/ministry/plans", "/ministry/plans/"],
  ],
  sichuan: [["/needs", "/needs/"], ["/province/bases", "/province/bases/"], ["/province/challenges", "/province/challenges/"]],
  enterprise: [["/enterprise/challenges", "/enterprise/challenges/"]],
  expert: [["/expert/challenges", "/expert/challenges/"]],
};

for (const [account, lists] of Object.entries(DETAILS_BY_ACCOUNT)) {
  test(`${account || "the public"}'s detail pages fit a 390 px phone`, async ({ page }) => {
    test.setTimeout(60_000 + lists.length * 20_000);
    if (account) await signInAs(page, account);
    await page.setViewportSize({ width: 390, height: 900 });
    const problems: string[] = [];
    for (const [list, prefix] of lists) {
      await page.goto(list);
      const link = page.locator(`main a[href^='${prefix}']:not([href$='/new'])`).first();
      await expect(link, `${list} 中指向 ${prefix}… 的链接`).toBeVisible();
      const path = (await link.getAttribute("href"))!;
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first(), path).toBeVisible();
      problems.push(...(await overflows(page)).map((p) => `${path}：${p}`));
    }
    expect(problems).toEqual([]);
  });
}
