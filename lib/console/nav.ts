import { holds, type Operation } from "@/lib/auth/permissions";
import { ROLE_HOME, type SessionUser } from "@/lib/auth/roles";
import type { Role } from "@/lib/generated/prisma/enums";

export const CONSOLE_NAME: Record<Role, string> = {
  MINISTRY_ADMIN: "部级工作台",
  PROVINCE_ADMIN: "省级工作台",
  UNIT_USER: "基层单位工作台",
  EXPERT: "专家工作台",
  BASE_HOST: "基地工作台",
  ENTERPRISE: "企业工作台",
  DEPARTMENT_ADMIN: "部门工作台",
  SYSTEM_ADMIN: "系统管理员工作台",
  SECURITY_ADMIN: "安全管理员工作台",
  AUDIT_ADMIN: "审计管理员工作台",
};

export type NavItem = { href: string; label: string };
export type NavSection = { heading: string; items: NavItem[] };

// Pages that exist today, each shown only to users holding the operation its page requires.
const ROLE_PAGES: Partial<Record<Role, (NavItem & { operation: Operation })[]>> = {
  MINISTRY_ADMIN: [
    { href: "/needs", label: "需求总览", operation: "need.read" },
    { href: "/experts", label: "专家库", operation: "expert.read" },
    { href: "/library", label: "重点联系专家库", operation: "library.decide" },
    { href: "/ministry/menu", label: "服务菜单", operation: "menu.manage" },
    { href: "/engagements", label: "服务项目", operation: "engagement.read" },
    { href: "/ministry/activities", label: "示范活动评审", operation: "activity.select" },
    { href: "/ministry/matching", label: "匹配设置", operation: "match.settings" },
    { href: "/ministry/calendar", label: "工作日历", operation: "calendar.manage" },
    { href: "/imports", label: "批量导入", operation: "expert.import" },
    { href: "/ministry/bases", label: "专家服务基地", operation: "base.approveNational" },
    { href: "/ministry/users", label: "账号管理", operation: "user.manage" },
    { href: "/ministry/security", label: "上传安全策略", operation: "security.settings" },
    { href: "/ministry/audit", label: "审计日志", operation: "audit.read" },
    { href: "/ministry/plans", label: "年度计划", operation: "plan.manage" },
    { href: "/tracking", label: "跟踪问效", operation: "tracking.read" },
    { href: "/ministry/challenges", label: "揭榜挂帅", operation: "challenge.publish" },
    { href: "/editorial/cases", label: "典型案例", operation: "case.read" },
    { href: "/ministry/announcements", label: "通知公告", operation: "announcement.manage" },
    { href: "/certificates", label: "服务证明", operation: "certificate.read" },
    { href: "/commendations", label: "表彰推荐", operation: "commendation.decide" },
    { href: "/ministry/questionnaires", label: "评价问卷", operation: "questionnaire.manage" },
  ],
  PROVINCE_ADMIN: [
    { href: "/needs", label: "需求审核", operation: "need.review" },
    { href: "/matching/batch", label: "批量分配", operation: "match.invite" },
    { href: "/engagements", label: "服务项目", operation: "engagement.read" },
    { href: "/experts", label: "专家管理", operation: "expert.read" },
    { href: "/library", label: "重点联系专家库", operation: "library.nominate" },
    { href: "/imports", label: "批量导入", operation: "expert.import" },
    { href: "/province/bases", label: "专家服务基地", operation: "base.review" },
    { href: "/province/users", label: "账号管理", operation: "user.manage" },
    { href: "/activities/recommend", label: "示范活动推荐", operation: "activity.recommend" },
    { href: "/tracking", label: "跟踪问效", operation: "tracking.read" },
    { href: "/province/challenges", label: "揭榜挂帅", operation: "challenge.publish" },
    { href: "/editorial/cases", label: "典型案例", operation: "case.read" },
    { href: "/certificates", label: "服务证明", operation: "certificate.revoke" },
    { href: "/commendations", label: "表彰推荐", operation: "commendation.nominate" },
  ],
  UNIT_USER: [
    { href: "/needs/new", label: "点餐下单", operation: "need.create" },
    { href: "/needs", label: "我的需求", operation: "need.read" },
    { href: "/engagements", label: "服务项目", operation: "engagement.read" },
    { href: "/imports", label: "批量导入", operation: "need.import" },
    { href: "/activities", label: "示范活动申报", operation: "activity.apply" },
    { href: "/tracking", label: "服务成效", operation: "tracking.read" },
  ],
  EXPERT: [
    { href: "/expert/invitations", label: "邀请与申请", operation: "match.respond" },
    { href: "/expert/needs", label: "找需求", operation: "need.browseOpen" },
    { href: "/engagements", label: "我的服务", operation: "engagement.read" },
    { href: "/expert/reviews", label: "评审任务", operation: "activity.review" },
    { href: "/expert/profile", label: "我的档案", operation: "expert.update" },
    { href: "/expert/challenges", label: "揭榜挂帅", operation: "challenge.bid" },
    { href: "/certificates", label: "服务证明", operation: "certificate.issue" },
    { href: "/expert/feedback", label: "我收到的评价", operation: "feedback.readOwn" },
    { href: "/tracking", label: "服务成效", operation: "tracking.read" },
  ],
  BASE_HOST: [
    { href: "/base/apply", label: "申请设立基地", operation: "base.apply" },
    { href: "/activities", label: "示范活动申报", operation: "activity.apply" },
    { href: "/tracking", label: "服务成效", operation: "tracking.read" },
  ],
  ENTERPRISE: [
    { href: "/enterprise/challenges", label: "我的题目", operation: "challenge.create" },
    { href: "/enterprise/challenges/new", label: "我要出题", operation: "challenge.create" },
  ],
  DEPARTMENT_ADMIN: [
    { href: "/activities/recommend", label: "示范活动推荐", operation: "activity.recommend" },
    { href: "/activities", label: "示范活动申报", operation: "activity.apply" },
  ],
  SYSTEM_ADMIN: [{ href: "/system/users", label: "账号管理", operation: "user.manage" }],
  SECURITY_ADMIN: [{ href: "/security/admins", label: "三员角色", operation: "adminRole.manage" }],
  AUDIT_ADMIN: [{ href: "/audit", label: "审计日志", operation: "audit.read" }],
};

const ACCOUNT_PAGES: (NavItem & { operation: Operation })[] = [
  { href: "/notifications", label: "通知", operation: "notification.read" },
  { href: "/account/password", label: "修改密码", operation: "account.changePassword" },
  { href: "/account/mfa", label: "双因素认证", operation: "account.mfa" },
];

/** The side navigation: one section per role the user holds (its console and pages), then the account pages. */
export function navFor(user: SessionUser): NavSection[] {
  const roles = [...new Set(user.roles.map((g) => g.role))];
  const sections: NavSection[] = roles.map((role) => ({
    heading: CONSOLE_NAME[role],
    items: [
      { href: ROLE_HOME[role], label: "工作台首页" },
      ...(ROLE_PAGES[role] ?? []).filter((p) => holds(user, p.operation)).map(({ href, label }) => ({ href, label })),
    ],
  }));
  const account = ACCOUNT_PAGES.filter((p) => holds(user, p.operation)).map(({ href, label }) => ({ href, label }));
  if (account.length) sections.push({ heading: "个人中心", items: account });
  return sections;
}
