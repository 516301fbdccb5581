import { describe, expect, it } from "vitest";
import type { RoleGrant, SessionUser } from "@/lib/auth/roles";
import { navFor } from "@/lib/console/nav";

const userWith = (...roles: RoleGrant[]): SessionUser => ({ id: "u1", username: "u", displayName: "用户", roles });
const ministry = userWith({ role: "MINISTRY_ADMIN", organizationId: "org-m", provinceCode: null } as RoleGrant);
const province = userWith({ role: "PROVINCE_ADMIN", organizationId: "org-p", provinceCode: "51" } as RoleGrant);
const unit = userWith({ role: "UNIT_USER", organizationId: "org-u", provinceCode: "51" } as RoleGrant);

describe("console navigation", () => {
  it("groups the ministry's many pages into sections after its console, each page once", () => {
    const nav = navFor(ministry);
    expect(nav.map((s) => s.heading)).toEqual(["部级工作台", "需求与服务", "专家与基地", "示范活动与揭榜挂帅", "跟踪问效与宣传", "账号与安全", "个人中心"]);
    expect(nav[0].items.map((i) => i.label)).toEqual(["工作台首页"]);
    const hrefs = nav.flatMap((s) => s.items.map((i) => i.href));
    expect(new Set(hrefs).size).toBe(hrefs.length);
    expect(nav.find((s) => s.heading === "账号与安全")!.items.map((i) => i.label)).toEqual(["账号管理", "上传安全策略", "审计日志"]);
  });

  it("groups the province's pages too, and leaves a small console in one section", () => {
    expect(navFor(province).map((s) => s.heading)).toEqual(["省级工作台", "需求与服务", "专家与基地", "示范活动与揭榜挂帅", "跟踪问效与宣传", "账号与安全", "个人中心"]);
    const nav = navFor(unit);
    expect(nav.map((s) => s.heading)).toEqual(["基层单位工作台", "个人中心"]);
    expect(nav[0].items.map((i) => i.label)).toContain("点餐下单");
  });
});
