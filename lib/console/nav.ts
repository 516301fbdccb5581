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
type RolePage = NavItem & { operation: Operation; group?: string };

// Pages that exist today, each shown only to users holding the operation its page requires. A console with many
// pages groups them (`group`: a section of its own under the console's, in the order listed).
const ROLE_PAGES: Partial<Record<Role, RolePage[]>> = {
  MINISTRY_ADMIN: [
    { href: "/needs", label: "需求总览", group: "需求与服务", operation: "need.read" },
    { href: "/ministry/menu", label: "服务菜单", group: "需求与服务", operation: "menu.manage" },
    { href: "/engagements", label: "服务项目", group: "需求与服务", operation: "engagement.read" },
    { href: "/ministry/matching", label: "匹配设置", group: "需求与服务", operation: "match.settings" },
    { href: "/ministry/calendar", label: "工作日历", group: "需求与服务", operation: "calendar.manage" },
    { href: "/experts", label: "专家库", group: "专家与基地", operation: "expert.read" },
    { href: "/library", label: "重点联系专家库", group: "专家与基地", operation: "library.decide" },
    { href: "/imports", label: "批量导入", group: "专家与基地", operation: "expert.import" },
    { href: "/ministry/bases", label: "专家服务基地", group: "专家与基地", operation: "base.approveNational" },
    { href: "/ministry/plans", label: "年度计划", group: "示范活动与揭榜挂帅", operation: "plan.manage" },
    { href: "/ministry/activities", label: "示范活动评审", group: "示范活动与揭榜挂帅", operation: "activity.select" },
    { href: "/ministry/challenges", label: "揭榜挂帅", group: "示范活动与揭榜挂帅", operation: "challenge.publish" },
    { href: "/tracking", label: "跟踪问效", group: "跟踪问效与宣传", operation: "tracking.read" },
    { href: "/editorial/cases", label: "典型案例", group: "跟踪问效与宣传", operation: "case.read" },
    { href: "/ministry/announcements", label: "通知公告", group: "跟踪问效与宣传", operation: "announcement.manage" },
    { href: "/certificates", label: "服务证明", group: "跟踪问效与宣传", operation: "certificate.read" },
    { href: "/commendations", label: "表彰推荐", group: "跟踪问效与宣传", operation: "commendation.decide" },
    { href: "/ministry/questionnaires", label: "评价问卷", group: "跟踪问效与宣传", operation: "questionnaire.manage" },
    { href: "/ministry/users", label: "账号管理", group: "账号与安全", operation: "user.manage" },
    { href: "/ministry/security", label: "上传安全策略", group: "账号与安全", operation: "security.settings" },
    { href: "/ministry/audit", label: "审计日志", group: "账号与安全", operation: "audit.read" },
  ],
  PROVINCE_ADMIN: [
    { href: "/needs", label: "需求审核", group: "需求与服务", operation: "need.review" },
    { href: "/matching/batch", label: "批量分配", group: "需求与服务", operation: "match.invite" },
    { href: "/engagements", label: "服务项目", group: "需求与服务", operation: "engagement.read" },
    { href: "/experts", label: "专家管理", group: "专家与基地", operation: "expert.read" },
    { href: "/library", label: "重点联系专家库", group: "专家与基地", operation: "library.nominate" },
    { href: "/imports", label: "批量导入", group: "专家与基地", operation: "expert.import" },
    { href: "/province/bases", label: "专家服务基地", group: "专家与基地", operation: "base.review" },
    { href: "/activities/recommend", label: "示范活动推荐", group: "示范活动与揭榜挂帅", operation: "activity.recommend" },
    { href: "/province/challenges", label: "揭榜挂帅", group: "示范活动与揭榜挂帅", operation: "challenge.publish" },
    { href: "/tracking", label: "跟踪问效", group: "跟踪问效与宣传", operation: "tracking.read" },
    { href: "/editorial/cases", label: "典型案例", group: "跟踪问效与宣传", operation: "case.read" },
    { href: "/certificates", label: "服务证明", group: "跟踪问效与宣传", operation: "certificate.revoke" },
    { href: "/commendations", label: "表彰推荐", group: "跟踪问效与宣传", operation: "commendation.nominate" },
    { href: "/province/users", label: "账号管理", group: "账号与安全", operation: "user.manage" },
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

/** The side navigation: per role the user holds, its console and pages (then their groups), then the account pages. */
export function navFor(user: SessionUser): NavSection[] {
  const roles = [...new Set(user.roles.map((g) => g.role))];
  const sections: NavSection[] = roles.flatMap((role) => {
    const pages = (ROLE_PAGES[role] ?? []).filter((p) => holds(user, p.operation));
    const item = ({ href, label }: RolePage): NavItem => ({ href, label });
    const groups = [...new Set(pages.flatMap((p) => (p.group ? [p.group] : [])))];
    return [
      { heading: CONSOLE_NAME[role], items: [{ href: ROLE_HOME[role], label: "工作台首页" }, ...pages.filter((p) => !p.group).map(item)] },
      ...groups.map((heading) => ({ heading, items: pages.filter((p) => p.group === heading).map(item) })),
    ];
  });
  const account = ACCOUNT_PAGES.filter((p) => holds(user, p.operation)).map(({ href, label }) => ({ href, label }));
  if (account.length) sections.push({ heading: "个人中心", items: account });
  return sections;
}
