import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { openStep } from "@/components/ui/confirm-button";
import { DataTable, type Column } from "@/components/ui/data-table";
import { ExportLinks } from "@/components/ui/export-links";
import { ListResults } from "@/components/ui/list-page";
import { codeOptions, groupedCodeOptions, optionsOf } from "@/components/ui/options";
import { keywordField, SearchForm, type SearchFields } from "@/components/ui/search-form";
import { Timeline } from "@/components/ui/timeline";
import { firstValues, hasFilters, listHref, queryEntries, queryObject, queryValues } from "@/lib/search-params";

// The list-page kit: URL values of a search, the field-list search form, the table, results and downloads.
// Server components, rendered to HTML here; the journeys through them are in tests/e2e.

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component with its props
const html = <P extends object>(type: (props: P) => any, props: P) => renderToStaticMarkup(createElement(type, props));

/** The attributes of the first element matching `pattern` (a regular expression source over the tag). */
function attributesOf(markup: string, pattern: string): Record<string, string> {
  const tag = markup.match(new RegExp(`<${pattern}[^>]*>`))?.[0];
  if (!tag) throw new Error(`no <${pattern}> in ${markup}`);
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

describe("query values", () => {
  it("reads a page's query without NUL characters, and a route's too", async () => {
    expect(await firstValues(Promise.resolve({ q: "稻瘟病\u0000", page: ["2", "3"], x: undefined }))).toEqual({ q: "稻瘟病", page: "2", x: undefined });
    expect(queryObject(new URLSearchParams("q=%2Fe%00&format=csv"))).toEqual({ q: "/e", format: "csv" });
  });
  it("write a parsed search back as URL values: strings, numbers, set flags as 1; empties, unset flags and page dropped", () => {
    expect(queryValues({ q: "猕猴桃", state: undefined, year: 2026, stale: true, urgent: false, region: "", page: 3 }))
      .toEqual({ q: "猕猴桃", year: "2026", stale: "1" });
  });

  it("keep only set entries, without page", () => {
    expect(queryEntries({ q: "a", state: "", form: undefined, page: "2", sort: "name" })).toEqual([["q", "a"], ["sort", "name"]]);
  });

  it("build page links: page 1 has no page parameter, the filters are kept", () => {
    expect(listHref("/needs", {})).toBe("/needs");
    expect(listHref("/needs", { q: "果树 病害", state: "" }, 1)).toBe("/needs?q=%E6%9E%9C%E6%A0%91+%E7%97%85%E5%AE%B3");
    expect(listHref("/needs", { state: "OPEN", page: "9" }, 3)).toBe("/needs?state=OPEN&page=3");
  });

  it("tell whether anything is filtered, a sort order aside", () => {
    expect(hasFilters({ q: undefined, state: "" })).toBe(false);
    expect(hasFilters({ sort: "name" }, ["sort"])).toBe(false);
    expect(hasFilters({ sort: "name", q: "x" }, ["sort"])).toBe(true);
  });
});

describe("options", () => {
  it("come from a label map in its order, or from a list as given", () => {
    expect(optionsOf({ B: "乙", A: "甲" })).toEqual([{ value: "B", label: "乙" }, { value: "A", label: "甲" }]);
    const list = [{ value: "x", label: "X" }];
    expect(optionsOf(list)).toEqual(list);
    expect(codeOptions([{ code: "51", name: "四川省" }])).toEqual([{ value: "51", label: "四川省" }]);
  });

  it("group a code tree under its roots, each root selectable as a whole", () => {
    const rows = [
      { code: "210", name: "农学", parentCode: null },
      { code: "21010", name: "作物学", parentCode: "210" },
      { code: "230", name: "林学", parentCode: null },
    ];
    expect(groupedCodeOptions(rows)).toEqual([
      { group: "农学", options: [{ value: "210", label: "农学（全部）" }, { value: "21010", label: "作物学" }] },
      { group: "林学", options: [{ value: "230", label: "林学（全部）" }] },
    ]);
  });
});

describe("search form from a field list", () => {
  const fields: SearchFields = [
    keywordField("编号或标题"),
    { kind: "select", name: "state", label: "状态", choices: { OPEN: "待匹配", CLOSED: "已结束" }, all: { value: "ALL", label: "全部" } },
    { kind: "select", name: "form", label: "服务形式", choices: { TECH: "技术指导" }, all: "全部" },
    false,
    { kind: "select", name: "discipline", label: "学科", all: "全部学科", choices: [{ group: "农学", options: [{ value: "210", label: "农学（全部）" }] }] },
    { kind: "text", name: "operation", label: "操作", suggestions: [{ value: "need.review", label: "审核需求" }] },
    { kind: "date", name: "from", label: "起始日期" },
    { kind: "check", name: "stale", label: "包括长期未确认的专家" },
    { kind: "flags", legend: "优先支持方向", flags: [{ value: "raiseFarmerIncome", label: "促进农民增收" }] },
  ];
  const values = { q: "猕猴桃", state: "OPEN", from: "2026-01-02", stale: "1" };
  const form = html(SearchForm, { action: "/needs", label: "需求查询", fields, values, columns: 6 });

  it("is a GET search landmark to the list's address, with 查询 and a 重置 link back to it", () => {
    expect(attributesOf(form, "form")).toMatchObject({ role: "search", "aria-label": "需求查询", action: "/needs", method: "get" });
    expect(form).toContain("lg:grid-cols-6");
    expect(form).toMatch(/<button type="submit"[^>]*>查询<\/button>/);
    expect(form).toMatch(/<a [^>]*href="\/needs"[^>]*>重置<\/a>/);
  });

  it("ties every label to its control, named by the URL parameter and filled from the current values", () => {
    for (const [name, label] of [["q", "关键词"], ["state", "状态"], ["form", "服务形式"], ["discipline", "学科"], ["operation", "操作"], ["from", "起始日期"]]) {
      expect(form).toContain(`<label for="${name}" class="block text-sm font-medium text-slate-700">${label}</label>`);
      expect(form).toMatch(new RegExp(`<(input|select)[^>]* id="${name}"[^>]*name="${name}"|<(input|select)[^>]*name="${name}"[^>]* id="${name}"`));
    }
    expect(attributesOf(form, 'input[^>]*name="q"')).toMatchObject({ type: "search", value: "猕猴桃", "aria-describedby": "q-hint", maxLength: "60" });
    expect(attributesOf(form, 'input[^>]*name="from"')).toMatchObject({ type: "date", value: "2026-01-02" });
  });

  it("offers 全部 first, selecting the current value or else the 全部 option", () => {
    expect(form).toMatch(/<select[^>]*name="state"[^>]*><option value="ALL">全部<\/option><option value="OPEN" selected="">待匹配<\/option>/);
    expect(form).toMatch(/<select[^>]*name="form"[^>]*><option value="" selected="">全部<\/option><option value="TECH">技术指导<\/option>/);
    expect(form).toContain('<optgroup label="农学"><option value="210">农学（全部）</option></optgroup>');
  });

  it("offers suggestions, checkboxes sending 1, and skips fields left out", () => {
    expect(attributesOf(form, 'input[^>]*name="operation"')).toMatchObject({ list: "operation-suggestions" });
    expect(form).toContain('<datalist id="operation-suggestions"><option value="need.review">审核需求</option></datalist>');
    expect(attributesOf(form, 'input[^>]*name="stale"')).toMatchObject({ type: "checkbox", value: "1", checked: "" });
    expect(attributesOf(form, 'input[^>]*name="raiseFarmerIncome"')).toMatchObject({ type: "checkbox", value: "1" });
    expect(attributesOf(form, 'input[^>]*name="raiseFarmerIncome"')).not.toHaveProperty("checked");
    expect(form).toContain("<legend");
    expect((form.match(/<label for=/g) ?? []).length).toBe(6);
  });
});

describe("list results", () => {
  type Row = { id: string; name: string; admin: boolean };
  const rows: Row[] = [{ id: "a", name: "甲", admin: true }, { id: "b", name: "乙", admin: false }];

  it("draw a table from a column list, skipping columns left out", () => {
    const columns: (Column<Row> | false)[] = [
      { header: "姓名", className: "font-medium", cell: (r) => r.name },
      false,
      { header: "操作", headerClassName: "text-right", cell: (r) => (r.admin ? "管理员" : "—") },
    ];
    const table = html(DataTable<Row>, { caption: "账号列表", rows, rowKey: (r) => r.id, columns });
    expect(table).toContain('<caption class="sr-only">账号列表</caption>');
    expect((table.match(/<th scope="col"/g) ?? []).length).toBe(2);
    expect(table).toMatch(/<th scope="col" class="[^"]*text-right[^"]*">操作<\/th>/);
    expect((table.match(/<tr>/g) ?? []).length).toBe(3);
    expect(table).toMatch(/<td class="[^"]*font-medium[^"]*">乙<\/td><td class="[^"]*">—<\/td>/);
  });

  it("mark rows that need attention, and show the empty state when there are none", () => {
    const columns: Column<Row>[] = [{ header: "姓名", cell: (r) => r.name }];
    const marked = html(DataTable<Row>, { caption: "账号", rows, rowKey: (r) => r.id, columns, rowClassName: (r) => (r.admin ? "bg-red-50" : undefined) });
    expect(marked).toContain('<tr class="bg-red-50"><td class="px-3 py-2 align-top text-slate-800">甲</td></tr><tr><td');
    const none = html(DataTable<Row>, { caption: "账号", rows: [], rowKey: (r) => r.id, columns, empty: { title: "没有账号", body: "请调整查询条件。" } });
    expect(none).not.toContain("<table");
    expect(none).toContain("没有账号");
  });

  const results = (empty: false | { title: string; body?: string }, total: number) =>
    html(ListResults, {
      path: "/needs", values: { q: "果树", state: "" }, count: `共 ${total} 项需求`, empty,
      page: { page: 1, pageSize: 20, total }, children: createElement("p", null, "表格"),
    });

  it("announce the count and show the rows, with page links that keep the filters", () => {
    const page = results(false, 45);
    expect(page).toContain('role="status">共 45 项需求</p>');
    expect(page).toContain("<p>表格</p>");
    expect(page).toContain('href="/needs?q=%E6%9E%9C%E6%A0%91&amp;page=2"');
    expect(page).toContain('aria-label="第 3 页"');
  });

  it("show the empty state instead of the rows", () => {
    const page = results({ title: "没有符合条件的需求", body: "请调整查询条件后重试。" }, 0);
    expect(page).toContain("没有符合条件的需求");
    expect(page).toContain("请调整查询条件后重试。");
    expect(page).not.toContain("<p>表格</p>");
    expect(page).not.toContain('aria-label="分页"');
  });

  it("download what the filters select, in both formats", () => {
    const links = html(ExportLinks, { href: "/api/export/needs", params: { q: "果树", state: "", page: "2" } });
    expect(links).toContain('href="/api/export/needs?q=%E6%9E%9C%E6%A0%91&amp;format=xlsx">导出 Excel</a>');
    expect(links).toContain('href="/api/export/needs?q=%E6%9E%9C%E6%A0%91&amp;format=csv">导出 CSV</a>');
  });
});

describe("timeline", () => {
  it("is an ordered list named by its label: what, who, when and why", () => {
    const at = new Date("2026-03-01T02:00:00Z");
    const list = html(Timeline, { label: "办理过程", items: [{ key: "1", at, label: "退回修改", by: "四川省", detail: "请补充面积" }] });
    expect(list).toMatch(/^<ol [^>]*aria-label="办理过程"><li/);
    expect(list).toContain('<span class="font-medium text-slate-800">退回修改</span><span class="ml-2 text-slate-600">四川省</span>');
    expect(list).toContain(`<time dateTime="${at.toISOString()}"`);
    expect(list).toContain("请补充面积");
  });

  it("says so when nothing has happened yet", () => {
    expect(html(Timeline, { label: "办理过程", items: [], empty: "暂无办理记录。" })).toBe('<p class="text-sm text-slate-600">暂无办理记录。</p>');
  });
});

describe("confirmation steps", () => {
  const ok = { ok: true as const, data: null };
  const refused = { ok: false as const, error: "请写明撤回原因", fieldErrors: { reason: ["请写明撤回原因"] } };

  it("stay open until a result newer than the opening succeeds; a refusal keeps them open", () => {
    expect(openStep(null, null)).toBeNull();
    expect(openStep({ key: "withdraw", with: null }, null)).toBe("withdraw");
    expect(openStep({ key: "withdraw", with: null }, refused)).toBe("withdraw");
    expect(openStep({ key: "withdraw", with: null }, ok)).toBeNull();
  });

  it("are not closed by the success that came before they were opened", () => {
    expect(openStep({ key: "edit", with: ok }, ok)).toBe("edit");
    expect(openStep({ key: "edit", with: ok }, { ...ok })).toBeNull();
  });
});
