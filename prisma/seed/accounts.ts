import { Role } from "@/lib/generated/prisma/client";

/** Password of every demo account (and the factories' default); meets the GB/T 22239 complexity rule. */
export const DEMO_PASSWORD = "Demo@2025";

export type DemoAccount = {
  username: string;
  role: Role;
  displayName: string;
  /** What the account is for, shown on the login page's demo hint. */
  description: string;
  /** The console the account lands on. */
  home: string;
};

export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: "ministry", role: Role.MINISTRY_ADMIN, displayName: "部级管理员", home: "/ministry",
    description: "人力资源社会保障部专家服务中心：年度主题、示范活动遴选、重点联系专家库、国家级基地、典型案例" },
  { username: "sichuan", role: Role.PROVINCE_ADMIN, displayName: "四川省级管理员", home: "/province",
    description: "四川省人力资源和社会保障厅：审核本省需求、推荐示范活动、管理省级基地" },
  { username: "zhejiang", role: Role.PROVINCE_ADMIN, displayName: "浙江省级管理员", home: "/province",
    description: "浙江省人力资源和社会保障厅：东西部协作结对、推荐专家入库" },
  { username: "unit", role: Role.UNIT_USER, displayName: "杨丽", home: "/unit",
    description: "蒲江县猕猴桃专业合作社（四川成都）：点餐式发布需求、确认专家、确认服务记录、评价" },
  { username: "expert", role: Role.EXPERT, displayName: "林晓峰", home: "/expert",
    description: "浙江大学植物保护专家：查看推荐需求、接受邀请、填报服务记录、揭榜" },
  { username: "base", role: Role.BASE_HOST, displayName: "蒋志强", home: "/base",
    description: "蒲江县猕猴桃产业专家服务基地依托单位：申请设立基地、年度报告、整改答复" },
  { username: "enterprise", role: Role.ENTERPRISE, displayName: "黄建华", home: "/enterprise",
    description: "四川川椒食品科技有限公司：发布揭榜挂帅榜单、查看揭榜方案" },
  { username: "department", role: Role.DEPARTMENT_ADMIN, displayName: "农业农村部人事司", home: "/department",
    description: "农业农村部（国务院有关部门）：在本部门名额内预审、排序、推荐示范活动" },
  // 三员分立: three separate people, one role each.
  { username: "sysadmin", role: Role.SYSTEM_ADMIN, displayName: "系统管理员", home: "/system",
    description: "三员之一：账号解锁、停用与启用；不授予角色，不查询审计日志" },
  { username: "secadmin", role: Role.SECURITY_ADMIN, displayName: "安全管理员", home: "/security",
    description: "三员之一：授予和收回系统管理员、安全管理员、审计管理员角色（不能授予自己）" },
  { username: "auditor", role: Role.AUDIT_ADMIN, displayName: "审计管理员", home: "/audit",
    description: "三员之一：只查询和导出审计日志；每次查询本身也记入审计日志" },
];

export function demoAccount(username: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!account) throw new Error(`未定义的演示账号 ${username}`);
  return account;
}
